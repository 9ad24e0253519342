/**
 * `envoy play FILE --seed S`: plays a whole game headlessly with a built-in strategy, prints the outcome
 * (and with --log the turn-by-turn dialogue) and can write the replay file.
 */
import {
  buildReplay,
  describeLog,
  type GameState,
  outcomeOf,
  playGame,
  REPLAY_LIMITS,
  STRATEGIES,
  type StrategyName,
  stateHash,
} from '../../engine/index.ts';
import { boolFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, prettyJson, printJson, writeText } from '../io.ts';
import { loadScenario, reportDiagnostics } from './validate.ts';

const FLAGS = {
  seed: { type: 'string' },
  strategy: { type: 'string' },
  'strategy-seed': { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  log: { type: 'boolean' },
} as const;

function checkSeed(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`missing --${flag} (any text, e.g. --${flag} 42)`, 'play');
  if (value.length === 0) throw new UsageError(`--${flag} must not be empty`, 'play');
  if (value.length > REPLAY_LIMITS.seedLength) {
    throw new UsageError(`--${flag} is too long (at most ${REPLAY_LIMITS.seedLength} characters)`, 'play');
  }
  return value;
}

export function runPlay(argv: string[], io: Io): number {
  const args = parseCommand('play', argv, FLAGS, { name: 'scenario FILE', min: 1, max: 1 });
  const file = args.positionals[0] as string;
  const seed = checkSeed('seed', stringFlag(args, 'seed'));
  const strategyArg = stringFlag(args, 'strategy') ?? 'random';
  if (!(STRATEGIES as readonly string[]).includes(strategyArg)) {
    throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')} (got '${strategyArg}')`, 'play');
  }
  const strategy = strategyArg as StrategyName;
  const strategySeed = checkSeed('strategy-seed', stringFlag(args, 'strategy-seed') ?? `${seed}/strategy`);
  const out = stringFlag(args, 'out');
  if (out === '') throw new UsageError('--out needs a file name', 'play');
  const json = boolFlag(args, 'json');
  const withLog = boolFlag(args, 'log');

  const loaded = loadScenario(file, io.cwd);
  if (!loaded.ok) {
    if (json) printJson(io, { ok: false, kind: 'invalid-scenario', diagnostics: loaded.diagnostics });
    else reportDiagnostics(io, file, loaded);
    return 1;
  }
  if (!json) reportDiagnostics(io, file, loaded); // warnings only
  const { game } = loaded;
  const s = game.scenario;

  const { actions, states } = playGame(game, seed, strategy, strategySeed);
  const last = states[states.length - 1] as GameState;
  const outcome = outcomeOf(game, last);
  const title = outcome ? (s.outcomes.find((o) => o.id === outcome.id)?.title ?? outcome.id) : null;
  const hashes = states.map(stateHash);
  const log = withLog
    ? states.map((state, turn) => ({ turn, lines: describeLog(game, state).map((l) => l.text) }))
    : undefined;

  if (out !== undefined) {
    const replay = buildReplay(game, seed, actions, states);
    try {
      writeText(out, io.cwd, prettyJson(replay));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (json) printJson(io, { ok: false, kind: 'write-failed', message });
      else io.err(`envoy: error: ${message}`);
      return 1;
    }
  }

  if (json) {
    printJson(io, {
      ok: true,
      scenario: { id: s.id, version: s.version, hash: game.scenarioHash },
      seed,
      strategy,
      strategySeed,
      outcome: outcome ? { ...outcome, title } : null,
      turns: actions.length,
      hashes,
      ...(out !== undefined ? { replay: out } : {}),
      ...(loaded.diagnostics.length ? { warnings: loaded.diagnostics } : {}),
      ...(log ? { log } : {}),
    });
    return 0;
  }

  if (log) {
    for (const { turn, lines } of log) {
      io.out(turn === 0 ? 'Turn 0 (opening)' : `Turn ${turn}`);
      for (const line of lines) io.out(`  ${line}`);
      io.out('');
    }
  }
  io.out(`Scenario: ${s.title} [${s.id} v${s.version}, hash ${game.scenarioHash.slice(0, 12)}]`);
  io.out(`Strategy: ${strategy}, seed '${seed}', strategy seed '${strategySeed}'`);
  io.out(outcome ? `Outcome: ${title} (${outcome.tier})` : 'Outcome: none (the game did not finish)');
  if (outcome) io.out(`Historical: ${outcome.historical ? 'yes (the outcome that really happened)' : 'no'}`);
  io.out(`Turns played: ${actions.length}`);
  io.out(`Final state hash: ${hashes[hashes.length - 1]}`);
  if (out !== undefined) io.out(`Replay written to ${out} (check it with: envoy replay ${out})`);
  return 0;
}

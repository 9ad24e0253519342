/**
 * `envoy play FILE --seed S`: plays a whole game headlessly with a built-in strategy, prints the outcome
 * (and with --log the turn-by-turn dialogue) and can write the replay file. `--as`/`--seats` choose the
 * seats people hold; `--moves` plays a scripted line first (src/cli/moves.ts), then the strategies play on.
 */

import { resolve } from 'node:path';
import {
  type Action,
  buildReplay,
  decodeReplayCode,
  type Game,
  type GameState,
  outcomeOf,
  own,
  REPLAY_LIMITS,
  replay as replayGame,
  seatedActions,
  stateHash,
  tiersOf,
  verifyReplay,
} from '../../engine/index.ts';
import { describeLog, type LogLine } from '../../view/log-lines.ts';
import { boolFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, prettyJson, printJson, writeText } from '../io.ts';
import { type MoveEntry, parseMoves, unknownInEntry } from '../moves.ts';
import { autoText, chooseSeats, SEAT_FLAGS, type SeatChoice, seatRequest, seatsText } from '../seats.ts';
import { illegalText, playLine } from './play-line.ts';
import { defaultScenarioPaths } from './replay.ts';
import { readReplayInput } from './replay-input.ts';
import { loadPlayable } from './validate.ts';

const FLAGS = {
  seed: { type: 'string' },
  strategy: { type: 'string' },
  'strategy-seed': { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  log: { type: 'boolean' },
  from: { type: 'string' },
  turn: { type: 'string' },
  moves: { type: 'string' },
  ...SEAT_FLAGS,
} as const;

/** The recorded game a fork starts from: its seed and the first N actions, checked against this scenario. */
function forkPrefix(
  game: Game,
  from: string,
  turnArg: string | undefined,
  cwd: string,
): { seed: string; prefix: Action[]; recorded: string[]; seats: string[] } | { error: string } {
  const input = readReplayInput(from, undefined, cwd);
  if ('kind' in input) return { error: input.message.replace(/^.*?: error: /, `${from}: `) };
  let r: { seed: string; actions: Action[]; hashes: string[]; seats: string[] };
  if (input.type === 'code') {
    const d = decodeReplayCode(game, input.code);
    if (!d.ok) return { error: `${from}: ${d.message}` };
    r = {
      seed: d.seed,
      actions: d.actions,
      hashes: d.states.map(stateHash),
      seats: d.states[0]?.seats ?? [],
    };
  } else {
    // Verified whole (either version), then replayed: the fork keeps today's hashes of its first turns.
    const f = input.replay;
    const v = verifyReplay(game, f);
    if (!v.ok) return { error: `${from}: ${v.message}` };
    const run = replayGame(game, f.seed, f.actions, { seats: f.version === 2 ? f.seats : undefined });
    if ('error' in run) return { error: `${from}: turn ${run.turn}: ${run.error.message}` };
    r = {
      seed: f.seed,
      actions: seatedActions(f.actions, run.states),
      hashes: run.states.map(stateHash),
      seats: run.states[0]?.seats ?? [],
    };
  }
  const n = turnArg === undefined ? r.actions.length : Number(turnArg);
  if (!/^\d+$/.test(turnArg ?? '0') || !Number.isSafeInteger(n) || n > r.actions.length) {
    return {
      error: `--turn must be a whole number from 0 to ${r.actions.length} (the replay's last turn); got '${turnArg}'`,
    };
  }
  return { seed: r.seed, prefix: r.actions.slice(0, n), recorded: r.hashes.slice(0, n + 1), seats: r.seats };
}

function checkSeed(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`missing --${flag} (any text, e.g. --${flag} 42)`, 'play');
  if (value.length === 0) throw new UsageError(`--${flag} must not be empty`, 'play');
  if (value.length > REPLAY_LIMITS.seedLength) {
    throw new UsageError(`--${flag} is too long (at most ${REPLAY_LIMITS.seedLength} characters)`, 'play');
  }
  return value;
}

/** The `--moves` line read (exit 2 with the column on a syntax error). */
function lineOf(text: string | undefined): MoveEntry[] {
  if (text === undefined) return [];
  const parsed = parseMoves(text);
  if ('message' in parsed)
    throw new UsageError(`--moves: column ${parsed.column}: ${parsed.message}`, 'play');
  if (parsed.length === 0)
    throw new UsageError('--moves needs at least one move (e.g. --moves "gesture; consult")', 'play');
  return parsed;
}

/** Checks that every entry names a known seat and move, and a seat a person holds (exit 2 otherwise). */
function checkLine(game: Game, line: readonly MoveEntry[], choice: SeatChoice): void {
  for (const [i, e] of line.entries()) {
    const at = `--moves: entry ${i + 1} ('${e.text}', column ${e.column})`;
    const unknown = unknownInEntry(game, e);
    if (unknown) throw new UsageError(`${at}: ${unknown}`, 'play');
    const seat = e.seat ?? own(game.moveSeat, e.move) ?? game.playerId;
    if (!choice.seats.includes(seat)) {
      throw new UsageError(
        `${at}: nobody holds seat ${seat} in this game (it plays by its auto policy); hold it too, e.g. --seats ${game.seatIds.filter((x) => x === seat || choice.seats.includes(x)).join(',')}`,
        'play',
      );
    }
  }
}

export function runPlay(argv: string[], io: Io): number {
  const args = parseCommand('play', argv, FLAGS, { name: 'scenario FILE', min: 1, max: 1 });
  const file = args.positionals[0] as string;
  const from = stringFlag(args, 'from');
  const turnArg = stringFlag(args, 'turn');
  if (from === undefined && turnArg !== undefined)
    throw new UsageError('--turn needs --from REPLAY.json', 'play');
  if (from !== undefined && stringFlag(args, 'seed') !== undefined) {
    throw new UsageError("give --seed or --from, not both (a fork keeps the replay's seed)", 'play');
  }
  if (from === '') throw new UsageError('--from needs a replay file', 'play');
  let seed = from === undefined ? checkSeed('seed', stringFlag(args, 'seed')) : '';
  const request = seatRequest('play', args);
  const line = lineOf(stringFlag(args, 'moves'));
  const out = stringFlag(args, 'out');
  if (out === '') throw new UsageError('--out needs a file name', 'play');
  const json = boolFlag(args, 'json');
  const withLog = boolFlag(args, 'log');

  const loaded = loadPlayable(io, file, json);
  if (!loaded) return 1;
  const { game } = loaded;
  const s = game.scenario;
  let prefix: Action[] = [];
  let recorded: string[] = [];
  let forkSeats: string[] | null = null;
  if (from !== undefined) {
    const fork = forkPrefix(game, from, turnArg, io.cwd);
    if ('error' in fork) {
      if (json) printJson(io, { ok: false, kind: 'bad-fork', message: fork.error });
      else io.err(`envoy: error: ${fork.error}`);
      return 1;
    }
    ({ seed, prefix, recorded } = fork);
    forkSeats = fork.seats;
  }
  // A fork keeps the seats its replay was played with (they are part of the game's identity).
  const choice = chooseSeats(
    'play',
    game,
    forkSeats && request.seats === null ? { ...request, seats: forkSeats } : request,
  );
  if (forkSeats && choice.seats.join() !== forkSeats.join()) {
    throw new UsageError(
      `${from} was played with seats ${forkSeats.join(', ')}: a fork keeps them (name them all in --seats to choose their strategies)`,
      'play',
    );
  }
  checkLine(game, line, choice);
  const strategySeed = checkSeed('strategy-seed', stringFlag(args, 'strategy-seed') ?? `${seed}/strategy`);

  const played = playLine(game, seed, prefix, line, choice, strategySeed);
  if ('illegal' in played) {
    const x = played.illegal;
    if (json)
      printJson(io, {
        ok: false,
        kind: 'illegal-move',
        ...x,
        message: illegalText(x)[0]?.replace(/^envoy: error: /, ''),
      });
    else for (const l of illegalText(x)) io.err(l);
    return 1;
  }
  if ('error' in played) {
    const message = `${from}: turn ${played.turn} of the replay is not legal in this scenario: ${played.error.message}`;
    if (json) printJson(io, { ok: false, kind: 'bad-fork', message });
    else io.err(`envoy: error: ${message}`);
    return 1;
  }
  const { actions, states } = played;
  const mismatch = recorded.findIndex((h, i) => states[i] && stateHash(states[i] as GameState) !== h);
  if (mismatch >= 0) {
    const message = `${from}: turn ${mismatch} does not replay to its recorded hash (run envoy replay ${from} to see what differs)`;
    if (json) printJson(io, { ok: false, kind: 'bad-fork', message });
    else io.err(`envoy: error: ${message}`);
    return 1;
  }
  const last = states[states.length - 1] as GameState;
  const outcome = outcomeOf(game, last, choice.played);
  const tiers = tiersOf(game, last);
  const title = outcome ? (s.outcomes.find((o) => o.id === outcome.id)?.title ?? outcome.id) : null;
  const hashes = states.map(stateHash);
  const log = withLog
    ? states.map((state, turn) => ({
        turn,
        lines: describeLog(game, state, choice.played).map((l) => l.text),
      }))
    : undefined;
  const scripted =
    line.length > 0
      ? { entries: line.length, from: prefix.length + 1, to: prefix.length + played.scripted }
      : null;

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
      strategy: own(choice.strategies, choice.played),
      strategySeed,
      seats: choice.seats,
      strategies: choice.strategies,
      seat: choice.played,
      ...(from !== undefined ? { from, forkTurn: prefix.length } : {}),
      ...(scripted ? { moves: { ...scripted, actions: actions.slice(scripted.from - 1, scripted.to) } } : {}),
      outcome: outcome ? { ...outcome, title } : null,
      tiers,
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
  if (from !== undefined)
    io.out(`Forked from ${from} at turn ${prefix.length} (its first ${prefix.length + 1} hashes kept)`);
  const others = autoText(game, choice);
  io.out(`Seats: ${seatsText(choice)}${others ? `; ${others}` : ''}`);
  io.out(
    `Strategy: ${own(choice.strategies, choice.played)}, seed '${seed}', strategy seed '${strategySeed}'`,
  );
  if (scripted) {
    const rest =
      last.over && actions.length === scripted.to
        ? 'the game ended on the line'
        : `then the strategies played on to turn ${actions.length}`;
    const n = scripted.entries;
    const turns = n === 1 ? `turn ${scripted.from}` : `turns ${scripted.from}–${scripted.to}`;
    io.out(`Line: ${n} move${n === 1 ? '' : 's'} played (${turns}); ${rest}`);
  }
  io.out(outcome ? `Outcome: ${title} (${outcome.tier})` : 'Outcome: none (the game did not finish)');
  // The tier above is the first held seat's; name it, and every other held seat's, when it is not just the player's.
  if (outcome && (choice.seats.length > 1 || choice.played !== game.playerId))
    io.out(`Tiers: ${choice.seats.map((x) => `${x} ${own(tiers, x) ?? '?'}`).join(', ')}`);
  if (outcome) io.out(`Historical: ${outcome.historical ? 'yes (the outcome that really happened)' : 'no'}`);
  io.out(`Turns played: ${actions.length}`);
  io.out(`Final state hash: ${hashes[hashes.length - 1]}`);
  if (out !== undefined) {
    // `envoy replay` finds scenarios/ID.yaml by itself; any other file must be named.
    const found = defaultScenarioPaths(s.id, io.cwd).some((p) => resolve(io.cwd, file) === p);
    const scenarioFlag = found ? '' : ` --scenario ${file}`;
    io.out(`Replay written to ${out} (check it with: npx envoy replay ${out}${scenarioFlag})`);
  }
  return 0;
}

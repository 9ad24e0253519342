/**
 * `envoy replay FILE.json` (or a code: `--code CODE`, or a file holding one): re-runs a game against its
 * scenario and checks every recorded hash (a code records the final one). On a mismatch it names the turn
 * and, from a replay file's checkpoints, what differs in words.
 */
import { relative, resolve } from 'node:path';
import {
  type ActionInput,
  type AnyReplayFile,
  buildReplay,
  type Difference,
  decodeReplayCode,
  ENGINE_VERSION,
  encodeReplayCode,
  type Game,
  replay as replayGame,
  type Verification,
  verifyReplay,
} from '../../engine/index.ts';
import { boolFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, isFile, PACKAGE_ROOT, prettyJson, printJson, writeText } from '../io.ts';
import { type ReplayInput, readReplayInput } from './replay-input.ts';
import { loadScenario, reportDiagnostics } from './validate.ts';

export { MAX_REPLAY_BYTES } from './replay-input.ts';

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Where `envoy replay` looks for a scenario when --scenario is not given: the cwd, then the package. */
export function defaultScenarioPaths(id: string, cwd: string): string[] {
  if (!SAFE_ID.test(id)) return [];
  return [resolve(cwd, 'scenarios', `${id}.yaml`), resolve(PACKAGE_ROOT, 'scenarios', `${id}.yaml`)];
}

/** A checkpoint path in words: `positions.valley` → `valley position`, `meters.valley.trust` → `valley trust meter`. */
export function describePath(path: string): string {
  const [head, a, b] = path.split('.');
  switch (head) {
    case 'positions':
      return a ? `${a} position` : 'positions';
    case 'meters':
      return a ? (b ? `${a} ${b} meter` : `${a} meters`) : 'meters';
    case 'table':
      return a ? `table ${a}` : 'table';
    case 'agreements':
      return a ? (b ? `${a} agreement on ${b}` : `${a} agreement`) : 'agreements';
    case 'flags':
      return a ? `flag ${a}` : 'flags';
    case 'vote':
      return a ? `vote ${a}` : 'vote';
    case 'step':
      return 'move within the round';
    default:
      return path;
  }
}

/** A checkpoint value in words: absent, none, text as is, anything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (v === null) return 'none';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `  valley trust meter: recorded 2, recomputed 1`. */
export function describeDifference(d: Difference): string {
  return `${describePath(d.path)}: recorded ${showValue(d.recorded)}, recomputed ${showValue(d.recomputed)}`;
}

const HIDDEN_DIFFERENCE =
  'the recorded summary matches, so the difference is in a part of the state the summary does not show (the random generator state or the turn log)';

/**
 * A recorded action with its seat: version-1 replays name none (they had one seat, the player's), so the
 * player's seat is shown for them.
 */
export function seatedAction(game: Game, a: ActionInput): ActionInput & { seat: string } {
  return { seat: a.seat ?? game.playerId, move: a.move, params: a.params };
}

/** `valley: counter issue=schedule option=dry-season`, as `--moves` spells it. */
export function describeAction(game: Game, a: ActionInput | undefined): string {
  if (!a) return '?';
  const params = Object.entries(a.params ?? {}).map(([k, v]) => `${k}=${v}`);
  return `${a.seat ?? game.playerId}: ${[a.move, ...params].join(' ')}`;
}

/** The seats people held in a replay (a version-1 replay: the player's seat alone). */
export function heldIn(game: Game, r: AnyReplayFile): string[] {
  return r.version === 2 ? [...r.seats] : [game.playerId];
}

type Fail = (kind: string, message: string, extra?: object) => number;

/** Prints a refusal to replay against another scenario (stdout) and what to do about it (stderr). */
function refuse(
  io: Io,
  game: Game,
  message: string,
  scenarioFile: string,
  want: { id: string; version: number },
) {
  const s = game.scenario;
  const changed = s.id === want.id && s.version === want.version;
  io.out(`REFUSED: ${message} from ${scenarioFile}`);
  io.err(
    changed
      ? `hint: ${scenarioFile} has the same id and version but different content: it changed since the replay was recorded; pass --scenario with the file the replay was recorded with`
      : `hint: pass --scenario with the file of scenario ${want.id} v${want.version}`,
  );
}

/** Decodes a code against its game into a full replay file, or reports why it does not replay. */
function replayOfCode(
  io: Io,
  json: boolean,
  fail: Fail,
  game: Game,
  input: Extract<ReplayInput, { type: 'code' }>,
  scenarioFile: string,
): AnyReplayFile | number {
  const d = decodeReplayCode(game, input.code);
  if (d.ok) return buildReplay(game, d.seed, d.actions, d.states);
  const turn = d.turn ?? 0;
  const why = d.message.replace(/^turn \d+: /, '');
  if (json) {
    if (d.kind === 'scenario-mismatch') return fail(d.kind, d.message);
    if (d.kind === 'bad-index') return fail('illegal-action', d.message, { turn });
    if (d.kind === 'hash-mismatch') return fail('divergence', d.message, { turn, differences: [] });
    return fail('invalid-code', `${input.label}: error: ${d.message}`);
  }
  if (d.kind === 'scenario-mismatch') refuse(io, game, d.message, scenarioFile, input.parsed.scenario);
  else if (d.kind === 'bad-index') io.out(`ILLEGAL ACTION at turn ${turn}: ${why}`);
  else if (d.kind === 'hash-mismatch') io.out(`DIVERGED at turn ${turn} (the end of the code): ${why}`);
  else return fail('invalid-code', `${input.label}: error: ${d.message}`);
  return 1;
}

/** The replay rebuilt from its seed and actions (what `--out` writes), once it has verified. */
function rebuilt(game: Game, replay: AnyReplayFile): AnyReplayFile {
  const run = replayGame(game, replay.seed, replay.actions);
  return 'states' in run ? buildReplay(game, replay.seed, replay.actions, run.states) : replay;
}

/** Runs `envoy replay`: exit 0 when the game verifies, 1 when it does not or cannot be read. */
export function runReplay(argv: string[], io: Io): number {
  const flags = {
    scenario: { type: 'string' },
    code: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  } as const;
  const args = parseCommand('replay', argv, flags, { name: 'FILE', min: 0, max: 1 });
  const file = args.positionals[0];
  const code = stringFlag(args, 'code');
  const out = stringFlag(args, 'out');
  if (file === undefined && code === undefined) {
    throw new UsageError(
      'missing FILE (a replay file, or a file holding a replay code) or --code CODE',
      'replay',
    );
  }
  if (file !== undefined && code !== undefined)
    throw new UsageError('give FILE or --code, not both', 'replay');
  if (code === '') throw new UsageError('--code needs a replay code (envoy1-…)', 'replay');
  if (out === '') throw new UsageError('--out needs a file name', 'replay');
  const json = boolFlag(args, 'json');
  const fail: Fail = (kind, message, extra = {}) => {
    if (json) printJson(io, { ok: false, kind, message: message.replace(/^envoy: error: /, ''), ...extra });
    else io.err(message);
    return 1;
  };

  const input = readReplayInput(file, code, io.cwd);
  if ('kind' in input) return fail(input.kind, input.message);
  const { id, version } = input.type === 'file' ? input.replay.scenario : input.parsed.scenario;
  const source = input.label === '--code' ? 'the code' : input.label;

  let scenarioFile = stringFlag(args, 'scenario');
  if (scenarioFile === undefined) {
    const candidates = defaultScenarioPaths(id, io.cwd);
    const found = candidates.find((p) => isFile(p, io.cwd));
    scenarioFile = found && !relative(io.cwd, found).startsWith('..') ? relative(io.cwd, found) : found;
    if (scenarioFile === undefined) {
      const looked = candidates.length ? `; looked for ${[...new Set(candidates)].join(' and ')}` : '';
      return fail(
        'scenario-not-found',
        `envoy: error: cannot find scenario '${id}' v${version} that ${source} was recorded with${looked} (hint: pass --scenario FILE)`,
      );
    }
  }
  const loaded = loadScenario(scenarioFile, io.cwd);
  if (!loaded.ok) {
    if (json)
      return fail('invalid-scenario', `${scenarioFile}: the scenario has errors`, {
        diagnostics: loaded.diagnostics,
      });
    reportDiagnostics(io, scenarioFile, loaded);
    return 1;
  }
  const { game } = loaded;
  let replay: AnyReplayFile;
  if (input.type === 'code') {
    const built = replayOfCode(io, json, fail, game, input, scenarioFile);
    if (typeof built === 'number') return built;
    replay = built;
  } else {
    replay = input.replay;
    if (!json && replay.engine !== ENGINE_VERSION) {
      io.err(`note: ${file} was recorded by engine ${replay.engine}; this is engine ${ENGINE_VERSION}`);
    }
  }

  const v: Verification = verifyReplay(game, replay);
  if (!v.ok && v.kind === 'outcome-mismatch')
    return fail('outcome-mismatch', `${file}: error: ${v.message}`, { outcome: v.outcome });
  if (v.ok && out !== undefined) {
    try {
      writeText(out, io.cwd, prettyJson(input.type === 'code' ? replay : rebuilt(game, replay)));
    } catch (e) {
      return fail('write-failed', `envoy: error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (json) {
    if (v.ok) {
      const encoded = encodeReplayCode(game, replay.seed, replay.actions);
      const extra = {
        ...(encoded.ok ? { code: encoded.code } : {}),
        ...(out !== undefined ? { replay: out } : {}),
      };
      printJson(io, { ...v, seats: heldIn(game, replay), ...extra });
    } else {
      // The action at the failing turn, with its seat (a divergence at turn 0 has none).
      const at = 'turn' in v ? replay.actions[v.turn - 1] : undefined;
      const action = at ? { action: seatedAction(game, at) } : {};
      if (v.kind !== 'divergence') printJson(io, { ...v, ...action });
      else {
        const differences = v.differences.map((d) => ({ ...d, text: describeDifference(d) }));
        const message = differences.length ? v.message : `${v.message}: ${HIDDEN_DIFFERENCE}`;
        printJson(io, { ...v, message, ...action, differences });
      }
    }
    return v.ok ? 0 : 1;
  }
  if (v.ok) {
    const outcome = v.outcome ? `outcome ${v.outcome.id} (${v.outcome.tier})` : 'the game did not finish';
    const final = replay.hashes[replay.hashes.length - 1]?.slice(0, 16);
    io.out(
      input.type === 'code'
        ? `OK: ${v.turns} turns replayed from the code, final state hash ${final}… matches; ${outcome}`
        : `OK: ${v.turns} turns, all ${v.turns + 1} hashes match; ${outcome}`,
    );
    io.out(`Seats held: ${heldIn(game, replay).join(', ')}`);
    // Other wording of the same rules, or a version-1 file: verified, worth a word, still exit 0.
    if (v.note) io.out(`Note: ${v.note}`);
    if (out !== undefined) io.out(`Replay written to ${out}`);
    return 0;
  }
  if (v.kind === 'scenario-mismatch') refuse(io, game, v.message, scenarioFile, { id, version });
  else if (v.kind === 'illegal-action') {
    io.out(
      `ILLEGAL ACTION at turn ${v.turn} (${describeAction(game, replay.actions[v.turn - 1])}): ${v.message}`,
    );
  } else if (v.kind === 'checkpoint-mismatch') {
    io.out(`EDITED at turn ${v.turn}: ${v.message}`);
    for (const d of v.differences) io.out(`  ${describeDifference(d)}`);
  } else {
    const after =
      v.turn === 0
        ? 'the initial state'
        : `after action ${v.turn}: ${describeAction(game, replay.actions[v.turn - 1])}`;
    io.out(`DIVERGED at turn ${v.turn} (${after})`);
    if (v.differences.length === 0) io.out(`  ${HIDDEN_DIFFERENCE}`);
    for (const d of v.differences) io.out(`  ${describeDifference(d)}`);
  }
  return 1;
}

/**
 * `envoy replay FILE.json`: re-runs a replay file against its scenario and checks every recorded hash.
 * On a mismatch it names the turn and, from the checkpoints, what differs in words.
 */
import { relative, resolve } from 'node:path';
import {
  type Action,
  type Difference,
  ENGINE_VERSION,
  type ReplayFile,
  readReplay,
  type Verification,
  verifyReplay,
} from '../../engine/index.ts';
import { boolFlag, parseCommand, stringFlag } from '../args.ts';
import { type Io, isFile, PACKAGE_ROOT, printJson, readBytes } from '../io.ts';
import { loadScenario, reportDiagnostics } from './validate.ts';

/** Replay files larger than this are refused before reading (real ones are a few hundred KiB at most). */
export const MAX_REPLAY_BYTES = 5 * 1024 * 1024;

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

function showValue(v: unknown): string {
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

function isOutcome(o: unknown): o is { id: unknown; tier: unknown; historical: unknown } {
  return typeof o === 'object' && o !== null;
}

/** Whether the outcome written in the file is the one the game really ends in. */
function sameOutcome(recorded: unknown, recomputed: unknown): boolean {
  const key = (o: unknown) =>
    isOutcome(o) ? JSON.stringify([o.id, o.tier, o.historical]) : JSON.stringify(o ?? null);
  return key(recorded) === key(recomputed);
}

function describeAction(a: Action | undefined): string {
  if (!a) return '?';
  const params = Object.entries(a.params).map(([k, v]) => `${k}=${v}`);
  return [a.move, ...params].join(' ');
}

/** Reads and shape-checks a replay file; returns the file or a one-line problem. */
function readReplayFile(
  file: string,
  cwd: string,
): { replay: ReplayFile } | { kind: string; message: string } {
  const read = readBytes(file, cwd, MAX_REPLAY_BYTES);
  if ('problem' in read)
    return {
      kind: 'unreadable',
      message: `${file}: error: ${read.problem}${read.hint ? ` (hint: ${read.hint})` : ''}`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { kind: 'invalid-json', message: `${file}: error: not a replay file: the file is not UTF-8 text` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const at = /(?: in JSON)? at position (\d+)/.exec(raw);
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      where = `:${line}:${before.length - before.lastIndexOf('\n')}`;
    }
    const why = (at ? raw.replace(at[0], '') : raw).slice(0, 200);
    return { kind: 'invalid-json', message: `${file}${where}: error: not valid JSON: ${why}` };
  }
  const r = readReplay(data);
  if ('error' in r) return { kind: 'invalid-replay', message: `${file}: error: ${r.error}` };
  return r;
}

export function runReplay(argv: string[], io: Io): number {
  const flags = { scenario: { type: 'string' }, json: { type: 'boolean' } } as const;
  const args = parseCommand('replay', argv, flags, {
    name: 'replay FILE (a .json file written by envoy play --out)',
    min: 1,
    max: 1,
  });
  const file = args.positionals[0] as string;
  const json = boolFlag(args, 'json');
  const fail = (kind: string, message: string, extra: object = {}): number => {
    if (json) printJson(io, { ok: false, kind, message: message.replace(/^envoy: error: /, ''), ...extra });
    else io.err(message);
    return 1;
  };

  const read = readReplayFile(file, io.cwd);
  if ('kind' in read) return fail(read.kind, read.message);
  const { replay } = read;
  const { id, version } = replay.scenario;

  let scenarioFile = stringFlag(args, 'scenario');
  if (scenarioFile === undefined) {
    const candidates = defaultScenarioPaths(id, io.cwd);
    const found = candidates.find((p) => isFile(p, io.cwd));
    scenarioFile = found && !relative(io.cwd, found).startsWith('..') ? relative(io.cwd, found) : found;
    if (scenarioFile === undefined) {
      const looked = candidates.length ? `; looked for ${[...new Set(candidates)].join(' and ')}` : '';
      return fail(
        'scenario-not-found',
        `envoy: error: cannot find scenario '${id}' v${version} that ${file} was recorded with${looked} (hint: pass --scenario FILE)`,
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
  if (!json && replay.engine !== ENGINE_VERSION) {
    io.err(`note: ${file} was recorded by engine ${replay.engine}; this is engine ${ENGINE_VERSION}`);
  }

  const v: Verification = verifyReplay(loaded.game, replay);
  if (v.ok && !sameOutcome(replay.outcome, v.outcome)) {
    const show = (o: unknown) => (isOutcome(o) ? `${o.id} (${o.tier})` : JSON.stringify(o ?? null));
    const message = `${file}: error: all hashes match, but the file's "outcome" says ${show(replay.outcome)} while the game ends in ${show(v.outcome)}`;
    return fail('outcome-mismatch', message, { outcome: v.outcome });
  }
  if (json) {
    if (v.ok || v.kind !== 'divergence') printJson(io, v);
    else {
      const differences = v.differences.map((d) => ({ ...d, text: describeDifference(d) }));
      const message = differences.length ? v.message : `${v.message}: ${HIDDEN_DIFFERENCE}`;
      printJson(io, { ...v, message, differences });
    }
    return v.ok ? 0 : 1;
  }
  if (v.ok) {
    const outcome = v.outcome ? `outcome ${v.outcome.id} (${v.outcome.tier})` : 'the game did not finish';
    io.out(`OK: ${v.turns} turns, all ${v.turns + 1} hashes match; ${outcome}`);
    return 0;
  }
  if (v.kind === 'scenario-mismatch') {
    const s = loaded.game.scenario;
    const changed = s.id === id && s.version === version;
    io.out(`REFUSED: ${v.message} from ${scenarioFile}`);
    io.err(
      changed
        ? `hint: ${scenarioFile} has the same id and version but different content: it changed since the replay was recorded; pass --scenario with the file the replay was recorded with`
        : `hint: pass --scenario with the file of scenario ${id} v${version}`,
    );
  } else if (v.kind === 'illegal-action') {
    io.out(`ILLEGAL ACTION at turn ${v.turn} (${describeAction(replay.actions[v.turn - 1])}): ${v.message}`);
  } else {
    const after =
      v.turn === 0
        ? 'the initial state'
        : `after action ${v.turn}: ${describeAction(replay.actions[v.turn - 1])}`;
    io.out(`DIVERGED at turn ${v.turn} (${after})`);
    if (v.differences.length === 0) io.out(`  ${HIDDEN_DIFFERENCE}`);
    for (const d of v.differences) io.out(`  ${describeDifference(d)}`);
  }
  return 1;
}

/**
 * `envoy diff A.json B.json`: two replays of the same scenario, compared turn by turn. Prints the first turn
 * where their states differ, the moves that led there, and what differs (which party, which meter or
 * position, A's value and B's), from the replays' own checkpoints after both have been verified.
 */
import { relative } from 'node:path';
import {
  type ActionInput,
  type AnyReplayFile,
  buildReplay,
  type Difference,
  decodeReplayCode,
  diffValues,
  type Game,
  verifyReplay,
} from '../../engine/index.ts';
import { boolFlag, parseCommand, stringFlag } from '../args.ts';
import { type Io, isFile, printJson } from '../io.ts';
import {
  defaultScenarioPaths,
  describeAction,
  describePath,
  heldIn,
  seatedAction,
  showValue,
} from './replay.ts';
import { type ReplayInput, readReplayInput } from './replay-input.ts';
import { loadPlayable } from './validate.ts';

/** `valley trust meter: A 2, B 1`. */
export function describeAB(d: Difference): string {
  return `${describePath(d.path)}: A ${showValue(d.recorded)}, B ${showValue(d.recomputed)}`;
}

function actionText(game: Game, a: ActionInput | undefined): string {
  return a ? describeAction(game, a) : '(no move: the game had ended)';
}

/** The full replay of an input, verified against the game, and what verifying it noted; or why not. */
function verified(game: Game, input: ReplayInput): { replay: AnyReplayFile; note: string | null } | string {
  if (input.type === 'code') {
    const d = decodeReplayCode(game, input.code);
    return d.ok
      ? { replay: buildReplay(game, d.seed, d.actions, d.states), note: null }
      : `${input.label}: ${d.message}`;
  }
  const v = verifyReplay(game, input.replay);
  return v.ok
    ? { replay: input.replay, note: v.note }
    : `${input.label} does not verify: ${v.message} (run envoy replay ${input.label})`;
}

/** Where the two games part, or null when they are the same game. */
export function firstDifference(a: AnyReplayFile, b: AnyReplayFile): number | null {
  const n = Math.max(a.hashes.length, b.hashes.length);
  for (let i = 0; i < n; i++) if (a.hashes[i] !== b.hashes[i]) return i;
  return null;
}

export function runDiff(argv: string[], io: Io): number {
  const flags = { scenario: { type: 'string' }, json: { type: 'boolean' } } as const;
  const args = parseCommand('diff', argv, flags, { name: 'A.json B.json', min: 2, max: 2 });
  const json = boolFlag(args, 'json');
  const fail = (kind: string, message: string, located = false) => {
    if (json) printJson(io, { ok: false, kind, message });
    else io.err(located ? message : `envoy: error: ${message}`);
    return 1;
  };
  const inputs: ReplayInput[] = [];
  for (const file of args.positionals) {
    const input = readReplayInput(file, undefined, io.cwd);
    // Its message already names the file (`FILE: error: …`).
    if ('kind' in input) return fail(input.kind, input.message, true);
    inputs.push(input);
  }
  const [ia, ib] = inputs as [ReplayInput, ReplayInput];
  const scen = (i: ReplayInput) => (i.type === 'file' ? i.replay.scenario : i.parsed.scenario);
  if (scen(ia).id !== scen(ib).id) {
    return fail(
      'different-scenarios',
      `A is a game of '${scen(ia).id}' and B of '${scen(ib).id}': only games of the same scenario can be compared`,
    );
  }
  let scenarioFile = stringFlag(args, 'scenario');
  if (scenarioFile === undefined) {
    const found = defaultScenarioPaths(scen(ia).id, io.cwd).find((p) => isFile(p, io.cwd));
    if (found === undefined)
      return fail('scenario-not-found', `cannot find scenario '${scen(ia).id}' (hint: pass --scenario FILE)`);
    scenarioFile = relative(io.cwd, found).startsWith('..') ? found : relative(io.cwd, found);
  }
  const loaded = loadPlayable(io, scenarioFile, json);
  if (!loaded) return 1;
  const va = verified(loaded.game, ia);
  if (typeof va === 'string') return fail('unverified', `A: ${va}`);
  const vb = verified(loaded.game, ib);
  if (typeof vb === 'string') return fail('unverified', `B: ${vb}`);
  const { replay: a } = va;
  const { replay: b } = vb;
  const turn = firstDifference(a, b);
  const game = loaded.game;
  const seats = { a: heldIn(game, a), b: heldIn(game, b) };
  const notes = { a: va.note, b: vb.note };
  if (!json) {
    if (notes.a) io.out(`Note: A: ${notes.a}`);
    if (notes.b) io.out(`Note: B: ${notes.b}`);
  }
  if (turn === null) {
    if (json) printJson(io, { ok: true, same: true, turns: a.actions.length, seats: seats.a, notes });
    else {
      io.out(`SAME: both replays are the same game (${a.actions.length} turns, seed '${a.seed}')`);
      io.out(`  seats held: ${seats.a.join(', ')}`);
    }
    return 0;
  }
  const differences = diffValues(a.checkpoints[turn], b.checkpoints[turn]);
  const seeds = a.seed === b.seed ? null : { a: a.seed, b: b.seed };
  const move = (r: AnyReplayFile) => {
    const x = r.actions[turn - 1];
    return x ? seatedAction(game, x) : null;
  };
  const moves = turn > 0 ? { a: move(a), b: move(b) } : null;
  if (json) {
    printJson(io, {
      ok: true,
      same: false,
      turn,
      seeds,
      seats,
      moves,
      differences,
      outcomes: { a: a.outcome, b: b.outcome },
      notes,
    });
    return 0;
  }
  io.out(`DIFFER from turn ${turn}${turn > 0 ? ` (turns 0–${turn - 1} are identical)` : ''}`);
  if (seeds) io.out(`  the seeds differ: A '${seeds.a}', B '${seeds.b}'`);
  if (seats.a.join() !== seats.b.join())
    io.out(`  the seats held differ: A ${seats.a.join(', ')}, B ${seats.b.join(', ')}`);
  else io.out(`  seats held: ${seats.a.join(', ')}`);
  if (moves) {
    io.out(`  A's move ${turn}: ${actionText(game, moves.a ?? undefined)}`);
    io.out(`  B's move ${turn}: ${actionText(game, moves.b ?? undefined)}`);
  }
  if (differences.length === 0)
    io.out('  the checkpoints match; the states differ in the random generator or the turn log');
  for (const d of differences) io.out(`  ${describeAB(d)}`);
  const oc = (r: AnyReplayFile) => (r.outcome ? `${r.outcome.id} (${r.outcome.tier})` : 'unfinished');
  io.out(`  outcomes: A ${oc(a)}, B ${oc(b)}`);
  return 0;
}

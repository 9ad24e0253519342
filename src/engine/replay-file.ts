/**
 * The replay file (format "envoy-replay", version 1): what the CLI writes and verifies and the browser
 * downloads. Files come from elsewhere, so reading checks every field before anything is replayed.
 */

import { canonicalJson, stateHash } from '../core/hash.ts';
import { MAX_JSON_DEPTH, tooDeepPath } from '../core/json-depth.ts';
import { applyAction, createGame } from './apply-action.ts';
import { type Checkpoint, checkpointOf, type Difference, diffValues } from './checkpoint.ts';
import type { Game } from './game.ts';
import { outcomeOf } from './replay.ts';
import type { Action, GameState, OutcomeResult } from './types.ts';
import { ENGINE_VERSION } from './version.ts';

/** Version 1 of the replay file. `hashes[i]` is the state after action i; `hashes[0]` the initial state. */
export interface ReplayFile {
  format: 'envoy-replay';
  version: 1;
  engine: string;
  scenario: { id: string; version: number; hash: string };
  seed: string;
  actions: Action[];
  hashes: string[];
  checkpoints: Checkpoint[];
  outcome: OutcomeResult | null;
}

/** Caps that keep a hostile file from using unbounded time. */
export const REPLAY_LIMITS = { actions: 10_000, seedLength: 200 } as const;

/** Builds the replay file of a played game from its states (initial first). */
export function buildReplay(game: Game, seed: string, actions: Action[], states: GameState[]): ReplayFile {
  const s = game.scenario;
  return {
    format: 'envoy-replay',
    version: 1,
    engine: ENGINE_VERSION,
    scenario: { id: s.id, version: s.version, hash: game.scenarioHash },
    seed,
    actions: actions.map((a) => ({ move: a.move, params: { ...a.params } })),
    hashes: states.map(stateHash),
    checkpoints: states.map(checkpointOf),
    outcome: outcomeOf(game, states[states.length - 1] as GameState),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const HEX64 = /^[0-9a-f]{64}$/;

/** Checks the shape of an untrusted replay; returns a message naming the first problem. */
export function readReplay(data: unknown): { replay: ReplayFile } | { error: string } {
  if (!isObj(data)) return { error: 'not a replay file: expected a JSON object' };
  // Before any walk of it: nothing below may recurse into untrusted depth.
  const deep = tooDeepPath(data);
  if (deep !== null)
    return { error: `not a replay file: ${deep} is nested more than ${MAX_JSON_DEPTH} levels deep` };
  if (data.format !== 'envoy-replay') return { error: 'not a replay file: "format" must be "envoy-replay"' };
  if (data.version !== 1) {
    return {
      error: `replay file version ${JSON.stringify(data.version)} is not supported; this engine (${ENGINE_VERSION}) reads version 1`,
    };
  }
  const sc = data.scenario;
  if (
    !isObj(sc) ||
    typeof sc.id !== 'string' ||
    typeof sc.version !== 'number' ||
    typeof sc.hash !== 'string'
  ) {
    return { error: '"scenario" must be { id, version, hash }' };
  }
  if (
    typeof data.seed !== 'string' ||
    data.seed.length === 0 ||
    data.seed.length > REPLAY_LIMITS.seedLength
  ) {
    return { error: `"seed" must be a non-empty string of at most ${REPLAY_LIMITS.seedLength} characters` };
  }
  const { actions, hashes, checkpoints } = data;
  if (!Array.isArray(actions) || actions.length > REPLAY_LIMITS.actions) {
    return { error: `"actions" must be an array of at most ${REPLAY_LIMITS.actions} actions` };
  }
  for (const [i, a] of actions.entries()) {
    if (
      !isObj(a) ||
      typeof a.move !== 'string' ||
      !isObj(a.params) ||
      !Object.values(a.params).every((v) => typeof v === 'string')
    ) {
      return { error: `action ${i + 1} must be { "move": string, "params": { name: string } }` };
    }
  }
  if (
    !Array.isArray(hashes) ||
    hashes.length !== actions.length + 1 ||
    !hashes.every((h) => typeof h === 'string' && HEX64.test(h))
  ) {
    return {
      error: `"hashes" must hold ${actions.length + 1} SHA-256 hex strings (one per action plus the initial state)`,
    };
  }
  if (!Array.isArray(checkpoints) || checkpoints.length !== hashes.length || !checkpoints.every(isObj)) {
    return { error: `"checkpoints" must hold ${hashes.length} objects, one per hash` };
  }
  return { replay: data as unknown as ReplayFile };
}

/** What verifying a replay found. */
export type Verification =
  | { ok: true; turns: number; outcome: OutcomeResult | null }
  | { ok: false; kind: 'scenario-mismatch'; message: string }
  | { ok: false; kind: 'illegal-action'; turn: number; message: string }
  | { ok: false; kind: 'divergence'; turn: number; message: string; differences: Difference[] }
  | { ok: false; kind: 'checkpoint-mismatch'; turn: number; message: string; differences: Difference[] }
  | { ok: false; kind: 'outcome-mismatch'; message: string; outcome: OutcomeResult | null };

/** An outcome as `id (tier)`, for messages; anything else as JSON. */
function showOutcome(o: unknown): string {
  if (typeof o === 'object' && o !== null && 'id' in o && 'tier' in o)
    return `${String(o.id)} (${String(o.tier)})`;
  return JSON.stringify(o ?? null);
}

/** Whether a file's `outcome` is the one the game ends in (its id, tier and historical flag). */
function sameOutcome(recorded: unknown, recomputed: OutcomeResult | null): boolean {
  if (recomputed === null) return recorded === null || recorded === undefined;
  if (typeof recorded !== 'object' || recorded === null) return false;
  const r = recorded as Record<string, unknown>;
  return r.id === recomputed.id && r.tier === recomputed.tier && r.historical === recomputed.historical;
}

/** Re-runs a replay and compares every hash; on the first mismatch, says what differs. */
export function verifyReplay(game: Game, file: ReplayFile): Verification {
  const s = game.scenario;
  if (
    file.scenario.id !== s.id ||
    file.scenario.version !== s.version ||
    file.scenario.hash !== game.scenarioHash
  ) {
    return {
      ok: false,
      kind: 'scenario-mismatch',
      message: `this replay is of scenario ${file.scenario.id} v${file.scenario.version} (${file.scenario.hash.slice(0, 12)}…), not ${s.id} v${s.version} (${game.scenarioHash.slice(0, 12)}…)`,
    };
  }
  // Turn by turn, so the FIRST difference is reported: a state that diverged early is named as such even
  // when a later recorded action is then illegal in the recomputed game.
  let state: GameState = createGame(game, file.seed);
  for (let i = 0; ; i++) {
    if (stateHash(state) !== file.hashes[i]) {
      const differences = diffValues(file.checkpoints[i], checkpointOf(state));
      return {
        ok: false,
        kind: 'divergence',
        turn: i,
        message: `turn ${i}: the recomputed state differs from the recorded one`,
        differences,
      };
    }
    // The hashes match; the summary the file keeps of this state must too, or `diff` would read a forgery.
    const summary = checkpointOf(state);
    if (canonicalJson(file.checkpoints[i] ?? null) !== canonicalJson(summary)) {
      return {
        ok: false,
        kind: 'checkpoint-mismatch',
        turn: i,
        message: `turn ${i}: the state hash matches, but the file's checkpoint of it does not (the file was edited)`,
        differences: diffValues(file.checkpoints[i], summary),
      };
    }
    if (i === file.actions.length) break;
    const next = applyAction(game, state, file.actions[i] as Action);
    if ('error' in next)
      return { ok: false, kind: 'illegal-action', turn: i + 1, message: next.error.message };
    state = next.state;
  }
  const outcome = outcomeOf(game, state);
  if (!sameOutcome(file.outcome, outcome)) {
    return {
      ok: false,
      kind: 'outcome-mismatch',
      message: `all hashes match, but the file's "outcome" says ${showOutcome(file.outcome)} while the game ends in ${showOutcome(outcome)}`,
      outcome,
    };
  }
  return { ok: true, turns: file.actions.length, outcome };
}

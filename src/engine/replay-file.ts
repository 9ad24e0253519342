/**
 * The replay file (format "envoy-replay", version 2): what the CLI writes and verifies and the browser
 * downloads. Files come from elsewhere, so reading checks every field before anything is replayed.
 *
 * Version 2 names the seats people held and each action's seat, and identifies the scenario by its rules
 * hash (its wording has a hash of its own: a replay made with other words still verifies, with a note).
 * Version 1 (one seat, a hash of the whole file) is still read: matched by the legacy scenario hash and
 * checked through its actions, per-turn version-1 hashes, checkpoints and outcome (see legacy.ts).
 */

import { canonicalJson, stateHash } from '../core/hash.ts';
import { MAX_JSON_DEPTH, tooDeepPath } from '../core/json-depth.ts';
import { applyAction, createGame, heldSeats } from './apply-action.ts';
import { type Checkpoint, checkpointOf, type Difference, diffValues } from './checkpoint.ts';
import type { Game } from './game.ts';
import { legacyCheckpoint, legacyStateHash } from './legacy.ts';
import { outcomeOf } from './replay.ts';
import type { Action, ActionInput, GameState, OutcomeResult } from './types.ts';
import { ENGINE_VERSION } from './version.ts';

/** Version 2 of the replay file. `hashes[i]` is the state after action i; `hashes[0]` the initial state. */
export interface ReplayFile {
  format: 'envoy-replay';
  version: 2;
  engine: string;
  /** `hash`: the rules hash (the game's identity); `text`: the hash of the wording it was played with. */
  scenario: { id: string; version: number; hash: string; text: string };
  /** The seats people held, in seat order. */
  seats: string[];
  seed: string;
  actions: Action[];
  hashes: string[];
  checkpoints: Checkpoint[];
  /** The outcome for the first held seat. */
  outcome: OutcomeResult | null;
}

/** Any replay file this engine reads. */
export type AnyReplayFile = ReplayFile | ReplayFileV1;

/** A version-1 replay file: one seat, the legacy scenario hash, actions without a seat. */
export interface ReplayFileV1 {
  format: 'envoy-replay';
  version: 1;
  engine: string;
  scenario: { id: string; version: number; hash: string };
  seed: string;
  actions: Omit<Action, 'seat'>[];
  hashes: string[];
  checkpoints: Checkpoint[];
  outcome: OutcomeResult | null;
}

/** Caps that keep a hostile file from using unbounded time. */
export const REPLAY_LIMITS = { actions: 10_000, seedLength: 200, seats: 100 } as const;

/** Builds the replay file of a played game from its states (initial first). */
export function buildReplay(
  game: Game,
  seed: string,
  actions: readonly ActionInput[],
  states: GameState[],
): ReplayFile {
  const s = game.scenario;
  return {
    format: 'envoy-replay',
    version: 2,
    engine: ENGINE_VERSION,
    scenario: { id: s.id, version: s.version, hash: game.scenarioHash, text: game.textHash },
    seats: [...(states[0] as GameState).seats],
    seed,
    // Each action's seat: the seat that was to move (the engine refused any other).
    actions: actions.map((a, i) => ({
      seat: a.seat ?? ((states[i] as GameState).mover as string),
      move: a.move,
      params: { ...a.params },
    })),
    hashes: states.map(stateHash),
    checkpoints: states.map(checkpointOf),
    outcome: outcomeOf(game, states[states.length - 1] as GameState),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const HEX64 = /^[0-9a-f]{64}$/;

/** Checks the shape of an untrusted replay; returns a message naming the first problem. */
export function readReplay(data: unknown): { replay: ReplayFile | ReplayFileV1 } | { error: string } {
  if (!isObj(data)) return { error: 'not a replay file: expected a JSON object' };
  // Before any walk of it: nothing below may recurse into untrusted depth.
  const deep = tooDeepPath(data);
  if (deep !== null)
    return { error: `not a replay file: ${deep} is nested more than ${MAX_JSON_DEPTH} levels deep` };
  if (data.format !== 'envoy-replay') return { error: 'not a replay file: "format" must be "envoy-replay"' };
  if (data.version !== 1 && data.version !== 2) {
    return {
      error: `replay file version ${JSON.stringify(data.version)} is not supported; this engine (${ENGINE_VERSION}) reads versions 1 and 2`,
    };
  }
  const v2 = data.version === 2;
  const sc = data.scenario;
  if (
    !isObj(sc) ||
    typeof sc.id !== 'string' ||
    typeof sc.version !== 'number' ||
    typeof sc.hash !== 'string' ||
    (v2 && typeof sc.text !== 'string')
  ) {
    return {
      error: v2
        ? '"scenario" must be { id, version, hash, text }'
        : '"scenario" must be { id, version, hash }',
    };
  }
  if (
    v2 &&
    (!Array.isArray(data.seats) ||
      data.seats.length === 0 ||
      data.seats.length > REPLAY_LIMITS.seats ||
      !data.seats.every((x) => typeof x === 'string'))
  ) {
    return { error: `"seats" must list the 1 to ${REPLAY_LIMITS.seats} seats people held` };
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
    if (v2 && (!isObj(a) || typeof a.seat !== 'string'))
      return { error: `action ${i + 1} must name its "seat"` };
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
  return { replay: data as unknown as ReplayFile | ReplayFileV1 };
}

/** What verifying a replay found. */
export type Verification =
  | {
      ok: true;
      turns: number;
      outcome: OutcomeResult | null;
      /** Set when the replay verified but deserves a word: other wording, or a version-1 file. */
      note: string | null;
    }
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

/** How a file's version hashes and summarises a state. */
interface Reading {
  hash: (s: GameState) => string;
  checkpoint: (s: GameState) => unknown;
}
const V2: Reading = { hash: stateHash, checkpoint: checkpointOf };
const V1: Reading = { hash: legacyStateHash, checkpoint: legacyCheckpoint };

/** Re-runs a replay and compares every hash; on the first mismatch, says what differs. */
export function verifyReplay(game: Game, file: ReplayFile | ReplayFileV1): Verification {
  const s = game.scenario;
  const v1 = file.version === 1;
  const identity = v1 ? game.legacyHash : game.scenarioHash;
  if (file.scenario.id !== s.id || file.scenario.version !== s.version || file.scenario.hash !== identity) {
    const why = v1
      ? 'this is a version-1 replay, which can only be checked against the exact scenario file it was played with (its rules and its wording); open it with that file, or play the line again to make a version-2 replay'
      : `this replay is of scenario ${file.scenario.id} v${file.scenario.version} (rules ${file.scenario.hash.slice(0, 12)}…), not ${s.id} v${s.version} (rules ${game.scenarioHash.slice(0, 12)}…): the rules differ`;
    return {
      ok: false,
      kind: 'scenario-mismatch',
      message: v1
        ? `${why} (recorded ${file.scenario.id} v${file.scenario.version} ${file.scenario.hash.slice(0, 12)}…, this file ${s.id} v${s.version} ${game.legacyHash.slice(0, 12)}…)`
        : why,
    };
  }
  const seats = v1 ? [game.playerId] : file.seats;
  const held = heldSeats(game, seats);
  if (typeof held === 'string' || held.join() !== seats.join()) {
    return {
      ok: false,
      kind: 'illegal-action',
      turn: 0,
      message: `the replay's "seats": ${typeof held === 'string' ? held : 'they must be listed in seat order'}`,
    };
  }
  const reading = v1 ? V1 : V2;
  // Turn by turn, so the FIRST difference is reported: a state that diverged early is named as such even
  // when a later recorded action is then illegal in the recomputed game.
  let state: GameState = createGame(game, file.seed, { seats: held });
  for (let i = 0; ; i++) {
    if (reading.hash(state) !== file.hashes[i]) {
      const differences = diffValues(file.checkpoints[i], reading.checkpoint(state));
      return {
        ok: false,
        kind: 'divergence',
        turn: i,
        message: `turn ${i}: the recomputed state differs from the recorded one`,
        differences,
      };
    }
    // The hashes match; the summary the file keeps of this state must too, or `diff` would read a forgery.
    const summary = reading.checkpoint(state);
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
    const next = applyAction(game, state, file.actions[i] as ActionInput);
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
  let note: string | null = null;
  if (v1) note = 'a version-1 replay (one seat), checked through its version-1 hashes';
  else if (file.scenario.text !== game.textHash)
    note = `played with other wording of the same rules (text ${file.scenario.text.slice(0, 12)}…, this file ${game.textHash.slice(0, 12)}…)`;
  return { ok: true, turns: file.actions.length, outcome, note };
}

/**
 * Replay codes: a whole game as one line of text (`envoy2-…`) that a student can paste into a message
 * and a tester can verify, in the browser or with `envoy replay --code`. Each action is stored as its
 * index in that turn's `availableActions` menu, so a code is a few bytes per turn; decoding therefore
 * needs the game and replays it, and a final state-hash prefix proves the result is the recorded game.
 *
 * Payload (base64url, no padding): id (varint length + UTF-8), scenario version (varint), 6 bytes of the
 * scenario's rules hash, [version 2: the held seats, a varint count then each seat as varint length +
 * UTF-8], seed (varint length + UTF-8), action count (varint), one varint index per action (in the menu of
 * the seat to move), 8 bytes of the final state hash, then 2 bytes of SHA-256 of everything before them (a
 * checksum). Varints are LEB128 of at most 8 bytes, each number spelt one way: every safe integer fits.
 *
 * `envoy1-` codes (one seat, no seat list, the legacy scenario hash and version-1 state hashes) are still
 * read and checked through the version-1 projection of the state (legacy.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stateHash } from '../core/hash.ts';
import { own } from '../core/own.ts';
import { availableActions } from './actions.ts';
import { applyAction, createGame, type GameOptions, heldSeats } from './apply-action.ts';
import { ByteReader, fromBase64Url, toBase64Url, writeVarint } from './code-bytes.ts';
import type { Game } from './game.ts';
import { legacyStateHash } from './legacy.ts';
import { replay } from './replay.ts';
import { REPLAY_LIMITS } from './replay-file.ts';
import type { Action, ActionInput, GameState } from './types.ts';

/** Every code starts with this; the digit is the code format's version, so old codes stay recognisable. */
export const REPLAY_CODE_PREFIX = 'envoy2-';
/** The prefix of version-1 codes (one seat), still read. */
export const REPLAY_CODE_PREFIX_V1 = 'envoy1-';

/** Caps that keep a hostile code from using unbounded time or memory. */
export const REPLAY_CODE_LIMITS = { characters: 64 * 1024, actions: REPLAY_LIMITS.actions } as const;

const SCENARIO_HASH_BYTES = 6;
const FINAL_HASH_BYTES = 8;
const CHECK_BYTES = 2;

/** What a code says without replaying it: enough to find its scenario before decoding the moves. */
export interface ReplayCodeContents {
  /** 2, or 1 for an `envoy1-` code. */
  codeVersion: 1 | 2;
  scenario: { id: string; version: number; hashPrefix: string };
  /** The seats people held (empty in a version-1 code: the player's seat). */
  seats: string[];
  seed: string;
  /** Per turn, the index of the action taken in that turn's `availableActions`. */
  indexes: number[];
  /** The first 16 hex digits of the final state's hash. */
  finalHashPrefix: string;
}

/** Why a code was refused, so a person can be told what to do (copy it again, pick another scenario…). */
export type ReplayCodeErrorKind =
  | 'bad-prefix'
  | 'bad-characters'
  | 'too-long'
  | 'truncated'
  | 'damaged'
  | 'scenario-mismatch'
  | 'bad-index'
  | 'hash-mismatch'
  | 'invalid-game';

/** A refused code (or a game that cannot be encoded); `turn` is set when one turn is to blame. */
export interface ReplayCodeError {
  ok: false;
  kind: ReplayCodeErrorKind;
  message: string;
  turn?: number;
}

/** A code decoded without a game: its header and indexes, not yet checked against any scenario. */
export type ParsedReplayCode = { ok: true; actions: null; states: null } & ReplayCodeContents;

/** A code decoded and replayed against its game: the actions and every state (initial first). */
export type DecodedReplayCode = { ok: true; actions: Action[]; states: GameState[] } & ReplayCodeContents;

const fail = (kind: ReplayCodeErrorKind, message: string, turn?: number): ReplayCodeError =>
  turn === undefined ? { ok: false, kind, message } : { ok: false, kind, message, turn };

const utf8 = new TextEncoder();

function sameAction(a: Action, b: ActionInput): boolean {
  if (a.move !== b.move || (b.seat !== undefined && b.seat !== a.seat)) return false;
  const ka = Object.keys(a.params);
  return ka.length === Object.keys(b.params).length && ka.every((k) => own(a.params, k) === own(b.params, k));
}

function pushString(out: number[], text: string): void {
  const bytes = utf8.encode(text);
  writeVarint(out, bytes.length);
  out.push(...bytes);
}

function pushHex(out: number[], hex: string, bytes: number): void {
  for (let i = 0; i < bytes; i++) out.push(Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/**
 * Encodes a game as a replay code. The actions are replayed to index them, so an illegal one is refused
 * (as a value, like every engine error) with the turn it is at.
 */
export function encodeReplayCode(
  game: Game,
  seed: string,
  actions: readonly ActionInput[],
  options: GameOptions = {},
): { ok: true; code: string } | ReplayCodeError {
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > REPLAY_LIMITS.seedLength) {
    return fail('invalid-game', `the seed must be 1 to ${REPLAY_LIMITS.seedLength} characters`);
  }
  if (actions.length > REPLAY_CODE_LIMITS.actions) {
    return fail('invalid-game', `a code holds at most ${REPLAY_CODE_LIMITS.actions} actions`);
  }
  const run = replay(game, seed, actions, options);
  if ('error' in run) return fail('invalid-game', `action ${run.turn}: ${run.error.message}`, run.turn);
  const out: number[] = [];
  const s = game.scenario;
  pushString(out, s.id);
  writeVarint(out, s.version);
  pushHex(out, game.scenarioHash, SCENARIO_HASH_BYTES);
  const seats = (run.states[0] as GameState).seats;
  writeVarint(out, seats.length);
  for (const seat of seats) pushString(out, seat);
  pushString(out, seed);
  writeVarint(out, actions.length);
  for (let i = 0; i < actions.length; i++) {
    const menu = availableActions(game, run.states[i] as GameState);
    const index = menu.findIndex((a) => sameAction(a, actions[i] as Action));
    if (index < 0) return fail('invalid-game', `action ${i + 1} is not in that turn's menu`, i + 1);
    writeVarint(out, index);
  }
  pushHex(out, stateHash(run.states[run.states.length - 1]), FINAL_HASH_BYTES);
  out.push(...sha256(Uint8Array.from(out)).subarray(0, CHECK_BYTES));
  return { ok: true, code: REPLAY_CODE_PREFIX + toBase64Url(Uint8Array.from(out)) };
}

/**
 * The code with every space and invisible character removed. Line breaks and spaces creep in when a code is
 * pasted from a mail or a chat, and so do characters that show as nothing (Unicode's format characters:
 * zero-width spaces and joiners U+200B–U+200D, word joiner U+2060, byte-order mark U+FEFF, soft hyphen,
 * direction marks and overrides): no code holds any of them, so they never matter.
 */
function withoutInvisibles(code: string): string {
  return code.replace(/[\s\p{Cf}]+/gu, '');
}

const DAMAGED = 'the code is damaged or incomplete (copy it again, in full)';
const CUT = 'the code is incomplete: it was cut off (copy it again, in full)';

/** A character by its code point (`U+00E9 "é"`), shown only when it is printable ASCII. */
function namedCharacter(text: string, at: number): string {
  const cp = text.codePointAt(at) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp >= 0x21 && cp <= 0x7e ? `${hex} "${String.fromCodePoint(cp)}"` : hex;
}

/** Checks the text of a code and reads its fields; no game is needed, nothing is replayed. */
export function readReplayCode(code: string): ParsedReplayCode | ReplayCodeError {
  if (typeof code !== 'string') return fail('bad-prefix', 'a replay code must be text');
  const text = withoutInvisibles(code);
  if (text.length > REPLAY_CODE_LIMITS.characters) {
    const limit = REPLAY_CODE_LIMITS.characters;
    return fail('too-long', `the code is too long (${text.length} characters; the limit is ${limit})`);
  }
  const codeVersion = text.startsWith(REPLAY_CODE_PREFIX)
    ? 2
    : text.startsWith(REPLAY_CODE_PREFIX_V1)
      ? 1
      : 0;
  if (codeVersion === 0) {
    const other = /^envoy(\d+)-/.exec(text);
    return fail(
      'bad-prefix',
      other
        ? `replay code version ${other[1]} is not supported; this engine reads ${REPLAY_CODE_PREFIX} and ${REPLAY_CODE_PREFIX_V1} codes`
        : `not a replay code: a code starts with "${REPLAY_CODE_PREFIX}"`,
    );
  }
  const prefixLength = REPLAY_CODE_PREFIX.length;
  const decoded = fromBase64Url(text.slice(prefixLength));
  if ('bad' in decoded) {
    const at = prefixLength + decoded.bad;
    return fail(
      'bad-characters',
      `the code holds a character no code has: ${namedCharacter(text, at)} at position ${at + 1}`,
    );
  }
  if ('truncated' in decoded) return fail('truncated', CUT);
  if ('noncanonical' in decoded) return fail('damaged', DAMAGED);
  const r = new ByteReader(decoded.bytes);
  const id = r.string();
  const version = r.varint();
  const hashPrefix = r.hex(SCENARIO_HASH_BYTES);
  const seats: string[] = [];
  let seatsOk = true;
  if (codeVersion === 2) {
    const n = r.varint() ?? 0;
    if (n < 1 || n > REPLAY_LIMITS.seats) seatsOk = false;
    else
      for (let i = 0; i < n && !r.ended && !r.invalid; i++) {
        const seat = r.string();
        if (seat === null) seatsOk = false;
        else seats.push(seat);
      }
  }
  const seed = r.string();
  const count = r.varint() ?? 0;
  if (count > REPLAY_CODE_LIMITS.actions) return fail('damaged', DAMAGED);
  const indexes: number[] = [];
  while (indexes.length < count && !r.ended && !r.invalid) indexes.push(r.varint() ?? -1);
  const finalHashPrefix = r.hex(FINAL_HASH_BYTES);
  const checked = r.offset;
  const check = r.hex(CHECK_BYTES);
  if (r.ended) return fail('truncated', CUT);
  if (r.offset !== decoded.bytes.length) return fail('damaged', `${DAMAGED}: it has extra data at the end`);
  const expected = bytesToHex(sha256(decoded.bytes.subarray(0, checked)).subarray(0, CHECK_BYTES));
  if (
    r.invalid ||
    check !== expected ||
    id === null ||
    version === null ||
    hashPrefix === null ||
    seed === null ||
    finalHashPrefix === null ||
    !seatsOk
  ) {
    return fail('damaged', DAMAGED);
  }
  if (seed.length === 0 || seed.length > REPLAY_LIMITS.seedLength) return fail('damaged', DAMAGED);
  return {
    ok: true,
    actions: null,
    states: null,
    codeVersion,
    scenario: { id, version, hashPrefix },
    seats,
    seed,
    indexes,
    finalHashPrefix,
  };
}

/** Decodes a code: without a game, only its header and indexes; with one, replays and verifies it. */
export function decodeReplayCode(game: Game, code: string): DecodedReplayCode | ReplayCodeError;
export function decodeReplayCode(game: null, code: string): ParsedReplayCode | ReplayCodeError;
export function decodeReplayCode(
  game: Game | null,
  code: string,
): DecodedReplayCode | ParsedReplayCode | ReplayCodeError;
export function decodeReplayCode(
  game: Game | null,
  code: string,
): DecodedReplayCode | ParsedReplayCode | ReplayCodeError {
  const parsed = readReplayCode(code);
  if (!parsed.ok || game === null) return parsed;
  const s = game.scenario;
  const c = parsed.scenario;
  const v1 = parsed.codeVersion === 1;
  const identity = v1 ? game.legacyHash : game.scenarioHash;
  if (c.id !== s.id || c.version !== s.version || !identity.startsWith(c.hashPrefix)) {
    return fail(
      'scenario-mismatch',
      v1
        ? `this is a version-1 code (${REPLAY_CODE_PREFIX_V1}), which only replays against the exact scenario file it was made with (${c.id} v${c.version}, ${c.hashPrefix}…; this file is ${s.id} v${s.version}, ${game.legacyHash.slice(0, 12)}…)`
        : `this code is of scenario ${c.id} v${c.version} (rules ${c.hashPrefix}…), not ${s.id} v${s.version} (rules ${game.scenarioHash.slice(0, 12)}…)`,
    );
  }
  const held = heldSeats(game, v1 ? undefined : parsed.seats);
  if (typeof held === 'string') return fail('damaged', `the code's seats cannot be held: ${held}`);
  const states: GameState[] = [createGame(game, parsed.seed, { seats: held })];
  const actions: Action[] = [];
  for (const [i, index] of parsed.indexes.entries()) {
    const state = states[i] as GameState;
    const menu = availableActions(game, state);
    const action = menu[index];
    if (action === undefined) {
      const why = state.over ? 'the game was already over' : `only ${menu.length} moves were available`;
      return fail('bad-index', `turn ${i + 1}: move number ${index} is out of range (${why})`, i + 1);
    }
    const next = applyAction(game, state, action);
    if ('error' in next) return fail('bad-index', `turn ${i + 1}: ${next.error.message}`, i + 1);
    actions.push(action);
    states.push(next.state);
  }
  const last = states[states.length - 1] as GameState;
  const final = v1 ? legacyStateHash(last) : stateHash(last);
  if (!final.startsWith(parsed.finalHashPrefix)) {
    return fail(
      'hash-mismatch',
      `the replayed game ends in state ${final.slice(0, 16)}…, not ${parsed.finalHashPrefix}… as the code says (another engine or scenario version?)`,
      actions.length,
    );
  }
  return { ...parsed, actions, states };
}

/**
 * A turn in progress. The engine computes a turn on a plain working copy of the state and hands the
 * result to immer once at the end: immer still produces (and freezes) every next state with structural
 * sharing, but rules read plain objects instead of draft proxies (each proxy read costs a proxy and a
 * finalisation callback, which made immer the largest cost of a turn).
 *
 * Copy-on-write: the working root is a fresh shallow copy whose sub-objects are still the input state's
 * (possibly frozen, never mutated); a helper copies a sub-object the first time it is written. Copies
 * keep key order, and new keys are inserted in order, so states keep canonical key order.
 */
import { produce } from 'immer';
import type { GameState, PartyState } from './types.ts';

/** The working state of one turn and which of its objects this turn owns (may mutate). */
export interface Turn {
  /** The state as the turn has made it so far; read it like any GameState, write only via helpers. */
  readonly s: GameState;
  readonly base: GameState;
  readonly owned: Set<object>;
}

/**
 * Starts a turn from a state: a working copy with an empty log (the log holds the latest turn only), or,
 * for a move a seat nobody holds makes within the same turn, with the log so far.
 */
export function beginTurn(base: GameState, continued = false): Turn {
  return { s: { ...base, log: continued ? [...base.log] : [] }, base, owned: new Set() };
}

/** A writable copy of a record this turn does not own yet (the same object once it does). */
function own<T extends object>(t: Turn, obj: T): T {
  if (t.owned.has(obj)) return obj;
  const copy = { ...obj };
  t.owned.add(copy);
  return copy;
}

/** A party's record, writable; undefined for an unknown party. */
export function writableParty(t: Turn, party: string): PartyState | undefined {
  if (!Object.hasOwn(t.s.parties, party)) return undefined;
  const parties = own(t, t.s.parties);
  t.s.parties = parties;
  const p = own(t, parties[party] as PartyState);
  parties[party] = p;
  return p;
}

/** Replaces a party's record with a new one (built with its keys in canonical order). */
export function writeParty(t: Turn, party: string, record: PartyState): void {
  if (!Object.hasOwn(t.s.parties, party)) return;
  const parties = own(t, t.s.parties);
  t.s.parties = parties;
  t.owned.add(record);
  parties[party] = record;
}

/** The id-keyed maps of the state that the rules write by key. */
type KeyedMap = 'flags' | 'used' | 'table';

/**
 * Sets a key of one of the state's id-keyed maps, keeping keys in canonical order: a new key rebuilds
 * the (small) map sorted, so hashing keeps its fast path.
 */
export function setKey<K extends KeyedMap>(t: Turn, map: K, key: string, value: GameState[K][string]): void {
  const current = t.s[map] as Record<string, GameState[K][string]>;
  if (Object.hasOwn(current, key)) {
    if (current[key] === value) return;
    const copy = own(t, current);
    copy[key] = value;
    (t.s[map] as Record<string, GameState[K][string]>) = copy;
    return;
  }
  const next: Record<string, GameState[K][string]> = {};
  for (const k of [...Object.keys(current), key].sort())
    next[k] = k === key ? value : (current[k] as GameState[K][string]);
  t.owned.add(next);
  (t.s[map] as Record<string, GameState[K][string]>) = next;
}

/**
 * Freezes what the turn built, stopping at frozen objects (those it shares with a frozen input state;
 * like immer's auto-freeze, it also freezes unfrozen objects shared with an input read from JSON).
 * immer would deep-freeze the same objects when it finalises; doing it here, where they are known to
 * be plain data, spares immer its generic per-object checks.
 */
function freezeNew(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[])
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeNew(item);
  } else {
    const rec = value as Record<string, unknown>;
    for (const key in rec) {
      const item = rec[key];
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeNew(item);
    }
  }
}

/** The keys commitTurn names. Adding a key to GameState fails type-checking until it is listed here. */
type CommittedKey = Exclude<keyof GameState, 'format' | 'seed' | 'seats'>;
const _COMMITTED_KEYS_LISTED: Record<CommittedKey, true> = {
  flags: true,
  log: true,
  mover: true,
  outcome: true,
  over: true,
  parties: true,
  rng: true,
  round: true,
  step: true,
  strategy: true,
  table: true,
  turn: true,
  used: true,
  vote: true,
};

/** freezeNew for a value the turn may have replaced (primitives and frozen objects are left alone). */
function freezeIfNew(value: unknown): void {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeNew(value);
}

/**
 * Ends the turn: immer produces the next state from the input state by assigning the top-level values
 * the turn changed, shares everything else, and freezes the result. Every key a turn can change is
 * named (all but `format`, `seed` and `seats`): named reads and writes stay fast where a loop over keys does not.
 */
export function commitTurn(t: Turn): GameState {
  const { s, base } = t;
  freezeIfNew(s.flags);
  freezeIfNew(s.log);
  freezeIfNew(s.parties);
  freezeIfNew(s.rng);
  freezeIfNew(s.strategy);
  freezeIfNew(s.table);
  freezeIfNew(s.used);
  freezeIfNew(s.vote);
  return produce(base, (d) => {
    if (s.flags !== base.flags) d.flags = s.flags;
    if (s.log !== base.log) d.log = s.log;
    if (s.mover !== base.mover) d.mover = s.mover;
    if (s.outcome !== base.outcome) d.outcome = s.outcome;
    if (s.over !== base.over) d.over = s.over;
    if (s.parties !== base.parties) d.parties = s.parties;
    if (s.rng !== base.rng) d.rng = s.rng;
    if (s.round !== base.round) d.round = s.round;
    if (s.step !== base.step) d.step = s.step;
    if (s.strategy !== base.strategy) d.strategy = s.strategy;
    if (s.table !== base.table) d.table = s.table;
    if (s.turn !== base.turn) d.turn = s.turn;
    if (s.used !== base.used) d.used = s.used;
    if (s.vote !== base.vote) d.vote = s.vote;
  });
}

/**
 * How parties react: judging a package against their preferences, and stepping their XState position
 * machines with the pure transition(), then applying the effects the machine reports.
 */

import { own } from '../core/own.ts';
import type { Effects, Preferences } from '../scenario/schema.ts';
import type { CondContext, OfferView } from './conditions.ts';
import type { Game, PartyEvent } from './game.ts';
import type { Step } from './machine.ts';
import { addToMeters, metersOf, updateContext } from './party-state.ts';
import type { Rng } from './rng.ts';
import { setKey, type Turn, writableParty, writeParty } from './turn.ts';
import type { GameState, LogEntry, PartyState, StoredPosition } from './types.ts';

/** A party's value (0–1) for a package, by its weights; 0 for a party without preferences. */
export function utilityOf(game: Game, party: string, terms: Record<string, string>): number {
  const prefs = own(game.scenario.parties, party)?.prefers;
  if (!prefs) return 0;
  let total = 0;
  let sum = 0;
  for (const issue in prefs.weights) {
    const w = own(prefs.weights, issue) ?? 0;
    const option = own(terms, issue);
    total += w;
    if (option !== undefined) sum += w * (own(own(prefs.values, issue), option) ?? 0);
  }
  return total > 0 ? sum / total : 0;
}

/**
 * A party's effective reservation: its `reservation`, lowered by `flex` per point of each meter (the value
 * `meter` gives), clamped to [0, 1]. The engine's judgement and the zone-of-agreement lint share it.
 */
export function effectiveReservation(prefs: Preferences, meter: (id: string) => number): number {
  let reservation = prefs.reservation;
  for (const m in prefs.flex ?? {}) reservation -= (own(prefs.flex, m) ?? 0) * meter(m);
  return reservation < 0 ? 0 : Math.min(reservation, 1);
}

/** How a party judges the package on the table now: red line, too little, or acceptable. */
export function judgeOffer(game: Game, state: GameState, party: string): OfferView {
  const prefs = own(game.scenario.parties, party)?.prefers;
  if (!prefs) return { verdict: 'reject', utility: 0, margin: -1, redLine: null };
  const utility = utilityOf(game, party, state.table);
  const meters = metersOf(state, party);
  const margin = utility - effectiveReservation(prefs, (m) => own(meters, m) ?? 0);
  const line = prefs.redLines?.find((r) => own(state.table, r.issue) === r.option);
  if (line) return { verdict: 'red-line', utility, margin, redLine: line.issue };
  return { verdict: margin >= 0 ? 'accept' : 'reject', utility, margin, redLine: null };
}

/** A copy of a flat record with its keys in canonical (sorted) order. */
export function sortedCopy<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record);
  // Usually sorted already (or tiny): skip the generic sort, which costs more than the copy.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  const out: Record<string, T> = {};
  for (const k of keys) out[k] = record[k] as T;
  return out;
}

/**
 * Applies effects from the world to the turn's state; `self` is the party `meters` and `agree` refer to.
 * A machine's own transitions do their `meters` and `agree` in the machine (its `own` action): the engine
 * then applies only the rest (`worldOnly`).
 */
export function applyEffects(
  game: Game,
  t: Turn,
  effects: Effects | undefined,
  self: string | null,
  worldOnly = false,
): void {
  if (!effects) return;
  if (effects.meters && self && !worldOnly) addMeters(game, t, self, effects.meters);
  if (effects.parties) for (const p in effects.parties) addMeters(game, t, p, own(effects.parties, p) ?? {});
  if (effects.flags) for (const f in effects.flags) setKey(t, 'flags', f, own(effects.flags, f) === true);
  if (effects.agree && self && !worldOnly) agree(game, t, self);
  if (effects.end) t.s.over = true;
}

/**
 * Adds meter deltas to one party, clamped: through its machine's context update when it has a machine,
 * on its record otherwise. An unchanged party record stays shared.
 */
export function addMeters(game: Game, t: Turn, party: string, deltas: Record<string, number>): void {
  const p = own(t.s.parties, party);
  if (!p) return;
  if (p.position) {
    const context = updateContext(game.scenario.meters, p.position.context, deltas, null);
    if (context !== p.position.context) setPosition(t, party, { context, value: p.position.value });
    return;
  }
  const meters = addToMeters(game.scenario.meters, p.meters ?? {}, deltas);
  if (meters !== p.meters) (writableParty(t, party) as PartyState).meters = meters as Record<string, number>;
}

/** A party agrees to the package on the table. */
function agree(game: Game, t: Turn, party: string): void {
  const p = own(t.s.parties, party);
  if (!p) return;
  if (p.position) {
    const context = updateContext(game.scenario.meters, p.position.context, undefined, t.s.table);
    setPosition(t, party, { context, value: p.position.value });
    return;
  }
  writeParty(t, party, { agreed: { ...t.s.table }, meters: p.meters ?? {}, position: null });
}

/** Replaces a party's stored machine snapshot. */
function setPosition(t: Turn, party: string, position: StoredPosition): void {
  writeParty(t, party, { position });
}

/** Whether a party can still respond: it has a machine and is not in a final position. */
export function isActive(game: Game, state: GameState, party: string): boolean {
  const pos = own(state.parties, party)?.position;
  if (!pos) return false;
  return own(game.machines, party)?.isFinal(pos.value) !== true;
}

/** Whether a person holds this party's seat: then its machine answers only its own moves and the clock. */
export function isHeld(state: Pick<GameState, 'seats'>, party: string): boolean {
  return state.seats.includes(party);
}

/**
 * Delivers one event to one party: draws its roll, judges the offer if there is one, steps its
 * machine with transition(), applies the effects of the transition taken and logs the response.
 * `by` is the seat whose move sent the event, or null for the clock and scripted events. A party held by a
 * person is never moved by another seat's move: only its own moves and the clock reach its machine.
 */
export function deliver(
  game: Game,
  t: Turn,
  party: string,
  type: string,
  rng: Rng,
  params: Record<string, string> | null,
  by: string | null,
): void {
  if (by !== null && by !== party && isHeld(t.s, party)) return;
  const compiled = own(game.machines, party);
  // A machine that handles this event in none of its states never hears it (offers are always judged,
  // so the student sees every party's verdict). This check reads no state, so it costs nothing.
  const judged = game.judged.has(type);
  if (!compiled || (!judged && !compiled.handled.has(type))) return;
  const state = t.s;
  const position = own(state.parties, party)?.position;
  if (!position || !isActive(game, state, party)) return;
  const roll = rng.next();
  const offer = judged ? judgeOffer(game, state, party) : null;
  const ctx: CondContext = { game, state, party, roll, params, offer };
  const from = position.value;
  const event: PartyEvent = { type, ctx };
  // A state with no handler for this event cannot move: skip the machine (same result, less work).
  const { position: next, refs } = compiled.mayHandle(from, type)
    ? compiled.step(position, event)
    : quiet(position);
  if (next !== position) setPosition(t, party, next);
  // The machine did the transitions' own effects (its `own` action); the world's are the engine's.
  let agreed = false;
  for (const ref of refs) {
    const effects = compiled.transitionOf(ref)?.effects;
    if (effects?.agree) agreed = true;
    applyEffects(game, t, effects, party, true);
  }
  const ref = refs[0];
  const to = next.value;
  if (!ref && type === 'round.ended') return; // quiet rounds stay out of the log
  // Keys in canonical order (hashing fast path); optional keys only when they apply. Built key by key
  // rather than with conditional spreads, which cost more than the rest of a quiet delivery.
  const entry: Record<string, unknown> = {};
  if (agreed) entry.agreed = true;
  if (ref && ref.state !== from) entry.at = ref.state;
  entry.event = type;
  entry.from = from;
  if (offer?.redLine) entry.issue = offer.redLine;
  entry.kind = 'response';
  entry.party = party;
  entry.to = to;
  if (offer) entry.verdict = offer.verdict;
  entry.via = ref ? ref.index : null;
  state.log.push(entry as LogEntry);
}

/** A step that takes no transition. */
function quiet(position: StoredPosition): Step {
  return { position, refs: [] };
}

/** Delivers an event to each listed party in order (rolls are drawn in that order). */
export function deliverAll(
  game: Game,
  t: Turn,
  parties: readonly string[],
  type: string,
  rng: Rng,
  params: Record<string, string> | null,
  by: string | null,
): void {
  for (const p of parties) deliver(game, t, p, type, rng, params, by);
}

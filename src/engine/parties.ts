/**
 * How parties react: judging a package against their preferences, and stepping their XState position
 * machines with the pure transition(), then applying the effects the machine reports.
 */

import { own } from '../core/own.ts';
import type { Effects, Preferences } from '../scenario/schema.ts';
import type { CondContext, OfferView } from './conditions.ts';
import { type Game, type PartyEvent, transitionAt } from './game.ts';
import type { Rng } from './rng.ts';
import { setKey, type Turn, writableMeters, writableParty } from './turn.ts';
import type { GameState, LogEntry, PartyState } from './types.ts';

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
  const meters = own(state.parties, party)?.meters;
  const margin = utility - effectiveReservation(prefs, (m) => own(meters, m) ?? 0);
  const line = prefs.redLines?.find((r) => own(state.table, r.issue) === r.option);
  if (line) return { verdict: 'red-line', utility, margin, redLine: line.issue };
  return { verdict: margin >= 0 ? 'accept' : 'reject', utility, margin, redLine: null };
}

/** Clamps to the meter's range and normalises -0, so hashes never see -0. */
function clampMeter(game: Game, meter: string, value: number): number {
  const def = own(game.scenario.meters, meter);
  let v = value;
  if (def) v = v < def.min ? def.min : Math.min(v, def.max);
  return v === 0 ? 0 : v;
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

/** Applies effects to the turn's state; `self` is the party `meters` refers to. */
export function applyEffects(game: Game, t: Turn, effects: Effects | undefined, self: string | null): void {
  if (!effects) return;
  if (effects.meters && self) addMeters(game, t, self, effects.meters);
  if (effects.parties) for (const p in effects.parties) addMeters(game, t, p, own(effects.parties, p) ?? {});
  if (effects.flags) for (const f in effects.flags) setKey(t, 'flags', f, own(effects.flags, f) === true);
  if (effects.agree && self) setKey(t, 'agreements', self, { ...t.s.table });
  if (effects.end) t.s.over = true;
}

/** Adds meter deltas to one party, clamped. */
export function addMeters(game: Game, t: Turn, party: string, deltas: Record<string, number>): void {
  let meters = own(t.s.parties, party)?.meters;
  if (!meters) return;
  let writable = false;
  for (const m in deltas) {
    const value = clampMeter(game, m, (own(meters, m) ?? 0) + (own(deltas, m) ?? 0));
    if (value === own(meters, m)) continue; // e.g. already at the bound: the party record stays shared
    if (!writable) {
      meters = writableMeters(t, party) as Record<string, number>;
      writable = true;
    }
    meters[m] = value;
  }
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
  const handles = own(own(compiled.def.states, from)?.on, type) !== undefined;
  const { value: to, ref } = handles ? compiled.step(from, event) : { value: from, ref: null };
  const taken = ref ? transitionAt(game, party, ref) : undefined;
  if (to !== from) (writableParty(t, party) as PartyState).position = { context: {}, value: to };
  applyEffects(game, t, taken?.effects, party);
  if (!ref && type === 'round.ended') return; // quiet rounds stay out of the log
  // Keys in canonical order (hashing fast path); optional keys only when they apply. Built key by key
  // rather than with conditional spreads, which cost more than the rest of a quiet delivery.
  const entry: Record<string, unknown> = {};
  if (taken?.effects?.agree) entry.agreed = true;
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

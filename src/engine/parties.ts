/**
 * How parties react: judging a package against their preferences, and stepping their XState position
 * machines with the pure transition(), then applying the effects the machine reports.
 */
import type { Effects } from '../scenario/schema.ts';
import type { CondContext, OfferView } from './conditions.ts';
import { type Game, type PartyEvent, transitionAt } from './game.ts';
import type { Rng } from './rng.ts';
import type { GameState, LogEntry } from './types.ts';

/** A party's value (0–1) for a package, by its weights; 0 for a party without preferences. */
export function utilityOf(game: Game, party: string, terms: Record<string, string>): number {
  const prefs = game.scenario.parties[party]?.prefers;
  if (!prefs) return 0;
  let total = 0;
  let sum = 0;
  for (const issue in prefs.weights) {
    const w = prefs.weights[issue] ?? 0;
    const option = terms[issue];
    total += w;
    if (option !== undefined) sum += w * (prefs.values[issue]?.[option] ?? 0);
  }
  return total > 0 ? sum / total : 0;
}

/** How a party judges the package on the table now: red line, too little, or acceptable. */
export function judgeOffer(game: Game, state: GameState, party: string): OfferView {
  const prefs = game.scenario.parties[party]?.prefers;
  if (!prefs) return { verdict: 'reject', utility: 0, margin: -1, redLine: null };
  const utility = utilityOf(game, party, state.table);
  let reservation = prefs.reservation;
  const meters = state.parties[party]?.meters;
  for (const m in prefs.flex ?? {}) reservation -= (prefs.flex?.[m] ?? 0) * (meters?.[m] ?? 0);
  reservation = reservation < 0 ? 0 : Math.min(reservation, 1);
  const margin = utility - reservation;
  const line = prefs.redLines?.find((r) => state.table[r.issue] === r.option);
  if (line) return { verdict: 'red-line', utility, margin, redLine: line.issue };
  return { verdict: margin >= 0 ? 'accept' : 'reject', utility, margin, redLine: null };
}

/** Clamps to the meter's range and normalises -0, so hashes never see -0. */
function clampMeter(game: Game, meter: string, value: number): number {
  const def = game.scenario.meters[meter];
  let v = value;
  if (def) v = v < def.min ? def.min : Math.min(v, def.max);
  return v === 0 ? 0 : v;
}

/** A copy of a flat record with its keys in canonical (sorted) order. */
export function sortedCopy<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(record).sort()) out[k] = record[k] as T;
  return out;
}

/**
 * Sets a key of one of the state's id-keyed maps, keeping keys in canonical order: a new key rebuilds
 * the (small) map sorted, so hashing keeps its fast path.
 */
export function setKey<K extends 'flags' | 'used' | 'agreements'>(
  draft: GameState,
  map: K,
  key: string,
  value: GameState[K][string],
): void {
  const current = draft[map] as Record<string, GameState[K][string]>;
  if (Object.hasOwn(current, key)) {
    current[key] = value;
    return;
  }
  const next: Record<string, GameState[K][string]> = {};
  for (const k of [...Object.keys(current), key].sort())
    next[k] = k === key ? value : (current[k] as GameState[K][string]);
  (draft[map] as Record<string, GameState[K][string]>) = next;
}

/** Applies effects to a draft state; `self` is the party `meters` refers to. Returns whether to end. */
export function applyEffects(
  game: Game,
  draft: GameState,
  effects: Effects | undefined,
  self: string | null,
): void {
  if (!effects) return;
  if (effects.meters && self) addMeters(game, draft, self, effects.meters);
  if (effects.parties) for (const p in effects.parties) addMeters(game, draft, p, effects.parties[p] ?? {});
  if (effects.flags) for (const f in effects.flags) setKey(draft, 'flags', f, effects.flags[f] === true);
  if (effects.agree && self) setKey(draft, 'agreements', self, { ...draft.table });
  if (effects.end) draft.over = true;
}

/** Adds meter deltas to one party, clamped. */
export function addMeters(game: Game, draft: GameState, party: string, deltas: Record<string, number>): void {
  const p = draft.parties[party];
  if (!p) return;
  for (const m in deltas) {
    p.meters[m] = clampMeter(game, m, (p.meters[m] ?? 0) + (deltas[m] ?? 0));
  }
}

/** Whether a party can still respond: it has a machine and is not in a final position. */
export function isActive(game: Game, state: GameState, party: string): boolean {
  const pos = state.parties[party]?.position;
  if (!pos) return false;
  return game.machines[party]?.def.states[pos.value]?.final !== true;
}

/**
 * Delivers one event to one party: draws its roll, judges the offer if there is one, steps its
 * machine with transition(), applies the effects of the transition taken and logs the response.
 */
export function deliver(
  game: Game,
  draft: GameState,
  party: string,
  type: string,
  rng: Rng,
  params: Record<string, string> | null,
): void {
  const compiled = game.machines[party];
  // A machine that handles this event in none of its states never hears it (offers are always judged,
  // so the student sees every party's verdict). This check reads no state, so it costs nothing.
  if (!compiled || (type !== 'offer.proposed' && !compiled.handled.has(type))) return;
  const ps = draft.parties[party];
  if (!ps?.position || !isActive(game, draft, party)) return;
  const roll = rng.next();
  const offer = type === 'offer.proposed' ? judgeOffer(game, draft, party) : null;
  const ctx: CondContext = { game, state: draft, party, roll, params, offer };
  const from = ps.position.value;
  const event: PartyEvent = { type, ctx };
  // A state with no handler for this event cannot move: skip the machine (same result, less work).
  const handles = compiled.def.states[from]?.on?.[type] !== undefined;
  const { value: to, ref } = handles ? compiled.step(from, event) : { value: from, ref: null };
  const taken = ref ? transitionAt(game, party, ref) : undefined;
  if (to !== from) ps.position = { context: {}, value: to };
  applyEffects(game, draft, taken?.effects, party);
  if (!ref && type === 'round.ended') return; // quiet rounds stay out of the log
  // Keys in canonical order (hashing fast path); optional keys only when they apply.
  const redLine = offer?.redLine ?? null;
  const entry: LogEntry = {
    ...(taken?.effects?.agree ? { agreed: true } : {}),
    event: type,
    from,
    ...(redLine ? { issue: redLine } : {}),
    kind: 'response',
    party,
    to,
    ...(offer ? { verdict: offer.verdict } : {}),
    via: ref ? ref.index : null,
  };
  draft.log.push(entry);
}

/** Delivers an event to each listed party in order (rolls are drawn in that order). */
export function deliverAll(
  game: Game,
  draft: GameState,
  parties: readonly string[],
  type: string,
  rng: Rng,
  params: Record<string, string> | null,
): void {
  for (const p of parties) deliver(game, draft, p, type, rng, params);
}

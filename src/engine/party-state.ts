/**
 * A party's variables, wherever they live: in its machine's context (`position.context`) when it has a
 * machine, on its party record otherwise. Every read goes through these accessors, and every change to a
 * party's meters or agreement through `updateContext`: the machine's `assign` action calls it for the
 * transition it takes, and the engine calls it for effects from the world (moves, events, drift), so there
 * is one place a party's meters change.
 */
import { own } from '../core/own.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameState, PartyContext, PositionValue } from './types.ts';

/** A party's meters (meter → value); undefined for an unknown party. */
export function metersOf(
  state: Pick<GameState, 'parties'>,
  party: string,
): Readonly<Record<string, number>> | undefined {
  const p = own(state.parties, party);
  if (!p) return undefined;
  return p.position ? p.position.context.meters : p.meters;
}

/** The package a party agreed to, or undefined while it has agreed to none. */
export function agreedOf(
  state: Pick<GameState, 'parties'>,
  party: string,
): Readonly<Record<string, string>> | undefined {
  const p = own(state.parties, party);
  if (!p) return undefined;
  return p.position ? p.position.context.agreed : p.agreed;
}

/** Every agreement in force: party → package, parties in id order (what `state.agreements` was). */
export function agreementsOf(state: Pick<GameState, 'parties'>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const party in state.parties) {
    const terms = agreedOf(state, party);
    if (terms) out[party] = terms as Record<string, string>;
  }
  return out;
}

/** Where a party's machine stands, or null for a party without one. */
export function positionOf(state: Pick<GameState, 'parties'>, party: string): PositionValue | null {
  return own(state.parties, party)?.position?.value ?? null;
}

/** Clamps to the meter's range and normalises -0, so hashes never see -0. */
export function clampMeter(meters: Scenario['meters'], meter: string, value: number): number {
  const def = own(meters, meter);
  let v = value;
  if (def) v = v < def.min ? def.min : Math.min(v, def.max);
  return v === 0 ? 0 : v;
}

/**
 * Adds meter deltas (clamped) to a record of meters; the same object when nothing changes (at a bound,
 * say), so unchanged parties stay shared between states.
 */
export function addToMeters(
  defs: Scenario['meters'],
  meters: Readonly<Record<string, number>>,
  deltas: Readonly<Record<string, number>> | undefined,
): Readonly<Record<string, number>> {
  let out: Record<string, number> | null = null;
  for (const m in deltas) {
    const now = (out ?? meters)[m];
    const value = clampMeter(defs, m, (now ?? 0) + (own(deltas, m) ?? 0));
    if (value === now) continue;
    if (out === null) out = { ...meters };
    out[m] = value;
  }
  return out ?? meters;
}

/**
 * A party's context after meter deltas and, when `agreed` is given, an agreement to that package: the one
 * update of a party's own variables. The same object when nothing changes. Keys stay in canonical order.
 */
export function updateContext(
  defs: Scenario['meters'],
  context: PartyContext,
  deltas: Readonly<Record<string, number>> | undefined,
  agreed: Readonly<Record<string, string>> | null,
): PartyContext {
  const meters = addToMeters(defs, context.meters, deltas) as Record<string, number>;
  if (meters === context.meters && agreed === null) return context;
  const terms = agreed === null ? context.agreed : { ...agreed };
  return terms === undefined ? { meters } : { agreed: terms, meters };
}

/**
 * A context with its keys in canonical order: XState's `assign` merges an update after the keys the context
 * had, so a first agreement would come after the meters.
 */
export function canonicalContext(context: PartyContext): PartyContext {
  if (context.agreed === undefined || Object.keys(context)[0] === 'agreed') return context;
  return { agreed: context.agreed, meters: context.meters };
}

/**
 * A position as one string, for codes and messages: the state id, or for a nested value the dotted paths
 * of its active leaves, comma-separated (`stance.bases.open,stance.strikes.on`).
 */
export function positionText(value: PositionValue): string {
  if (typeof value === 'string') return value;
  const out: string[] = [];
  const visit = (v: PositionValue, prefix: string) => {
    if (typeof v === 'string') out.push(`${prefix}${v}`);
    else for (const k of Object.keys(v)) visit(v[k] as PositionValue, `${prefix}${k}.`);
  };
  visit(value, '');
  return out.join(',');
}

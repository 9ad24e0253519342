/**
 * Interprets the scenario's declarative conditions. This is what XState's named `when` guard calls:
 * scenario files never contain code.
 */

import { own } from '../core/own.ts';
import type { Chance, Condition, Range } from '../scenario/schema.ts';
import type { Game } from './game.ts';
import { agreedOf, metersOf } from './party-state.ts';
import type { GameState, PositionValue } from './types.ts';

/** How a party judges the package on the table, computed by the engine before the machine sees it. */
export interface OfferView {
  verdict: 'accept' | 'reject' | 'red-line';
  utility: number;
  margin: number;
  redLine: string | null;
}

/** What a condition can look at: the state, and where there is one, a party, its roll, a move, an offer. */
export interface CondContext {
  game: Game;
  state: GameState;
  party: string | null;
  roll: number | null;
  params: Record<string, string> | null;
  offer: OfferView | null;
}

/** Tests a number against a Range (a bare number means equality). */
export function inRange(value: number, range: Range): boolean {
  if (typeof range === 'number') return value === range;
  if (range.atLeast !== undefined && !(value >= range.atLeast)) return false;
  if (range.atMost !== undefined && !(value <= range.atMost)) return false;
  if (range.above !== undefined && !(value > range.above)) return false;
  if (range.below !== undefined && !(value < range.below)) return false;
  return true;
}

function oneOf(value: string | undefined, allowed: string | string[]): boolean {
  if (value === undefined) return false;
  return typeof allowed === 'string' ? value === allowed : allowed.includes(value);
}

/** The probability a Chance gives for a party with these meters, clamped to [0, 1]. */
export function chanceValue(chance: Chance, meters: Readonly<Record<string, number>> | undefined): number {
  if (typeof chance === 'number') return chance;
  let p = chance.base;
  for (const m in chance.per) p += (own(chance.per, m) ?? 0) * (own(meters, m) ?? 0);
  return p < 0 ? 0 : Math.min(p, 1);
}

function metersHold(
  meters: Readonly<Record<string, number>> | undefined,
  tests: Record<string, Range>,
): boolean {
  for (const m in tests) {
    const t = tests[m];
    if (t !== undefined && !inRange(own(meters, m) ?? 0, t)) return false;
  }
  return true;
}

/**
 * Whether a party's position is one of `allowed`: its state id for a flat machine; for nested states or
 * regions, a path of an active state (`bases.open`) or the id of one (`open`).
 */
export function positionHolds(
  game: Game,
  party: string,
  value: PositionValue | undefined,
  allowed: string | string[],
): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string' && typeof allowed === 'string' && value === allowed) return true;
  const machine = own(game.machines, party);
  if (!machine) return false;
  if (typeof allowed === 'string') return machine.matches(value, allowed);
  return allowed.some((name) => machine.matches(value, name));
}

function termsHold(
  terms: Readonly<Record<string, string>> | undefined,
  want: Record<string, string | string[]>,
): boolean {
  if (!terms) return false;
  for (const issue in want) {
    const w = want[issue];
    if (w !== undefined && !oneOf(own(terms, issue), w)) return false;
  }
  return true;
}

/** True when every key of the condition holds. Keys that need a party/roll/offer fail without one. */
export function evalCondition(cond: Condition, ctx: CondContext): boolean {
  const { state } = ctx;
  const self = ctx.party ?? ctx.game.playerId;
  const selfState = own(state.parties, self);
  const selfMeters = metersOf(state, self);
  if (cond.chance !== undefined) {
    if (ctx.roll === null || !(ctx.roll < chanceValue(cond.chance, selfMeters))) return false;
  }
  if (cond.param) {
    if (!ctx.params) return false;
    for (const k in cond.param) {
      const want = cond.param[k];
      if (want !== undefined && !oneOf(own(ctx.params, k), want)) return false;
    }
  }
  if (cond.meters && !metersHold(selfMeters, cond.meters)) return false;
  if (
    cond.position !== undefined &&
    !positionHolds(ctx.game, self, selfState?.position?.value, cond.position)
  )
    return false;
  if (cond.verdict !== undefined && (!ctx.offer || !oneOf(ctx.offer.verdict, cond.verdict))) return false;
  if (cond.utility !== undefined && (!ctx.offer || !inRange(ctx.offer.utility, cond.utility))) return false;
  if (cond.margin !== undefined && (!ctx.offer || !inRange(ctx.offer.margin, cond.margin))) return false;
  if (cond.parties) {
    for (const id in cond.parties) {
      const test = own(cond.parties, id);
      const p = own(state.parties, id);
      if (!test || !p) return false;
      if (test.position !== undefined && !positionHolds(ctx.game, id, p.position?.value, test.position))
        return false;
      if (test.meters && !metersHold(metersOf(state, id), test.meters)) return false;
      if (test.agreed !== undefined && test.agreed !== (agreedOf(state, id) !== undefined)) return false;
    }
  }
  if (cond.flags) {
    for (const f in cond.flags) if ((own(state.flags, f) ?? false) !== own(cond.flags, f)) return false;
  }
  if (cond.round !== undefined && !inRange(state.round, cond.round)) return false;
  if (cond.table && !termsHold(state.table, cond.table)) return false;
  if (cond.agreed) {
    for (const id in cond.agreed) {
      const want = cond.agreed[id];
      if (!want || !termsHold(agreedOf(state, id), want)) return false;
    }
  }
  if (cond.vote && !voteHolds(cond.vote, state)) return false;
  if (cond.used) {
    for (const m in cond.used) {
      const r = own(cond.used, m);
      if (r !== undefined && !inRange(own(state.used, m) ?? 0, r)) return false;
    }
  }
  if (cond.all) for (const c of cond.all) if (!evalCondition(c, ctx)) return false;
  if (cond.any && !cond.any.some((c) => evalCondition(c, ctx))) return false;
  if (cond.not && evalCondition(cond.not, ctx)) return false;
  return true;
}

function voteHolds(test: NonNullable<Condition['vote']>, state: GameState): boolean {
  const v = state.vote;
  if (test.held !== undefined && test.held !== (v !== null)) return false;
  if (test.adopted !== undefined && test.adopted !== (v?.adopted ?? false)) return false;
  if (test.vetoed !== undefined && test.vetoed !== (v !== null && v.vetoedBy.length > 0)) return false;
  if (test.yes !== undefined && !inRange(v?.yes ?? 0, test.yes)) return false;
  if (test.no !== undefined && !inRange(v?.no ?? 0, test.no)) return false;
  if (test.abstain !== undefined && !inRange(v?.abstain ?? 0, test.abstain)) return false;
  if (test.ballots) {
    for (const id in test.ballots) {
      const want = own(test.ballots, id);
      if (!v || want === undefined || !oneOf(own(v.ballots, id), want)) return false;
    }
  }
  return true;
}

/**
 * How a seat plays when nobody holds it, and how strategies judge a state for a seat. The engine plays such
 * seats inside `applyAction`; the CLI's strategies play held seats the same way from outside.
 */

import type { z } from 'zod';
import { own } from '../core/own.ts';
import type { AutoPolicy } from '../scenario/schema.ts';
import type { Game } from './game.ts';
import { utilityOf } from './parties.ts';
import { agreedOf } from './party-state.ts';
import type { Rng } from './rng.ts';
import type { Action, GameState, OutcomeResult } from './types.ts';

const TIER_SCORE = { success: 3, partial: 2, failure: 0 } as const;

/** The tier an outcome has for a seat: its own `tiers` entry, else the outcome's `tier`. */
export function tierFor(game: Game, outcomeId: string, seat: string): OutcomeResult['tier'] | null {
  const o = game.scenario.outcomes.find((x) => x.id === outcomeId);
  if (!o) return null;
  return (seat === game.playerId ? undefined : own(o.tiers, seat)) ?? o.tier;
}

/**
 * How good a state looks for a seat: the outcome's tier for it once the game is over, otherwise its value
 * for the package on the table and for what others agreed, plus (for the player's seat) the positions'
 * `score`s, which the format defines from the player's point of view.
 */
export function evaluate(game: Game, state: GameState, seat: string = game.playerId): number {
  let v = utilityOf(game, seat, state.table);
  for (const id of game.partyIds) {
    const agreed = id === seat ? undefined : agreedOf(state, id);
    if (agreed) v += utilityOf(game, seat, agreed);
  }
  if (seat === game.playerId) {
    for (const p of game.counterpartIds) {
      const pos = own(state.parties, p)?.position?.value;
      if (pos) v += own(game.machines, p)?.metaOf(pos).score ?? 0;
    }
  }
  if (state.over && state.outcome !== null) {
    v += 100 * TIER_SCORE[tierFor(game, state.outcome, seat) ?? 'failure'];
  }
  return v;
}

/**
 * One choice among a seat's legal actions by a built-in policy: `first`, `random` (one draw from `rng`), or
 * `greedy` (the best state one move ahead, by `evaluate`, first in menu order on ties; draws nothing).
 * `ahead` gives the state after an action. `actions` is never empty here.
 */
export function autoChoice(
  game: Game,
  seat: string,
  rng: Rng,
  actions: readonly Action[],
  ahead: (a: Action) => GameState,
  policy: z.infer<typeof AutoPolicy> = own(game.auto, seat) ?? 'greedy',
): Action {
  if (policy === 'first') return actions[0] as Action;
  if (policy === 'random') return actions[Math.floor(rng.next() * actions.length)] as Action;
  let best = actions[0] as Action;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const a of actions) {
    const score = evaluate(game, ahead(a), seat);
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}

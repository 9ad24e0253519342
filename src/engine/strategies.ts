/**
 * Automatic players for headless play, balance runs and tests. A strategy draws from its OWN
 * generator, never the game's, so choosing a strategy never changes how the world rolls.
 */

import { own } from '../core/own.ts';
import { availableActions } from './actions.ts';
import { applyAction, createGame } from './apply-action.ts';
import type { Game } from './game.ts';
import { utilityOf } from './parties.ts';
import { type Rng, restoreRng, seedRng } from './rng.ts';
import type { Action, EngineError, GameState } from './types.ts';

/** The built-in strategies. */
export const STRATEGIES = ['random', 'greedy', 'first'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

const TIER_SCORE = { success: 3, partial: 2, failure: 0 } as const;

/**
 * How good a state looks for the player: the outcome tier once the game is over, otherwise the
 * player's value for the package on the table plus the positions' `score`s.
 */
export function evaluate(game: Game, state: GameState): number {
  let v = utilityOf(game, game.playerId, state.table);
  for (const [id, agreed] of Object.entries(state.agreements)) {
    if (id !== game.playerId) v += utilityOf(game, game.playerId, agreed);
  }
  for (const p of game.counterpartIds) {
    const pos = own(state.parties, p)?.position?.value;
    if (pos) v += own(own(game.machines, p)?.def.states, pos)?.score ?? 0;
  }
  if (state.over && state.outcome !== null) {
    const tier = game.scenario.outcomes.find((o) => o.id === state.outcome)?.tier ?? 'failure';
    v += 100 * TIER_SCORE[tier];
  }
  return v;
}

/** Picks the next action for a strategy; null when none is legal. */
export function chooseAction(game: Game, state: GameState, strategy: StrategyName, rng: Rng): Action | null {
  const actions = availableActions(game, state);
  if (actions.length === 0) return null;
  if (strategy === 'first') return actions[0] as Action;
  if (strategy === 'random') return actions[Math.floor(rng.next() * actions.length)] as Action;
  let best = actions[0] as Action;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const a of actions) {
    const r = applyAction(game, state, a);
    if ('error' in r) continue;
    const s = evaluate(game, r.state);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  return best;
}

/**
 * Plays on from the last of `states` with `strategy` until the game ends, appending each action and state;
 * returns the engine's refusal if the strategy picked an illegal action (then nothing more is appended).
 */
export function playOn(
  game: Game,
  states: GameState[],
  actions: Action[],
  strategy: StrategyName,
  rng: Rng,
): EngineError | null {
  for (;;) {
    const state = states[states.length - 1] as GameState;
    if (state.over) return null;
    const action = chooseAction(game, state, strategy, rng);
    if (!action) return null; // unreachable: the engine ends games that have no legal move
    const r = applyAction(game, state, action);
    if ('error' in r) return r.error;
    actions.push(action);
    states.push(r.state);
  }
}

/** A whole game played by a strategy: the actions taken and every state, initial first. */
export function playGame(
  game: Game,
  seed: string,
  strategy: StrategyName,
  strategySeed = `${seed}/strategy`,
): { actions: Action[]; states: GameState[] } {
  const states = [createGame(game, seed)];
  const actions: Action[] = [];
  const refused = playOn(game, states, actions, strategy, restoreRng(seedRng(strategySeed)));
  if (refused) throw new Error(`strategy picked an illegal action: ${refused.message}`);
  return { actions, states };
}

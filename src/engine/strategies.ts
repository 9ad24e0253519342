/**
 * Automatic players for the seats people hold, in headless play, balance runs and tests: the CLI's
 * `--strategy` and `--seats`. A strategy draws from its OWN generator, never the game's, so choosing a
 * strategy never changes how the world rolls. (Seats nobody holds are played inside the engine: auto.ts.)
 */
import { own } from '../core/own.ts';
import { availableActions } from './actions.ts';
import { applyAction, createGame, type GameOptions } from './apply-action.ts';
import { autoChoice } from './auto.ts';
import type { Game } from './game.ts';
import { type Rng, restoreRng, seedRng } from './rng.ts';
import type { Action, EngineError, GameState } from './types.ts';

export { evaluate } from './auto.ts';

/** The built-in strategies. */
export const STRATEGIES = ['random', 'greedy', 'first'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** Which strategy plays each held seat: one for all, or one per seat (seat id → strategy). */
export type SeatStrategies = StrategyName | Readonly<Record<string, StrategyName>>;

function strategyOf(strategies: SeatStrategies, seat: string): StrategyName {
  return typeof strategies === 'string' ? strategies : (own(strategies, seat) ?? 'greedy');
}

/** Picks the next action of the seat to move for a strategy; null when none is legal. */
export function chooseAction(game: Game, state: GameState, strategy: StrategyName, rng: Rng): Action | null {
  const actions = availableActions(game, state);
  if (actions.length === 0) return null;
  // The same policies the engine plays unheld seats by; a held seat looks ahead through the whole turn
  // (the unheld seats' replies included), as a person would see it.
  const ahead = (a: Action): GameState => {
    const r = applyAction(game, state, a);
    return 'error' in r ? state : r.state;
  };
  return autoChoice(game, state.mover as string, rng, actions, ahead, strategy);
}

/**
 * Plays on from the last of `states` with the seats' strategies until the game ends, appending each action
 * and state; returns the engine's refusal if a strategy picked an illegal action (then nothing more is appended).
 */
export function playOn(
  game: Game,
  states: GameState[],
  actions: Action[],
  strategies: SeatStrategies,
  rng: Rng,
): EngineError | null {
  for (;;) {
    const state = states[states.length - 1] as GameState;
    if (state.over || state.mover === null) return null;
    const action = chooseAction(game, state, strategyOf(strategies, state.mover), rng);
    if (!action) return null; // unreachable: the engine ends games that have no legal move
    const r = applyAction(game, state, action);
    if ('error' in r) return r.error;
    actions.push(action);
    states.push(r.state);
  }
}

/** A whole game played by strategies: the actions taken and every state, initial first. */
export function playGame(
  game: Game,
  seed: string,
  strategy: SeatStrategies,
  strategySeed = `${seed}/strategy`,
  options: GameOptions = {},
): { actions: Action[]; states: GameState[] } {
  const states = [createGame(game, seed, options)];
  const actions: Action[] = [];
  const refused = playOn(game, states, actions, strategy, restoreRng(seedRng(strategySeed)));
  if (refused) throw new Error(`strategy picked an illegal action: ${refused.message}`);
  return { actions, states };
}

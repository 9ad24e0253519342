/**
 * Forking a game: keep the first N actions of a recorded game (same seed, so the first N+1 states are the
 * recorded ones, hash for hash) and let a strategy play on from there. Testers use it to ask "what if the
 * student had done otherwise from turn N?" without replaying by hand.
 */

import type { GameOptions } from './apply-action.ts';
import type { Game } from './game.ts';
import { replay } from './replay.ts';
import { restoreRng, seedRng } from './rng.ts';
import { playOn, type SeatStrategies } from './strategies.ts';
import type { Action, EngineError, GameState } from './types.ts';

/**
 * Replays `prefix` from `seed` (with the held `options.seats`), then plays to the end with the seats'
 * strategies drawing from `strategySeed`.
 */
export function continueGame(
  game: Game,
  seed: string,
  prefix: readonly Action[],
  strategy: SeatStrategies,
  strategySeed: string,
  options: GameOptions = {},
): { actions: Action[]; states: GameState[] } | { error: EngineError; turn: number } {
  const run = replay(game, seed, [...prefix], options);
  if ('error' in run) return run;
  const states = [...run.states];
  const actions = [...prefix];
  const refused = playOn(game, states, actions, strategy, restoreRng(seedRng(strategySeed)));
  if (refused) return { error: refused, turn: actions.length + 1 };
  return { actions, states };
}

/**
 * Forking a game: keep the first N actions of a recorded game (same seed, so the first N+1 states are the
 * recorded ones, hash for hash) and let a strategy play on from there. Testers use it to ask "what if the
 * student had done otherwise from turn N?" without replaying by hand.
 */

import type { Game } from './game.ts';
import { replay } from './replay.ts';
import { restoreRng, seedRng } from './rng.ts';
import { playOn, type StrategyName } from './strategies.ts';
import type { Action, EngineError, GameState } from './types.ts';

/** Replays `prefix` from `seed`, then plays to the end with `strategy` drawing from `strategySeed`. */
export function continueGame(
  game: Game,
  seed: string,
  prefix: readonly Action[],
  strategy: StrategyName,
  strategySeed: string,
): { actions: Action[]; states: GameState[] } | { error: EngineError; turn: number } {
  const run = replay(game, seed, [...prefix]);
  if ('error' in run) return run;
  const states = [...run.states];
  const actions = [...prefix];
  const refused = playOn(game, states, actions, strategy, restoreRng(seedRng(strategySeed)));
  if (refused) return { error: refused, turn: actions.length + 1 };
  return { actions, states };
}

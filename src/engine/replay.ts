/**
 * replay and outcomeOf: the action log is the source of truth; every state is recomputed from it.
 */
import { applyAction, createGame } from './apply-action.ts';
import type { Game } from './game.ts';
import type { Action, EngineError, GameState, OutcomeResult } from './types.ts';

/** Re-runs a game from its seed and actions: the initial state first, then one state per action. */
export function replay(
  game: Game,
  seed: string,
  actions: readonly Action[],
): { states: GameState[] } | { error: EngineError; turn: number } {
  if (typeof seed !== 'string' || seed.length === 0) {
    return { error: { code: 'replay/bad-seed', message: 'The seed must be a non-empty string.' }, turn: 0 };
  }
  const states: GameState[] = [createGame(game, seed)];
  for (let i = 0; i < actions.length; i++) {
    const result = applyAction(game, states[i] as GameState, actions[i] as Action);
    if ('error' in result) return { error: result.error, turn: i + 1 };
    states.push(result.state);
  }
  return { states };
}

/** The finished game's outcome with its tier and whether it is what really happened; null while playing. */
export function outcomeOf(game: Game, state: GameState): OutcomeResult | null {
  if (!state.over || state.outcome === null) return null;
  const o = game.scenario.outcomes.find((x) => x.id === state.outcome);
  if (!o) return null;
  return { id: o.id, tier: o.tier, historical: o.historical === true };
}

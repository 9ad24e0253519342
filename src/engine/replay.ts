/**
 * replay and outcomeOf: the action log is the source of truth; every state is recomputed from it.
 */
import { applyAction, createGame, type GameOptions, heldSeats } from './apply-action.ts';
import { tierFor } from './auto.ts';
import type { Game } from './game.ts';
import type { Action, ActionInput, EngineError, GameState, OutcomeResult } from './types.ts';

/**
 * Re-runs a game from its seed, held seats and actions: the initial state first, then one state per action.
 * Refusals are values: a bad seed or seat list at turn 0, an illegal action at its turn.
 */
export function replay(
  game: Game,
  seed: string,
  actions: readonly ActionInput[],
  options: GameOptions = {},
): { states: GameState[] } | { error: EngineError; turn: number } {
  if (typeof seed !== 'string' || seed.length === 0) {
    return { error: { code: 'replay/bad-seed', message: 'The seed must be a non-empty string.' }, turn: 0 };
  }
  const seats = heldSeats(game, options.seats);
  if (typeof seats === 'string') return { error: { code: 'action/unknown-seat', message: seats }, turn: 0 };
  const states: GameState[] = [createGame(game, seed, { seats })];
  for (let i = 0; i < actions.length; i++) {
    const result = applyAction(game, states[i] as GameState, actions[i] as ActionInput);
    if ('error' in result) return { error: result.error, turn: i + 1 };
    states.push(result.state);
  }
  return { states };
}

/**
 * The finished game's outcome for a seat (default: the first seat people hold), with that seat's tier and
 * whether it is what really happened; null while playing.
 */
export function outcomeOf(game: Game, state: GameState, seat?: string): OutcomeResult | null {
  if (!state.over || state.outcome === null) return null;
  const o = game.scenario.outcomes.find((x) => x.id === state.outcome);
  if (!o) return null;
  const who = seat ?? state.seats[0] ?? game.playerId;
  return { id: o.id, tier: tierFor(game, o.id, who) ?? o.tier, historical: o.historical === true };
}

/** Each held seat's tier for a finished game (seat → tier); empty while playing. */
export function tiersOf(game: Game, state: GameState): Record<string, OutcomeResult['tier']> {
  const out: Record<string, OutcomeResult['tier']> = {};
  if (!state.over || state.outcome === null) return out;
  for (const seat of state.seats) {
    const tier = tierFor(game, state.outcome, seat);
    if (tier && !Object.hasOwn(out, seat)) out[seat] = tier;
  }
  return out;
}

/** Actions named by their seat: each one's seat is the seat that was to move before it (states initial first). */
export function seatedActions(actions: readonly ActionInput[], states: readonly GameState[]): Action[] {
  return actions.map((a, i) => ({
    seat: a.seat ?? ((states[i] as GameState).mover as string),
    move: a.move,
    params: { ...a.params },
  }));
}

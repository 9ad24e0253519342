/**
 * The replay viewer's source: a finished or partial game replayed once with the engine, then shown one turn
 * at a time. Scenes and panels read it like a live session; stepping only moves the cursor.
 */
import {
  type Action,
  type ActionInput,
  type Game,
  type GameState,
  outcomeOf,
  replay,
  seatedActions,
} from '../../engine/index.ts';
import type { SessionChange, SessionView, ViewSource } from '../../session/session.ts';

/** Where a replayed game's scenario came from: a bundled scenario, or a file opened in this tab. */
export interface ViewerOrigin {
  builtIn: boolean;
  /** `scenarios/x.yaml`, or the instructor's file name. */
  file: string;
}

/** A replayed game with a cursor. */
export interface Viewer extends ViewSource {
  readonly game: Game;
  /** A game taken over from the replay is saved where a game of this origin is (a file's, in its tab). */
  readonly origin: ViewerOrigin;
  readonly seed: string;
  readonly actions: readonly Action[];
  /** The turn shown (0 = before the first move). */
  turn(): number;
  /** The last turn. */
  last(): number;
  /** Moves the cursor, clamped to the game. */
  goTo(turn: number): void;
}

/** Replays `actions` from `seed`; throws with the engine's message when they do not replay. */
export function openViewer(
  game: Game,
  seed: string,
  input: readonly ActionInput[],
  origin: ViewerOrigin = { builtIn: true, file: game.scenario.id },
  seats?: readonly string[],
): Viewer {
  const result = replay(game, seed, input, { seats });
  if ('error' in result) throw new Error(`turn ${result.turn}: ${result.error.message}`);
  const states = result.states;
  const actions: Action[] = seatedActions(input, states);
  let cursor = 0;
  const listeners = new Set<(view: SessionView, change: SessionChange) => void>();
  const view = (): SessionView => {
    const shown = states.slice(0, cursor + 1);
    const state = shown[shown.length - 1] as GameState;
    const held = (states[0] as GameState).seats;
    // A replay is watched after the game: it shows the whole game, worded for the first held seat.
    const seat = held[0] ?? game.playerId;
    return {
      game,
      seed,
      seats: held,
      seat,
      actions: actions.slice(0, cursor),
      states: shown,
      state,
      menu: [],
      error: null,
      outcome: outcomeOf(game, state, seat),
    };
  };
  return {
    game,
    origin,
    seed,
    actions,
    view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    turn: () => cursor,
    last: () => states.length - 1,
    goTo(turn) {
      const next = Math.max(0, Math.min(states.length - 1, Math.trunc(turn)));
      if (next === cursor) return;
      // Stepping back is a fresh picture (the log restarts); stepping forward animates like a move.
      const change: SessionChange = next === cursor + 1 ? 'move' : 'new-game';
      cursor = next;
      const v = view();
      for (const listener of listeners) listener(v, change);
    },
  };
}

/**
 * The game `envoy play` plays: a fork's recorded prefix, then the `--moves` line entry by entry (each checked
 * against the engine's legal actions, so an illegal entry is named with its position and what was legal
 * there), then the held seats' strategies until the game ends.
 */
import {
  type Action,
  applyAction,
  continueGame,
  type EngineError,
  type Game,
  type GameState,
  replay as replayGame,
} from '../../engine/index.ts';
import { type MoveEntry, matchEntry, spellAction } from '../moves.ts';
import type { SeatChoice } from '../seats.ts';

/** An entry of the line that is not legal where it comes: where, why, and what was legal there. */
export interface IllegalEntry {
  /** 1-based index of the entry in the line, and its column in the string. */
  entry: number;
  column: number;
  text: string;
  /** The turn the entry would have made (1 = the first action of the game). */
  turn: number;
  round: number;
  /** The seat to move there (null once the game is over). */
  seat: string | null;
  message: string;
  /** The legal actions there, spelled as the grammar writes them. */
  legal: string[];
}

/** What was played: every action and state, and how many of the actions came from the line. */
export interface PlayedLine {
  actions: Action[];
  states: GameState[];
  /** Entries of the line played (all of them, unless the game ended first — that is an IllegalEntry). */
  scripted: number;
}

/** The whole game: prefix, line, then strategies; or the first illegal entry; or an engine refusal. */
export function playLine(
  game: Game,
  seed: string,
  prefix: readonly Action[],
  line: readonly MoveEntry[],
  choice: SeatChoice,
  strategySeed: string,
): PlayedLine | { illegal: IllegalEntry } | { error: EngineError; turn: number } {
  const options = { seats: choice.seats };
  const actions = [...prefix];
  if (line.length > 0) {
    const run = replayGame(game, seed, actions, options);
    if ('error' in run) return run;
    let state = run.states[run.states.length - 1] as GameState;
    for (const [i, e] of line.entries()) {
      const where = {
        entry: i + 1,
        column: e.column,
        text: e.text,
        turn: actions.length + 1,
        round: state.round,
      };
      if (state.over) {
        return {
          illegal: {
            ...where,
            seat: null,
            message: `the game is already over (it ended at turn ${actions.length}, outcome ${state.outcome ?? 'none'})`,
            legal: [],
          },
        };
      }
      const found = matchEntry(game, state, e);
      if ('problem' in found) {
        return {
          illegal: {
            ...where,
            seat: state.mover,
            message: found.problem,
            legal: found.legal.map(spellAction),
          },
        };
      }
      const r = applyAction(game, state, found.action);
      if ('error' in r) {
        return { illegal: { ...where, seat: state.mover, message: r.error.message, legal: [] } };
      }
      actions.push(found.action);
      state = r.state;
    }
  }
  const played = continueGame(game, seed, actions, choice.strategies, strategySeed, options);
  if ('error' in played) return played;
  return { ...played, scripted: line.length };
}

/** The lines `envoy play` prints on stderr for an illegal entry. */
export function illegalText(x: IllegalEntry): string[] {
  const who = x.seat === null ? 'the game is over' : `${x.seat} to move`;
  const out = [
    `envoy: error: --moves: entry ${x.entry} ('${x.text}', column ${x.column}) is not legal at turn ${x.turn} (round ${x.round}, ${who}): ${x.message}`,
  ];
  if (x.legal.length > 0) {
    out.push(`legal moves at turn ${x.turn} (${who}):`);
    for (const l of x.legal) out.push(`  ${l}`);
  }
  return out;
}

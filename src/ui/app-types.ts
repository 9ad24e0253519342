/**
 * The shapes the page's screens share: the app they navigate within and what a mounted screen tells it
 * (which scene to paint, which view to paint from, where focus goes). Kept apart so screens import types
 * only, never each other.
 */
import type { Action, Game } from '../engine/index.ts';
import type { LoadResult, SaveStore } from '../session/save.ts';
import type { Session, ViewSource } from '../session/session.ts';
import type { SceneKey, Stage } from '../view/contract.ts';
import type { Lang } from '../view/i18n/messages.ts';
import type { Motion } from '../view/motion.ts';
import type { Viewer } from './screens/viewer-source.ts';

export type { Route } from './routes.ts';

import type { Route } from './routes.ts';

/** The game the page is playing: a bundled scenario or an instructor's file. */
export interface Loaded {
  id: string;
  /** Where the scenario came from, for messages: `scenarios/x.yaml` or the instructor's file name. */
  file: string;
  /** True for a bundled scenario (its id goes in the URL); false for a file opened in the page. */
  builtIn: boolean;
  game: Game;
  session: Session;
  /** The student's answers to the discussion questions, by question index; saved with the game. */
  answers: Record<string, string>;
  /**
   * The seat whose view is on screen: the seat played, or in pass and play the seat the device was last
   * handed to. Every game screen renders `seatSource(session, () => seat)`, never the session itself.
   */
  seat: string;
  /** The seats that have read their briefing since the game was loaded (pass and play shows it once each). */
  briefed: Set<string>;
}

/** What a started game keeps of its page-side state when it is created: everything but the session's. */
export type LoadedBase = Omit<Loaded, 'session' | 'answers' | 'seat' | 'briefed'>;

/** What screens can ask of the page. */
export interface App {
  readonly motion: Motion;
  readonly stage: Stage;
  readonly main: HTMLElement;
  /** Beside the canvas (under it on phones): the play screens put the dialogue log here. */
  readonly side: HTMLElement;
  loaded: Loaded | null;
  /** Saves of scenario files opened in this tab (sessionStorage), apart from the built-ins' saves. */
  readonly fileSaves: SaveStore;
  /** Shows a screen. Help, glossary and sources remember where to come back to. */
  go(route: Route): void;
  /** Back from help, glossary or sources to the screen they were opened from. */
  back(): void;
  /**
   * Loads a bundled scenario and starts (or resumes) its game; `seed` null draws a fresh one. `seats` are
   * the seats people hold (null: the player's seat, or a save's); an unknown seat shows a problem screen.
   * `choose`: a scenario with several seats opens on the seat choice (the scenario select asks this).
   */
  startScenario(
    id: string,
    seed: string | null,
    seats?: readonly string[] | null,
    options?: { choose?: boolean },
  ): Promise<void>;
  /** Starts a game of an already compiled scenario (an instructor's file, a replay's takeover). */
  startLoaded(
    loaded: LoadedBase,
    seed: string | null,
    actions?: readonly Action[],
    answers?: Record<string, string>,
    seats?: readonly string[],
  ): void;
  /**
   * Resumes a save when it is of the game the address asks for (`seed` null: any; `seats` null: any), at
   * the screen its game had reached; returns false, doing nothing, when it is not.
   */
  resumeSaved(
    loaded: LoadedBase,
    saved: LoadResult,
    seed: string | null,
    seats?: readonly string[] | null,
  ): boolean;
  /** The screen a game (re)starts on: the hand-over in pass and play, else the briefing. */
  firstScreen(): Route;
  /** Saves the current game now (after a move, an answer); never throws, reports quietly. */
  persist(): void;
  /** A short, polite message in the page's status line (saved, storage unavailable…). */
  announce(message: string): void;
  /** Shows the page in another language: the same screen and game (same state and hashes), reworded. */
  switchLanguage(lang: Lang): void;
  /** Replay viewer input, set before going to 'replay'. */
  viewer: Viewer | null;
}

/** What a screen hands back when mounted. */
export interface Mounted {
  scene: SceneKey;
  caption: string;
  source: ViewSource | null;
  /** The heading focus moves to, so keyboard and screen-reader users land on the new screen. */
  focus: HTMLElement;
  /** Unsubscribes what the screen listened to. */
  cleanup?: () => void;
}

/**
 * What a scene is given when it starts: the motion switch and, for game scenes, a read-only source of the
 * session's views. Scenes render from it and subscribe to it; they never dispatch, and hold no rule.
 */
import type { ScenarioMeta } from '../session/meta.ts';
import type { ViewSource } from '../session/session.ts';
import type { Motion } from './motion.ts';

/** Every scene key; a scene's class has the same name. */
export type SceneKey =
  | 'Boot'
  | 'Title'
  | 'ScenarioSelect'
  | 'HowToPlay'
  | 'Glossary'
  | 'Sources'
  | 'Briefing'
  | 'Table'
  | 'Council'
  | 'Debrief';

/** The data passed to `scene.start`. */
export interface SceneInput {
  motion: Motion;
  /** The game the scene shows (briefing, table, council, debrief, glossary, sources). */
  source: ViewSource | null;
  /** The scenario cards, for the select scene. */
  catalog?: readonly ScenarioMeta[];
  /** A heading the scene paints (its words are also in the DOM). */
  caption?: string;
}

/** The canvas as the page sees it (src/scenes/stage.ts makes one). */
export interface Stage {
  /** Stops whatever scene runs and starts this one. */
  show(key: SceneKey, input: SceneInput): void;
  /** The scene on screen (tests and the bench read it). */
  current(): SceneKey | null;
  /** Every text painted on the canvas now (tests check what a seat's canvas shows, and what it never shows). */
  texts(): string[];
  /** Frees the canvas and every scene. */
  destroy(): void;
}

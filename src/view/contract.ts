/**
 * What a scene is given when it starts: the motion switch and, for game scenes, a read-only source of the
 * session's views. Scenes render from it and subscribe to it; they never dispatch, and hold no rule.
 */
import type { ScenarioMeta } from '../session/meta.ts';
import type { ViewSource } from '../session/session.ts';
import type { Motion } from './motion.ts';

/**
 * Every scene, in the order Phaser registers them: the one list scene keys follow from. `banner` scenes only
 * paint a heading over the page's text (one class serves them all, src/scenes/banner.ts); the others have a
 * class of their own with the same name.
 */
export const SCENES = {
  Boot: { banner: false },
  Title: { banner: false },
  ScenarioSelect: { banner: true },
  HowToPlay: { banner: true },
  Glossary: { banner: true },
  Sources: { banner: true },
  Briefing: { banner: false },
  Table: { banner: false },
  Council: { banner: false },
  Debrief: { banner: false },
} as const satisfies Record<string, { banner: boolean }>;

/** A scene's key. */
export type SceneKey = keyof typeof SCENES;
/** The keys of the scenes that only paint a banner. */
export type BannerKey = { [K in SceneKey]: (typeof SCENES)[K]['banner'] extends true ? K : never }[SceneKey];

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

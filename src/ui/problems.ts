/**
 * The page's problem screens: a failure, an unreadable save, an address naming a seat the scenario does not
 * have. Each says what went wrong and offers the ways on, so no problem ever leaves a blank page.
 */
import type { Game } from '../engine/index.ts';
import type { App, Mounted } from './app-types.ts';
import { el, fill } from './dom.ts';
import { seatName } from './screens/seats.ts';
import { button } from './screens/title.ts';

/** A problem shown as a screen of its own: a heading, what went wrong, and the ways on. */
export interface Problem {
  heading: string;
  caption: string;
  lines: string[];
  actions: HTMLButtonElement[];
}

/** Mounts a problem screen (an alert), so no failure ever leaves a blank page. */
export function problemScreen(app: App, p: Problem): Mounted {
  const heading = el('h1', { tabindex: -1 }, p.heading);
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', role: 'alert' },
      heading,
      ...p.lines.map((line) => el('p', {}, line)),
      el('p', { class: 'actions' }, ...p.actions),
    ),
  );
  return { scene: 'Title', caption: p.caption, source: null, focus: heading };
}

/** A screen that failed to build: say so and offer the way back. */
export function failure(app: App, error: unknown): Mounted {
  return problemScreen(app, {
    heading: 'Something went wrong',
    caption: 'Error',
    lines: [`This screen could not be shown: ${error instanceof Error ? error.message : String(error)}`],
    actions: [button('Back to the title', () => app.go('title'), 'primary')],
  });
}

/** An address naming a seat the scenario does not have: say which seats it has, and offer to play one. */
export function unknownSeat(
  app: App,
  game: Game,
  asked: readonly string[],
  id: string,
  seed: string | null,
): Problem {
  const unknown = asked.filter((s) => !game.seatIds.includes(s));
  const named = unknown.length > 0 ? unknown.map((s) => `“${s}”`).join(', ') : 'listed twice or none';
  return {
    heading: 'This game’s address names a seat the scenario does not have',
    caption: 'Unknown seat',
    lines: [
      `“${game.scenario.title}” has no seat ${named} (the address’s “seat=” part).`,
      `Its seats are: ${game.seatIds.map((s) => `${s} (${seatName(game, s)})`).join(', ')}. Choose one below, or ask whoever sent the link for the right one.`,
    ],
    actions: [
      ...game.seatIds.map((s, i) =>
        button(
          `Play as ${seatName(game, s)}`,
          () => void app.startScenario(id, seed, [s]),
          i === 0 ? 'primary' : undefined,
        ),
      ),
      button('Back to the title', () => app.go('title')),
    ],
  };
}

/** A save that cannot be read: what went wrong, and the choice to start over (nothing is deleted unasked). */
export function corruptSave(app: App, message: string, startOver: () => void): Problem {
  return {
    heading: 'Your saved game could not be read',
    caption: 'Saved game unreadable',
    lines: [message, 'You can start this scenario over (the unreadable save is then discarded), or go back.'],
    actions: [button('Start over', startOver, 'primary'), button('Back to the title', () => app.go('title'))],
  };
}

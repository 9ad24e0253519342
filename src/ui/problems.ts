/**
 * The page's problem screens: a failure, an unreadable save, an address naming a seat the scenario does not
 * have. Each says what went wrong and offers the ways on, so no problem ever leaves a blank page.
 */
import type { Game } from '../engine/index.ts';
import { t } from '../view/i18n/active.ts';
import type { App, Mounted } from './app-types.ts';
import { button, el, fill, withNodes } from './dom.ts';
import { seatName } from './screens/seats.ts';

/** A problem shown as a screen of its own: a heading, what went wrong, and the ways on. */
export interface Problem {
  heading: string;
  caption: string;
  /** Each a paragraph: a text, or texts and nodes (ids in <code>). */
  lines: (string | (Node | string)[])[];
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
      ...p.lines.map((line) => el('p', {}, ...(typeof line === 'string' ? [line] : line))),
      el('p', { class: 'actions' }, ...p.actions),
    ),
  );
  return { scene: 'Title', caption: p.caption, source: null, focus: heading };
}

/** A screen that failed to build: say so and offer the way back. */
export function failure(app: App, error: unknown): Mounted {
  return problemScreen(app, {
    heading: t('failure-heading'),
    caption: t('failure-caption'),
    lines: [t('failure-line', { message: error instanceof Error ? error.message : String(error) })],
    actions: [button(t('back-to-title'), () => app.go('title'), 'primary')],
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
  // Seat ids are ids, not words: each in <code>, in every language.
  const code = (id: string) => el('code', {}, id);
  const joined = (parts: (Node | string)[][]) =>
    parts.flatMap((p, i) => (i === 0 ? p : [t('list-separator'), ...p]));
  const named: (Node | string)[] =
    unknown.length > 0
      ? joined(unknown.map((s) => withNodes((m) => t('quoted', { text: m.id ?? '' }), { id: code(s) })))
      : [t('seat-twice-or-none')];
  const seats = joined(
    game.seatIds.map((s) =>
      withNodes((m) => t('seat-id-name', { id: m.id ?? '', name: seatName(game, s) }), { id: code(s) }),
    ),
  );
  const span = (parts: (Node | string)[]) => el('span', {}, ...parts);
  return {
    heading: t('unknown-seat-heading'),
    caption: t('unknown-seat-caption'),
    lines: [
      withNodes((m) => t('unknown-seat-line', { title: game.scenario.title, named: m.named ?? '' }), {
        named: span(named),
      }),
      withNodes((m) => t('unknown-seat-list', { seats: m.seats ?? '' }), { seats: span(seats) }),
    ],
    actions: [
      ...game.seatIds.map((s, i) =>
        button(
          t('play-as', { seat: seatName(game, s) }),
          () => void app.startScenario(id, seed, [s]),
          i === 0 ? 'primary' : undefined,
        ),
      ),
      button(t('back-to-title'), () => app.go('title')),
    ],
  };
}

/** A save that cannot be read: what went wrong, and the choice to start over (nothing is deleted unasked). */
export function corruptSave(app: App, message: string, startOver: () => void): Problem {
  return {
    heading: t('corrupt-heading'),
    caption: t('corrupt-caption'),
    lines: [message, t('corrupt-line')],
    actions: [
      button(t('start-over'), startOver, 'primary'),
      button(t('back-to-title'), () => app.go('title')),
    ],
  };
}

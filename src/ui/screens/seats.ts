/**
 * The seat choice of a scenario with several seats, before any brief is shown: play one seat against the
 * computer (which plays the others by their machines or `auto` policies), or pass one device between
 * players, one seat each. A one-seat scenario never shows it.
 */
import { type Game, own, seatBrief } from '../../engine/index.ts';
import type { App, Mounted } from '../app-types.ts';
import { el, fill } from '../dom.ts';
import { button } from './title.ts';

/** A seat as players know it: its role ("Amber's negotiator"). */
export function seatName(game: Game, seat: string): string {
  return seatBrief(game, seat).role;
}

/** The party a seat speaks for ("Valley Cooperative"). */
export function seatParty(game: Game, seat: string): string {
  return own(game.scenario.parties, seat)?.name ?? seat;
}

/** "A and B", "A, B and C". */
function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Mounts the seat choice of the loaded game. */
export function mountSeats(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the seat choice needs a loaded game');
  const { game, session } = loaded;
  const heading = el('h1', { id: 'seats-heading', tabindex: -1 }, 'Who plays?');
  const choose = (seats: string[]) => {
    const view = session.view();
    const same = seats.length === view.seats.length && seats.every((s, i) => s === view.seats[i]);
    if (!same || view.actions.length > 0) {
      if (
        view.actions.length > 0 &&
        !window.confirm('Change seats? This starts the game over with the same seed.')
      )
        return;
      const { session: _s, answers: _a, seat: _seat, briefed: _b, ...base } = loaded;
      app.startLoaded(base, view.seed, [], {}, seats);
    }
    app.go(app.firstScreen());
  };
  const options = game.seatIds.map((seat, i) =>
    el(
      'li',
      { class: 'seat-option', 'data-seat': seat },
      button(`Play as ${seatName(game, seat)}`, () => choose([seat]), i === 0 ? 'primary' : ''),
      el(
        'p',
        { class: 'muted' },
        `${seatParty(game, seat)}${seat === game.playerId ? ', the scenario’s main seat' : ''}; the computer plays everyone else.`,
      ),
    ),
  );
  const parties = game.seatIds.map((s) => seatParty(game, s));
  const together = el(
    'li',
    { class: 'seat-option seat-pass', 'data-seat': game.seatIds.join(' ') },
    button(`Pass and play: ${andList(parties)} on this device`, () => choose([...game.seatIds])),
    el(
      'p',
      { class: 'muted' },
      `${game.seatIds.length} players share one screen, one seat each. Between turns a hand-over screen hides the last player’s view until the next player presses Continue.`,
    ),
  );
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen seats-screen', 'aria-labelledby': 'seats-heading' },
      el('p', { class: 'eyebrow' }, game.scenario.title),
      heading,
      el(
        'p',
        {},
        `This scenario has ${game.seatIds.length} seats. Each seat reads its own confidential brief, so choose before anyone reads one.`,
      ),
      el('ul', { class: 'seat-options' }, ...options, together),
      el(
        'p',
        { class: 'actions' },
        button('Back to the scenarios', () => app.go('select')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: 'Who plays?', source: null, focus: heading };
}

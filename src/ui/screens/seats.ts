/**
 * The seat choice of a scenario with several seats, before any brief is shown: play one seat against the
 * computer (which plays the others by their machines or `auto` policies), or pass one device between
 * players, one seat each. A one-seat scenario never shows it.
 */
import { type Game, own, seatBrief } from '../../engine/index.ts';
import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { button, el, fill } from '../dom.ts';

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
  return items.length <= 1
    ? (items[0] ?? '')
    : t('list-and', { a: items.slice(0, -1).join(t('list-separator')), b: items.at(-1) ?? '' });
}

/** Mounts the seat choice of the loaded game. */
export function mountSeats(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the seat choice needs a loaded game');
  const { game, session } = loaded;
  const heading = el('h1', { id: 'seats-heading', tabindex: -1 }, t('seats-heading'));
  const choose = (seats: string[]) => {
    const view = session.view();
    const same = seats.length === view.seats.length && seats.every((s, i) => s === view.seats[i]);
    if (!same || view.actions.length > 0) {
      if (view.actions.length > 0 && !window.confirm(t('seats-confirm'))) return;
      const { session: _s, answers: _a, seat: _seat, briefed: _b, ...base } = loaded;
      app.startLoaded(base, view.seed, [], {}, seats);
    }
    app.go(app.firstScreen());
  };
  const options = game.seatIds.map((seat, i) =>
    el(
      'li',
      { class: 'seat-option', 'data-seat': seat },
      button(t('play-as', { seat: seatName(game, seat) }), () => choose([seat]), i === 0 ? 'primary' : ''),
      el(
        'p',
        { class: 'muted' },
        t('seats-solo', { party: seatParty(game, seat), main: seat === game.playerId ? 'yes' : 'no' }),
      ),
    ),
  );
  const parties = game.seatIds.map((s) => seatParty(game, s));
  const together = el(
    'li',
    { class: 'seat-option seat-pass', 'data-seat': game.seatIds.join(' ') },
    button(t('seats-pass', { parties: andList(parties) }), () => choose([...game.seatIds])),
    el('p', { class: 'muted' }, t('seats-pass-detail', { players: game.seatIds.length })),
  );
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen seats-screen', 'aria-labelledby': 'seats-heading' },
      el('p', { class: 'eyebrow' }, game.scenario.title),
      heading,
      el('p', {}, t('seats-intro', { seats: game.seatIds.length })),
      el('ul', { class: 'seat-options' }, ...options, together),
      el(
        'p',
        { class: 'actions' },
        button(t('back-to-scenarios'), () => app.go('select')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: t('seats-heading'), source: null, focus: heading };
}

/**
 * The briefing screen: the role, confidential brief and objectives of the seat on screen (never another
 * seat's), then the way to the table. A scenario with several seats offers the seat choice from here too,
 * before the first move.
 */

import { seatSource } from '../../view/seat-view.ts';
import type { App, Mounted } from '../app-types.ts';
import { renderBriefing } from '../briefing.ts';
import { diagramsSection } from '../diagrams.ts';
import { bdi, el, fill } from '../dom.ts';
import { seatName } from './seats.ts';
import { button } from './title.ts';

/** Mounts the briefing of the loaded game, for the seat on screen. */
export function mountBriefing(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the briefing needs a loaded game');
  const { game, session } = loaded;
  const seat = loaded.seat;
  const view = session.view();
  const passAndPlay = view.seats.length > 1;
  // In pass and play, a seat that has not moved yet begins now, whatever the others have done.
  const started = view.actions.some((a) => a.seat === seat);
  loaded.briefed.add(seat);
  const heading = el('h1', { id: 'briefing-heading', tabindex: -1 }, game.scenario.title);
  const go = button(
    started ? 'Back to the negotiation' : 'Begin negotiating',
    () => app.go('play'),
    'primary',
  );
  // The briefing is long: the way on is offered at the top too, for those who read it before.
  const goTop = button(started ? 'Back to the table' : 'Skip the briefing and begin', () => app.go('play'));
  const seats =
    game.seatIds.length > 1 && view.actions.length === 0
      ? el(
          'p',
          { class: 'seat-line' },
          passAndPlay
            ? `Pass and play: this is the briefing of ${seatName(game, seat)}. `
            : `You play ${seatName(game, seat)}. `,
          button(passAndPlay ? 'Change seats' : 'Play another seat, or pass and play', () => app.go('seats')),
        )
      : null;
  fill(
    app.main,
    el(
      'div',
      { class: 'screen briefing-screen', 'aria-labelledby': 'briefing-heading', 'data-seat': seat },
      heading,
      el('p', { class: 'muted' }, 'Seed ', bdi(view.seed), ' · ', goTop),
      seats,
      renderBriefing(game, seat),
      // An author play-testing a file sees how every party's position can move; students of a built-in do not.
      loaded.builtIn
        ? null
        : diagramsSection(
            game,
            [],
            'How the positions can move (for the author)',
            'This file’s position machines as diagrams, to check them before playing: the boxes are positions, the arrows the transitions with their conditions.',
          ),
      el('p', { class: 'actions' }, go),
    ),
  );
  return {
    scene: 'Briefing',
    caption: 'Your briefing',
    source: seatSource(session, () => loaded.seat),
    focus: heading,
  };
}

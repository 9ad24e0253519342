/**
 * The briefing screen: the role, confidential brief and objectives of the seat on screen (never another
 * seat's), then the way to the table. A scenario with several seats offers the seat choice from here too,
 * before the first move.
 */

import { t } from '../../view/i18n/active.ts';
import { seatSource } from '../../view/seat-view.ts';
import type { App, Mounted } from '../app-types.ts';
import { renderBriefing } from '../briefing.ts';
import { diagramsSection } from '../diagrams.ts';
import { bdi, button, el, fill } from '../dom.ts';
import { seatName } from './seats.ts';

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
  const go = button(t(started ? 'briefing-back' : 'briefing-begin'), () => app.go('play'), 'primary');
  // The briefing is long: the way on is offered at the top too, for those who read it before.
  const goTop = button(t(started ? 'briefing-back-top' : 'briefing-skip'), () => app.go('play'));
  const seats =
    game.seatIds.length > 1 && view.actions.length === 0
      ? el(
          'p',
          { class: 'seat-line' },
          passAndPlay
            ? t('briefing-pass-seat', { seat: seatName(game, seat) })
            : t('briefing-you-play', { seat: seatName(game, seat) }),
          button(t(passAndPlay ? 'change-seats' : 'briefing-other-seat'), () => app.go('seats')),
        )
      : null;
  fill(
    app.main,
    el(
      'div',
      { class: 'screen briefing-screen', 'aria-labelledby': 'briefing-heading', 'data-seat': seat },
      heading,
      el('p', { class: 'muted' }, t('seed-before'), bdi(view.seed), ' · ', goTop),
      seats,
      renderBriefing(game, seat),
      // An author play-testing a file sees how every party's position can move; students of a built-in do not.
      loaded.builtIn ? null : diagramsSection(game, [], t('briefing-diagrams'), t('briefing-diagrams-intro')),
      el('p', { class: 'actions' }, go),
    ),
  );
  return {
    scene: 'Briefing',
    caption: t('your-briefing'),
    source: seatSource(session, () => loaded.seat),
    focus: heading,
  };
}

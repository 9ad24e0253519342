/**
 * The hand-over screen of pass and play: when the seat to move changes, the page shows only this, with
 * nothing of the last seat's view left in the DOM or on the canvas (no log, no brief, no meters), until the
 * next player confirms that only they can see the screen.
 */
import { own } from '../../engine/index.ts';
import type { SessionView } from '../../session/session.ts';
import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { button, el, fill } from '../dom.ts';
import { seatName } from './seats.ts';

/** The seat a pass-and-play page should show next: the seat to move when a person holds it, else null. */
export function moverToShow(view: SessionView): string | null {
  const mover = view.state.mover;
  return mover !== null && !view.state.over && view.seats.includes(mover) ? mover : null;
}

/** Whether the page must hand the device over before showing anything more of the game. */
export function needsHandover(view: SessionView, shown: string): boolean {
  const next = moverToShow(view);
  return view.seats.length > 1 && next !== null && next !== shown;
}

/** Mounts the hand-over to the seat to move. */
export function mountHandover(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the hand-over needs a loaded game');
  const { game, session } = loaded;
  const next = moverToShow(session.view()) ?? loaded.seat;
  const party = own(game.scenario.parties, next)?.name ?? next;
  const heading = el('h1', { id: 'handover-heading', tabindex: -1 }, t('handover-heading', { party }));
  const go = button(
    t('continue'),
    () => {
      loaded.seat = next;
      app.go(loaded.briefed.has(next) ? 'play' : 'briefing');
    },
    'primary',
  );
  go.setAttribute('aria-describedby', 'handover-who');
  // Full screen and modal: the rest of the page (bar, canvas) is covered and inert until Continue.
  const covered = [document.getElementById('bar'), document.querySelector<HTMLElement>('.stage-col')].filter(
    (e): e is HTMLElement => e !== null,
  );
  for (const e of covered) e.inert = true;
  fill(
    app.main,
    el(
      'div',
      {
        class: 'handover-cover',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'handover-heading',
      },
      el(
        'section',
        { class: 'panel screen handover', 'data-seat': next },
        el('p', { class: 'eyebrow' }, t('pass-and-play')),
        heading,
        el(
          'p',
          { id: 'handover-who', class: 'handover-who' },
          t('handover-who', { seat: seatName(game, next), party }),
        ),
        el('p', { class: 'muted' }, t('handover-privacy')),
        el('p', { class: 'actions' }, go),
      ),
    ),
  );
  return {
    scene: 'HowToPlay',
    caption: t('handover-caption'),
    source: null,
    focus: heading,
    cleanup: () => {
      for (const e of covered) e.inert = false;
    },
  };
}

/**
 * The debrief screen: the outcome tier, your result beside what actually happened (dates, sources, caveats),
 * the chart of the meters (painted by the Debrief scene, and here as a table for everyone), the offer
 * history, the discussion questions with answer boxes, and the ways on: play again or replay this game.
 * Each seat reads its own tier and its own debrief text; the game being over, what was hidden is revealed.
 * In pass and play, every held seat's tier is listed and each seat's debrief is one button away.
 */

import { t } from '../../view/i18n/active.ts';
import { tierWord } from '../../view/labels.ts';
import { revealedSource, revealedView, seatSource } from '../../view/seat-view.ts';
import type { App, Loaded, Mounted } from '../app-types.ts';
import { renderDebrief } from '../debrief.ts';
import { diagramsSection } from '../diagrams.ts';
import { button, el, fill } from '../dom.ts';
import { downloadReplay, handIn } from './exports.ts';
import { chartTable, historySections } from './history.ts';
import { seatName, seatParty } from './seats.ts';
import { openViewer } from './viewer-source.ts';

/** Mounts the debrief of a finished game, for the seat on screen. */
export function mountDebrief(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the debrief needs a loaded game');
  const { game, session } = loaded;
  const source = revealedSource(session, () => loaded.seat);
  const view = source.view();
  const seat = view.seat;
  const section = el('section', { class: 'panel screen debrief', 'aria-labelledby': 'debrief-heading' });
  if (!view.outcome) {
    const heading = el('h1', { id: 'debrief-heading', tabindex: -1 }, t('debrief-not-over'));
    fill(
      app.main,
      el(
        'section',
        {},
        heading,
        button(t('briefing-back-top'), () => app.go('play'), 'primary'),
      ),
    );
    // Not over: nothing is revealed yet, so the scene gets only the seat's own view.
    return {
      scene: 'Debrief',
      caption: t('debrief'),
      source: seatSource(session, () => loaded.seat),
      focus: heading,
    };
  }
  const actions = [
    button(
      t('play-again'),
      () => {
        session.newGame();
        app.go(app.firstScreen());
      },
      'primary',
    ),
    button(t('replay-this-game'), () => {
      app.viewer = openViewer(
        game,
        view.seed,
        [...view.actions],
        { builtIn: loaded.builtIn, file: loaded.file },
        view.seats,
      );
      app.go('replay');
    }),
    button(t('download-replay'), () => {
      downloadReplay(loaded);
      app.announce(t('replay-downloaded'));
    }),
    button(t('choose-another'), () => app.go('select')),
  ];
  const hand = handIn(app, loaded);
  const body = renderDebrief(
    game,
    view.state,
    view.outcome,
    {
      answers: loaded.answers,
      onAnswer: (i, text) => {
        loaded.answers = { ...loaded.answers, [String(i)]: text };
        app.persist();
      },
      actions,
      extra: [
        ...chartTable(game, view.states, seat),
        ...historySections(game, view.states, seat),
        diagramsSection(game, view.states, t('debrief-diagrams'), t('debrief-diagrams-intro')),
      ],
    },
    seat,
  );
  // The seats' results come right after this seat's own heading and tier (eyebrow, heading, tier).
  fill(section, ...body.slice(0, 3), seatResults(app, loaded, view.seats, seat), ...body.slice(3), hand);
  fill(app.main, section);
  const heading = section.querySelector<HTMLElement>('#debrief-heading') ?? section;
  return { scene: 'Debrief', caption: t('debrief'), source, focus: heading };

  /** Pass and play: every held seat's own tier, and the way to each seat's debrief. */
  function seatResults(
    app: App,
    loaded: Loaded,
    seats: readonly string[],
    shown: string,
  ): HTMLElement | null {
    if (seats.length < 2) return null;
    const raw = loaded.session.view();
    return el(
      'div',
      { class: 'seat-results', role: 'group', 'aria-labelledby': 'seat-results-heading' },
      el('h2', { id: 'seat-results-heading' }, t('seat-results')),
      el(
        'ul',
        {},
        ...seats.map((s) => {
          const tier = revealedView(raw, s).outcome?.tier;
          const b = button(
            t(s === shown ? 'debrief-showing' : 'debrief-show', { seat: seatName(game, s) }),
            () => {
              loaded.seat = s;
              app.go('debrief');
            },
          );
          b.setAttribute('aria-pressed', String(s === shown));
          return el(
            'li',
            { 'data-seat': s, 'data-tier': tier ?? '' },
            el('strong', {}, t('party-colon', { party: seatParty(game, s) })),
            tier ? tierWord(tier) : '—',
            ' ',
            b,
          );
        }),
      ),
    );
  }
}

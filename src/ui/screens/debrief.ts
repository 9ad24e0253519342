/**
 * The debrief screen: the outcome tier, your result beside what actually happened (dates, sources, caveats),
 * the chart of the meters (painted by the Debrief scene, and here as a table for everyone), the offer
 * history, the discussion questions with answer boxes, and the ways on: play again or replay this game.
 */
import type { App, Mounted } from '../app-types.ts';
import { renderDebrief } from '../debrief.ts';
import { el, fill } from '../dom.ts';
import { downloadReplay, handIn } from './exports.ts';
import { chartTable, historySections } from './history.ts';
import { button } from './title.ts';
import { openViewer } from './viewer-source.ts';

/** Mounts the debrief of a finished game. */
export function mountDebrief(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the debrief needs a loaded game');
  const { game, session } = loaded;
  const view = session.view();
  const section = el('section', { class: 'panel screen debrief', 'aria-labelledby': 'debrief-heading' });
  if (!view.outcome) {
    const heading = el('h1', { id: 'debrief-heading', tabindex: -1 }, 'The negotiation is not over yet');
    fill(
      app.main,
      el(
        'section',
        {},
        heading,
        button('Back to the table', () => app.go('play'), 'primary'),
      ),
    );
    return { scene: 'Debrief', caption: 'Debrief', source: session, focus: heading };
  }
  const actions = [
    button(
      'Play again with a new seed',
      () => {
        session.newGame();
        app.go('briefing');
      },
      'primary',
    ),
    button('Replay this game', () => {
      app.viewer = openViewer(game, view.seed, [...view.actions], {
        builtIn: loaded.builtIn,
        file: loaded.file,
      });
      app.go('replay');
    }),
    button('Download replay', () => {
      downloadReplay(loaded);
      app.announce('The replay file was downloaded.');
    }),
    button('Choose another scenario', () => app.go('select')),
  ];
  const hand = handIn(app, loaded);
  fill(
    section,
    ...renderDebrief(game, view.state, view.outcome, {
      answers: loaded.answers,
      onAnswer: (i, text) => {
        loaded.answers = { ...loaded.answers, [String(i)]: text };
        app.persist();
      },
      actions,
      extra: [...chartTable(game, view.states), ...historySections(game, view.states)],
    }),
    hand,
  );
  fill(app.main, section);
  const heading = section.querySelector<HTMLElement>('#debrief-heading') ?? section;
  return { scene: 'Debrief', caption: 'Debrief', source: session, focus: heading };
}

/**
 * The negotiation screen: the painted table (or the Council chamber) beside DOM panels that hold every word
 * and control: round and seed, the moves (buttons from the engine's list), the dialogue log (aria-live),
 * the parties and the package. It holds no rule; every action goes through `session.dispatch`.
 */
import type { Game } from '../../engine/index.ts';
import type { SessionChange, SessionView } from '../../session/session.ts';
import { activeMessages, t } from '../../view/i18n/active.ts';
import { roundStatus } from '../../view/labels.ts';
import { refusalText } from '../../view/refusal.ts';
import { seatSource } from '../../view/seat-view.ts';
import { usesCouncil } from '../../view/voting.ts';
import type { App, Mounted } from '../app-types.ts';
import { bdi, button, el, fill } from '../dom.ts';
import { DialogueLog, mountLogPanel, scrollToLine } from '../log.ts';
import { moveButtons, renderMoves } from '../moves.ts';
import { renderPackage, renderParties } from '../table.ts';
import { downloadReplay, replayCodeButton } from './exports.ts';
import { needsHandover } from './handover.ts';
import { seatName } from './seats.ts';

/** The scene that paints a game: the chamber for a large vote, else the table. */
export function playScene(game: Game): 'Council' | 'Table' {
  return usesCouncil(game) ? 'Council' : 'Table';
}

/**
 * Mounts the negotiation, as the seat on screen sees it: every panel and the scene read the seat's view
 * (`seatSource`), never the session's. In pass and play, when the seat to move changes, the page goes to
 * the hand-over before anything of the next turn is drawn.
 */
export function mountPlay(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the table needs a loaded game');
  const { game } = loaded;
  const session = loaded.session;
  const source = seatSource(session, () => loaded.seat);
  const seat = loaded.seat;
  const passAndPlay = session.view().seats.length > 1;
  const heading = el('h1', { id: 'play-heading', tabindex: -1 }, game.scenario.title);
  const status = el('p', { class: 'status' });
  const error = el('p', { class: 'error', role: 'alert' });
  const moveList = el('div', { class: 'move-list' });
  const over = el('div', { class: 'game-over', hidden: true });
  // A seat played against the machines waits only while they move inside one dispatch; said for clarity.
  const waiting = el('p', { class: 'waiting', role: 'status', hidden: true });
  const log = new DialogueLog();
  const parties = el('section', { class: 'panel', 'aria-labelledby': 'parties-heading' });
  const pkg = el('section', { class: 'panel', 'aria-labelledby': 'package-heading' });
  const moves = el(
    'section',
    { id: 'moves', class: 'panel moves', 'aria-labelledby': 'moves-heading' },
    el('h2', { id: 'moves-heading' }, t('your-moves')),
    passAndPlay ? el('p', { class: 'seat-line' }, t('playing-now', { seat: seatName(game, seat) })) : null,
    error,
    moveList,
  );
  const tools = el(
    'div',
    { class: 'tools', role: 'group', 'aria-label': t('game-tools') },
    button(t('briefing-button'), () => app.go('briefing')),
    button(t('download-replay'), () => {
      downloadReplay(loaded);
      app.announce(t('replay-downloaded'));
    }),
    replayCodeButton(app, loaded),
    button(t('new-game'), () => {
      if (window.confirm(t('new-game-confirm'))) session.newGame();
    }),
  );
  fill(
    app.main,
    el(
      'div',
      { class: 'screen play-screen', 'aria-labelledby': 'play-heading', 'data-seat': seat },
      el('header', { class: 'play-head' }, heading, status, tools),
      waiting,
      over,
      moves,
      el('div', { class: 'board' }, parties, pkg),
    ),
  );

  const logScroll = mountLogPanel(app.side, log);
  const render = (view: SessionView, change: SessionChange) => {
    const { state } = view;
    fill(status, t('status-seed', { status: roundStatus(game, state) }), bdi(view.seed));
    fill(error, view.error ? refusalText(game, view.error, view.refused, activeMessages()) : '');
    if (change === 'error') return;
    if (change === 'new-game') log.reset();
    const firstNew = log.update(game, view.states, seat);
    if (state.over) logScroll.scrollTop = logScroll.scrollHeight;
    else if (firstNew) scrollToLine(logScroll, firstNew);
    fill(parties, ...renderParties(game, state, seat));
    fill(pkg, ...renderPackage(game, state, seat));
    fill(moveList, ...renderMoves(game, state, view.menu, (action) => session.dispatch(action)));
    const yourTurn = view.menu.length > 0;
    moves.hidden = state.over || !yourTurn;
    waiting.hidden = state.over || yourTurn;
    fill(waiting, state.over || yourTurn ? '' : t('waiting'));
    if (view.outcome) {
      const see = button(t('see-debrief'), () => app.go('debrief'), 'primary');
      fill(over, el('p', { role: 'status' }, t('negotiation-over')), see);
      over.hidden = false;
    } else {
      over.replaceChildren();
      over.hidden = true;
    }
  };
  const focusNext = () => {
    const target = over.hidden ? moveButtons(moves)[0] : over.querySelector('button');
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
  };
  render(source.view(), 'new-game');
  const unsubscribe = source.subscribe((view, change) => {
    if (change !== 'error' && needsHandover(session.view(), seat)) {
      // Nothing of the next turn is drawn for this seat: save, then hide this seat's view behind the hand-over.
      app.persist();
      app.go('handover');
      return;
    }
    render(view, change);
    if (change === 'move') {
      app.persist();
      focusNext();
    }
    if (change === 'new-game') {
      app.persist();
      heading.focus();
    }
  });
  return {
    scene: playScene(game),
    caption: game.scenario.title,
    source,
    focus: heading,
    cleanup: unsubscribe,
  };
}

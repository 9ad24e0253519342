/**
 * The DOM version of the game: builds the page once, then redraws its panels from the session after
 * every change. It holds no rule: buttons come from the engine's list, text from `describeLog` and the
 * scenario, and every action goes through `session.dispatch`.
 */
import type { Diagnostic } from '../scenario/index.ts';
import { formatDiagnostic } from '../scenario/index.ts';
import { chooserUrl, type Session, type SessionChange, type SessionView } from '../session/session.ts';
import { renderBriefing } from './briefing.ts';
import { renderDebrief } from './debrief.ts';
import { el, fill } from './dom.ts';
import { roundStatus } from './labels.ts';
import { DialogueLog } from './log.ts';
import { moveButtons, renderMoves } from './moves.ts';
import { renderPackage, renderParties } from './table.ts';

/** The live parts of the page that change from turn to turn. */
interface Shell {
  round: HTMLElement;
  movesStatus: HTMLElement;
  seed: HTMLElement;
  debrief: HTMLElement;
  parties: HTMLElement;
  pkg: HTMLElement;
  moves: HTMLElement;
  moveList: HTMLElement;
  error: HTMLElement;
  logPanel: HTMLElement;
  log: DialogueLog;
  title: HTMLElement;
}

/** Puts the banner before `main`: index.html's `<main id="app">` is the main landmark itself. */
function buildShell(view: SessionView, main: HTMLElement, notice: string | null): Shell {
  const { game } = view;
  const title = el('h1', { tabindex: -1 }, game.scenario.title);
  const round = el('span', { class: 'round' });
  const seed = el('code', { class: 'seed' });
  const skip = el('a', { class: 'skip-link', href: '#moves' }, 'Skip to your moves');
  const header = el(
    'header',
    { class: 'topbar' },
    el(
      'div',
      { class: 'topbar-inner' },
      el(
        'div',
        { class: 'topbar-row' },
        el('p', { class: 'brand' }, 'Envoy'),
        el(
          'nav',
          { 'aria-label': 'Scenarios' },
          el('a', { class: 'back-link', href: chooserUrl() }, 'Choose another scenario'),
        ),
      ),
      title,
      el('p', { class: 'status' }, round, el('span', { class: 'seed-label' }, 'Seed ', seed)),
      notice ? el('p', { class: 'notice', role: 'status' }, notice) : null,
    ),
  );
  main.before(skip, header);
  const log = new DialogueLog();
  const shell: Shell = {
    title,
    round,
    movesStatus: el('p', { class: 'moves-status' }),
    seed,
    debrief: el('section', {
      id: 'debrief',
      class: 'panel debrief',
      'aria-labelledby': 'debrief-heading',
      hidden: true,
    }),
    parties: el('section', { class: 'panel', 'aria-labelledby': 'parties-heading' }),
    pkg: el('section', { class: 'panel', 'aria-labelledby': 'package-heading' }),
    moves: el('section', { id: 'moves', class: 'panel moves', 'aria-labelledby': 'moves-heading' }),
    moveList: el('div', { class: 'move-list' }),
    error: el('p', { class: 'error', role: 'alert' }),
    logPanel: el('section', { class: 'panel log-panel', 'aria-labelledby': 'log-heading' }),
    log,
  };
  fill(
    shell.moves,
    el('h2', { id: 'moves-heading' }, 'Your moves'),
    shell.movesStatus,
    shell.error,
    shell.moveList,
  );
  fill(
    shell.logPanel,
    el('h2', { id: 'log-heading' }, 'What happened'),
    el('div', { class: 'log-scroll', tabindex: 0, role: 'region', 'aria-label': 'Dialogue log' }, log.list),
  );
  fill(
    main,
    shell.debrief,
    renderBriefing(game),
    el(
      'div',
      { class: 'board' },
      el('div', { class: 'col col-state' }, shell.parties, shell.pkg),
      el('div', { class: 'col col-play' }, shell.logPanel, shell.moves),
    ),
  );
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    focusNext(shell);
  });
  return shell;
}

/** After a turn: the first move button, or the debrief heading once the game is over. */
function focusNext(shell: Shell): void {
  const heading = shell.debrief.querySelector<HTMLElement>('h2');
  if (!shell.debrief.hidden && heading) {
    heading.focus({ preventScroll: true });
    shell.debrief.scrollIntoView({ block: 'start' });
    return;
  }
  const first = moveButtons(shell.moves)[0];
  if (!first) return;
  first.focus({ preventScroll: true });
  // Show the latest lines of the log and the focused button together when they fit.
  shell.logPanel.scrollIntoView({ block: 'nearest' });
  first.scrollIntoView({ block: 'nearest' });
}

function render(session: Session, shell: Shell, view: SessionView, change: SessionChange | 'boot'): void {
  const { game, state } = view;
  shell.round.textContent = roundStatus(game, state);
  shell.movesStatus.textContent = `${roundStatus(game, state)}. Pick one move.`;
  shell.seed.textContent = view.seed;
  shell.error.textContent = view.error ? `That move was refused: ${view.error.message}` : '';
  if (change === 'error') return;
  if (change === 'new-game') shell.log.reset();
  const firstNew = shell.log.update(game, view.states);
  // Show the new turn from its start (the move, then the replies), not just its last lines; once the
  // game is over, the last lines (the vote, the end) are the ones that matter.
  const scroller = shell.log.list.parentElement;
  if (scroller && state.over) scroller.scrollTop = scroller.scrollHeight;
  else if (scroller && firstNew) scroller.scrollTop = Math.max(0, firstNew.offsetTop - 8);
  fill(shell.parties, ...renderParties(game, state));
  fill(shell.pkg, ...renderPackage(game, state));
  fill(shell.moveList, ...renderMoves(game, state, (action) => session.dispatch(action)));
  shell.moves.hidden = state.over;
  if (view.outcome) {
    fill(shell.debrief, ...renderDebrief(game, state, view.outcome, () => session.newGame()));
    shell.debrief.hidden = false;
  } else {
    shell.debrief.replaceChildren();
    shell.debrief.hidden = true;
  }
}

/**
 * Mounts the game into `main` and keeps it in step with the session. `notice` is shown under the title
 * (e.g. when the URL asked for a scenario that is not available).
 */
export function mountApp(session: Session, main: HTMLElement, notice: string | null = null): void {
  const view = session.view();
  document.title = `${view.game.scenario.title} — Envoy`;
  const shell = buildShell(view, main, notice);
  render(session, shell, view, 'boot');
  session.subscribe((next, change) => {
    render(session, shell, next, change);
    if (change === 'move') focusNext(shell);
    if (change === 'new-game') {
      window.scrollTo(0, 0);
      shell.title.focus({ preventScroll: true });
    }
  });
}

/** A scenario that does not load is shown with every located problem, the way the CLI prints them. */
export function showLoadErrors(main: HTMLElement, errors: readonly Diagnostic[]): void {
  document.title = 'Scenario error — Envoy';
  fill(
    main,
    el(
      'section',
      { class: 'panel load-errors', role: 'alert', 'aria-labelledby': 'load-errors-heading' },
      el('h1', { id: 'load-errors-heading' }, 'This scenario could not be loaded'),
      el('p', {}, 'Fix these problems in the scenario file and reload the page:'),
      el('ul', {}, ...errors.map((d) => el('li', {}, el('code', {}, formatDiagnostic(d))))),
    ),
  );
}

/**
 * The replay viewer: open a replay file (or paste a replay code) and step through it turn by turn, forward
 * and back, with the table painted and every line of the log; "Take over from here" starts a live game
 * from the shown turn with the same seed, so its first turns hash exactly as the replay's.
 */
import type { Action } from '../../engine/index.ts';
import { roundStatus } from '../../view/labels.ts';
import type { App, Mounted } from '../app-types.ts';
import { bdi, el, fill } from '../dom.ts';
import { DialogueLog, mountLogPanel, scrollToLine } from '../log.ts';
import { renderPackage, renderParties } from '../table.ts';
import { playScene } from './play.ts';
import { loadReplayText } from './replay-open.ts';
import { button } from './title.ts';

/** Mounts the viewer, or the form that opens a replay when none is loaded. */
export function mountReplay(app: App): Mounted {
  const viewer = app.viewer;
  if (!viewer) return mountOpenReplay(app);
  const { game } = viewer;
  const heading = el('h1', { id: 'replay-heading', tabindex: -1 }, `Replay: ${game.scenario.title}`);
  const status = el('p', { class: 'status', 'aria-live': 'polite' });
  const log = new DialogueLog();
  const parties = el('section', { class: 'panel', 'aria-labelledby': 'parties-heading' });
  const pkg = el('section', { class: 'panel', 'aria-labelledby': 'package-heading' });
  const first = button('First turn', () => viewer.goTo(0));
  const prev = button('Back one turn', () => viewer.goTo(viewer.turn() - 1));
  const next = button('Forward one turn', () => viewer.goTo(viewer.turn() + 1), 'primary');
  const end = button('Last turn', () => viewer.goTo(viewer.last()));
  const takeOver = button('Take over from here', () => {
    app.startLoaded(
      { id: game.scenario.id, ...viewer.origin, game },
      viewer.seed,
      viewer.actions.slice(0, viewer.turn()) as Action[],
      {},
      viewer.view().seats,
    );
    app.go('play');
  });
  const controls = el(
    'div',
    { class: 'tools viewer-controls', role: 'group', 'aria-label': 'Replay controls' },
    first,
    prev,
    next,
    end,
    takeOver,
  );
  controls.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') viewer.goTo(viewer.turn() + 1);
    else if (event.key === 'ArrowLeft') viewer.goTo(viewer.turn() - 1);
    else return;
    event.preventDefault();
  });
  fill(
    app.main,
    el(
      'div',
      { class: 'screen play-screen', 'aria-labelledby': 'replay-heading' },
      el('header', { class: 'play-head' }, heading, status, controls),
      el('div', { class: 'board' }, parties, pkg),
      el(
        'p',
        { class: 'actions' },
        button('Open another replay', () => {
          app.viewer = null;
          app.go('replay');
        }),
        button('Back to the title', () => app.go('title')),
      ),
    ),
  );
  const scroller = mountLogPanel(app.side, log);
  const render = () => {
    const v = viewer.view();
    fill(
      status,
      `Turn ${viewer.turn()} of ${viewer.last()} · ${roundStatus(game, v.state)} · Seed `,
      bdi(viewer.seed),
      v.outcome ? ' · game over' : '',
    );
    // Show the turn just reached: its first line at the top of the log (the log restarts on a step back).
    const firstNew = log.update(game, v.states, v.seat);
    if (firstNew) scrollToLine(scroller, firstNew);
    fill(parties, ...renderParties(game, v.state, v.seat));
    fill(pkg, ...renderPackage(game, v.state, v.seat));
    prev.disabled = first.disabled = viewer.turn() === 0;
    next.disabled = end.disabled = viewer.turn() === viewer.last();
  };
  render();
  const unsubscribe = viewer.subscribe(() => render());
  return {
    scene: playScene(game),
    caption: heading.textContent ?? '',
    source: viewer,
    focus: heading,
    cleanup: unsubscribe,
  };
}

/** The form: a replay file, or a pasted code; errors are shown in the page, the form stays. */
function mountOpenReplay(app: App): Mounted {
  const heading = el('h1', { id: 'open-replay-heading', tabindex: -1 }, 'Open a replay');
  const errorBox = el('div', { class: 'error', role: 'alert' });
  const fileInput = el('input', { type: 'file', id: 'replay-file', accept: '.json,application/json,.txt' });
  const codeInput = el('textarea', { id: 'replay-code', rows: 3, spellcheck: 'false' });
  const open = async (text: string, name: string) => {
    fill(errorBox);
    const result = await loadReplayText(text, name);
    if ('error' in result) {
      fill(errorBox, result.error);
      return;
    }
    app.viewer = result.viewer;
    app.go('replay');
  };
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) await open(await file.text(), file.name);
  });
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'open-replay-heading' },
      heading,
      el(
        'p',
        {},
        'A replay is the seed and the moves of a game; the engine plays them again, so you see exactly what happened. Open the file a game saved with “Download replay”, or paste its replay code.',
      ),
      errorBox,
      el('p', {}, el('label', { for: 'replay-file' }, 'Replay file (.json): '), fileInput),
      el('p', {}, el('label', { for: 'replay-code' }, 'Or paste a replay code:'), codeInput),
      el(
        'p',
        { class: 'actions' },
        button('Open the code', () => open(codeInput.value, 'the pasted code'), 'primary'),
        button('Back to the title', () => app.go('title')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: 'Open a replay', source: null, focus: heading };
}

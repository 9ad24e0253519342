/**
 * The replay viewer: open a replay file (or paste a replay code) and step through it turn by turn, forward
 * and back, with the table painted and every line of the log; "Take over from here" starts a live game
 * from the shown turn with the same seed, so its first turns hash exactly as the replay's.
 */
import type { Action } from '../../engine/index.ts';
import { t } from '../../view/i18n/active.ts';
import { roundStatus } from '../../view/labels.ts';
import type { App, Mounted } from '../app-types.ts';
import { bdi, button, el, fill } from '../dom.ts';
import { DialogueLog, mountLogPanel, scrollToLine } from '../log.ts';
import { renderPackage, renderParties } from '../table.ts';
import { playScene } from './play.ts';
import { loadReplayText } from './replay-open.ts';

/** Mounts the viewer, or the form that opens a replay when none is loaded. */
export function mountReplay(app: App): Mounted {
  const viewer = app.viewer;
  if (!viewer) return mountOpenReplay(app);
  const { game } = viewer;
  const heading = el(
    'h1',
    { id: 'replay-heading', tabindex: -1 },
    t('replay-heading', { title: game.scenario.title }),
  );
  const status = el('p', { class: 'status', 'aria-live': 'polite' });
  const log = new DialogueLog();
  const parties = el('section', { class: 'panel', 'aria-labelledby': 'parties-heading' });
  const pkg = el('section', { class: 'panel', 'aria-labelledby': 'package-heading' });
  const first = button(t('replay-first'), () => viewer.goTo(0));
  const prev = button(t('replay-back'), () => viewer.goTo(viewer.turn() - 1));
  const next = button(t('replay-forward'), () => viewer.goTo(viewer.turn() + 1), 'primary');
  const end = button(t('replay-last'), () => viewer.goTo(viewer.last()));
  const takeOver = button(t('replay-take-over'), () => {
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
    { class: 'tools viewer-controls', role: 'group', 'aria-label': t('replay-controls') },
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
        button(t('replay-open-another'), () => {
          app.viewer = null;
          app.go('replay');
        }),
        button(t('back-to-title'), () => app.go('title')),
      ),
    ),
  );
  const scroller = mountLogPanel(app.side, log);
  const render = () => {
    const v = viewer.view();
    fill(
      status,
      t('replay-status', { turn: viewer.turn(), last: viewer.last(), status: roundStatus(game, v.state) }),
      bdi(viewer.seed),
      v.outcome ? t('replay-game-over') : '',
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
  const heading = el('h1', { id: 'open-replay-heading', tabindex: -1 }, t('replay-open-heading'));
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
      el('p', {}, t('replay-intro')),
      errorBox,
      el('p', {}, el('label', { for: 'replay-file' }, t('replay-file-label')), fileInput),
      el('p', {}, el('label', { for: 'replay-code' }, t('replay-code-label')), codeInput),
      el(
        'p',
        { class: 'actions' },
        button(t('replay-open-code'), () => open(codeInput.value, t('replay-pasted-code')), 'primary'),
        button(t('back-to-title'), () => app.go('title')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: t('replay-open-heading'), source: null, focus: heading };
}

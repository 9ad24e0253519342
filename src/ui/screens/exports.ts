/**
 * What leaves the page: the replay file (the same JSON `envoy replay` verifies) and its compact code for
 * copy and paste. Both are built by the engine from the seed and the action log.
 */

import { buildReplay, encodeReplayCode } from '../../engine/index.ts';
import { buildResult, resultMarkdown } from '../../session/result.ts';
import { describeLog, type LogLine } from '../../view/log-lines.ts';
import type { App, Loaded } from '../app-types.ts';
import { el } from '../dom.ts';
import { button } from './title.ts';

/** Offers a text file for download without a server round trip. */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The replay file of the game as played so far. */
function replayJson(loaded: Loaded): string {
  const view = loaded.session.view();
  const file = buildReplay(loaded.game, view.seed, [...view.actions], [...view.states]);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Downloads the replay file, named after the scenario, seed and turn. */
export function downloadReplay(loaded: Loaded): void {
  const view = loaded.session.view();
  const seed = view.seed.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  downloadText(
    `envoy-${loaded.id}-${seed}-turn${view.actions.length}.json`,
    'application/json',
    replayJson(loaded),
  );
}

/** A button that copies the compact replay code, or shows it to copy by hand when the clipboard is closed. */
export function replayCodeButton(app: App, loaded: Loaded): HTMLButtonElement {
  return button('Copy replay code', () => {
    const view = loaded.session.view();
    const encoded = encodeReplayCode(loaded.game, view.seed, [...view.actions]);
    if (!encoded.ok) {
      app.announce(`No replay code: ${encoded.message}`);
      return;
    }
    const { code } = encoded;
    const show = () => window.prompt('Your replay code (copy it):', code);
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(code).then(
        () => app.announce('Replay code copied to the clipboard.'),
        () => show(),
      );
    } else show();
  });
}

/** A file name part from free text: letters, digits and dashes only. */
function slug(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'student'
  );
}

/**
 * "Hand in your result": an optional name, then the result as JSON (for the class page) or as a readable
 * Markdown page. Both carry the choices, the reasons, the outcome and the answers to the questions.
 */
export function handIn(app: App, loaded: Loaded): HTMLElement {
  const nameInput = el('input', { id: 'student-name', type: 'text', maxlength: 120, autocomplete: 'name' });
  nameInput.value = loaded.answers.name ?? '';
  nameInput.addEventListener('input', () => {
    loaded.answers = { ...loaded.answers, name: nameInput.value };
    app.persist();
  });
  const result = () => {
    const v = loaded.session.view();
    const seat = v.states[0]?.seats[0] ?? loaded.game.playerId;
    return buildResult(loaded.game, v.seed, v.actions, v.states, loaded.answers, nameInput.value, seat, (s) =>
      describeLog(loaded.game, s, seat).map((l) => l.text),
    );
  };
  const base = () => `envoy-result-${loaded.id}-${slug(nameInput.value)}`;
  return el(
    'section',
    { class: 'hand-in', 'aria-labelledby': 'hand-in-heading' },
    el('h2', { id: 'hand-in-heading' }, 'Hand in your result'),
    el(
      'p',
      { class: 'muted' },
      'The result holds your moves, the answers they drew, the outcome and your answers above. Your instructor can check it is a real game.',
    ),
    el('p', {}, el('label', { for: 'student-name' }, 'Your name (optional): '), nameInput),
    el(
      'p',
      { class: 'actions' },
      button('Download result (JSON)', () => {
        downloadText(`${base()}.json`, 'application/json', `${JSON.stringify(result(), null, 2)}\n`);
        app.announce('Your result was downloaded (JSON).');
      }),
      button('Download result (Markdown)', () => {
        downloadText(`${base()}.md`, 'text/markdown', resultMarkdown(result()));
        app.announce('Your result was downloaded (Markdown).');
      }),
    ),
  );
}

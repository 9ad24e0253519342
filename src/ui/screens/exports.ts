/**
 * What leaves the page: the replay file (the same JSON `envoy replay` verifies) and its compact code for
 * copy and paste. Both are built by the engine from the seed and the action log.
 */

import { buildReplay, encodeReplayCode } from '../../engine/index.ts';
import { buildResult, resultMarkdown } from '../../session/result.ts';
import { activeMessages, t } from '../../view/i18n/active.ts';
import { describeEntry } from '../../view/log-lines.ts';
import type { App, Loaded } from '../app-types.ts';
import { button, el } from '../dom.ts';
import { seatName, seatParty } from './seats.ts';

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
  return button(t('copy-code'), () => {
    const view = loaded.session.view();
    const encoded = encodeReplayCode(loaded.game, view.seed, [...view.actions], { seats: view.seats });
    if (!encoded.ok) {
      app.announce(t('no-code', { message: encoded.message }));
      return;
    }
    const { code } = encoded;
    const show = () => window.prompt(t('code-prompt'), code);
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(code).then(
        () => app.announce(t('code-copied')),
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

/** Where a seat's student name is kept in the answers: `name` for the first held seat, `name:<seat>` for others. */
function nameKey(loaded: Loaded, seat: string): string {
  return seat === loaded.session.view().seats[0] ? 'name' : `name:${seat}`;
}

/** One seat's name box and downloads: its result carries its own tier and what it saw of the game. */
function seatHandIn(app: App, loaded: Loaded, seat: string, several: boolean): HTMLElement[] {
  const key = nameKey(loaded, seat);
  const id = several ? `student-name-${seat}` : 'student-name';
  const nameInput = el('input', { id, type: 'text', maxlength: 120, autocomplete: several ? 'off' : 'name' });
  nameInput.value = loaded.answers[key] ?? '';
  nameInput.addEventListener('input', () => {
    loaded.answers = { ...loaded.answers, [key]: nameInput.value };
    app.persist();
  });
  const result = () => {
    const v = loaded.session.view();
    return buildResult(
      loaded.game,
      v.seed,
      v.actions,
      v.states,
      loaded.answers,
      nameInput.value,
      seat,
      (entries) => entries.map((e) => describeEntry(loaded.game, e, seat, activeMessages()).text),
    );
  };
  const who = several ? `-${slug(seat)}` : '';
  const base = () => `envoy-result-${loaded.id}${who}-${slug(nameInput.value)}`;
  const party = several ? seatParty(loaded.game, seat) : 'none';
  const parts: (HTMLElement | null)[] = [
    several ? el('h3', {}, seatName(loaded.game, seat)) : null,
    el('p', {}, el('label', { for: id }, t(several ? 'result-name-seat' : 'result-name')), nameInput),
    el(
      'p',
      { class: 'actions', 'data-seat': seat },
      button(t('result-download-json', { party }), () => {
        downloadText(`${base()}.json`, 'application/json', `${JSON.stringify(result(), null, 2)}\n`);
        app.announce(t('result-downloaded-json', { party }));
      }),
      button(t('result-download-md', { party }), () => {
        downloadText(`${base()}.md`, 'text/markdown', resultMarkdown(result()));
        app.announce(t('result-downloaded-md', { party }));
      }),
    ),
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

/**
 * "Hand in your result": an optional name, then the result as JSON (for the class page) or as a readable
 * Markdown page. Both carry the choices, the reasons, the outcome and the answers to the questions. In pass
 * and play, each held seat hands in its own result file (its own tier), with its own name.
 */
export function handIn(app: App, loaded: Loaded): HTMLElement {
  const seats = loaded.session.view().seats;
  const several = seats.length > 1;
  return el(
    'section',
    { class: 'hand-in', 'aria-labelledby': 'hand-in-heading' },
    el('h2', { id: 'hand-in-heading' }, t(several ? 'hand-in-seats' : 'hand-in')),
    el('p', { class: 'muted' }, several ? t('hand-in-seats-detail') : t('hand-in-detail')),
    ...seats.flatMap((seat) => seatHandIn(app, loaded, seat, several)),
  );
}

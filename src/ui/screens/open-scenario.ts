/**
 * For instructors: pick or drop a scenario YAML file to play-test it at once. The YAML parser and the
 * schema validator load only now (their own chunk); every problem is listed, located, as the CLI prints it.
 */
import { FILE_SAVE_PREFIX } from '../../session/save.ts';
import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { bdi, button, el, fill } from '../dom.ts';
import { gameIn, saveSentence, writeLangParam } from '../language.ts';
import { checkOffThread } from './check-off-thread.ts';

/** Scenario files larger than the loader's own limit are refused before reading. */
const MAX_FILE = 1024 * 1024;

/** Where the page keeps the opened file for this tab, so a reload plays it again. */
const FILE_KEY = 'envoy:open-file';

/**
 * Keeps the file's text for this tab only. Where storage refuses it (private mode, a full storage), the
 * previous file is forgotten too, so a reload never brings back another file than the one last opened.
 */
function rememberFile(name: string, bytes: Uint8Array): void {
  try {
    window.sessionStorage.setItem(FILE_KEY, JSON.stringify({ name, text: new TextDecoder().decode(bytes) }));
  } catch {
    try {
      window.sessionStorage.removeItem(FILE_KEY);
    } catch {
      // No storage at all: nothing is kept across a reload.
    }
  }
}

/** Drops the saved games of files opened earlier in this tab: only the last file can be reopened. */
function forgetFileSaves(): void {
  try {
    const storage = window.sessionStorage;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
    for (const key of keys) if (key.startsWith(FILE_SAVE_PREFIX)) storage.removeItem(key);
  } catch {
    // No storage: there is nothing to forget.
  }
}

/** The address of a game of an opened file: `?file=1&seed=…` (the file itself stays in this tab). */
export function writeFileParams(seed: string): void {
  const url = new URL(window.location.href);
  const lang = url.searchParams.has('lang');
  url.search = '';
  url.searchParams.set('file', '1');
  url.searchParams.set('seed', seed);
  writeLangParam(url, lang);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Reads, validates and starts a scenario file; returns the problems to show, or null when it started. A file
 * opened from the picker starts a new game (its earlier save in this tab is dropped); `resume` (after a
 * reload) picks its saved game up where it was, when the save is of this same file and seed.
 */
export async function openScenarioFile(
  app: App,
  name: string,
  bytes: Uint8Array,
  seed: string | null = null,
  resume = false,
): Promise<string[] | null> {
  // Validated and compiled in a worker with a time limit: a slow file never freezes the tab.
  const checked = await checkOffThread(name, bytes);
  if ('errors' in checked) return checked.errors;
  rememberFile(name, bytes);
  const game = gameIn(checked.scenario);
  for (const w of checked.warnings) console.info(w);
  const base = { id: game.scenario.id, file: name, builtIn: false, game };
  const saved = resume ? app.fileSaves.load(game) : null;
  if (saved && app.resumeSaved(base, saved, seed)) return null;
  if (saved?.status === 'corrupt')
    app.announce(t('file-save-unusable', { name, message: saveSentence(saved.message, 'corrupt') }));
  // Opened from the picker: a new game, and no older file's save left to take the room this one needs.
  if (resume) app.fileSaves.clear(game.scenario.id);
  else forgetFileSaves();
  app.startLoaded(base, seed);
  app.go('briefing');
  return null;
}

/** After a reload of `?file=1&seed=…`: resumes the game of the file this tab opened, or starts it again. */
export async function reopenScenarioFile(app: App, seed: string | null): Promise<boolean> {
  let kept: { name?: unknown; text?: unknown } | null = null;
  try {
    kept = JSON.parse(window.sessionStorage.getItem(FILE_KEY) ?? 'null');
  } catch {
    kept = null;
  }
  if (!kept || typeof kept.name !== 'string' || typeof kept.text !== 'string') return false;
  const errors = await openScenarioFile(app, kept.name, new TextEncoder().encode(kept.text), seed, true);
  return errors === null;
}

/** Mounts the file picker and drop zone. */
export function mountOpenScenario(app: App): Mounted {
  const heading = el('h1', { id: 'open-heading', tabindex: -1 }, t('file-heading'));
  const problems = el('div', { class: 'load-errors', role: 'alert' });
  const input = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml,text/yaml' });
  const zone = el(
    'div',
    { class: 'drop-zone' },
    el('p', {}, el('label', { for: 'scenario-file' }, t('file-label')), input),
    el('p', { class: 'muted' }, t('file-drop')),
  );
  const open = async (file: File) => {
    problems.replaceChildren();
    if (file.size > MAX_FILE) {
      // As a string: Fluent would group the digits of a number (1,048,577), which the English text never did.
      problems.append(el('p', {}, bdi(file.name), t('file-too-large', { size: String(file.size) })));
      return;
    }
    fill(problems, el('p', { role: 'status' }, t('file-checking'), bdi(file.name), '…'));
    const errors = await openScenarioFile(app, file.name, new Uint8Array(await file.arrayBuffer()));
    if (errors) {
      fill(
        problems,
        el('h2', {}, bdi(file.name), t('file-not-loaded')),
        el('p', {}, t('file-fix')),
        el('ul', {}, ...errors.map((line) => el('li', {}, el('code', {}, line)))),
      );
      problems.focus();
    }
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void open(file);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
  });
  problems.tabIndex = -1;
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'open-heading' },
      heading,
      el('p', {}, t('file-intro')),
      zone,
      problems,
      el(
        'p',
        { class: 'actions' },
        button(t('back-to-title'), () => app.go('title')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: t('file-heading'), source: null, focus: heading };
}

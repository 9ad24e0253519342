/**
 * The bar on every screen: the way home, help, the loaded scenario's glossary and sources, the animation
 * skip, the language switch, and a polite status line (saves, notices). It is the "reachable from every scene" part of the page.
 */

import type { SaveStatus } from '../session/save.ts';
import { activeLang, t } from '../view/i18n/active.ts';
import { LANGUAGE_NAMES, LANGUAGES, langOf } from '../view/i18n/messages.ts';
import type { Motion } from '../view/motion.ts';
import type { App, Route } from './app-types.ts';
import { bdi, el, fill } from './dom.ts';

/** How a save went, as catalogue ids (nothing when all is well). */
const SAVE_WORDS: Record<SaveStatus, string> = {
  saved: '',
  unavailable: 'save-unavailable',
  quota: 'save-quota',
  failed: 'save-failed',
};

/** The top bar's live parts. */
export class TopBar {
  private readonly scenario = el('span', { class: 'bar-scenario' });
  private glossary = el('button', { type: 'button' });
  private sources = el('button', { type: 'button' });
  private readonly status = el('p', { class: 'bar-status', role: 'status', 'aria-live': 'polite' });
  private app: App | null = null;
  private lastSave: SaveStatus = 'saved';

  constructor(
    private readonly root: HTMLElement,
    private readonly motion: Motion,
  ) {
    this.relabel();
  }

  /** (Re)builds the bar in the active language. */
  relabel(): void {
    const nav = (label: string, route: Route) => {
      const b = el('button', { type: 'button', class: 'bar-button' }, label);
      b.addEventListener('click', () => this.app?.go(route));
      return b;
    };
    const home = el('button', { type: 'button', class: 'brand' }, t('envoy'));
    home.setAttribute('aria-label', t('bar-home'));
    home.addEventListener('click', () => this.app?.go('title'));
    this.glossary = nav(t('glossary'), 'glossary');
    this.sources = nav(t('sources'), 'sources');
    const skip = el('button', { type: 'button', class: 'bar-button' }, t('bar-skip'));
    skip.title = t('bar-skip-title');
    skip.addEventListener('click', () => this.motion.skip());
    const language = el(
      'select',
      { class: 'bar-language', 'aria-label': t('bar-language') },
      ...LANGUAGES.map((lang) =>
        el('option', { value: lang, lang, selected: lang === activeLang() }, LANGUAGE_NAMES[lang]),
      ),
    );
    language.addEventListener('change', () => {
      const lang = langOf(language.value);
      if (lang && lang !== activeLang()) this.app?.switchLanguage(lang);
    });
    fill(
      this.root,
      el(
        'div',
        { class: 'topbar-inner' },
        el(
          'nav',
          { class: 'topbar-row', 'aria-label': t('envoy') },
          home,
          this.scenario,
          el('span', { class: 'bar-spacer' }),
          nav(t('how-to-play'), 'help'),
          this.glossary,
          this.sources,
          skip,
          language,
        ),
        this.status,
      ),
    );
    if (this.app) this.update(this.app);
  }

  /** Shows what belongs to the screen now up. */
  update(app: App): void {
    this.app = app;
    const game = app.loaded?.game;
    fill(this.scenario, game ? bdi(game.scenario.title) : '');
    this.glossary.hidden = !game?.scenario.glossary;
    this.sources.hidden = !game?.scenario.sources;
  }

  /** Reports a save problem once (not after every move), and its recovery. */
  saveStatus(status: SaveStatus): void {
    if (status === this.lastSave) return;
    this.lastSave = status;
    this.announce(t(status === 'saved' ? 'save-works-again' : SAVE_WORDS[status]));
  }

  /** A polite message in the status line. */
  announce(message: string): void {
    fill(this.status, message);
  }
}

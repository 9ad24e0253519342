/**
 * The bar on every screen: the way home, help, the loaded scenario's glossary and sources, the animation
 * skip, and a polite status line (saves, notices). It is the "reachable from every scene" part of the page.
 */

import type { SaveStatus } from '../session/save.ts';
import type { Motion } from '../view/motion.ts';
import type { App, Route } from './app-types.ts';
import { bdi, el, fill } from './dom.ts';

/** How a save went, in the words the bar shows (nothing when all is well). */
const SAVE_WORDS: Record<SaveStatus, string> = {
  saved: '',
  unavailable:
    'This browser does not allow saving here (private mode?); the game goes on, but a reload starts over.',
  quota: 'The browser’s storage is full, so this move was not saved; the game goes on.',
  failed: 'This move could not be saved; the game goes on.',
};

/** The top bar's live parts. */
export class TopBar {
  private readonly scenario = el('span', { class: 'bar-scenario' });
  private readonly glossary: HTMLButtonElement;
  private readonly sources: HTMLButtonElement;
  private readonly status = el('p', { class: 'bar-status', role: 'status', 'aria-live': 'polite' });
  private app: App | null = null;
  private lastSave: SaveStatus = 'saved';

  constructor(root: HTMLElement, motion: Motion) {
    const nav = (label: string, route: Route) => {
      const b = el('button', { type: 'button', class: 'bar-button' }, label);
      b.addEventListener('click', () => this.app?.go(route));
      return b;
    };
    const home = el('button', { type: 'button', class: 'brand' }, 'Envoy');
    home.setAttribute('aria-label', 'Envoy — back to the title screen');
    home.addEventListener('click', () => this.app?.go('title'));
    this.glossary = nav('Glossary', 'glossary');
    this.sources = nav('Sources', 'sources');
    const skip = el('button', { type: 'button', class: 'bar-button' }, 'Skip animation');
    skip.title = 'Skip animation (Escape)';
    skip.addEventListener('click', () => motion.skip());
    fill(
      root,
      el(
        'div',
        { class: 'topbar-inner' },
        el(
          'nav',
          { class: 'topbar-row', 'aria-label': 'Envoy' },
          home,
          this.scenario,
          el('span', { class: 'bar-spacer' }),
          nav('How to play', 'help'),
          this.glossary,
          this.sources,
          skip,
        ),
        this.status,
      ),
    );
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
    this.announce(status === 'saved' ? 'Saving works again.' : SAVE_WORDS[status]);
  }

  /** A polite message in the status line. */
  announce(message: string): void {
    fill(this.status, message);
  }
}

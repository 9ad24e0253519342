/**
 * The dialogue log: the readable lines of every turn, appended in order inside an `aria-live` list, so
 * screen readers announce each response and its reason as it happens. Who speaks is set in bold (with the
 * party's short name, so fifteen Council replies stay readable) and replies are indented under the move
 * that caused them.
 */

import { type Game, type GameState, own } from '../engine/index.ts';
import { activeMessages, t } from '../view/i18n/active.ts';
import { displayName } from '../view/labels.ts';
import { describeLog, type LogLine } from '../view/log-lines.ts';
import { type Child, el } from './dom.ts';

/** Splits a line into a bold lead (the speaker, or an event's title) and the rest of the sentence. */
function lineContent(game: Game, line: LogLine): Child[] {
  if (line.kind === 'response' && line.party) {
    const full = own(game.scenario.parties, line.party)?.name;
    if (full && line.text.startsWith(full)) {
      return [
        el('strong', { class: 'speaker' }, displayName(game, line.party)),
        line.text.slice(full.length),
      ];
    }
  }
  if (line.kind === 'event') {
    const event = game.scenario.events?.find((e) => `event/${e.id}` === line.code);
    if (event && line.text.startsWith(`${event.title}: `)) {
      return [el('strong', { class: 'event-title' }, event.title), line.text.slice(event.title.length)];
    }
  }
  return [line.text];
}

/**
 * The log lines of one state (one turn), ready to append, written for `seat` ("You …" for its own moves).
 * `state` is the seat's view, so its log holds only the entries that seat may see.
 */
export function logItems(game: Game, state: GameState, seat: string = game.playerId): HTMLLIElement[] {
  return describeLog(game, state, seat, activeMessages()).map((line) => {
    const party = line.party ? own(game.scenario.parties, line.party) : undefined;
    const isPlayer = line.party === seat && line.kind === 'move';
    const item = el(
      'li',
      { class: `log-line log-${line.kind}${isPlayer ? ' log-player' : ''}`, 'data-code': line.code },
      ...lineContent(game, line),
    );
    if (party?.emblem && !isPlayer) item.style.setProperty('--party-color', party.emblem.color);
    return item;
  });
}

/** Keeps a log list in step with the session: appends new turns, starts over on a new game. */
export class DialogueLog {
  readonly list: HTMLOListElement;
  private shown = 0;

  constructor() {
    this.list = el('ol', { class: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  }

  /** Appends the lines of every state not shown yet (all after a reset); returns the first new line. */
  update(game: Game, states: readonly GameState[], seat: string = game.playerId): HTMLLIElement | null {
    if (states.length < this.shown) this.reset();
    let first: HTMLLIElement | null = null;
    for (let i = this.shown; i < states.length; i++) {
      const items = logItems(game, states[i] as GameState, seat);
      first ??= items[0] ?? null;
      this.list.append(...items);
    }
    this.shown = states.length;
    return first;
  }

  reset(): void {
    this.list.replaceChildren();
    this.shown = 0;
  }
}

/**
 * Puts a dialogue log in the page's side column (beside the canvas, under it on phones) and returns its
 * scrolling region, which the play screen and the replay viewer both keep at the turn just shown.
 */
export function mountLogPanel(side: HTMLElement, log: DialogueLog): HTMLElement {
  const scroller = el(
    'div',
    { class: 'log-scroll', tabindex: 0, role: 'region', 'aria-label': t('log-label') },
    log.list,
  );
  side.append(
    el(
      'section',
      { class: 'panel log-panel', 'aria-labelledby': 'log-heading' },
      el('h2', { id: 'log-heading' }, t('log-heading')),
      scroller,
    ),
  );
  side.hidden = false;
  return scroller;
}

/** Scrolls the log so a turn's first line is at the top (the scroller is the lines' offset parent). */
export function scrollToLine(scroller: HTMLElement, line: HTMLElement): void {
  scroller.scrollTop = Math.max(0, line.offsetTop - 8);
}

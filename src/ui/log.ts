/**
 * The dialogue log: the readable lines of every turn, appended in order inside an `aria-live` list, so
 * screen readers announce each response and its reason as it happens.
 */
import { describeLog, type Game, type GameState } from '../engine/index.ts';
import { el } from './dom.ts';

/** The log lines of one state (one turn), ready to append. */
export function logItems(game: Game, state: GameState): HTMLLIElement[] {
  return describeLog(game, state).map((line) => {
    const party = line.party ? game.scenario.parties[line.party] : undefined;
    const isPlayer = line.party === game.playerId && line.kind === 'move';
    const item = el(
      'li',
      { class: `log-line log-${line.kind}${isPlayer ? ' log-player' : ''}`, 'data-code': line.code },
      line.text,
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

  /** Appends the lines of every state not shown yet (all of them after a reset). */
  update(game: Game, states: readonly GameState[]): void {
    if (states.length < this.shown) this.reset();
    for (let i = this.shown; i < states.length; i++) {
      const state = states[i] as GameState;
      this.list.append(...logItems(game, state));
    }
    this.shown = states.length;
  }

  reset(): void {
    this.list.replaceChildren();
    this.shown = 0;
  }
}

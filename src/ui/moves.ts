/**
 * The move menu: one button per legal action, straight from `availableActions`, grouped by move. The
 * menu decides nothing: what is listed is exactly what the engine would accept.
 */
import { type Action, availableActions, type Game, type GameState } from '../engine/index.ts';
import { el, srOnly } from './dom.ts';
import { actionLabel } from './labels.ts';

/** The move buttons in menu order (the first is where focus goes after each turn). */
export function moveButtons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button.move')];
}

function usesLeft(game: Game, state: GameState, moveId: string): string | null {
  const limit = game.scenario.moves[moveId]?.limit;
  if (limit === undefined) return null;
  const left = limit - (state.used[moveId] ?? 0);
  return left === 1 ? '1 use left' : `${left} uses left`;
}

/** Builds the grouped menu; `onChoose` receives the exact action object the engine listed. */
export function renderMoves(game: Game, state: GameState, onChoose: (action: Action) => void): HTMLElement[] {
  const groups = new Map<string, Action[]>();
  for (const action of availableActions(game, state)) {
    const list = groups.get(action.move) ?? [];
    list.push(action);
    groups.set(action.move, list);
  }
  const out: HTMLElement[] = [];
  for (const [moveId, actions] of groups) {
    const move = game.scenario.moves[moveId];
    const headingId = `move-group-${moveId}`;
    const withDetail = actions.some((a) => Object.keys(a.params).length > 0);
    const left = usesLeft(game, state, moveId);
    const buttons = actions.map((action) => {
      const label = actionLabel(game, action);
      const button = el(
        'button',
        { type: 'button', class: 'move', 'data-move': moveId },
        ...(label.detail ? [srOnly(`${label.move} — `), label.detail] : [label.move]),
      );
      button.addEventListener('click', () => onChoose(action));
      return el('li', {}, button);
    });
    const describe =
      move?.describe || left
        ? el(
            'p',
            { class: 'move-describe' },
            [move?.describe, left ? `(${left})` : null].filter(Boolean).join(' '),
          )
        : null;
    const list = el('ul', { class: 'move-buttons' }, ...buttons);
    // A move without options is its own button: its name shows once, on the button, with the description after it.
    out.push(
      el(
        'div',
        {
          class: `move-group${withDetail ? '' : ' move-single'}`,
          role: 'group',
          'aria-labelledby': headingId,
        },
        el('h3', { id: headingId, class: withDetail ? undefined : 'sr-only' }, move?.label ?? moveId),
        ...(withDetail ? [describe, list] : [list, describe]),
      ),
    );
  }
  return out;
}

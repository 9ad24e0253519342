/**
 * The move menu: one button per legal action of the seat on screen, straight from the engine, grouped by move. The
 * menu decides nothing: what is listed is exactly what the engine would accept, and the first button is
 * always the engine's first action. A move with many variants (lobby fifteen members with two arguments)
 * is split into small labelled sub-groups whose buttons show only what differs, so fifty buttons still scan;
 * each button's accessible name stays the full "Move — option" label.
 */
import { type Action, type Game, type GameState, own } from '../engine/index.ts';
import { t } from '../view/i18n/active.ts';
import { actionLabel, buttonName, paramPhrases, paramWords } from '../view/labels.ts';
import { el } from './dom.ts';

/** The move buttons in menu order (the first is where focus goes after each turn). */
export function moveButtons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button.move')];
}

/** One chosen parameter of an action: the sub-group it could head, and the words for its button. */
interface Part {
  key: string;
  heading: string;
  value: string;
}

function partsOf(game: Game, action: Action): Part[] {
  const words = paramWords(game, action.move, action.params);
  return words.flatMap((w): Part[] => {
    if (w.key === 'option') return [];
    if (w.key === 'to')
      return [{ key: w.key, heading: w.word, value: buttonName(game, action.params.to ?? '') }];
    if (w.key === 'issue') {
      // A proposal's sub-groups are its issues; each button shows only the option.
      const option = words.find((o) => o.key === 'option')?.word ?? '';
      return [{ key: w.key, heading: w.word, value: option }];
    }
    return [{ key: w.key, heading: paramPhrases([w])[0] ?? w.word, value: w.word }];
  });
}

/**
 * Which parameter splits a move into sub-groups: the issue for proposals, else the one with the fewest
 * values (two arguments × fifteen members → two groups of fifteen short buttons); none for one parameter.
 */
function splitKey(actions: Part[][]): string | null {
  const keys = actions[0]?.map((p) => p.key) ?? [];
  if (keys.includes('issue')) return 'issue';
  if (keys.length < 2) return null;
  let best: string | null = null;
  let fewest = Number.POSITIVE_INFINITY;
  for (const key of keys) {
    const values = new Set(actions.map((parts) => parts.find((p) => p.key === key)?.heading));
    if (values.size < fewest) {
      fewest = values.size;
      best = key;
    }
  }
  return best;
}

function usesLeft(game: Game, state: GameState, moveId: string): string | null {
  const limit = own(game.scenario.moves, moveId)?.limit;
  if (limit === undefined) return null;
  const left = limit - (own(state.used, moveId) ?? 0);
  return t('uses-left', { left });
}

function moveButton(
  game: Game,
  action: Action,
  visible: string,
  onChoose: (action: Action) => void,
): HTMLLIElement {
  const { full } = actionLabel(game, action);
  const button = el(
    'button',
    {
      type: 'button',
      class: 'move',
      'data-move': action.move,
      'aria-label': visible === full ? undefined : full,
    },
    visible,
  );
  button.addEventListener('click', () => onChoose(action));
  return el('li', {}, button);
}

/** The buttons of one move with options: flat, or in sub-groups headed by the split parameter. */
function variants(
  game: Game,
  moveId: string,
  actions: Action[],
  onChoose: (action: Action) => void,
): HTMLElement[] {
  const parts = actions.map((a) => partsOf(game, a));
  const key = splitKey(parts);
  const rest = (i: number) =>
    (parts[i] ?? [])
      // A proposal's sub-group is its issue; the option, carried by the issue part, is what the button says.
      .filter((p) => p.key !== key || key === 'issue')
      .map((p) => p.value)
      .join(', ');
  if (key === null) {
    const only = parts[0]?.[0]?.key;
    const param =
      only && only !== 'to' ? own(own(game.scenario.moves, moveId)?.params, only)?.label : undefined;
    const list = el(
      'ul',
      { class: 'move-buttons' },
      ...actions.map((a, i) => moveButton(game, a, rest(i), onChoose)),
    );
    return param ? [el('p', { class: 'move-param' }, `${param}:`), list] : [list];
  }
  const subgroups = new Map<string, number[]>();
  parts.forEach((p, i) => {
    const heading = p.find((x) => x.key === key)?.heading ?? '';
    subgroups.set(heading, [...(subgroups.get(heading) ?? []), i]);
  });
  return [...subgroups].map(([heading, indexes], n) => {
    const id = `move-sub-${moveId}-${n}`;
    return el(
      'div',
      { class: 'move-subgroup', role: 'group', 'aria-labelledby': id },
      el('h4', { id }, heading),
      el(
        'ul',
        { class: 'move-buttons' },
        ...indexes.map((i) => moveButton(game, actions[i] as Action, rest(i), onChoose)),
      ),
    );
  });
}

/**
 * Builds the grouped menu of `menu` (the seat's actions, as the engine listed them); `onChoose` receives
 * the exact action object the engine listed.
 */
export function renderMoves(
  game: Game,
  state: GameState,
  menu: readonly Action[],
  onChoose: (action: Action) => void,
): HTMLElement[] {
  const groups = new Map<string, Action[]>();
  for (const action of menu) {
    const list = groups.get(action.move) ?? [];
    list.push(action);
    groups.set(action.move, list);
  }
  const out: HTMLElement[] = [];
  for (const [moveId, actions] of groups) {
    const move = own(game.scenario.moves, moveId);
    const label = move?.label ?? moveId;
    const headingId = `move-group-${moveId}`;
    const withDetail = actions.some((a) => Object.keys(a.params).length > 0);
    const left = usesLeft(game, state, moveId);
    const describe =
      move?.describe || left
        ? el(
            'p',
            { class: 'move-describe' },
            move?.describe ?? null,
            left ? el('span', { class: 'uses-left' }, ` (${left})`) : null,
          )
        : null;
    // A move without options is its own button: its name shows once, on the button, with the description after it.
    const body = withDetail
      ? [describe, ...variants(game, moveId, actions, onChoose)]
      : [
          el('ul', { class: 'move-buttons' }, ...actions.map((a) => moveButton(game, a, label, onChoose))),
          describe,
        ];
    out.push(
      el(
        'div',
        {
          class: `move-group${withDetail ? '' : ' move-single'}`,
          role: 'group',
          'aria-labelledby': headingId,
        },
        el('h3', { id: headingId, class: withDetail ? undefined : 'sr-only' }, label),
        ...body,
      ),
    );
  }
  return out;
}

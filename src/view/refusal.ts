/**
 * A refused action in the reader's words: formatted from the engine error's code and the action itself, in
 * the active language, so the engine's English `message` never reaches the page.
 */
import type { ActionInput, EngineError, Game } from '../engine/index.ts';
import { own } from '../engine/index.ts';
import type { Messages } from './i18n/messages.ts';

/** "That move was refused: …", worded from `error.code` and the refused action (when the session kept it). */
export function refusalText(
  game: Game,
  error: EngineError,
  action: ActionInput | null | undefined,
  m: Messages,
): string {
  const move = typeof action?.move === 'string' ? action.move : '';
  const known = move ? own(game.scenario.moves, move) : undefined;
  const seat = typeof action?.seat === 'string' ? action.seat : '';
  const why = m.t(`refused-${error.code.replace('/', '-')}`, {
    move,
    label: known?.label ?? move,
    seat,
  });
  return m.t('refused', { why });
}

/**
 * The machine-readable code of a party's response (`offer/red-line`, `position/listening`, a transition's
 * own `code`…): what tests, results and the page key on, in every language.
 */
import type { Game } from './game.ts';
import { transitionAt } from './game.ts';
import { positionText } from './party-state.ts';
import type { LogEntry } from './types.ts';

type Response = Extract<LogEntry, { kind: 'response' }>;

/** The machine-readable reason: the transition's `code`, else one derived from the verdict or the move. */
export function responseCode(game: Game, e: Response): string {
  const code =
    e.via !== null
      ? transitionAt(game, e.party, { state: e.at ?? positionText(e.from), event: e.event, index: e.via })
          ?.code
      : undefined;
  if (code) return code;
  if (e.verdict)
    return e.verdict === 'red-line'
      ? 'offer/red-line'
      : e.verdict === 'accept'
        ? 'offer/acceptable'
        : 'offer/too-little';
  if (positionText(e.to) !== positionText(e.from)) return `position/${positionText(e.to)}`;
  return e.event === 'round.ended' ? 'round/steady' : 'position/holds';
}

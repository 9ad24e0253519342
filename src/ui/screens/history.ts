/**
 * The debrief's record of the game: every offer the student put on the table with each party's verdict,
 * in order. It reads the states' logs (what the engine recorded), so it shows what happened, not a guess.
 */
import { describeLog, type Game, type GameState } from '../../engine/index.ts';
import { type Child, el } from '../dom.ts';
import { actionLabel } from '../labels.ts';

/** One offer: when, what, and the verdicts it drew. */
interface Offer {
  round: number;
  what: string;
  verdicts: string[];
}

/** The offers of a game, from its states (initial state first). */
export function offerHistory(game: Game, states: readonly GameState[]): Offer[] {
  const offers: Offer[] = [];
  for (let i = 1; i < states.length; i++) {
    const state = states[i] as GameState;
    const move = state.log.find((e) => e.kind === 'move');
    if (!move || move.kind !== 'move' || !move.params.issue) continue;
    const round = (states[i - 1] as GameState).round;
    const lines = describeLog(game, state).filter((l) => l.kind === 'response' && l.party !== game.playerId);
    offers.push({
      round,
      what: actionLabel(game, { move: move.move, params: move.params }).full,
      verdicts: lines.map((l) => l.text),
    });
  }
  return offers;
}

/** The offer history as debrief sections (nothing when no offer was made). */
export function historySections(game: Game, states: readonly GameState[]): Child[] {
  const offers = offerHistory(game, states);
  if (offers.length === 0)
    return [el('h2', {}, 'Your offers'), el('p', {}, 'You put no offer on the table.')];
  return [
    el('h2', {}, 'Your offers'),
    el(
      'ol',
      { class: 'offer-history' },
      ...offers.map((o) =>
        el(
          'li',
          {},
          el('strong', {}, `Round ${o.round}: `),
          o.what,
          o.verdicts.length ? el('ul', {}, ...o.verdicts.map((v) => el('li', {}, v))) : null,
        ),
      ),
    ),
  ];
}

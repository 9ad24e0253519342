/**
 * The debrief's record of the game: every offer the student put on the table with each party's verdict,
 * in order. It reads the states' logs (what the engine recorded), so it shows what happened, not a guess.
 */

import type { Game, GameState } from '../../engine/index.ts';
import { meterSeries } from '../../view/chart-data.ts';
import { activeMessages, t } from '../../view/i18n/active.ts';
import { actionLabel, displayName } from '../../view/labels.ts';
import { describeLog } from '../../view/log-lines.ts';
import { type Child, el } from '../dom.ts';

/** One offer: when, what, and the verdicts it drew. */
interface Offer {
  round: number;
  what: string;
  verdicts: string[];
}

/** The offers of a game, from its states (initial state first). */
function offerHistory(game: Game, states: readonly GameState[], seat: string): Offer[] {
  const offers: Offer[] = [];
  for (let i = 1; i < states.length; i++) {
    const state = states[i] as GameState;
    const move = state.log.find((e) => e.kind === 'move');
    // Only the seat's own offers: in a game of several seats, the others' proposals are theirs.
    if (move?.kind !== 'move' || !move.params.issue || move.seat !== seat) continue;
    const round = (states[i - 1] as GameState).round;
    const lines = describeLog(game, state, seat, activeMessages()).filter(
      (l) => l.kind === 'response' && l.party !== seat,
    );
    offers.push({
      round,
      what: actionLabel(game, { seat: move.seat, move: move.move, params: move.params }).full,
      verdicts: lines.map((l) => l.text),
    });
  }
  return offers;
}

/** The offer history as debrief sections (nothing when no offer was made). */
export function historySections(
  game: Game,
  states: readonly GameState[],
  seat: string = game.playerId,
): Child[] {
  const offers = offerHistory(game, states, seat);
  if (offers.length === 0) return [el('h2', {}, t('your-offers')), el('p', {}, t('no-offers'))];
  return [
    el('h2', {}, t('your-offers')),
    el(
      'ol',
      { class: 'offer-history' },
      ...offers.map((o) =>
        el(
          'li',
          {},
          el('strong', {}, t('offer-round', { round: o.round })),
          o.what,
          o.verdicts.length ? el('ul', {}, ...o.verdicts.map((v) => el('li', {}, v))) : null,
        ),
      ),
    ),
  ];
}

/**
 * The debrief chart's numbers as a table, for screen readers and anyone who prefers numbers: each
 * counterpart's meters at the start and at the end of every round (every counterpart, not only those the
 * painted chart has room for). Folded, since it is long for a large cast.
 */
export function chartTable(game: Game, states: readonly GameState[], seat: string = game.playerId): Child[] {
  const data = meterSeries(game, states, { maxParties: Number.POSITIVE_INFINITY }, seat);
  if (data.lines.length === 0) return [];
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, t('chart-party')),
    el('th', { scope: 'col' }, t('chart-meter')),
    ...data.rounds.map((r) =>
      el('th', { scope: 'col' }, r === 0 ? t('chart-start') : t('chart-round', { round: r })),
    ),
  );
  const rows = data.lines.map((line) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, displayName(game, line.party)),
      el('td', {}, data.meters.find((m) => m.id === line.meter)?.label ?? line.meter),
      ...data.rounds.map((r) =>
        el('td', { class: 'num' }, String(line.points.find((p) => p.round === r)?.value ?? '')),
      ),
    ),
  );
  return [
    el(
      'details',
      { class: 'folded chart-table' },
      el('summary', {}, t('chart-numbers')),
      el(
        'div',
        { class: 'table-scroll' },
        el('table', { class: 'party-table' }, el('thead', {}, head), el('tbody', {}, ...rows)),
      ),
    ),
  ];
}

/**
 * The numbers behind the debrief chart: how each counterpart's meters moved round by round. Pure, so the
 * canvas chart and the DOM's accessible table show exactly the same data, and tests can pin it.
 */
import { type Game, type GameState, metersOf, own } from '../engine/index.ts';
import { t } from './i18n/active.ts';
import { metersFor } from './relevance.ts';

/** A meter's value at the end of a round; round 0 is the start of the game. */
export interface MeterPoint {
  round: number;
  value: number;
}

/** One line of the chart: a party's meter over the rounds. */
export interface MeterLine {
  party: string;
  meter: string;
  points: MeterPoint[];
  /** Last value minus first. */
  change: number;
}

/** What the chart draws and why it left some parties out. */
export interface ChartData {
  /** The x axis: 0 (start) then each round played. */
  rounds: number[];
  /** The meters charted (at most `maxMeters`), with their scenario ranges. */
  meters: { id: string; label: string; min: number; max: number }[];
  /** Charted parties, in the order of the legend. */
  parties: string[];
  lines: MeterLine[];
  /** Counterparts not charted, so a caption can say so. */
  omitted: string[];
  /** Why parties were left out, in words, or null when every counterpart is charted. */
  caption: string | null;
}

/** Trust and pressure first: they are what the debrief discusses; then the scenario's order. */
const PREFERRED = ['trust', 'pressure'];

/**
 * Each counterpart's meters (and `seat`'s own, default the player's) at the end of every round (the last state of the round; the final state counts
 * for the last round), plus the starting values. Large casts are cut to `maxParties`: parties with a veto
 * first, then those whose meters moved most.
 */
export function meterSeries(
  game: Game,
  states: readonly GameState[],
  options: { maxParties?: number; maxMeters?: number } = {},
  seat: string = game.playerId,
): ChartData {
  const maxParties = options.maxParties ?? 6;
  const maxMeters = options.maxMeters ?? 2;
  const first = states[0];
  const last = states[states.length - 1];
  const empty: ChartData = { rounds: [], meters: [], parties: [], lines: [], omitted: [], caption: null };
  if (!first || !last) return empty;
  const limit = game.scenario.rounds;
  const byRound = new Map<number, GameState>([[0, first]]);
  for (const state of states.slice(1)) byRound.set(Math.min(Math.max(1, state.round), limit), state);
  const rounds = [...byRound.keys()].sort((a, b) => a - b);

  const counterparts = game.partyIds.filter((p) => p !== seat);
  // The seat's own meters (pressure at home, say) are charted too, always first.
  const cast = [seat, ...counterparts];
  const relevant = new Map(cast.map((p) => [p, metersFor(game, last, p)]));
  const used = new Set([...relevant.values()].flat());
  const ranked = [
    ...PREFERRED.filter((m) => used.has(m)),
    ...game.meterIds.filter((m) => !PREFERRED.includes(m)),
  ];
  const meterIds = ranked.filter((m) => used.has(m)).slice(0, maxMeters);
  const meters = meterIds.map((id) => {
    const def = own(game.scenario.meters, id);
    return { id, label: def?.label ?? id, min: def?.min ?? 0, max: def?.max ?? 10 };
  });

  const lineOf = (party: string, meter: string): MeterLine => {
    const points = rounds.map((round) => ({
      round,
      value: own(metersOf(byRound.get(round) as GameState, party), meter) ?? 0,
    }));
    const change = (points[points.length - 1]?.value ?? 0) - (points[0]?.value ?? 0);
    return { party, meter, points, change };
  };
  const all = cast.flatMap((party) =>
    meterIds.filter((m) => relevant.get(party)?.includes(m)).map((m) => lineOf(party, m)),
  );
  const movement = (party: string) =>
    all.filter((l) => l.party === party).reduce((sum, l) => sum + Math.abs(l.change), 0);
  const charted = counterparts.filter((p) => all.some((l) => l.party === p));
  const playerCharted = all.some((l) => l.party === seat);
  const room = Math.max(1, maxParties - (playerCharted ? 1 : 0));
  let parties = charted;
  let caption: string | null = null;
  if (charted.length > room) {
    const veto = charted.filter((p) => own(game.scenario.parties, p)?.veto).slice(0, room);
    const rest = charted
      .filter((p) => !veto.includes(p))
      .sort((a, b) => movement(b) - movement(a) || charted.indexOf(a) - charted.indexOf(b))
      .slice(0, room - veto.length);
    const picked = new Set([...veto, ...rest]);
    parties = charted.filter((p) => picked.has(p));
    caption = t('chart-caption', {
      shown: parties.length,
      of: charted.length,
      veto: veto.length > 0 ? 'yes' : 'no',
    });
  }
  if (playerCharted) parties = [seat, ...parties];
  return {
    rounds,
    meters,
    parties,
    lines: all.filter((l) => parties.includes(l.party)),
    omitted: counterparts.filter((p) => !parties.includes(p)),
    caption,
  };
}

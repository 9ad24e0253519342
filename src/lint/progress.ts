/**
 * How close a game state is to satisfying an outcome's `when`, from 0 to 1: the guide of the search's
 * outcome-directed playouts. It mirrors the engine's condition semantics for what an outcome can test
 * (there is no party, roll or offer at the end of a game) but gives partial credit — the right terms on
 * the table before anyone signs, members leaning yes before a vote — so a greedy player can climb
 * toward an outcome that random play rarely stumbles on. Only a guide: the engine decides outcomes.
 */
import {
  agreedOf,
  ballotOf,
  type Game,
  type GameState,
  judgeOffer,
  metersOf,
  own,
  positionHolds,
} from '../engine/index.ts';
import type { Condition, Range } from '../scenario/schema.ts';
import { allStates } from '../scenario/state-paths.ts';

function distance(value: number, r: Range): number {
  if (typeof r === 'number') return Math.abs(value - r);
  let d = 0;
  if (r.atLeast !== undefined && value < r.atLeast) d = Math.max(d, r.atLeast - value);
  if (r.atMost !== undefined && value > r.atMost) d = Math.max(d, value - r.atMost);
  if (r.above !== undefined && value <= r.above) d = Math.max(d, r.above - value + 1);
  if (r.below !== undefined && value >= r.below) d = Math.max(d, value - r.below + 1);
  return d;
}

const near = (value: number, r: Range) => 1 / (1 + distance(value, r));
const oneOf = (v: string | undefined, want: string | string[]) =>
  v !== undefined && (typeof want === 'string' ? v === want : want.includes(v));

function mean(xs: number[]): number {
  return xs.length === 0 ? 1 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function metersScore(
  meters: Readonly<Record<string, number>> | undefined,
  tests: Record<string, Range>,
): number {
  return mean(Object.entries(tests).map(([m, r]) => near(own(meters, m) ?? 0, r)));
}

/** Each member's ballot if the vote were held now (position's `vote`, else the party's `ballot`, else abstain). */
function projectedBallots(game: Game, s: GameState): Record<string, string> {
  if (s.vote) return s.vote.ballots;
  const out: Record<string, string> = {};
  for (const m of game.scenario.vote?.members ?? []) {
    for (const p of own(game.targets, m) ?? []) out[p] = ballotOf(game, s, p);
  }
  return out;
}

function voteScore(game: Game, s: GameState, test: NonNullable<Condition['vote']>): number {
  const ballots = projectedBallots(game, s);
  const held = s.vote !== null;
  const count = (b: string) => Object.values(ballots).filter((x) => x === b).length;
  const vetoed = Object.entries(ballots).some(([p, b]) => b === 'no' && own(game.scenario.parties, p)?.veto);
  const threshold = game.scenario.vote?.threshold ?? 1;
  const lean = held ? 1 : 0.8;
  const parts: number[] = [];
  if (test.held !== undefined) parts.push(test.held === held ? 1 : 0);
  if (test.adopted !== undefined) {
    const adopted = !vetoed && count('yes') >= threshold;
    const toward = test.adopted
      ? Math.min(1, count('yes') / threshold) * (vetoed ? 0.5 : 1)
      : adopted
        ? 0
        : 1;
    parts.push(held ? (s.vote?.adopted === test.adopted ? 1 : 0) : lean * toward);
  }
  if (test.vetoed !== undefined) parts.push((vetoed === test.vetoed ? 1 : 0) * lean);
  for (const key of ['yes', 'no', 'abstain'] as const) {
    const r = test[key];
    if (r !== undefined) parts.push(near(count(key), r) * lean);
  }
  for (const [p, want] of Object.entries(test.ballots ?? {}))
    parts.push(oneOf(own(ballots, p), want) ? lean : 0);
  return mean(parts);
}

/** The best `score` of any state of a party's machine, to normalise how far along it is. */
function topScore(game: Game, party: string): number {
  const def = own(game.machines, party)?.def;
  return Math.max(0, ...(def ? allStates(def) : []).map(({ state }) => state.score ?? 0));
}

/**
 * How close a party is to signing these terms before it has: the terms on the table, how it would
 * judge the table now (margin over its reservation), and how far along its position is (the author's
 * `score`s, which rise toward agreement). Each a third.
 */
function courtship(game: Game, s: GameState, party: string, wants: [string, string | string[]][]): number {
  const table = mean(wants.map(([i, w]) => (oneOf(own(s.table, i), w) ? 1 : 0)));
  const margin = judgeOffer(game, s, party).margin;
  const judged = Math.max(0, Math.min(1, margin + 0.5));
  const pos = own(s.parties, party)?.position?.value;
  const top = topScore(game, party);
  const along =
    top > 0 && pos !== undefined ? Math.max(0, (own(game.machines, party)?.metaOf(pos).score ?? 0) / top) : 0;
  return (table + judged + along) / 3;
}

/** Progress (0–1) of a state toward a condition tested with no party context (an outcome's `when`). */
export function progress(game: Game, s: GameState, c: Condition): number {
  const parts: number[] = [];
  const player = own(s.parties, game.playerId);
  if (c.chance !== undefined || c.param || c.verdict !== undefined || c.utility || c.margin) parts.push(0);
  if (c.meters) parts.push(metersScore(metersOf(s, game.playerId), c.meters));
  if (c.position !== undefined)
    parts.push(positionHolds(game, game.playerId, player?.position?.value, c.position) ? 1 : 0);
  for (const [id, test] of Object.entries(c.parties ?? {})) {
    const p = own(s.parties, id);
    if (test.position !== undefined)
      parts.push(positionHolds(game, id, p?.position?.value, test.position) ? 1 : 0);
    if (test.meters) parts.push(metersScore(metersOf(s, id), test.meters));
    if (test.agreed !== undefined) parts.push(test.agreed === (agreedOf(s, id) !== undefined) ? 1 : 0);
  }
  for (const [f, v] of Object.entries(c.flags ?? {})) parts.push((own(s.flags, f) ?? false) === v ? 1 : 0);
  if (c.round !== undefined) parts.push(near(s.round, c.round));
  for (const [i, want] of Object.entries(c.table ?? {})) parts.push(oneOf(own(s.table, i), want) ? 1 : 0);
  for (const [id, terms] of Object.entries(c.agreed ?? {})) {
    const signed = agreedOf(s, id);
    const wants = Object.entries(terms);
    if (signed) parts.push(mean(wants.map(([i, w]) => (oneOf(own(signed, i), w) ? 1 : 0))));
    else parts.push(0.8 * courtship(game, s, id, wants));
  }
  if (c.vote) parts.push(voteScore(game, s, c.vote));
  for (const [m, r] of Object.entries(c.used ?? {})) parts.push(near(own(s.used, m) ?? 0, r));
  for (const sub of c.all ?? []) parts.push(progress(game, s, sub));
  if (c.any) parts.push(Math.max(...c.any.map((sub) => progress(game, s, sub))));
  if (c.not) parts.push(progress(game, s, c.not) >= 1 ? 0 : 1);
  return mean(parts);
}

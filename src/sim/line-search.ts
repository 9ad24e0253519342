/**
 * Is there a recipe? The best FIXED line of moves for one seat, found by a beam search with the engine: a
 * line is the seat's moves in order, played the same on every seed, whatever the other parties answer. A
 * scenario that teaches has no line that wins almost always; a player who reads the responses should do
 * clearly better than any fixed line (issue 12). Pure and deterministic: same scenario, seat and options,
 * same line.
 *
 * How a line is played on a seed (`playLine`): the seat plays the line's moves in order; a move that is
 * not legal on this seed when its turn comes (a target already gone, a limit used up, a step not yet open)
 * is skipped, and the next one is tried at the same turn. Once the line runs out, the engine's first legal
 * action plays at each turn to the end.
 *
 * The search (`searchLine`): depth by depth, every line in the beam is extended by every move the seat
 * could make at that depth on any of the search seeds; each extension is scored by the engine's own
 * `evaluate` for the seat (the outcome's tier once a game is over), averaged over the search seeds; lines
 * that lead to the same states on every seed are one line; the `beam` best are kept. The lines left at the
 * end are then scored on the scoring seeds by how often they reach the seat's best tier, and the best wins.
 */
import {
  type Action,
  applyAction,
  availableActions,
  canonicalJson,
  chooseAction,
  createGame,
  evaluate,
  type Game,
  type GameState,
  type OutcomeResult,
  own,
  playGame,
  restoreRng,
  type StrategyName,
  seedRng,
  stateHash,
  tierFor,
} from '../engine/index.ts';

type Tier = OutcomeResult['tier'];
const TIER_RANK: Record<Tier, number> = { success: 3, partial: 2, failure: 0 };

/** The best tier any outcome gives `seat`: what "reaching the best tier" means for it. */
export function bestTierOf(game: Game, seat: string): Tier {
  let best: Tier = 'failure';
  for (const o of game.scenario.outcomes) {
    const tier = tierFor(game, o.id, seat) ?? o.tier;
    if (TIER_RANK[tier] > TIER_RANK[best]) best = tier;
  }
  return best;
}

/** The seeds `base-0` … `base-(n-1)`: the same names `envoy simulate` uses for its games. */
export function seedList(base: string, n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${base}-${from + i}`);
}

function actionKey(a: Pick<Action, 'move' | 'params'>): string {
  return `${a.move} ${canonicalJson(a.params)}`;
}

/** The line's next move on one game: played if it is legal here and now, else skipped (the state unchanged). */
function stepWith(game: Game, state: GameState, move: Action): GameState {
  if (state.over || state.mover === null) return state;
  const r = applyAction(game, state, move);
  return 'error' in r ? state : r.state;
}

/** Once the line has run out: the engine's first legal action at each turn, to the end. */
function finish(game: Game, state: GameState): GameState {
  let s = state;
  while (!s.over && s.mover !== null) {
    const first = availableActions(game, s)[0];
    const r = first ? applyAction(game, s, first) : null;
    if (!r || 'error' in r) return s;
    s = r.state;
  }
  return s;
}

/** Plays `line` for `seat` (the only seat a person holds) on one seed, to the end; the final state. */
export function playLine(game: Game, seed: string, seat: string, line: readonly Action[]): GameState {
  let state = createGame(game, seed, { seats: [seat] });
  // Each applyAction plays every other seat until it is this seat's turn again, or the game is over.
  for (const move of line) state = stepWith(game, state, move);
  return finish(game, state);
}

/** How often each outcome and tier came up, and the share of games at the seat's best tier. */
export interface LineScore {
  games: number;
  best: number;
  share: number;
  tiers: Record<Tier, number>;
}

function scoreStates(game: Game, seat: string, finals: readonly GameState[]): LineScore {
  const top = bestTierOf(game, seat);
  const tiers: Record<Tier, number> = { success: 0, partial: 0, failure: 0 };
  for (const s of finals) {
    const tier = s.outcome ? tierFor(game, s.outcome, seat) : null;
    if (tier) tiers[tier] += 1;
  }
  const best = tiers[top];
  return { games: finals.length, best, share: finals.length ? best / finals.length : 0, tiers };
}

/** A fixed line scored on seeds. */
export function scoreLine(
  game: Game,
  seat: string,
  line: readonly Action[],
  seeds: readonly string[],
): LineScore {
  return scoreStates(
    game,
    seat,
    seeds.map((seed) => playLine(game, seed, seat, line)),
  );
}

/** A strategy for the seat scored on the same seeds (the strategy's own stream is `SEED/strategy`). */
export function scoreStrategy(
  game: Game,
  seat: string,
  strategy: StrategyName,
  seeds: readonly string[],
): LineScore {
  const finals = seeds.map((seed) => {
    const { states } = playGame(game, seed, strategy, undefined, { seats: [seat] });
    return states[states.length - 1] as GameState;
  });
  return scoreStates(game, seat, finals);
}

export interface LineSearchOptions {
  seat: string;
  /** Lines kept at each depth (issue 12 asks for at least 64). */
  beam: number;
  /** Seeds each extension is scored on during the search. */
  searchSeeds: readonly string[];
  /** Seeds the finished lines are scored on (issue 12: 200). */
  scoreSeeds: readonly string[];
}

export interface LineSearchResult {
  seat: string;
  bestTier: Tier;
  /** The best line found, as the seat's moves in order. */
  line: Action[];
  /** Its score on the scoring seeds. */
  score: LineScore;
  /** Lines scored on the scoring seeds (the final beam). */
  finalists: number;
  /** Extensions evaluated during the search. */
  explored: number;
  /** Depth reached: the seat's turns in the longest game. */
  depth: number;
}

interface Entry {
  line: Action[];
  /** The line as text, for the deterministic tie-break. */
  text: string;
  states: GameState[];
  value: number;
  key: string;
}

/** Lines judged by playing out at each depth, per line kept (the rest are judged by `evaluate` alone). */
const ROLLOUT_POOL = 4;

/** Best value first; ties by the line's moves, so the beam never depends on Map order. */
function byValue(a: Entry, b: Entry): number {
  return b.value - a.value || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/** The mean tier score (success 3, partial 2, failure 0) for `seat` of the states played out at random. */
function rolloutValue(game: Game, seat: string, states: readonly GameState[], depth: number): number {
  let sum = 0;
  for (const [i, start] of states.entries()) {
    const rng = restoreRng(seedRng(`rollout/${depth}/${i}`));
    let s = start;
    while (!s.over && s.mover !== null) {
      const a = chooseAction(game, s, 'random', rng);
      const r = a ? applyAction(game, s, a) : null;
      if (!r || 'error' in r) break;
      s = r.state;
    }
    const tier = s.outcome ? tierFor(game, s.outcome, seat) : null;
    sum += tier ? TIER_RANK[tier] : 0;
  }
  return sum / states.length;
}

/** The beam search described above. */
export function searchLine(game: Game, opts: LineSearchOptions): LineSearchResult {
  const { seat } = opts;
  const start = opts.searchSeeds.map((seed) => createGame(game, seed, { seats: [seat] }));
  let beam: Entry[] = [{ line: [], text: '', states: start, value: 0, key: '' }];
  let explored = 0;
  let depth = 0;
  const live = (e: Entry) => e.states.some((s) => !s.over && s.mover !== null);
  // A skipped move leaves a seed where it was, so a line can be longer than the seat's turns; not much.
  const maxDepth =
    2 * game.scenario.rounds * Math.max(game.movesPerRound, ...Object.values(game.seatMovesPerRound));
  while (beam.some(live) && depth < maxDepth) {
    depth++;
    const next = new Map<string, Entry>();
    for (const entry of beam) {
      if (!live(entry)) {
        next.set(entry.key, entry);
        continue;
      }
      // Every move the seat could make now on some seed, in the engine's menu order.
      const moves = new Map<string, Action>();
      for (const s of entry.states) {
        if (s.over || s.mover === null) continue;
        for (const a of availableActions(game, s)) if (!moves.has(actionKey(a))) moves.set(actionKey(a), a);
      }
      for (const move of moves.values()) {
        explored++;
        const states = entry.states.map((s) => stepWith(game, s, move));
        if (states.every((s, i) => s === entry.states[i])) continue; // skipped on every seed
        const key = states.map(stateHash).join(' ');
        if (next.has(key)) continue; // another line already reaches exactly these states
        const value = states.reduce((sum, s) => sum + evaluate(game, s, seat), 0) / states.length;
        const line = [...entry.line, move];
        next.set(key, { line, text: lineText(line), states, value, key });
      }
    }
    // The engine's evaluation is short-sighted (trust built now pays only later), so the most promising
    // lines by it are then judged by where they lead: each played out by random moves to the end, on every
    // search seed, with the same random moves for every line at this depth (a fair comparison).
    const promising = [...next.values()].sort(byValue).slice(0, opts.beam * ROLLOUT_POOL);
    for (const e of promising) e.value = rolloutValue(game, seat, e.states, depth) + e.value * 0.01;
    beam = promising.sort(byValue).slice(0, opts.beam);
  }
  // Lines still live at the end (a move skipped on some seed) are finished as playLine finishes them.
  let best: { line: Action[]; score: LineScore } | null = null;
  for (const entry of beam) {
    const score = scoreLine(game, seat, entry.line, opts.scoreSeeds);
    if (!best || score.best > best.score.best) best = { line: entry.line, score };
  }
  const chosen = best ?? { line: [], score: scoreLine(game, seat, [], opts.scoreSeeds) };
  return {
    seat,
    bestTier: bestTierOf(game, seat),
    line: chosen.line,
    score: chosen.score,
    finalists: beam.length,
    explored,
    depth,
  };
}

/** A line as `envoy play --moves` reads it: `move name=value; …`. */
export function lineText(line: readonly Pick<Action, 'move' | 'params'>[]): string {
  return line
    .map((a) =>
      [
        a.move,
        ...Object.keys(a.params)
          .sort()
          .map((k) => `${k}=${own(a.params, k)}`),
      ].join(' '),
    )
    .join('; ');
}

/**
 * A bounded, deterministic exploration of a scenario with the real engine: greedy playouts, a
 * breadth-first search that keeps only states adding something new (a position, flag, meter value,
 * agreement… never seen before: "novelty" pruning, which covers far more of a game than plain BFS for
 * the same work), then seeded random playouts. Proof of reachability is out of reach, so the result
 * says exactly how much was explored; the same scenario and budget always explore the same games.
 */
import {
  type Action,
  agreementsOf,
  applyAction,
  availableActions,
  createGame,
  evaluate,
  type Game,
  type GameOptions,
  type GameState,
  metersOf,
  moveChoiceCount,
  positionText,
} from '../engine/index.ts';
import { type Draw, seededDraw } from './prng.ts';
import { progress } from './progress.ts';

/** How much the search may do: `actions` counts every `applyAction` call (lookahead included). */
export interface SearchBudget {
  actions: number;
  /** Seed text of the game worlds and of the search's own choices. */
  seed: string;
}

/**
 * What one engine action costs, in actions of a scenario the size of the built-ins: an action delivers
 * events to parties, fires the round's events, and lists the menu, so a file with many parties, events or
 * menu entries costs more per action. The budget counts this cost, not bare actions, so `check` takes about
 * as long on the largest file the format accepts as on a built-in (the built-ins weigh 1).
 */
export function actionWeight(game: Game): number {
  let menu = 0;
  for (const m of game.moveIds) menu += moveChoiceCount(game, m);
  const cost = game.partyIds.length + (game.scenario.events?.length ?? 0) + menu / 10;
  return Math.max(1, cost / COST_BASELINE);
}

/** The per-action cost of the largest built-in (the UN vote: 16 parties, 9 events, 56 menu entries). */
const COST_BASELINE = 40;

/** The default budget: at ~5–15k engine actions per second, well under a second per scenario. */
export const DEFAULT_BUDGET: SearchBudget = { actions: 9000, seed: 'envoy-check' };

/** A game that ended because no move was legal, with the moves that led there. */
export interface DeadEnd {
  actions: Action[];
  state: GameState;
}

/** What the search saw. */
export interface SearchResult {
  budget: SearchBudget;
  /** Games played to their end (greedy, random, and end states of the breadth-first search). */
  playouts: number;
  /** `applyAction` calls made. */
  actions: number;
  /** Distinct states (ignoring the generator and the log) seen. */
  states: number;
  /** Outcome id → how many explored games ended in it. */
  outcomes: Map<string, number>;
  /** Moves that were legal in at least one explored state. */
  available: Set<string>;
  /** Party → position states it was seen in. */
  positions: Map<string, Set<string>>;
  deadEnds: number;
  /** The dead end reached with the fewest moves, if any. */
  deadEnd: DeadEnd | null;
  /** The seats people held in the explored games (the others played by their auto policies). */
  seats: readonly string[];
}

interface Search {
  game: Game;
  options: GameOptions;
  r: SearchResult;
  seen: Set<string>;
  atoms: Set<string>;
}

/** A state's identity for the search: what it is, not how the world's generator stands or what was said. */
function keyOf(s: GameState): string {
  return `${s.round}|${s.step}|${s.outcome}|${JSON.stringify(s.parties)}|${JSON.stringify(s.table)}|${JSON.stringify(agreementsOf(s))}|${JSON.stringify(s.flags)}|${JSON.stringify(s.used)}|${s.vote ? JSON.stringify(s.vote.ballots) : ''}`;
}

/** The facts a state holds, for novelty pruning. */
function atomsOf(s: GameState): string[] {
  const out: string[] = [];
  for (const [p, ps] of Object.entries(s.parties)) {
    if (ps.position) out.push(`p:${p}=${positionText(ps.position.value)}`);
    for (const [m, v] of Object.entries(metersOf(s, p) ?? {})) out.push(`m:${p}.${m}=${v}`);
  }
  for (const [i, o] of Object.entries(s.table)) out.push(`t:${i}=${o}`);
  for (const [p, terms] of Object.entries(agreementsOf(s))) {
    out.push(`a:${p}`);
    for (const [i, o] of Object.entries(terms)) out.push(`a:${p}.${i}=${o}`);
  }
  for (const [f, v] of Object.entries(s.flags)) out.push(`f:${f}=${v}`);
  for (const [m, n] of Object.entries(s.used)) out.push(`u:${m}=${n}`);
  if (s.vote) {
    out.push(`v:adopted=${s.vote.adopted}`, `v:vetoed=${s.vote.vetoedBy.length > 0}`, `v:yes=${s.vote.yes}`);
    for (const [p, b] of Object.entries(s.vote.ballots)) out.push(`b:${p}=${b}`);
  }
  if (s.outcome) out.push(`o:${s.outcome}`);
  return out;
}

/** Records a state; returns whether it is new (by key). */
function observe(x: Search, s: GameState): boolean {
  for (const [p, ps] of Object.entries(s.parties)) {
    if (!ps.position) continue;
    const set = x.r.positions.get(p) ?? new Set<string>();
    set.add(positionText(ps.position.value));
    x.r.positions.set(p, set);
  }
  const key = keyOf(s);
  if (x.seen.has(key)) return false;
  x.seen.add(key);
  x.r.states++;
  return true;
}

/** Records the end of a game (once per explored game). */
function finished(x: Search, s: GameState, path: readonly Action[]): void {
  x.r.playouts++;
  if (s.outcome !== null) x.r.outcomes.set(s.outcome, (x.r.outcomes.get(s.outcome) ?? 0) + 1);
  const end = s.log.find((e) => e.kind === 'end');
  if (end?.kind === 'end' && end.reason === 'no-moves') {
    x.r.deadEnds++;
    if (!x.r.deadEnd || path.length < x.r.deadEnd.actions.length)
      x.r.deadEnd = { actions: [...path], state: s };
  }
}

/** The legal actions of a state, noting which moves they use. */
function menu(x: Search, s: GameState): Action[] {
  const actions = availableActions(x.game, s);
  for (const a of actions) x.r.available.add(a.move);
  return actions;
}

const left = (x: Search, limit: number) => limit - x.r.actions;

function step(x: Search, s: GameState, a: Action): GameState | null {
  x.r.actions++;
  const r = applyAction(x.game, s, a);
  return 'error' in r ? null : r.state;
}

/** One game to its end (or until the phase's budget runs out), choosing with `choose`. */
function playout(
  x: Search,
  seed: string,
  limit: number,
  choose: (s: GameState, actions: Action[]) => Action | null,
): number {
  const before = x.r.actions;
  let s = createGame(x.game, seed, x.options);
  observe(x, s);
  const path: Action[] = [];
  while (!s.over) {
    if (left(x, limit) <= 0) return x.r.actions - before;
    const actions = menu(x, s);
    const a = choose(s, actions);
    if (!a) return x.r.actions - before;
    const next = step(x, s, a);
    if (!next) return x.r.actions - before;
    path.push(a);
    s = next;
    observe(x, s);
  }
  finished(x, s, path);
  return x.r.actions - before;
}

/** Greedy on the engine's `evaluate` (one step of lookahead), ties broken by the search's own draw. */
function greedyChooser(x: Search, limit: number, draw: Draw, epsilon: number) {
  return (s: GameState, actions: Action[]): Action | null => {
    if (actions.length === 0) return null;
    if (draw.next() < epsilon) return actions[draw.below(actions.length)] as Action;
    let best: Action[] = [];
    let score = Number.NEGATIVE_INFINITY;
    for (const a of actions) {
      if (left(x, limit) <= 0) return null;
      const next = step(x, s, a);
      if (!next) continue;
      // Judged from the mover's side: with several held seats, each plays for itself.
      const v = evaluate(x.game, next, s.mover ?? undefined);
      if (v > score) {
        score = v;
        best = [a];
      } else if (v === score) best.push(a);
    }
    return best.length > 0 ? (best[draw.below(best.length)] as Action) : null;
  };
}

/** Uniform over actions, or (every other game) uniform over moves first, so moves with many parameters do not crowd out the rest. */
function randomChooser(draw: Draw, byMove: boolean) {
  return (_s: GameState, actions: Action[]): Action | null => {
    if (actions.length === 0) return null;
    if (!byMove) return actions[draw.below(actions.length)] as Action;
    const moves = [...new Set(actions.map((a) => a.move))];
    const move = moves[draw.below(moves.length)];
    const of = actions.filter((a) => a.move === move);
    return of[draw.below(of.length)] as Action;
  };
}

/** Candidates an outcome-directed step looks ahead on: a sample keeps each step cheap, so more games fit. */
const TARGET_WIDTH = 6;

/** Up to `n` of the actions, drawn without replacement (all of them, in order, when there are few). */
function sample(actions: Action[], n: number, draw: Draw): Action[] {
  if (actions.length <= n) return actions;
  const pool = [...actions];
  const out: Action[] = [];
  while (out.length < n) out.push(pool.splice(draw.below(pool.length), 1)[0] as Action);
  return out;
}

/** How many states an outcome-directed beam keeps per move. */
const BEAM = 4;

/**
 * Beam search toward one outcome, from one seeded opening: every state of the beam tries a sample of
 * its actions, and the best children by progress toward the outcome's `when` (minus 1 when an earlier
 * outcome would already match, since the first match wins; plus a little of the engine's `evaluate`)
 * form the next beam. Returns when a game ends in the outcome, the beam dies out, or the budget ends.
 */
function targetBeam(x: Search, limit: number, draw: Draw, index: number, seed: string): void {
  const outcomes = x.game.scenario.outcomes;
  const target = outcomes[index];
  const earlier = outcomes.slice(0, index).flatMap((o) => (o.when ? [o.when] : []));
  const score = (s: GameState): number => {
    const toward = target?.when ? progress(x.game, s, target.when) : 1;
    const blocked = earlier.some((w) => progress(x.game, s, w) >= 1) ? 1 : 0;
    return 10 * (toward - blocked) + 0.1 * evaluate(x.game, s);
  };
  const start = createGame(x.game, seed, x.options);
  observe(x, start);
  const local = new Set<string>();
  let beam: { s: GameState; path: Action[] }[] = [{ s: start, path: [] }];
  while (beam.length > 0) {
    const children: { s: GameState; path: Action[]; v: number }[] = [];
    for (const node of beam) {
      for (const a of sample(menu(x, node.s), TARGET_WIDTH, draw)) {
        if (left(x, limit) <= 0) return;
        const next = step(x, node.s, a);
        if (!next) continue;
        observe(x, next);
        const path = [...node.path, a];
        if (next.over) {
          finished(x, next, path);
          if (next.outcome === target?.id) return;
          continue;
        }
        const key = keyOf(next);
        if (local.has(key)) continue;
        local.add(key);
        children.push({ s: next, path, v: score(next) });
      }
    }
    children.sort((a, b) => b.v - a.v);
    beam = children.slice(0, BEAM);
  }
}

/** Breadth-first from the opening, keeping only states that add a fact never seen before. */
function noveltySearch(x: Search, limit: number): void {
  const start = createGame(x.game, `${x.r.budget.seed}/bfs`, x.options);
  observe(x, start);
  for (const atom of atomsOf(start)) x.atoms.add(atom);
  const queue: { s: GameState; path: Action[] }[] = [{ s: start, path: [] }];
  for (let head = 0; head < queue.length; head++) {
    const { s, path } = queue[head] as { s: GameState; path: Action[] };
    for (const a of menu(x, s)) {
      if (left(x, limit) <= 0) return;
      const next = step(x, s, a);
      if (!next) continue;
      const nextPath = [...path, a];
      if (!observe(x, next)) continue;
      let novel = false;
      for (const atom of atomsOf(next)) {
        if (!x.atoms.has(atom)) {
          x.atoms.add(atom);
          novel = true;
        }
      }
      if (next.over) finished(x, next, nextPath);
      else if (novel) queue.push({ s: next, path: nextPath });
    }
  }
}

/**
 * Explores a compiled game within the budget: 10% greedy, 20% novelty breadth-first, 20% random, then
 * the rest split among the outcomes not reached yet (outcome-directed beams), or random if none is left.
 * `seats`: the seats held by people in every explored game (default the player's).
 */
export function explore(
  game: Game,
  budget: SearchBudget = DEFAULT_BUDGET,
  seats: readonly string[] = [game.playerId],
): SearchResult {
  const r: SearchResult = {
    budget,
    playouts: 0,
    actions: 0,
    states: 0,
    outcomes: new Map(),
    available: new Set(),
    positions: new Map(),
    deadEnds: 0,
    deadEnd: null,
    seats,
  };
  const x: Search = { game, options: { seats }, r, seen: new Set(), atoms: new Set() };
  const total = Math.max(0, Math.floor(budget.actions / actionWeight(game)));
  const draw = seededDraw(`${budget.seed}/choices`);
  const greedyEnd = Math.floor(total * 0.1);
  for (let i = 0; left(x, greedyEnd) > 0; i++) {
    const chooser = greedyChooser(x, greedyEnd, draw, i === 0 ? 0 : 0.15);
    if (playout(x, `${budget.seed}/greedy/${i}`, greedyEnd, chooser) === 0) break;
  }
  noveltySearch(x, Math.floor(total * 0.3));
  const randomEnd = Math.floor(total * 0.5);
  let game_ = 0;
  const randomUntil = (limit: number) => {
    while (left(x, limit) > 0) {
      if (playout(x, `${budget.seed}/random/${game_}`, limit, randomChooser(draw, game_ % 2 === 1)) === 0)
        break;
      game_++;
    }
  };
  randomUntil(randomEnd);
  const missing = game.scenario.outcomes.flatMap((o, i) => (r.outcomes.has(o.id) ? [] : [i]));
  for (const [k, index] of missing.entries()) {
    const id = game.scenario.outcomes[index]?.id as string;
    const limit = r.actions + Math.floor(left(x, total) / (missing.length - k));
    for (let i = 0; left(x, limit) > 0 && !r.outcomes.has(id); i++) {
      const before = r.actions;
      targetBeam(x, limit, draw, index, `${budget.seed}/target/${id}/${i}`);
      if (r.actions === before) break;
    }
  }
  randomUntil(total);
  return r;
}

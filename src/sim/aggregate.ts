/**
 * What `envoy simulate` learns from many games, as sums that merge in a fixed order: games are played in
 * fixed-size chunks, each chunk is summarised here, and chunks are merged by index, so the report is the
 * same whether one worker or eight played them. Pure: no Node APIs, so the browser could reuse it.
 */
import {
  type Action,
  type Game,
  type GameState,
  metersOf,
  own,
  playGame,
  type SeatStrategies,
} from '../engine/index.ts';

/** Games per chunk: the unit of work handed to a worker and of merging. Fixed, so results never depend on the pool. */
export const CHUNK_SIZE = 100;

/** The summary of a range of games (one chunk, or all of them once merged). */
export interface SimSummary {
  games: number;
  turns: number;
  /** Outcome id → games that ended in it. */
  outcomes: Record<string, number>;
  /** Move id → outcome id → games that used the move at least once and ended in that outcome. */
  moveOutcomes: Record<string, Record<string, number>>;
  /**
   * Party → meter → per round (index 0 = the start, then the end of each round) the sum over games of the
   * meter's value. A game that ended early counts with its final values for the remaining rounds.
   */
  meterSums: Record<string, Record<string, number[]>>;
}

/** An empty summary with every round slot present, so merging is element-wise. */
export function emptySummary(game: Game): SimSummary {
  const rounds = game.scenario.rounds + 1;
  const meterSums: SimSummary['meterSums'] = {};
  for (const party of game.partyIds) {
    meterSums[party] = {};
    for (const meter of game.meterIds)
      (meterSums[party] as Record<string, number[]>)[meter] = new Array(rounds).fill(0);
  }
  return { games: 0, turns: 0, outcomes: {}, moveOutcomes: {}, meterSums };
}

/** The state at the end of each round (index 0: the initial state), carrying the last state forward. */
function roundEnds(game: Game, states: readonly GameState[]): GameState[] {
  const ends: GameState[] = [states[0] as GameState];
  for (let r = 1; r <= game.scenario.rounds; r++) {
    // The round's last state is the one that opened the next round (it includes the round-end drift).
    let last = ends[ends.length - 1] as GameState;
    for (const s of states) if (s.round <= r || (s.round === r + 1 && s.step === 0)) last = s;
    ends.push(last);
  }
  return ends;
}

/** Adds one played game to a summary (mutates `into`, which the caller owns). */
export function addGame(
  game: Game,
  into: SimSummary,
  actions: readonly Action[],
  states: readonly GameState[],
): void {
  const final = states[states.length - 1] as GameState;
  const outcome = final.outcome ?? 'unfinished';
  into.games += 1;
  into.turns += actions.length;
  into.outcomes[outcome] = (own(into.outcomes, outcome) ?? 0) + 1;
  for (const move of new Set(actions.map((a) => a.move))) {
    const row = own(into.moveOutcomes, move) ?? {};
    row[outcome] = (own(row, outcome) ?? 0) + 1;
    into.moveOutcomes[move] = row;
  }
  const ends = roundEnds(game, states);
  for (const party of game.partyIds) {
    for (const meter of game.meterIds) {
      const sums = own(own(into.meterSums, party), meter);
      if (!sums) continue;
      ends.forEach((s, r) => {
        sums[r] = (sums[r] as number) + (own(metersOf(s, party), meter) ?? 0);
      });
    }
  }
}

/**
 * Plays games `from` … `to - 1` (seeds `BASE/i`) and summarises them; `seats` are the seats people hold
 * (default the player's), each played by its strategy.
 */
export function simulateRange(
  game: Game,
  base: string,
  strategy: SeatStrategies,
  from: number,
  to: number,
  seats?: readonly string[],
): SimSummary {
  const summary = emptySummary(game);
  const options = seats ? { seats } : {};
  for (let i = from; i < to; i++) {
    const seed = `${base}/${i}`;
    const { actions, states } = playGame(game, seed, strategy, `${seed}/strategy`, options);
    addGame(game, summary, actions, states);
  }
  return summary;
}

/** Merges chunk summaries in the order given (the caller passes them by chunk index). */
export function mergeSummaries(game: Game, parts: readonly SimSummary[]): SimSummary {
  const total = emptySummary(game);
  for (const part of parts) {
    total.games += part.games;
    total.turns += part.turns;
    for (const [id, n] of Object.entries(part.outcomes))
      total.outcomes[id] = (own(total.outcomes, id) ?? 0) + n;
    for (const [move, row] of Object.entries(part.moveOutcomes)) {
      const into = own(total.moveOutcomes, move) ?? {};
      for (const [id, n] of Object.entries(row)) into[id] = (own(into, id) ?? 0) + n;
      total.moveOutcomes[move] = into;
    }
    for (const [party, meters] of Object.entries(part.meterSums)) {
      for (const [meter, sums] of Object.entries(meters)) {
        const into = own(own(total.meterSums, party), meter);
        if (!into) continue;
        sums.forEach((v, r) => {
          into[r] = (into[r] ?? 0) + v;
        });
      }
    }
  }
  return total;
}

/** The chunks `[from, to)` that cover `runs` games. */
export function chunksOf(runs: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < runs; from += CHUNK_SIZE) out.push([from, Math.min(runs, from + CHUNK_SIZE)]);
  return out;
}

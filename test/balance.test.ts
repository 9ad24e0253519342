import { describe, expect, it } from 'vitest';
import { type GameState, playGame } from '../src/engine/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

// Balance, measured with the engine: outcomes should follow from choices, so random play must not pile
// into one outcome, must see several, and the one-step greedy player must not win everything.
const RANDOM_RUNS = 10_000;
const GREEDY_RUNS = 150;

function distribution(id: string, strategy: 'random' | 'greedy', runs: number): Map<string, number> {
  const game = loadGame(id);
  const counts = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    const run = playGame(game, `balance/${i}`, strategy);
    const outcome = (run.states[run.states.length - 1] as GameState).outcome ?? 'none';
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return counts;
}

describe.each(SCENARIO_IDS)('balance of %s', (id) => {
  it(`spreads ${RANDOM_RUNS} random games over at least three outcomes, none above 70%`, () => {
    const counts = distribution(id, 'random', RANDOM_RUNS);
    const summary = JSON.stringify(Object.fromEntries(counts));
    expect(counts.size, summary).toBeGreaterThanOrEqual(3);
    for (const n of counts.values()) expect(n / RANDOM_RUNS, summary).toBeLessThanOrEqual(0.7);
  }, 120_000);

  it('does not let the greedy strategy win every seed', () => {
    const game = loadGame(id);
    const counts = distribution(id, 'greedy', GREEDY_RUNS);
    const success = game.scenario.outcomes.filter((o) => o.tier === 'success').map((o) => o.id);
    const wins = success.reduce((n, o) => n + (counts.get(o) ?? 0), 0);
    expect(wins, JSON.stringify(Object.fromEntries(counts))).toBeLessThan(GREEDY_RUNS);
  }, 120_000);
});

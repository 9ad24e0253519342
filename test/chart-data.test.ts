/** The debrief chart's data: the player's own meters first, then the counterparts that matter. */
import { describe, expect, it } from 'vitest';
import { playGame } from '../src/engine/index.ts';
import { meterSeries } from '../src/view/chart-data.ts';
import { loadGame } from './helpers/scenarios.ts';

describe('meterSeries', () => {
  it('charts the player first and keeps to the party limit in a large cast', () => {
    const game = loadGame('un-sanctions-vote');
    const { states } = playGame(game, 'chart-1', 'random');
    const data = meterSeries(game, states, { maxParties: 6 });
    expect(data.parties.length).toBeLessThanOrEqual(6);
    if (data.lines.some((l) => l.party === game.playerId)) expect(data.parties[0]).toBe(game.playerId);
    expect(data.caption).toMatch(/Showing \d+ of \d+ counterparts/);
    const all = meterSeries(game, states, { maxParties: Number.POSITIVE_INFINITY });
    expect(all.omitted).toEqual([]);
  });

  it('starts every line at round 0 and has one point per round played', () => {
    const game = loadGame('bab-al-hawa');
    const { states } = playGame(game, 'chart-2', 'greedy');
    const data = meterSeries(game, states);
    expect(data.parties[0]).toBe(game.playerId);
    for (const line of data.lines) {
      expect(line.points[0]?.round).toBe(0);
      expect(line.points.map((p) => p.round)).toEqual(data.rounds);
    }
  });
});

/**
 * Which meters the page shows for a party comes from the one scenario walker: a meter read anywhere (here,
 * only in the vote's `callAtEnd`, the place the old page walker missed) is shown for the party it names.
 */
import { describe, expect, it } from 'vitest';
import { compileGame, createGame } from '../src/engine/index.ts';
import type { Scenario } from '../src/scenario/index.ts';
import { metersFor } from '../src/view/relevance.ts';
import { loadGame } from './helpers/scenarios.ts';

describe('meters worth showing', () => {
  it('include a meter that only the vote’s callAtEnd reads', () => {
    const base = loadGame('tutorial');
    expect(metersFor(base, createGame(base, 'r'), 'chair')).not.toContain('pressure');
    const s = structuredClone(base.scenario) as Scenario;
    (s.vote as { callAtEnd: unknown }).callAtEnd = {
      when: { parties: { chair: { meters: { pressure: { atLeast: 2 } } } } },
    };
    const game = compileGame(s);
    expect(metersFor(game, createGame(game, 'r'), 'chair')).toContain('pressure');
  });
});

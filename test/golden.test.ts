import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Action, legacyStateHash, replay, stateHash } from '../src/engine/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

// Golden replays pin every per-turn hash of a seeded game. A failure here means games changed: if that
// was intended (a scenario edit, a deliberate rule change), regenerate with `npx tsx scripts/update-golden.ts`
// and say so in the commit; otherwise it is a determinism bug.
const dir = new URL('./fixtures/golden/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('golden replays', () => {
  it.each(SCENARIO_IDS)('exist for every outcome of %s (each outcome is reachable)', (id) => {
    const game = loadGame(id);
    for (const o of game.scenario.outcomes) expect(files).toContain(`${id}--${o.id}.json`);
  });

  it.each(files)('%s reproduces every pinned hash', (file) => {
    const g = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
      scenario: string;
      seed: string;
      scenarioHash: string;
      actions: Action[];
      hashes: string[];
      v1Hashes: string[];
      outcome: string;
    };
    const game = loadGame(g.scenario);
    expect(game.scenarioHash).toBe(g.scenarioHash);
    const run = replay(game, g.seed, g.actions);
    if ('error' in run) throw new Error(run.error.message);
    expect(run.states.map(stateHash)).toEqual(g.hashes);
    expect(run.states.map(legacyStateHash)).toEqual(g.v1Hashes);
    expect(run.states.at(-1)?.outcome).toBe(g.outcome);
  });
});

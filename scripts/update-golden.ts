/**
 * Regenerates the golden replays in test/fixtures/golden/. Run ONLY when a change is meant to alter
 * games (a scenario edit or a deliberate engine change), and say so in the commit: the golden test
 * exists to catch every other drift.   npx tsx scripts/update-golden.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compileGame, playGame, stateHash } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';

// Each golden game is the first seed `golden-N` whose game under the strategy reaches the outcome, so
// the pinned games cover different endings.
const GOLDEN = [
  { scenario: 'tutorial', strategy: 'greedy', outcome: 'accord-ratified' },
  { scenario: 'tutorial', strategy: 'random', outcome: 'accord-unratified' },
  { scenario: 'tutorial', strategy: 'random', outcome: 'walkout' },
] as const;

for (const target of GOLDEN) {
  const parsed = parseScenario(readFileSync(`scenarios/${target.scenario}.yaml`, 'utf8'), target.scenario);
  if ('errors' in parsed) throw new Error(`${target.scenario} does not validate`);
  const game = compileGame(parsed.scenario);
  let n = 0;
  while (playGame(game, `golden-${n}`, target.strategy).states.at(-1)?.outcome !== target.outcome) n++;
  const g = { scenario: target.scenario, seed: `golden-${n}`, strategy: target.strategy };
  const run = playGame(game, g.seed, g.strategy);
  const file = `test/fixtures/golden/${g.scenario}-${target.outcome}.json`;
  const data = {
    ...g,
    scenarioHash: game.scenarioHash,
    actions: run.actions,
    hashes: run.states.map(stateHash),
    outcome: run.states.at(-1)?.outcome,
  };
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${file}: ${run.actions.length} actions, outcome ${data.outcome}`);
}

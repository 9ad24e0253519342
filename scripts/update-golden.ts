/**
 * Regenerates the golden replays in test/fixtures/golden/: for every built-in scenario and every one of
 * its outcomes, the first seeded game (greedy seeds first, then random, then first-move play) that ends
 * in that outcome, with all its per-turn hashes. These files prove every outcome is reachable and pin
 * the engine's behaviour.
 *
 * Run ONLY when a change is meant to alter games (a scenario edit or a deliberate rule change), and say
 * so in the commit: the golden test exists to catch every other drift.
 *   npx tsx scripts/update-golden.ts [scenario-id…]
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  compileGame,
  type GameState,
  legacyStateHash,
  playGame,
  type StrategyName,
  stateHash,
} from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';

const SEARCH: [StrategyName, number][] = [
  ['greedy', 300],
  ['random', 30000],
  ['first', 50],
];

const ids = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
let missing = 0;
for (const id of ids) {
  const parsed = parseScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if ('errors' in parsed) throw new Error(`${id} does not validate`);
  const game = compileGame(parsed.scenario);
  for (const f of readdirSync('test/fixtures/golden'))
    if (f.startsWith(`${id}--`)) rmSync(`test/fixtures/golden/${f}`);
  const wanted = new Set(game.scenario.outcomes.map((o) => o.id));
  for (const [strategy, tries] of SEARCH) {
    for (let n = 0; n < tries && wanted.size > 0; n++) {
      const seed = `golden-${n}`;
      const run = playGame(game, seed, strategy);
      const outcome = (run.states[run.states.length - 1] as GameState).outcome as string;
      if (!wanted.has(outcome)) continue;
      wanted.delete(outcome);
      const file = `test/fixtures/golden/${id}--${outcome}.json`;
      const data = {
        scenario: id,
        seed,
        strategy,
        scenarioHash: game.scenarioHash,
        outcome,
        actions: run.actions,
        hashes: run.states.map(stateHash),
        // The same states as version 1 of the engine hashed them (legacy.ts): pins that a one-seat game
        // still plays exactly as it did before seats.
        v1Hashes: run.states.map(legacyStateHash),
      };
      writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
      console.log(`${file}: ${strategy} ${seed}, ${run.actions.length} actions`);
    }
  }
  for (const o of wanted) {
    missing++;
    console.error(`${id}: outcome ${o} was not reached by any searched game`);
  }
}
process.exitCode = missing ? 1 : 0;

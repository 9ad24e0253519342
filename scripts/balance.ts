/**
 * Balance report: plays N seeded games of a scenario per strategy and prints the outcome distribution.
 *   npx tsx scripts/balance.ts scenarios/tutorial.yaml [--runs 10000] [--strategies random,greedy,first]
 * Seeds are `balance/<i>`, so a report is reproducible. (`envoy simulate` will supersede this.)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileGame, type GameState, playGame, STRATEGIES, type StrategyName } from '../src/engine/index.ts';
import { formatDiagnostic, parseScenario } from '../src/scenario/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '2000' },
    strategies: { type: 'string', default: STRATEGIES.join(',') },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npx tsx scripts/balance.ts FILE [--runs N] [--strategies random,greedy,first]');
  process.exit(2);
}
const parsed = parseScenario(readFileSync(file, 'utf8'), file);
if ('errors' in parsed) {
  for (const d of parsed.errors) console.error(formatDiagnostic(d));
  process.exit(1);
}
const game = compileGame(parsed.scenario);
const runs = Number(values.runs);
for (const strategy of (values.strategies ?? '').split(',') as StrategyName[]) {
  const counts = new Map<string, number>();
  let turns = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    const run = playGame(game, `balance/${i}`, strategy);
    const id = (run.states[run.states.length - 1] as GameState).outcome ?? 'none';
    counts.set(id, (counts.get(id) ?? 0) + 1);
    turns += run.actions.length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${strategy}: ${runs} games, ${(turns / runs).toFixed(1)} moves/game, ${ms.toFixed(0)} ms`);
  for (const o of game.scenario.outcomes) {
    const n = counts.get(o.id) ?? 0;
    const pct = (100 * n) / runs;
    console.log(
      `  ${o.id.padEnd(28)} ${o.tier.padEnd(8)} ${String(n).padStart(6)}  ${pct.toFixed(1).padStart(5)}%${o.historical ? '  (historical)' : ''}${pct > 70 ? '  <-- over 70%' : ''}`,
    );
  }
}

/**
 * `npm run bench`: the performance figures the issues set targets for: the engine per action and validation
 * (in process, one core), `envoy simulate` and `envoy check` (as run by users), and the loader under attack.
 * Prints a table and writes bench/results/latest.json. Targets are reported, not asserted in unit tests.
 * The full bench takes minutes; `--only PART[,PART…]` runs some parts (replay, validate, engine, simulate,
 * check, attacks, worst) and writes bench/results/only-PART….json instead: `--only engine` is Envoy against
 * boardgame.io's reducer, `--only simulate` is `envoy simulate` against the code before issue 11.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type Action,
  applyAction,
  compileGame,
  createGame,
  type GameState,
  playGame,
  stateHash,
} from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { benchAttacks } from './attacks.ts';
import { benchCheck } from './check.ts';
import { benchEngine } from './engine.ts';
import { type Figure, now, quantile, type Ratio } from './figure.ts';
import { benchSimulate } from './simulate.ts';
import { benchWorstAccepted } from './worst-accepted.ts';

const PARTS = ['replay', 'validate', 'engine', 'simulate', 'check', 'attacks', 'worst'] as const;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : [...PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length > 0) {
  console.error(
    `bench: error: unknown part "${unknown.join('", "')}" after --only; give one or more of ${PARTS.join(', ')}, comma-separated`,
  );
  process.exit(2);
}
const runs = (part: (typeof PARTS)[number]): boolean => only.includes(part);

function loadText(id: string): string {
  return readFileSync(new URL(`../scenarios/${id}.yaml`, import.meta.url), 'utf8');
}

/** applyAction + stateHash per action while replaying whole games, with the hash's share. */
function benchReplay(id: string, games: number, targets: Figure['target']): Figure {
  const parsed = parseScenario(loadText(id), `${id}.yaml`);
  if ('errors' in parsed) throw new Error(`${id} does not validate`);
  const game = compileGame(parsed.scenario);
  const runs: { seed: string; actions: Action[] }[] = [];
  for (let i = 0; i < games; i++) {
    const strategy = i % 4 === 0 ? 'greedy' : 'random';
    runs.push({ seed: `bench/${i}`, actions: playGame(game, `bench/${i}`, strategy).actions });
  }
  const total: number[] = [];
  let applySum = 0;
  let hashSum = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const run of runs) {
      let state: GameState = createGame(game, run.seed);
      stateHash(state);
      for (const a of run.actions) {
        const t0 = now();
        const r = applyAction(game, state, a);
        const t1 = now();
        if ('error' in r) throw new Error(r.error.message);
        stateHash(r.state);
        const t2 = now();
        state = r.state;
        if (pass === 1) {
          total.push(t2 - t0);
          applySum += t1 - t0;
          hashSum += t2 - t1;
        }
      }
    }
  }
  return {
    name: `${id}: applyAction + stateHash per action`,
    unit: 'µs',
    p50: quantile(total, 0.5),
    p99: quantile(total, 0.99),
    target: targets,
    extra: {
      actions: total.length,
      applyMean: `${(applySum / total.length).toFixed(1)} µs`,
      hashMean: `${(hashSum / total.length).toFixed(1)} µs`,
      hashShare: `${((100 * hashSum) / (applySum + hashSum)).toFixed(1)}%`,
    },
  };
}

/** parse + schema + cross-checks of a scenario file, in process. */
function benchValidate(id: string, iterations: number, target: number | undefined): Figure {
  const text = loadText(id);
  const times: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const t0 = now();
    const r = parseScenario(text, `${id}.yaml`);
    const t1 = now();
    if ('errors' in r) throw new Error(`${id} does not validate`);
    if (i >= 5) times.push((t1 - t0) / 1000);
  }
  return {
    name: `${id}: validate (parse + schema + cross-checks)`,
    unit: 'ms',
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    target: { p50: target },
  };
}

// Targets from the issues: tutorial p50 < 40 µs (issue 2); the UN vote, 15 parties, p50 < 100 µs and
// p99 < 1 ms (issue 3); validating the tutorial < 20 ms median (issue 2).
const REPLAY_TARGETS: Record<string, Figure['target']> = {
  tutorial: { p50: 40 },
  'un-sanctions-vote': { p50: 100, p99: 1000 },
};
const scenarioIds = readdirSync(new URL('../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const figures: Figure[] = [];
const ratios: Ratio[] = [];
if (runs('replay')) for (const id of scenarioIds) figures.push(benchReplay(id, 400, REPLAY_TARGETS[id]));
if (runs('validate'))
  for (const id of scenarioIds) figures.push(benchValidate(id, 40, id === 'tutorial' ? 20 : undefined));
// Issue 11: Envoy per action against boardgame.io's pure reducer, interleaved in this process.
if (runs('engine')) {
  const engine = benchEngine();
  figures.push(...engine.figures);
  ratios.push(...engine.ratios);
}
// `envoy simulate` of 10,000 UN games (issue 5: under 10 s), alternated with the code before issue 11.
if (runs('simulate')) {
  const sim = await benchSimulate(3);
  figures.push(...sim.figures);
  ratios.push(sim.ratio);
}
// envoy check of each built-in scenario, reachability search included: under 2 s each (issue 5).
if (runs('check')) for (const f of await benchCheck(3)) figures.push({ ...f, target: { p50: 2000 } });

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
let failed = false;
for (const f of figures) {
  const okP50 = f.target?.p50 === undefined || f.p50 <= f.target.p50;
  const okP99 = f.target?.p99 === undefined || f.p99 <= f.target.p99;
  failed ||= !okP50 || !okP99;
  const tgt = [
    f.target?.p50 !== undefined ? `p50 ≤ ${f.target.p50}` : '',
    f.target?.p99 !== undefined ? `p99 ≤ ${f.target.p99}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  console.log(
    `${okP50 && okP99 ? 'PASS' : 'MISS'}  ${f.name}: p50 ${fmt(f.p50)} ${f.unit}, p99 ${fmt(f.p99)} ${f.unit}` +
      (tgt ? `  (target ${tgt} ${f.unit})` : '') +
      (f.extra
        ? `  ${Object.entries(f.extra)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`
        : ''),
  );
}
for (const r of ratios) {
  const ok = r.skipped !== undefined || r.ratio <= r.target;
  failed ||= !ok;
  const extra = r.extra
    ? `  ${Object.entries(r.extra)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`
    : '';
  console.log(
    r.skipped !== undefined
      ? `SKIP  ${r.name}: ${r.skipped}`
      : `${ok ? 'PASS' : 'MISS'}  ${r.name}: ${r.ratio.toFixed(3)}× (target ≤ ${r.target}×)${extra}`,
  );
}
// Resource attacks on the loader (issue 6): each refused within 5 s; time and peak memory reported.
const attacks = runs('attacks') ? await benchAttacks() : [];
for (const a of attacks) {
  const ok = a.refused && a.ms <= 5000;
  failed ||= !ok;
  console.log(
    `${ok ? 'PASS' : 'MISS'}  attack ${a.name}: ${(a.bytes / 1048576).toFixed(2)} MB refused in ${fmt(a.ms)} ms, peak +${a.peakGrowthMB.toFixed(1)} MB (rss ${a.peakRssMB.toFixed(0)} MB)  ${a.first ? `${a.first.line}:${a.first.col} ${a.first.code}` : 'ACCEPTED'}`,
  );
}
// The largest files the format accepts, through every command (issue 17): each within 10 s and 1 GB.
const worst = runs('worst') ? await benchWorstAccepted() : [];
for (const w of worst) {
  failed ||= !w.ok;
  console.log(
    `${w.ok ? 'PASS' : 'MISS'}  largest accepted file, ${w.file}: ${w.command} ${w.seconds.toFixed(2)} s, peak ${w.peakMB.toFixed(0)} MB (target 10 s, 1024 MB)`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const out = {
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  only,
  figures,
  ratios,
  attacks,
  worst,
};
// A partial run (--only) writes its own file, so it never overwrites the full bench's figures.
const file = onlyAt >= 0 ? `only-${only.join('-')}.json` : 'latest.json';
writeFileSync(new URL(`./results/${file}`, import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`written bench/results/${file}`);
process.exitCode = failed ? 1 : 0;

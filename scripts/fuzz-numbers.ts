/**
 * The numbers fuzzer (issue 17, class 3), run by `npm run fuzz` after the file fuzzer, or alone:
 *
 *   npx tsx scripts/fuzz-numbers.ts [--runs 1500] [--seed 1]
 *
 * Each input is a built-in scenario with a few of its numbers replaced by extreme values, within and
 * beyond the format's bounds (0, ±1e6, ±1e6·(1+ε), 1e308, 5e-324, −0, huge integers). The loader must either
 * refuse it with located diagnostics, or accept it; an accepted file is then played (a greedy game and
 * a random one) and every number in every state must be finite, and a second run of the same seed must
 * end in the same state hash. Exit code 1 on any failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compileGame, judgeOffer, playGame, stateHash } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';

const root = new URL('../', import.meta.url);
const EXTREMES = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e6,
  -1e6,
  1e6 * 1.000001,
  -1e6 * 1.000001,
  1e308,
  -1e308,
  5e-324,
  2 ** 53,
  2 ** 53 - 1,
  2 ** 28,
  999999,
];

/** A number written as a mapping value, block or flow style (`weight: 0.5`, `{ a: 0.5, b: 1 }`). */
const NUMBER = /(:\s+)(-?\d[\d.e+-]*)(?=\s*(?:[,}\]#]|$))/gm;

function finite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v !== 'object') return true;
  return Object.values(v).every(finite);
}

/** Checks one mutated file; the reason it fails, or null. */
export function checkNumbers(text: string, seed: string): string | null {
  const r = parseScenario(text, 'fuzz.yaml');
  if ('errors' in r) {
    const bad = r.errors.find((d) => !(d.line >= 1 && d.col >= 1) || d.code.startsWith('internal/'));
    if (bad) return `unlocated or internal diagnostic: ${bad.code} ${bad.message}`;
    if (!r.errors.some((d) => d.severity === 'error')) return 'refused without an error';
    return null;
  }
  const game = compileGame(r.scenario);
  for (const strategy of ['greedy', 'random'] as const) {
    const a = playGame(game, seed, strategy, seed);
    const b = playGame(game, seed, strategy, seed);
    if ('error' in a || 'error' in b)
      return `play failed: ${JSON.stringify('error' in a ? a : b).slice(0, 300)}`;
    if (!a.states.every(finite)) return `${strategy}: a state holds a number that is not finite`;
    for (const st of a.states)
      for (const p of game.partyIds) {
        const j = judgeOffer(game, st, p);
        if (!Number.isFinite(j.utility) || !Number.isFinite(j.margin))
          return `${strategy}: party ${p} judges the table at utility ${j.utility}, margin ${j.margin}`;
      }
    if (stateHash(a.states[a.states.length - 1]) !== stateHash(b.states[b.states.length - 1]))
      return `${strategy}: the same seed ended in two hashes`;
  }
  return null;
}

/** The mutants of one run: which scenario, and which numeric lines get which extreme. */
export const numbersArb = fc.record({
  source: fc.nat(),
  edits: fc.array(
    fc.tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom(...EXTREMES), fc.double({ noNaN: true, noDefaultInfinity: true })),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  seed: fc.nat(1000),
  /** With a key, every number on the lines holding it (e.g. all weights) becomes the first edit's value. */
  all: fc.option(
    fc.constantFrom('weights', 'flex', 'drift', 'per', 'min', 'max', 'initial', 'score', 'meters'),
  ),
});

/** Builds the text of one mutant: its numbers at the edited places (with `all`, every number) changed. */
export function buildNumbers(
  sources: readonly string[],
  spec: { source: number; edits: [number, number][]; all: string | null },
): string {
  const text = sources[spec.source % sources.length] as string;
  const count = [...text.matchAll(NUMBER)].length;
  const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
  const at = new Map(spec.edits.map(([i, v]) => [i % Math.max(1, count), v]));
  const all = spec.all;
  if (all !== null) {
    const v = spec.edits[0]?.[1] ?? 0;
    return text
      .split('\n')
      .map((l) => (l.includes(`${all}:`) ? l.replace(NUMBER, (_m, key: string) => `${key}${show(v)}`) : l))
      .join('\n');
  }
  let k = 0;
  return text.replace(NUMBER, (m, key: string) => {
    const v = at.get(k++);
    return v === undefined ? m : `${key}${show(v)}`;
  });
}

/** Runs the fuzzer; returns the failures. */
export function fuzzNumbers(runs: number, seed: number): string[] {
  const dir = new URL('scenarios/', root);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const failures: string[] = [];
  for (const [i, spec] of fc.sample(numbersArb, { seed, numRuns: runs }).entries()) {
    const why = checkNumbers(buildNumbers(sources, spec), `n/${spec.seed}`);
    if (why) failures.push(`#${i} ${JSON.stringify(spec.edits)}: ${why}`);
  }
  return failures;
}

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The command: prints a summary and sets the exit code. */
export function mainNumbers(runs = arg('runs', 1500), seed = arg('seed', 17)): void {
  const t0 = performance.now();
  const failures = fuzzNumbers(runs, seed);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`numbers fuzz: ${runs} inputs, ${failures.length} failures, ${s} s\n`);
  for (const f of failures.slice(0, 50)) process.stdout.write(`FAIL ${f}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

if (
  process.argv[1] &&
  new URL(import.meta.url).pathname === (await import('node:fs')).realpathSync(process.argv[1])
)
  mainNumbers();

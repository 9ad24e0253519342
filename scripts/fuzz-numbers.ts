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
import { compileGame, playGame, stateHash } from '../src/engine/index.ts';
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

const NUMBER_LINE = /^(\s*(?:- )?[^#:\s][^:]*:\s+)(-?\d[\d.e+-]*)\s*$/;

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
});

/** Builds the text of one mutant from the real scenarios. */
export function buildNumbers(
  sources: readonly string[][],
  spec: { source: number; edits: [number, number][] },
): string {
  const lines = [...(sources[spec.source % sources.length] as string[])];
  const numeric = lines.flatMap((l, i) => (NUMBER_LINE.test(l) ? [i] : []));
  for (const [at, value] of spec.edits) {
    const i = numeric[at % Math.max(1, numeric.length)];
    if (i === undefined) continue;
    lines[i] = (lines[i] as string).replace(
      NUMBER_LINE,
      (_m, key: string) => `${key}${Object.is(value, -0) ? '-0' : String(value)}`,
    );
  }
  return lines.join('\n');
}

/** Runs the fuzzer; returns the failures. */
export function fuzzNumbers(runs: number, seed: number): string[] {
  const dir = new URL('scenarios/', root);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'));
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

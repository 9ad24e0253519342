/**
 * Class 4 of the hardening issue, at fuzz size: files that stretch one count of the format to a random
 * 0.3–3 times its limit (scripts/limit-files.ts). Each must be refused with its located `limit/…` error, or
 * be validated, checked (default budget) and played (greedy) within 10 s each, with the process under 1 GB.
 *
 *   npm run fuzz -- --only limits [--limit-runs 40]
 */
import fc from 'fast-check';
import { compileGame, playGame } from '../src/engine/index.ts';
import { lintScenario } from '../src/lint/index.ts';
import { SCENARIO_LIMITS } from '../src/scenario/check-limits.ts';
import { MAX_BYTES, parseScenario } from '../src/scenario/index.ts';
import { DIMENSIONS, limitFile } from './limit-files.ts';

const SECONDS = 10;
const MB = 1024;

/** Runs `runs` generated files; returns the failures, each in words. */
export function fuzzLimits(runs: number, seed: number): string[] {
  const failures: string[] = [];
  const cases = fc.sample(
    fc.tuple(fc.nat(DIMENSIONS.length - 1), fc.double({ min: 0.3, max: 3, noNaN: true })),
    {
      seed,
      numRuns: runs,
    },
  );
  for (const [d, scale] of cases) {
    const dim = DIMENSIONS[d] as (typeof DIMENSIONS)[number];
    const n = Math.max(1, Math.round(SCENARIO_LIMITS[dim.limit] * scale));
    const name = `${dim.limit} ${n}`;
    const text = limitFile(dim, n);
    const timed = <T>(what: string, f: () => T): T => {
      const t0 = performance.now();
      const out = f();
      const s = (performance.now() - t0) / 1000;
      if (s > SECONDS) failures.push(`${name}: ${what} took ${s.toFixed(1)} s`);
      return out;
    };
    const parsed = timed('validate', () => parseScenario(text, `${dim.limit}.yaml`));
    if ('errors' in parsed) {
      const over = n > (dim.largest ?? SCENARIO_LIMITS[dim.limit]);
      const located = parsed.errors.every((e) => e.line >= 1 && e.col >= 1);
      if (!located) failures.push(`${name}: an unlocated diagnostic`);
      // A file past the byte limit is refused before its counts are read, which is just as well (cheaper).
      const tooLarge = new TextEncoder().encode(text).length > MAX_BYTES;
      if (over && !tooLarge && !parsed.errors.some((e) => e.code === dim.code))
        failures.push(
          `${name}: over the limit but not refused with ${dim.code}: ${parsed.errors[0]?.message}`,
        );
      if (!over)
        failures.push(
          `${name}: within the limit but refused: ${parsed.errors[0]?.code} ${parsed.errors[0]?.message}`,
        );
      continue;
    }
    if (n > SCENARIO_LIMITS[dim.limit]) failures.push(`${name}: over the limit but accepted`);
    const game = compileGame(parsed.scenario);
    timed('check', () => lintScenario({ scenario: game.scenario, game, text, file: 'x.yaml' }));
    timed('play', () => playGame(game, 'fuzz-limits', 'greedy'));
    const rss = process.memoryUsage().rss / (1024 * 1024);
    if (rss > MB) failures.push(`${name}: the process holds ${rss.toFixed(0)} MB`);
  }
  return failures;
}

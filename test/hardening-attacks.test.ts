/**
 * Resource attacks on the scenario loader (bench/attacks.ts): each runs in a child process of its own and
 * must be refused with a clear, located message, within a loose time ceiling and a loose ceiling on the
 * growth of the child's peak memory. `npm run bench` reports the same figures.
 */
import { describe, expect, it } from 'vitest';
import { ATTACKS, type AttackFigure, runAttackInChild } from '../bench/attacks.ts';

/** What each attack must be refused for, and the words its message must contain. */
const EXPECTED: Record<string, { code: string; words: RegExp }> = {
  'alias-bomb': { code: 'limit/alias-expansion', words: /aliases .* expand to far too much/ },
  'nesting-10k-flow': { code: 'limit/too-deep', words: /nested more than 64 levels/ },
  'nesting-10k-map': { code: 'limit/too-deep', words: /nested more than 64 levels/ },
  'nesting-10k-block': { code: 'limit/too-deep', words: /nested more than 64 levels/ },
  'file-20mb': { code: 'limit/too-large', words: /larger than 1048576 bytes \(20971\d+ bytes\)/ },
  'line-1mb': { code: 'schema/too-big', words: /title: is too long: at most 300 characters/ },
  'duplicate-keys': { code: 'yaml/duplicate-key', words: /duplicate key "k0"/ },
  'invalid-utf8': { code: 'file/invalid-utf8', words: /not valid UTF-8 \(byte 0xE9/ },
  'invalid-utf8-1mb': { code: 'file/invalid-utf8', words: /not valid UTF-8 \(byte 0xC3/ },
};

/** Loose ceilings: a quadratic or exponential path would blow through them by orders of magnitude. */
const MAX_MS = 5000;
const MAX_GROWTH_MB = 256;

const figures = new Map<string, Promise<AttackFigure>>();
// Two children at a time (the reference machine has two cores).
const names = Object.keys(ATTACKS);
let chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
names.forEach((name, i) => {
  const lane = i % 2;
  const run = (chain[lane] as Promise<unknown>).then(() => runAttackInChild(name));
  chain = chain.map((c, k) => (k === lane ? run.catch(() => undefined) : c));
  figures.set(name, run);
});

describe('resource attacks on the loader are refused in bounded time and memory', () => {
  it('has an expectation for every attack', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...names].sort());
  });

  it.each(names)(
    '%s',
    async (name) => {
      const f = await (figures.get(name) as Promise<AttackFigure>);
      const want = EXPECTED[name] as { code: string; words: RegExp };
      expect(f.refused).toBe(true);
      expect(f.first?.code).toBe(want.code);
      expect(f.first?.message).toMatch(want.words);
      expect(f.first?.line).toBeGreaterThanOrEqual(1);
      expect(f.first?.col).toBeGreaterThanOrEqual(1);
      expect(f.ms).toBeLessThan(MAX_MS);
      expect(f.peakGrowthMB).toBeLessThan(MAX_GROWTH_MB);
    },
    120_000,
  );
});

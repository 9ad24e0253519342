/**
 * A sample of `npm run fuzz` (scripts/fuzz.ts) in every `npm test`: mutants of the real scenarios, plus
 * generated text and bytes, go through `parseScenarioBytes`; each is refused with located, coded
 * diagnostics (never an internal error) or validates, compiles and plays a short game. The full run
 * (100,000 inputs, a watchdog per file) is `npm run fuzz`.
 */
import { describe, expect, it } from 'vitest';
import {
  buildInput,
  CHUNK,
  type Checked,
  checkInput,
  chunkSpecs,
  loadSources,
  quantile,
} from '../scripts/fuzz.ts';

const all = loadSources();
const tutorial = all.find((s) => s.name === 'tutorial.yaml');
if (!tutorial) throw new Error('scenarios/tutorial.yaml is missing');
// The small tutorial is weighted up so that the sample stays quick; every scenario is still mutated.
const sources = [...all, tutorial, tutorial];
/** A seed of its own, so this sample differs from the default `npm run fuzz` run. */
const SEED = 77_000;
const CHUNKS = 10; // 10 × 250 = 2,500 inputs

const seen: Checked[] = [];

describe('fuzzing the scenario loader (a sample of npm run fuzz)', () => {
  it.each(Array.from({ length: CHUNKS }, (_, i) => i))(
    'chunk %i: every input is refused with located diagnostics, or validates and plays',
    (chunk) => {
      const failures: string[] = [];
      const specs = chunkSpecs(SEED, chunk);
      expect(specs).toHaveLength(CHUNK);
      for (const [i, spec] of specs.entries()) {
        const checked = checkInput(buildInput(sources, spec), spec.kind === 'mutant' ? spec.play : i);
        // A loose per-file ceiling: a hang shows up here (and as a test timeout) long before it matters.
        if (checked.ms > 5000) failures.push(`#${i}: ${checked.ms.toFixed(0)} ms`);
        if (checked.problem) failures.push(`#${i}: ${checked.problem}`);
        seen.push(checked);
      }
      expect(failures).toEqual([]);
    },
    180_000,
  );

  it('covered both refusals and playable mutants, and reports the validation time', () => {
    const valid = seen.filter((c) => c.valid);
    expect(seen.length).toBe(CHUNKS * CHUNK);
    expect(valid.length).toBeGreaterThan(50);
    expect(seen.length - valid.length).toBeGreaterThan(1000);
    expect(valid.reduce((n, c) => n + c.moves, 0)).toBeGreaterThan(valid.length);
    const times = seen.map((c) => c.ms);
    const p99 = quantile(times, 0.99);
    console.info(
      `fuzz sample: ${seen.length} inputs, ${valid.length} valid and played; validation p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );
    expect(p99).toBeLessThan(3000);
  });
});

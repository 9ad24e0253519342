/**
 * Hardening class 1: ids that are names of prototype properties (`constructor`, `length`, `map`…) must
 * behave exactly like any other id. Generated renamings of the real scenarios (scripts/fuzz-ids.ts) are
 * played side by side with a control name; `npm run fuzz -- --only ids` runs many more, with lints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRenaming, PROTOTYPE_NAMES, prepare, renamingArb } from '../scripts/fuzz-ids.ts';

const prepared = prepare();
const { sources, tokensOf } = prepared;

describe('ids named after prototype properties', () => {
  it('draws from every Object.prototype name the id rule allows, and from other prototypes', () => {
    expect(PROTOTYPE_NAMES).toContain('constructor');
    for (const n of ['length', 'map', 'keys', 'values', 'call', 'at']) expect(PROTOTYPE_NAMES).toContain(n);
    for (const n of Object.getOwnPropertyNames(Object.prototype))
      if (/^[a-z0-9][a-z0-9-]*$/.test(n)) expect(PROTOTYPE_NAMES).toContain(n);
  });

  it('ids renamed to `constructor` validate and play like their controls: every id of the tutorials, every second of the others; a sample also simulates and lints', () => {
    let compared = 0;
    for (let s = 0; s < sources.length; s++) {
      const tokens = tokensOf(s);
      const stride = sources[s]?.name.endsWith('tutorial.yaml') ? 1 : 2;
      for (let t = s % stride; t < tokens.length; t += stride) {
        const opts = { games: 1, simulate: t % 4 === 0, lint: t % 15 === 0 };
        const res = checkRenaming(prepared, { source: s, token: t, name: 'constructor', seed: t }, opts);
        expect(res.problem, `${res.file}: ${res.token} → constructor`).toBeNull();
        if (res.compared) compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 240_000);

  it('random ids renamed to random prototype names behave like their controls (property)', () => {
    fc.assert(
      fc.property(renamingArb, (r) => {
        const res = checkRenaming(prepared, r, { games: 2, simulate: true, lint: false });
        expect(res.problem, `${res.file}: ${res.token} → ${res.name}`).toBeNull();
      }),
      { numRuns: 60, seed: 17 },
    );
  }, 240_000);
});

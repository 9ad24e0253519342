import { describe, expect, it } from 'vitest';
import { type RngState, restoreRng, seedRng } from '../src/engine/rng.ts';

function draw(state: RngState, n: number): number[] {
  const rng = restoreRng(state);
  return Array.from({ length: n }, () => rng.next());
}

describe('rng', () => {
  // Pinned outputs: if these change, every saved game and replay breaks.
  it('pins the first outputs for known seeds', () => {
    expect(draw(seedRng('envoy'), 5)).toEqual([
      0.6996564657893032, 0.22214203840121627, 0.7121358243748546, 0.750510188518092, 0.9514002124778926,
    ]);
    expect(draw(seedRng('1'), 5)).toEqual([
      0.526047095656395, 0.12264361372217536, 0.47771977609954774, 0.6214375477284193, 0.16581842070445418,
    ]);
    expect(draw(seedRng('tutorial/0'), 5)).toEqual([
      0.07067481311969459, 0.34250208106823266, 0.20514263142831624, 0.19582195742987096, 0.7103778955060989,
    ]);
  });

  it('pins the seeded state shape', () => {
    expect(seedRng('envoy')).toEqual({
      c: 1,
      s0: 0.6576147698797286,
      s1: 0.3196159671060741,
      s2: 0.12960301083512604,
    });
    expect(Object.keys(seedRng('envoy'))).toEqual(['c', 's0', 's1', 's2']);
  });

  it('continues identically after save/restore mid-sequence', () => {
    const full = draw(seedRng('envoy'), 20);
    const rng = restoreRng(seedRng('envoy'));
    const firstHalf = Array.from({ length: 7 }, () => rng.next());
    const saved = rng.save();
    const rest = draw(saved, 13);
    expect([...firstHalf, ...rest]).toEqual(full);
    // Saving does not disturb the live generator.
    expect(Array.from({ length: 13 }, () => rng.next())).toEqual(rest);
  });

  it('survives a JSON round trip exactly', () => {
    const rng = restoreRng(seedRng('tutorial/0'));
    for (let i = 0; i < 1000; i++) rng.next();
    for (let k = 0; k < 200; k++) {
      const saved = rng.save();
      const copy = JSON.parse(JSON.stringify(saved)) as RngState;
      expect(copy).toEqual(saved);
      expect(
        Object.is(copy.s0, saved.s0) && Object.is(copy.s1, saved.s1) && Object.is(copy.s2, saved.s2),
      ).toBe(true);
      expect(draw(copy, 10)).toEqual(draw(saved, 10));
      rng.next();
    }
  });

  it('restores from a frozen state without mutating it', () => {
    const state = Object.freeze(seedRng('1'));
    const rng = restoreRng(state);
    rng.next();
    expect(state).toEqual(seedRng('1'));
    expect(rng.save()).not.toEqual(state);
  });

  it('gives different sequences for different seeds', () => {
    const a = draw(seedRng('envoy'), 5);
    const b = draw(seedRng('envoy2'), 5);
    const c = draw(seedRng('Envoy'), 5);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
    expect(b).not.toEqual(c);
  });

  it('outputs doubles in [0, 1)', () => {
    const rng = restoreRng(seedRng('range'));
    for (let i = 0; i < 10000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('rejects an empty seed and invalid states', () => {
    expect(() => seedRng('')).toThrow(/non-empty/);
    expect(() => restoreRng({ c: 1, s0: 0.1, s1: 0.2 } as unknown as RngState)).toThrow(/invalid RNG state/);
    expect(() => restoreRng({ c: 1, s0: Number.NaN, s1: 0.2, s2: 0.3 })).toThrow(/invalid RNG state/);
  });
});

/**
 * A tiny seeded generator for the linter's search. The search must give the same warnings on every run
 * and machine, so it never uses the platform's random generator; it also never draws from a game's own generator, so
 * exploring a scenario cannot change how its world rolls.
 */

/** A stream of uniform doubles in [0, 1), reproducible from its seed text. */
export interface Draw {
  next(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

/** FNV-1a of a string: turns a readable seed (`check/random/12`) into 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 seeded from text: fast, small state, good enough to pick moves (not for cryptography). */
export function seededDraw(seed: string): Draw {
  let a = hash32(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n) => Math.floor(next() * n) };
}

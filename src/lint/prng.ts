/**
 * The linter's seeded draws. The search must give the same warnings on every run and machine, so it uses the
 * project's one generator (seedrandom's Alea, through the engine's wrapper) from its own seed text, and never
 * a game's own generator: exploring a scenario cannot change how its world rolls.
 */
import { restoreRng, seedRng } from '../engine/rng.ts';

/** A stream of uniform doubles in [0, 1), reproducible from its seed text. */
export interface Draw {
  next(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

/** A draw stream seeded from readable text (`check/random/12`). */
export function seededDraw(seed: string): Draw {
  const rng = restoreRng(seedRng(seed));
  const next = (): number => rng.next();
  return { next, below: (n) => Math.floor(next() * n) };
}

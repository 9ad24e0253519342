/**
 * Seeded, serialisable RNG for the engine: seedrandom's Alea generator whose
 * entire state lives inside the game state as a plain JSON object. Storing the
 * state (rather than a seed + draw count) keeps actions O(1) and makes every
 * roll reproducible from any saved state, in Node and the browser alike.
 */
import seedrandom from 'seedrandom';

/**
 * The Alea generator state, exactly as seedrandom's `.state()` returns it.
 * Exists so the RNG can be stored in (and hashed with) the game state.
 * `c` is a small integer carry; `s0..s2` are doubles in [0, 1), which survive
 * a JSON round trip exactly (ES number-to-string is shortest round-trip).
 */
export type RngState = { c: number; s0: number; s1: number; s2: number };

/**
 * A live generator for drawing several numbers during one action. Exists so
 * the engine restores once, draws as many rolls as it needs, and stores the
 * final state once via `save()`.
 */
export interface Rng {
  /** Next uniform double in [0, 1) (32 bits of randomness). */
  next(): number;
  /** Snapshot of the current state as a fresh plain object. */
  save(): RngState;
}

function isRngState(value: unknown): value is RngState {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.c === 'number' &&
    Number.isFinite(v.c) &&
    typeof v.s0 === 'number' &&
    Number.isFinite(v.s0) &&
    typeof v.s1 === 'number' &&
    Number.isFinite(v.s1) &&
    typeof v.s2 === 'number' &&
    Number.isFinite(v.s2)
  );
}

function snapshot(prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>): RngState {
  const s = prng.state();
  // Copy into a fixed key order/shape so it never carries extra properties.
  return { c: s.c as number, s0: s.s0 as number, s1: s.s1 as number, s2: s.s2 as number };
}

/**
 * Initial RNG state for a seed string. Exists so a new game's randomness is
 * fully determined by its (non-empty) seed. Throws on an empty seed, which
 * would almost always be a bug (missing seed silently shared by every game).
 */
export function seedRng(seed: string): RngState {
  if (typeof seed !== 'string' || seed.length === 0) {
    throw new Error('seedRng: seed must be a non-empty string');
  }
  return snapshot(seedrandom.alea(seed, { state: true }));
}

/**
 * A generator restored lazily from a stored state: many actions draw nothing, and then save() hands
 * back the same object, so the state's rng subtree stays identical (cheaper to commit and to hash).
 * A class rather than closures: one allocation per action instead of three.
 */
class LazyRng implements Rng {
  private readonly stored: RngState;
  private prng: seedrandom.StatefulPRNG<seedrandom.State.Alea> | null = null;

  constructor(stored: RngState) {
    this.stored = stored;
  }

  next(): number {
    // seedrandom copies c/s0/s1/s2 out of `state`; the seed is then irrelevant.
    const s = this.stored;
    this.prng ??= seedrandom.alea('', { state: { c: s.c, s0: s.s0, s1: s.s1, s2: s.s2 } });
    return this.prng();
  }

  save(): RngState {
    return this.prng ? snapshot(this.prng) : this.stored;
  }
}

/**
 * Rebuild a generator from a stored state. Exists so the engine can continue
 * the exact random sequence from any saved or replayed game state. The input
 * is never mutated (it may be a frozen immer object).
 */
export function restoreRng(state: RngState): Rng {
  if (!isRngState(state)) {
    throw new Error('restoreRng: invalid RNG state (expected { c, s0, s1, s2 } finite numbers)');
  }
  return new LazyRng(state);
}

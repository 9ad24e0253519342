/**
 * Bounds on every number a scenario may hold. The engine, the lints and the simulation add, multiply and
 * compare these numbers; with each one at most a million in size, no sum or product a file can ask for
 * comes near the largest double (a 1 MB file holds under a million numbers: even a million products of
 * two bounded numbers stays below 10^18), so no game, lint or report can ever meet Infinity or NaN.
 * (Count and size limits are in `limits.ts`; these are limits on values.)
 */

/** The largest size of any real number in a scenario: meters, deltas, weights, scores, coefficients, tests. */
export const MAX_MAGNITUDE = 1_000_000;

/** The largest whole number counted in rounds or uses (`at`, `limit`, `threshold`). */
export const MAX_COUNT = 1_000_000;

/**
 * The largest scenario `version`: every safe integer, all of which a replay code can carry (its varints
 * take up to 8 bytes, 56 bits).
 */
export const MAX_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * The first segment of event names XState keeps for itself (`xstate.init`, `xstate.stop`, `xstate.done.*`,
 * `xstate.error.*`, `xstate.after.*`, `xstate.snapshot.*`…): it swallows some and treats others as
 * lifecycle signals, so a party sent one would silently hold its position.
 */
export const RESERVED_EVENT_PREFIX = 'xstate.';

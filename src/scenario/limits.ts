/**
 * Caps on scenario files. Scenarios come from instructors and may be shared around, so the loader refuses
 * inputs that would exhaust memory or the stack before it does any real work (architecture rule 6).
 */

/** Largest accepted file, in bytes of UTF-8: real scenarios are tens of kilobytes. */
export const MAX_BYTES = 1_048_576;

/** Deepest accepted YAML nesting (collections inside collections); real scenarios stay under 15. */
export const MAX_DEPTH = 64;

/** Most alias nodes (`*name`) accepted, and the expansion budget handed to the YAML library. */
export const MAX_ALIASES = 100;

/** Most diagnostics reported for one file; past this, the rest are summarised in one line. */
export const MAX_DIAGNOSTICS = 200;

/** Most YAML syntax errors tolerated before deciding the file is not YAML at all (and stopping early). */
export const MAX_SYNTAX_ERRORS = 200;

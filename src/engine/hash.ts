/**
 * Canonical JSON (RFC 8785 / JCS) and SHA-256 state hashing.
 *
 * The engine identifies every game state by a hash of its canonical JSON text,
 * so replays, saves and cross-runtime checks (Node vs browser) can compare
 * states byte-for-byte. Pure code: no Node modules, no platform crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Canonical text of frozen, deeply-immutable subtrees, keyed by identity.
 * Immer returns the same frozen objects for unchanged parts of a state, so
 * re-hashing after an action only re-serialises the changed path.
 */
const canonicalCache = new WeakMap<object, string>();

/** Guards against cycles (and absurd nesting) with a clear error instead of a stack overflow. */
const MAX_DEPTH = 256;

/**
 * Set by `serialize` after each call: whether the value just serialised is
 * deeply immutable (primitives, or frozen containers whose children are all
 * deeply immutable). Only such subtrees may be cached — a frozen object can
 * still hold a mutable child (Object.freeze is shallow).
 */
let lastImmutable = true;

/** Error raised for values that cannot appear in canonical JSON; collects the path while unwinding. */
class CanonicalJsonError extends Error {
  readonly what: string;
  segments: string[] = [];
  constructor(what: string) {
    super(what);
    this.what = what;
  }
}

function describe(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor = (proto as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof ctor === 'string' && ctor !== '' ? ctor : 'non-plain object';
}

function withSegment(err: unknown, segment: string): unknown {
  if (err instanceof CanonicalJsonError) err.segments.push(segment);
  return err;
}

/** Quoted-string cache bounds: state keys and enum-like values repeat constantly. */
const QUOTE_CACHE_MAX_LENGTH = 64;
const QUOTE_CACHE_MAX_ENTRIES = 8192;
let quoteCache = new Map<string, string>();

/** JSON string literal, exactly as JSON.stringify escapes it (JCS uses the same rules). */
function quote(text: string): string {
  if (text.length > QUOTE_CACHE_MAX_LENGTH) return JSON.stringify(text);
  let quoted = quoteCache.get(text);
  if (quoted === undefined) {
    quoted = JSON.stringify(text);
    if (quoteCache.size >= QUOTE_CACHE_MAX_ENTRIES) quoteCache = new Map();
    quoteCache.set(text, quoted);
  }
  return quoted;
}

/** Precomputed text of small non-negative integers (counters, indices, turns). */
const SMALL_INTS: readonly string[] = Array.from({ length: 1024 }, (_, i) => String(i));

/**
 * Keys in UTF-16 code-unit order (JCS). The relational `<` on strings compares
 * code units, exactly like Array#sort's default comparator; insertion sort is
 * much faster than the generic sort for the small objects that make up states.
 */
function sortKeys(keys: string[]): string[] {
  const n = keys.length;
  if (n > 16) return keys.sort();
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Serialise one value, setting `lastImmutable` as a side result. */
function serialize(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      lastImmutable = true;
      return quote(value);
    case 'number':
      lastImmutable = true;
      // -0 takes this path too and yields "0", as JCS requires.
      if ((value | 0) === value && value >= 0 && value < 1024) return SMALL_INTS[value] as string;
      if (!Number.isFinite(value)) throw new CanonicalJsonError(String(value));
      // ES Number::toString, as JCS requires.
      return String(value);
    case 'boolean':
      lastImmutable = true;
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) {
        lastImmutable = true;
        return 'null';
      }
      return serializeContainer(value, depth);
    default:
      // undefined (only reachable at the root or in arrays), function, symbol, bigint
      throw new CanonicalJsonError(typeof value);
  }
}

function serializeContainer(value: object, depth: number): string {
  const cached = canonicalCache.get(value);
  if (cached !== undefined) {
    lastImmutable = true;
    return cached;
  }
  if (depth >= MAX_DEPTH) {
    throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH} (circular reference?)`);
  }
  let immutable = Object.isFrozen(value);
  let out: string;

  if (Array.isArray(value)) {
    const arr = value as readonly unknown[];
    const len = arr.length;
    out = '[';
    for (let i = 0; i < len; i++) {
      if (i > 0) out += ',';
      try {
        out += serialize(arr[i], depth + 1);
      } catch (err) {
        throw withSegment(err, `[${i}]`);
      }
      if (!lastImmutable) immutable = false;
    }
    out += ']';
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(describe(value));
    const rec = value as Record<string, unknown>;
    const keys = sortKeys(Object.keys(rec));
    out = '{';
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = rec[key];
      if (item === undefined) continue; // omitted, as JSON.stringify does
      if (first) first = false;
      else out += ',';
      out += quote(key);
      out += ':';
      try {
        out += serialize(item, depth + 1);
      } catch (err) {
        throw withSegment(err, `.${key}`);
      }
      if (!lastImmutable) immutable = false;
    }
    out += '}';
  }

  // The root is skipped: immer makes a fresh root for every change, so caching
  // it costs a WeakMap insert (and GC work) that the next turn never hits.
  if (immutable && depth > 0) {
    // Read a char before caching: in V8 this flattens the rope built by `+=`
    // in place, so later hashes do not re-walk hundreds of tiny rope nodes
    // when encoding to UTF-8 (measured ~15% faster per stateHash). The read
    // doubles as a cheap sanity check, so no minifier can drop it.
    const open = out.charCodeAt(0);
    if (open !== 0x5b && open !== 0x7b) throw new Error('canonicalJson: internal error');
    canonicalCache.set(value, out);
  }
  lastImmutable = immutable;
  return out;
}

/**
 * RFC 8785 canonical JSON text of a JSON-compatible value. Exists so that two
 * equal states always produce identical bytes (and hence identical hashes),
 * regardless of key insertion order or runtime. Throws on anything that is
 * not plain JSON data (NaN/Infinity, functions, symbols, bigint, Map, Set,
 * Date, class instances, undefined array elements) because the engine must
 * never put such values in state.
 */
export function canonicalJson(value: unknown): string {
  try {
    return serialize(value, 0);
  } catch (err) {
    if (err instanceof CanonicalJsonError) {
      const path = err.segments.reverse().join('') || '<root>';
      throw new Error(`canonicalJson: ${err.what} is not allowed in canonical JSON (at ${path})`);
    }
    throw err;
  }
}

const encoder = new TextEncoder();
/** Reused UTF-8 scratch buffer; grows on demand (up to a cap) to avoid a per-call allocation. */
let scratch = new Uint8Array(16 * 1024);
const SCRATCH_MAX_BYTES = 1024 * 1024;

/**
 * Lowercase hex SHA-256 of the UTF-8 encoding of `text`. Exists so the engine
 * hashes identically in Node and the browser without platform crypto
 * (WebCrypto is async-only), using the audited pure-JS @noble/hashes.
 */
export function sha256Hex(text: string): string {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const maxBytes = text.length * 3;
  if (maxBytes > SCRATCH_MAX_BYTES) return bytesToHex(sha256(encoder.encode(text)));
  if (scratch.length < maxBytes)
    scratch = new Uint8Array(Math.min(SCRATCH_MAX_BYTES, Math.max(maxBytes, scratch.length * 2)));
  const { written } = encoder.encodeInto(text, scratch);
  return bytesToHex(sha256(scratch.subarray(0, written)));
}

/**
 * Identity hash of a game state: SHA-256 of its canonical JSON. Exists so
 * replays, saves and tests can assert state equality with a single string.
 */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}

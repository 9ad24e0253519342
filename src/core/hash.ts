/**
 * Canonical JSON (RFC 8785 / JCS) and SHA-256 state hashing.
 *
 * The engine identifies every game state by a hash of its canonical JSON text,
 * so replays, saves and cross-runtime checks (Node vs browser) can compare
 * states byte-for-byte. Pure code: no Node modules and no platform hashing API.
 */
import { sha256Utf8Hex } from './sha256.ts';

/** Guards against cycles (and absurd nesting) with a clear error instead of a stack overflow. */
const MAX_DEPTH = 256;

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

/** Serialise one value (the general path, for data not already in canonical key order). */
function serialize(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // -0 takes this path too and yields "0", as JCS requires.
      if ((value | 0) === value && value >= 0 && value < 1024) return SMALL_INTS[value] as string;
      if (!Number.isFinite(value)) throw new CanonicalJsonError(String(value));
      // ES Number::toString, as JCS requires.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) {
        return 'null';
      }
      return serializeContainer(value, depth);
    default:
      // undefined (only reachable at the root or in arrays), function, symbol, bigint
      throw new CanonicalJsonError(typeof value);
  }
}

function serializeContainer(value: object, depth: number): string {
  if (depth >= MAX_DEPTH) {
    throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH} (circular reference?)`);
  }
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
    }
    out += '}';
  }

  return out;
}

/**
 * Whether JSON.stringify would already write the canonical text: plain objects and arrays only, keys in
 * UTF-16 code-unit order, finite numbers, no undefined/function/symbol/bigint anywhere. It only reads,
 * so it is much cheaper than serialising; anything unusual sends the value down the full serializer.
 */
export function inCanonicalOrder(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return value === null || containerInOrder(value, depth);
    default:
      return false;
  }
}

/** inCanonicalOrder for a non-null object; primitives are checked inline (most values are). */
function containerInOrder(value: object, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object') {
        if (item !== null && !containerInOrder(item, depth + 1)) return false;
      } else if (typeof item === 'number') {
        if (!Number.isFinite(item)) return false;
      } else if (typeof item !== 'string' && typeof item !== 'boolean') return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const rec = value as Record<string, unknown>;
  let prev: string | null = null;
  for (const key in rec) {
    if (prev !== null && !(prev < key)) return false;
    prev = key;
    const item = rec[key];
    if (typeof item === 'object') {
      if (item !== null && !containerInOrder(item, depth + 1)) return false;
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
    } else if (typeof item !== 'string' && typeof item !== 'boolean') return false;
  }
  return true;
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
  // Fast path: when every object already lists its keys in canonical order and holds only plain JSON
  // data, JSON.stringify (native) writes exactly the RFC 8785 text. The engine builds its states that way.
  if (inCanonicalOrder(value, 0)) return JSON.stringify(value);
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

/**
 * Lowercase hex SHA-256 of the UTF-8 encoding of `text`. Exists so the engine
 * hashes identically in Node and the browser without platform crypto
 * (WebCrypto is async-only); see sha256.ts for why it is the engine's own.
 */
export function sha256Hex(text: string): string {
  return sha256Utf8Hex(text);
}

/**
 * Identity hash of a game state: SHA-256 of its canonical JSON. Exists so
 * replays, saves and tests can assert state equality with a single string.
 */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}

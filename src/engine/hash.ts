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

/** Serialise one value, setting `lastImmutable` as a side result. */
function serialize(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      lastImmutable = true;
      return JSON.stringify(value);
    case 'number':
      lastImmutable = true;
      if (!Number.isFinite(value)) throw new CanonicalJsonError(String(value));
      // ES Number::toString, as JCS requires; String(-0) is already "0".
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
    // Default sort compares UTF-16 code units: exactly JCS's key order.
    const keys = Object.keys(rec).sort();
    out = '{';
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = rec[key];
      if (item === undefined) continue; // omitted, as JSON.stringify does
      if (first) first = false;
      else out += ',';
      out += JSON.stringify(key);
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

  if (immutable) canonicalCache.set(value, out);
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
/** Reused UTF-8 scratch buffer; grows on demand to avoid a per-call allocation. */
let scratch = new Uint8Array(16 * 1024);

/**
 * Lowercase hex SHA-256 of the UTF-8 encoding of `text`. Exists so the engine
 * hashes identically in Node and the browser without platform crypto
 * (WebCrypto is async-only), using the audited pure-JS @noble/hashes.
 */
export function sha256Hex(text: string): string {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const maxBytes = text.length * 3;
  if (scratch.length < maxBytes) scratch = new Uint8Array(Math.max(maxBytes, scratch.length * 2));
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

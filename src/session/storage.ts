/**
 * The little of Web Storage that saves need, behind an interface, so the save protocol can be tested in
 * Node with fakes (full, failing, killed mid-write) and a browser without storage (private mode, storage
 * disabled, sandboxed iframe) simply plays on without saves.
 */

/**
 * A string key-value store. Every method may throw (a full quota, a revoked permission): callers catch.
 * `window.localStorage` satisfies it; so does `memoryStorage()`.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The page's localStorage (or, for `'session'`, the tab's sessionStorage), or null when the browser will not
 * give one: merely reading `window.localStorage` throws a SecurityError when storage is blocked, so it is
 * read inside a try.
 */
export function browserStorage(kind: 'local' | 'session' = 'local'): KeyValueStorage | null {
  try {
    if (typeof window === 'undefined') return null;
    const storage = kind === 'session' ? window.sessionStorage : window.localStorage;
    if (
      storage === null ||
      typeof storage !== 'object' ||
      typeof storage.getItem !== 'function' ||
      typeof storage.setItem !== 'function' ||
      typeof storage.removeItem !== 'function'
    ) {
      return null;
    }
    return storage;
  } catch {
    return null;
  }
}

/** A Map-backed store: the fallback for tests and for tools that run the session outside a browser. */
export function memoryStorage(initial?: Iterable<[string, string]>): KeyValueStorage & {
  readonly map: Map<string, string>;
} {
  const map = new Map(initial);
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, String(value));
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}

/** How a storage failure should be reported to the player: full, switched off, or something else. */
export type StorageFailure = 'quota' | 'unavailable' | 'failed';

/**
 * Classifies what a storage call threw. Browsers disagree on the quota error (Chrome and Safari:
 * `QuotaExceededError`, code 22; old Firefox: `NS_ERROR_DOM_QUOTA_REACHED`, code 1014).
 */
export function storageFailure(error: unknown): StorageFailure {
  const e = error as { name?: unknown; code?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  if (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    e?.code === 22 ||
    e?.code === 1014
  ) {
    return 'quota';
  }
  if (name === 'SecurityError' || name === 'InvalidAccessError') return 'unavailable';
  return 'failed';
}

/**
 * Id-keyed records are data, never inherited. A scenario may name a party, a meter, a flag or an option
 * `constructor` (the id rule allows it), and `record[id]` on an ordinary object then reads
 * `Object.prototype.constructor`: a party that never signed counts as signed, a move limit never binds,
 * a state holds a function's text. Every read of a record by an id goes through `own` (or `has`), and
 * every record the engine builds from ids starts from `dict()`; scenarios are turned into prototype-free
 * data (`dataOnly`) once, when they are validated and when a game is compiled.
 */

/** The value a record holds under `key` itself; `undefined` when it holds none (inherited names included). */
export function own<V>(record: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether a record holds `key` itself (not through its prototype). */
export function has(record: object | null | undefined, key: string): boolean {
  return record != null && Object.hasOwn(record, key);
}

/** An empty record without a prototype, for records keyed by ids. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Reviver for `JSON.parse` that gives every object no prototype (arrays stay arrays). */
function withoutPrototype(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as object, value);
}

/**
 * A copy of JSON data in which no object has a prototype, so that no id can reach an inherited property
 * even where a read forgets `own`. Parses `json` when given (the caller already has the canonical text),
 * else serialises `value` first. Only for data already bounded in depth (a validated scenario).
 */
export function dataOnly<T>(value: T, json?: string): T {
  return JSON.parse(json ?? JSON.stringify(value), withoutPrototype) as T;
}

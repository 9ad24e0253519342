/**
 * Just enough introspection of a zod schema to name the keys allowed at a data path, so an unknown-key
 * error can say "did you mean `prefers`?". Reads zod's public `_zod.def` structure; nothing is evaluated.
 */
import type { PathSegment } from './locate.ts';

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  valueType?: unknown;
  element?: unknown;
  options?: readonly unknown[];
  innerType?: unknown;
  getter?: () => unknown;
  in?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | null | undefined)?._zod?.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Strips optional/default/lazy/pipe wrappers down to the schema that decides the shape. */
function unwrap(schema: unknown): Def | undefined {
  let def = defOf(schema);
  for (let i = 0; def && i < 32; i++) {
    if (WRAPPERS.has(def.type)) def = defOf(def.innerType);
    else if (def.type === 'lazy' && def.getter) def = defOf(def.getter());
    else if (def.type === 'pipe') def = defOf(def.in);
    else break;
  }
  return def;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return typeof value;
}

/** For a union, the option whose shape fits the value (a mapping picks the object or record branch). */
function pick(def: Def | undefined, value: unknown): Def | undefined {
  if (def?.type !== 'union') return def;
  const want = kindOf(value);
  const options = (def.options ?? []).map(unwrap);
  const fits = (d: Def | undefined): boolean =>
    d !== undefined &&
    (want === 'object'
      ? d.type === 'object' || d.type === 'record'
      : want === 'array'
        ? d.type === 'array'
        : false);
  return options.find(fits) ?? options[0];
}

/** The own property of a plain object or array, without touching prototypes. */
export function childOf(value: unknown, seg: PathSegment): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.hasOwn(value, seg) ? (value as Record<PathSegment, unknown>)[seg] : undefined;
}

/** The keys an object schema allows at `path` of `data`, or undefined when it is not an object there. */
export function allowedKeysAt(
  root: unknown,
  path: readonly PathSegment[],
  data: unknown,
): string[] | undefined {
  let def = pick(unwrap(root), data);
  let value = data;
  for (const seg of path) {
    if (!def) return undefined;
    let next: unknown;
    if (def.type === 'object') next = def.shape?.[String(seg)];
    else if (def.type === 'record') next = def.valueType;
    else if (def.type === 'array') next = def.element;
    else return undefined;
    value = childOf(value, seg);
    def = pick(unwrap(next), value);
  }
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

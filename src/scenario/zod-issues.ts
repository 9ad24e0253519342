/**
 * zod issues → problems an instructor can act on: `meters.trust.min: expected a number, got "high"`,
 * `parties.russia: unknown key "prefer"` with a did-you-mean hint, each tied to its data path.
 */
import { formatPath, type PathSegment, type Problem } from './locate.ts';
import { Issue, Meter, Move, Party } from './schema.ts';
import { closest } from './suggest.ts';
import { allowedKeysAt, childOf } from './zod-walk.ts';

/** The parts of a zod v4 issue this module reads (structural, so it does not depend on zod internals). */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  keys?: readonly string[];
  errors?: readonly (readonly ZodIssueLike[])[];
  issues?: readonly ZodIssueLike[];
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'an empty value',
};

/** How a value reads in a message: strings quoted, collections named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf (a number too large)' : '-.inf';
    return String(value);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) v = childOf(v, seg);
  return v;
}

function isMissing(data: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  return (
    parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !Object.hasOwn(parent, last)
  );
}

const prefix = (path: readonly PathSegment[]): string => (path.length > 0 ? `${formatPath(path)}: ` : '');

const joinOr = (names: string[]): string =>
  names.length <= 1
    ? (names[0] ?? 'something else')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/** A kebab-case spelling of `value` that passes `pattern` (a RegExp's source text), for a hint. */
function kebabHint(value: unknown, pattern: string | undefined): string | undefined {
  if (typeof value !== 'string' || !pattern) return undefined;
  const suggestion = value
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const source = pattern.startsWith('/') ? pattern.slice(1, pattern.lastIndexOf('/')) : pattern;
  let ok = false;
  try {
    ok = new RegExp(source).test(suggestion);
  } catch {
    ok = false;
  }
  return ok && suggestion !== value ? `did you mean \`${suggestion}\`?` : undefined;
}

function typeHint(expected: string[], value: unknown): string | undefined {
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return `put it in quotes to make it text: "${String(value)}"`;
  }
  if (
    (expected.includes('number') || expected.includes('int')) &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return 'remove the quotes to make it a number';
  }
  if (expected.includes('int') && typeof value === 'number') return 'use a whole number';
  if (value === null) return 'write a value after the colon';
  return undefined;
}

function sizeText(issue: ZodIssueLike, value: unknown, big: boolean): string {
  const n = Number(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (!big) return n <= 1 ? 'must not be empty' : `must be at least ${n} characters long`;
      return `is too long: at most ${n} characters (this one has ${typeof value === 'string' ? value.length : '?'})`;
    case 'array':
      return big
        ? `has too many entries: at most ${n}`
        : `needs at least ${n} ${n === 1 ? 'entry' : 'entries'}`;
    case 'number':
    case 'int':
      if (big)
        return `${issue.inclusive === false ? 'must be less than' : 'must be at most'} ${n}, got ${describeValue(value)}`;
      return `${issue.inclusive === false ? 'must be greater than' : 'must be at least'} ${n}, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

/** The fields of each top-level collection's entries, to recognise a field dedented into an entry of its own. */
const ENTRY_FIELDS: Record<string, ReadonlySet<string>> = {
  parties: new Set(Object.keys(Party.shape)),
  issues: new Set(Object.keys(Issue.shape)),
  meters: new Set(Object.keys(Meter.shape)),
  moves: new Set(Object.keys(Move.shape)),
};

/**
 * A hint when an entry of a collection is named like one of an entry's fields (`parties: { position: … }`):
 * the classic YAML slip of indenting a field too little, which otherwise reads as a brand-new entry.
 */
function misindented(parent: readonly PathSegment[]): string | undefined {
  if (parent.length !== 2) return undefined;
  const [collection, entry] = parent;
  if (!ENTRY_FIELDS[String(collection)]?.has(String(entry))) return undefined;
  return `\`${String(entry)}\` is a field of each entry in \`${String(collection)}\`: is it indented too little, so that it reads as an entry of its own?`;
}

function convert(
  issue: ZodIssueLike,
  base: readonly PathSegment[],
  data: unknown,
  root: unknown,
  out: Problem[],
  limit: number,
): void {
  if (out.length > limit) return;
  const path = [...base, ...issue.path.filter((p): p is PathSegment => typeof p !== 'symbol')];
  const value = valueAt(data, path);
  const push = (
    code: string,
    message: string,
    at: Problem['at'] = 'value',
    hint?: string,
    params?: Record<string, string | number>,
  ): void => {
    const p: Problem = { path, at, severity: 'error', code, message };
    if (hint !== undefined) p.hint = hint;
    if (params !== undefined) p.params = params;
    out.push(p);
  };
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && isMissing(data, path)) {
    const parent = path.slice(0, -1);
    const key = String(path[path.length - 1]);
    push(
      'schema/missing-key',
      parent.length > 0
        ? `${formatPath(parent)}: missing required key "${key}"`
        : `missing required top-level key "${key}"`,
      'parent',
      misindented(parent),
      { key },
    );
    return;
  }
  switch (issue.code) {
    case 'invalid_union': {
      const branches = issue.errors ?? [];
      const rootTypeOnly = (b: readonly ZodIssueLike[]): boolean =>
        b.every((i) => i.code === 'invalid_type' && i.path.length === 0);
      const deep = branches.find((b) => !rootTypeOnly(b));
      if (deep) {
        for (const inner of deep) convert(inner, path, data, root, out, limit);
        return;
      }
      const expected = [
        ...new Set(branches.flatMap((b) => b.map((i) => i.expected ?? '')).filter((e) => e !== '')),
      ];
      const names = [...new Set(expected.map((e) => TYPE_NAMES[e] ?? e))];
      push(
        'schema/invalid-type',
        `${prefix(path)}expected ${joinOr(names)}, got ${describeValue(value)}`,
        'value',
        typeHint(expected, value),
        { expected: expected.join('|'), got: describeValue(value) },
      );
      return;
    }
    case 'invalid_type': {
      const expected = issue.expected ?? '';
      push(
        'schema/invalid-type',
        `${prefix(path)}expected ${TYPE_NAMES[expected] ?? expected}, got ${describeValue(value)}`,
        'value',
        typeHint([expected], value),
        { expected, got: describeValue(value) },
      );
      return;
    }
    case 'unrecognized_keys': {
      const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
      const allowed = (allowedKeysAt(root, path, data) ?? []).filter((k) => !present.includes(k));
      for (const key of issue.keys ?? []) {
        if (out.length > limit) return;
        const where =
          path.length > 0 ? `${formatPath(path)}: unknown key "${key}"` : `unknown top-level key "${key}"`;
        const near = closest(key, allowed);
        const hint =
          key === '<<'
            ? 'YAML merge keys (`<<: *anchor`) are not supported: write the keys out'
            : near === undefined
              ? undefined
              : `did you mean \`${near}\`?`;
        out.push({
          path: [...path, key],
          at: 'key',
          severity: 'error',
          code: 'schema/unknown-key',
          message: where,
          params: near === undefined ? { key } : { key, suggestion: near },
          ...(hint !== undefined ? { hint } : {}),
        });
      }
      return;
    }
    case 'too_small':
    case 'too_big':
      push(
        `schema/${issue.code.replace('_', '-')}`,
        `${prefix(path)}${sizeText(issue, value, issue.code === 'too_big')}`,
        'value',
        undefined,
        {
          origin: issue.origin ?? '',
          limit: Number(issue.code === 'too_big' ? issue.maximum : issue.minimum),
          got: describeValue(value),
        },
      );
      return;
    case 'invalid_format':
      push(
        'schema/invalid-format',
        `${prefix(path)}${issue.message}, got ${describeValue(value)}`,
        'value',
        kebabHint(value, issue.pattern),
      );
      return;
    case 'invalid_key': {
      const inner = issue.issues?.[0];
      const key = String(path[path.length - 1]);
      const text =
        inner && inner.code === 'invalid_format' ? inner.message : (inner?.message ?? 'is not allowed');
      push(
        'schema/invalid-key',
        `${prefix(path.slice(0, -1))}key "${key}" ${text}`,
        'key',
        kebabHint(key, inner?.pattern),
      );
      return;
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      const list = values.map((v) => `"${v}"`).join(', ');
      const near = typeof value === 'string' ? closest(value, values) : undefined;
      const hint = near === undefined ? undefined : `did you mean \`${near}\`?`;
      push(
        'schema/invalid-value',
        `${prefix(path)}expected one of ${list}, got ${describeValue(value)}`,
        'value',
        hint,
        near === undefined
          ? { expected: values.join(', '), got: describeValue(value) }
          : { expected: values.join(', '), got: describeValue(value), suggestion: near },
      );
      return;
    }
    default:
      push(`schema/${issue.code.replace(/_/g, '-')}`, `${prefix(path)}${issue.message}`);
  }
}

/**
 * Every zod issue as a problem at its data path (`root` is the schema, used to name allowed keys),
 * stopping once there are more than `limit`: the caller only shows that many.
 */
export function zodProblems(
  issues: readonly ZodIssueLike[],
  data: unknown,
  root: unknown,
  limit = Number.POSITIVE_INFINITY,
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (out.length > limit) break;
    convert(issue, [], data, root, out, limit);
  }
  return out;
}

/**
 * Shared state and helpers for the cross-checks: the sets of declared ids, and one way to report a
 * dangling reference (located, with a did-you-mean hint), so every check words problems alike.
 */
import { own } from '../core/own.ts';
import { type Anchor, formatPath, type PathSegment, type Problem } from './locate.ts';
import type { PositionMachine, Scenario } from './schema.ts';
import { suggest } from './suggest.ts';

/** A set of valid names; small lists may stay arrays. */
export type Names = ReadonlySet<string> | readonly string[];

/** Everything the checks look names up in, computed once per scenario. */
export interface CheckContext {
  s: Scenario;
  out: Problem[];
  /** Stop collecting past this many problems (only so many are shown). */
  limit: number;
  meters: ReadonlySet<string>;
  issues: ReadonlySet<string>;
  parties: ReadonlySet<string>;
  blocs: ReadonlySet<string>;
  /** Parties and blocs: what a move or event may reach. */
  targets: ReadonlySet<string>;
  moves: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  /** Parameter name → option ids, over all moves. */
  params: Map<string, Set<string>>;
  /** Every option id of every issue. */
  options: ReadonlySet<string>;
}

/** Builds the lookup sets for one validated scenario. */
export function makeContext(s: Scenario, limit = Number.POSITIVE_INFINITY): CheckContext {
  const params = new Map<string, Set<string>>();
  for (const move of Object.values(s.moves)) {
    for (const [name, param] of Object.entries(move.params ?? {})) {
      const set = params.get(name) ?? new Set<string>();
      for (const option of Object.keys(param.options)) set.add(option);
      params.set(name, set);
    }
  }
  const keys = (record: object | undefined): Set<string> => new Set(Object.keys(record ?? {}));
  return {
    s,
    out: [],
    limit,
    meters: keys(s.meters),
    issues: keys(s.issues),
    parties: keys(s.parties),
    blocs: keys(s.blocs),
    targets: new Set([...Object.keys(s.parties), ...Object.keys(s.blocs ?? {})]),
    moves: keys(s.moves),
    sources: keys(s.sources),
    params,
    options: new Set(Object.values(s.issues).flatMap((issue) => Object.keys(issue.options))),
  };
}

/** The machine a party answers with: its own `position`, or the template it names. */
export function machineOf(ctx: CheckContext, party: string): PositionMachine | undefined {
  const p = own(ctx.s.parties, party);
  if (!p) return undefined;
  if (p.position) return p.position;
  return p.template === undefined ? undefined : own(ctx.s.templates, p.template);
}

/** The path a message names: for a key, the mapping it sits in (the key itself is quoted). */
export function messagePath(path: readonly PathSegment[], at: Anchor): string {
  const shown = at === 'key' ? path.slice(0, -1) : path;
  return shown.length > 0 ? `${formatPath(shown)}: ` : '';
}

/** Records a problem. */
export function report(
  ctx: CheckContext,
  path: readonly PathSegment[],
  at: Anchor,
  severity: Problem['severity'],
  code: string,
  message: string,
  hint?: string,
  params?: Record<string, string | number>,
): void {
  if (ctx.out.length > ctx.limit) return;
  const p: Problem = { path, at, severity, code, message: `${messagePath(path, at)}${message}` };
  if (hint !== undefined) p.hint = hint;
  if (params !== undefined) p.params = params;
  ctx.out.push(p);
}

const sizeOf = (names: Names): number =>
  names instanceof Set ? names.size : (names as readonly string[]).length;

/**
 * Checks that `value` is one of `valid`; otherwise reports `unknown <what> "value"` with the closest
 * valid id as a hint. `what` may hold `%` where the quoted value goes (`option % of issue "x"`); the
 * default code is `ref/unknown-<first word of what>`. Returns whether the reference is good.
 */
export function checkRef(
  ctx: CheckContext,
  path: readonly PathSegment[],
  at: Anchor,
  value: string,
  valid: Names,
  what: string,
  code = `ref/unknown-${what.split(' ')[0] ?? what}`,
): boolean {
  if (valid instanceof Set ? valid.has(value) : (valid as readonly string[]).includes(value)) return true;
  if (ctx.out.length > ctx.limit) return false;
  const noun = what.includes('%')
    ? what.replace('%', JSON.stringify(value))
    : `${what} ${JSON.stringify(value)}`;
  const kind = (what.split('%')[0] ?? what).trim();
  const plural = kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
  const { near, hint: suggested, list } = suggest(value, valid);
  const hint = suggested ?? (list.length === 0 ? `no ${plural} are declared` : undefined);
  // `what` keeps the `%` where the value goes: a page words the kind of thing, then places the value.
  const params: Record<string, string> = { what: what.includes('%') ? what : `${what} %`, value };
  if (near !== undefined) params.suggestion = near;
  else if (list.length > 0 && list.length <= 8) params.expected = list.join(', ');
  report(ctx, path, at, 'error', code, `unknown ${noun}`, hint, params);
  return false;
}

/** `checkRef` for every entry of a list, each located at its own index. */
export function checkRefs(
  ctx: CheckContext,
  list: readonly string[] | undefined,
  path: readonly PathSegment[],
  valid: Names,
  what: string,
  code?: string,
): void {
  for (const [i, value] of (list ?? []).entries())
    checkRef(ctx, [...path, i], 'value', value, valid, what, code);
}

/** `a` or `[a, b]` → `[a, b]`, with the path of each entry (a single value sits at the path itself). */
export function entries(value: string | string[], path: readonly PathSegment[]): [string, PathSegment[]][] {
  return Array.isArray(value) ? value.map((v, i) => [v, [...path, i]]) : [[value, [...path]]];
}

/** Reports an item of a list (events, outcomes) whose `id` an earlier item already uses. */
export function checkUniqueIds(
  ctx: CheckContext,
  list: readonly { id: string }[],
  key: string,
  noun: string,
): void {
  const seen = new Map<string, number>();
  for (const [i, item] of list.entries()) {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else {
      const message = `${noun} id "${item.id}" is already used by ${key}[${first}]`;
      report(ctx, [key, i, 'id'], 'value', 'error', 'check/duplicate-id', message);
    }
  }
}

// Each issue's option ids as a set, built once per check: a list lookup per reference made it quadratic.
const optionSets = new WeakMap<CheckContext, Map<string, ReadonlySet<string>>>();

/** Reports each value (or key, with `anchor: 'key'`) that is not an option of the issue. */
export function checkOptions(
  ctx: CheckContext,
  issue: string,
  value: string | string[],
  path: readonly PathSegment[],
  anchor: Anchor = 'value',
): void {
  let byIssue = optionSets.get(ctx);
  if (!byIssue) {
    byIssue = new Map();
    optionSets.set(ctx, byIssue);
  }
  let options = byIssue.get(issue);
  if (!options) {
    options = new Set(Object.keys(own(ctx.s.issues, issue)?.options ?? {}));
    byIssue.set(issue, options);
  }
  for (const [option, at] of entries(value, path))
    checkRef(ctx, at, anchor, option, options, `option % of issue "${issue}"`, 'ref/unknown-option');
}

/**
 * Reports each entry of a list of ids that an earlier entry already names. Lists that are sets (vote members,
 * a bloc's members, who a move or event reaches, a move's issues) count each id once: `[a, a, b]` in
 * `vote.members` would count `a` once and a threshold of 3 could never be met.
 */
export function checkNoDuplicates(
  ctx: CheckContext,
  list: readonly string[] | undefined,
  path: readonly PathSegment[],
  noun: string,
  severity: Problem['severity'] = 'error',
  code = 'check/duplicate-entry',
): void {
  const seen = new Map<string, number>();
  for (const [i, id] of (list ?? []).entries()) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else {
      const where = `${formatPath(path)}[${first}]`;
      report(
        ctx,
        [...path, i],
        'value',
        severity,
        code,
        `${noun} "${id}" is already listed as ${where}`,
        'list each one once',
      );
    }
  }
}

/**
 * From a data path (`['parties', 'russia', 'meters', 'trust']`) back to the YAML node it came from, so
 * schema and cross-reference problems point at the exact line and column an author has to edit.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { LineIndex } from './position.ts';

/** A step into the data: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Where on the node a problem points: the `key` (unknown or misspelled keys), the `value` (wrong value),
 * or the `parent` mapping (a key is missing from it).
 */
export type Anchor = 'key' | 'value' | 'parent';

/** A problem found on the plain data, not yet located: the schema and cross-check stages produce these. */
export interface Problem {
  path: readonly PathSegment[];
  at: Anchor;
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  /** The values the message is made of, by name (see Diagnostic.params). */
  params?: Record<string, string | number>;
}

/** `['parties', 'russia', 'position', 'states']` → `parties.russia.position.states`, `['outcomes', 2]` → `outcomes[2]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

function follow(doc: Document.Parsed, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 200; hops++) current = current.resolve(doc);
  return current;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return typeof key.value === 'string' ? key.value : String(key.value);
  return undefined;
}

interface Found {
  node: Node | null;
  /** The pair holding the last segment, when the last step was into a mapping. */
  pair: Pair<unknown, unknown> | undefined;
  /** How many segments were resolved. */
  depth: number;
}

/** Walks the YAML tree along a data path, as far as it goes. */
function find(doc: Document.Parsed, path: readonly PathSegment[]): Found {
  let node = follow(doc, doc.contents) as Node | null;
  let pair: Pair<unknown, unknown> | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => keyText(p.key) === String(seg));
      if (!hit) break;
      pair = hit;
      node = follow(doc, hit.value) as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      pair = undefined;
      node = follow(doc, item) as Node | null;
    } else break;
    depth++;
  }
  return { node, pair, depth };
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0];
}

const isEmptyValue = (node: unknown): boolean => isScalar(node) && node.value === null && node.source === '';

/** The string offset a problem points at (best effort: the deepest node of the path that exists). */
export function offsetFor(doc: Document.Parsed, path: readonly PathSegment[], at: Anchor): number {
  const target = at === 'parent' ? path.slice(0, -1) : path;
  const found = find(doc, target);
  const complete = found.depth === target.length;
  // A missing key is reported at its parent's own key (`talking:`), which names the object that lacks it.
  if (complete && (at === 'key' || at === 'parent') && found.pair) return startOf(found.pair.key) ?? 0;
  if (found.node && !isEmptyValue(found.node)) return startOf(found.node) ?? 0;
  // An empty value (`key:`) has no text of its own: point at its key.
  if (found.pair) return startOf(found.pair.key) ?? 0;
  return startOf(found.node) ?? 0;
}

/** Turns a data-level problem into a located diagnostic. */
export function locate(problem: Problem, doc: Document.Parsed, lines: LineIndex, file: string): Diagnostic {
  const { line, col } = lines.pos(offsetFor(doc, problem.path, problem.at));
  const d: Diagnostic = {
    file,
    line,
    col,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
  };
  if (problem.hint !== undefined) d.hint = problem.hint;
  d.path = formatPath(problem.path);
  d.params = { ...(problem.params ?? {}) };
  return d;
}

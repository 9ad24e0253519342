/**
 * Checks on the composed YAML tree before it becomes plain data: duplicate keys, aliases that point
 * nowhere or into themselves (which would make a cyclic object), alias chains that expand past the
 * nesting cap, and `__proto__` keys. Done here, with positions, rather than discovered later as a crash.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { MAX_DEPTH } from './limits.ts';

/** A problem in the YAML tree, at a string offset. */
export interface AstProblem {
  offset: number;
  code: string;
  message: string;
  hint?: string;
}

type Walk = {
  anchors: Map<string, Node>;
  heights: Map<Node, number>;
  open: Set<Node>;
  measuring: Set<Node>;
  problems: AstProblem[];
  deepReported: boolean;
};

/** Nesting height of a node with aliases expanded; a cycle counts as 0 (it is reported elsewhere). */
function height(node: Node | null | undefined, w: Walk): number {
  if (!node) return 0;
  if (isAlias(node)) {
    const target = w.anchors.get(node.source);
    return target && !w.measuring.has(target) ? height(target, w) : 0;
  }
  const known = w.heights.get(node);
  if (known !== undefined) return known;
  let h = 0;
  if (isMap(node) || isSeq(node)) {
    w.measuring.add(node);
    for (const item of node.items) {
      const child = isMap(node) ? (item as { value: unknown }).value : item;
      h = Math.max(h, height(child as Node | null, w));
    }
    w.measuring.delete(node);
    h += 1;
  }
  w.heights.set(node, h);
  return h;
}

function start(node: { range?: readonly number[] | null }): number {
  return node.range?.[0] ?? 0;
}

function walk(node: Node | null | undefined, depth: number, w: Walk): void {
  if (!node) return;
  if (isAlias(node)) {
    const target = w.anchors.get(node.source);
    if (!target) {
      w.problems.push({
        offset: start(node),
        code: 'yaml/unknown-alias',
        message: `alias *${node.source} refers to no anchor`,
        hint: `define \`&${node.source}\` on a value above this line`,
      });
    } else if (w.open.has(target)) {
      w.problems.push({
        offset: start(node),
        code: 'yaml/recursive-alias',
        message: `alias *${node.source} is inside the value it refers to`,
        hint: 'a value cannot contain itself',
      });
    } else if (!w.deepReported && depth + height(target, w) > MAX_DEPTH) {
      w.deepReported = true;
      w.problems.push({
        offset: start(node),
        code: 'limit/too-deep',
        message: `expanding alias *${node.source} nests the data more than ${MAX_DEPTH} levels deep`,
      });
    }
    return;
  }
  if (node.anchor) w.anchors.set(node.anchor, node);
  if (!isMap(node) && !isSeq(node)) return;
  w.open.add(node);
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isScalar(key)) {
        const name = String(key.value);
        if (seen.has(name)) {
          w.problems.push({
            offset: start(key),
            code: 'yaml/duplicate-key',
            message: `duplicate key "${name}" in this mapping`,
            hint: 'each key may appear once per mapping: merge the two entries or rename one',
          });
        }
        seen.add(name);
        if (name === '__proto__') {
          w.problems.push({
            offset: start(key),
            code: 'yaml/forbidden-key',
            message: '`__proto__` is not allowed as a key',
          });
        }
      }
      walk(key, depth + 1, w);
      walk(pair.value as Node | null, depth + 1, w);
    }
  } else {
    for (const item of node.items) walk(item as Node | null, depth + 1, w);
  }
  w.open.delete(node);
}

/** Problems in the YAML tree that the YAML library itself accepts. */
export function checkAst(doc: Document.Parsed): AstProblem[] {
  const w: Walk = {
    anchors: new Map(),
    heights: new Map(),
    open: new Set(),
    measuring: new Set(),
    problems: [],
    deepReported: false,
  };
  walk(doc.contents, 0, w);
  return w.problems;
}

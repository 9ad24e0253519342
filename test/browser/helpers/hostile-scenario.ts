/**
 * A hostile scenario: the tutorial with every text field a scenario can carry filled with HTML and script
 * payloads, RTL overrides and `javascript:` links. Text fields are found two ways: from the JSON Schema
 * (`scenarios/schema.json`: every free string, i.e. one without a pattern, enum or const) and by trying
 * the payload in every string of the data (a string that still validates with the payload is text, not a
 * name). Used by the browser test that renders it and by a Node test that checks the coverage.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { crossCheck } from '../../../src/scenario/cross-check.ts';
import { parseScenario, Scenario } from '../../../src/scenario/index.ts';

const root = new URL('../../../', import.meta.url);

/** Runs script if it is ever parsed as HTML. */
export const PAYLOAD_HTML = '<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>';
/** A right-to-left override, which reorders what follows it on screen. */
export const RTL = '\u202e';
/** A link that runs script if it ever becomes an href. */
export const PAYLOAD_URL = 'javascript:window.__pwned=1';

/** Payloads to try, longest first: short fields take the shorter ones. */
const PAYLOADS = [
  `${PAYLOAD_HTML}${RTL}<a href="${PAYLOAD_URL}">x</a>`,
  `${PAYLOAD_HTML}${RTL}`,
  `<img src=x onerror=window.__pwned=1>${RTL}`,
  `<script>${RTL}`,
  `<b>${RTL}`,
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A generic path: record keys and list indexes become `*`. */
export type GenericPath = string;

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  $ref?: string;
}

const isFreeString = (s: SchemaNode): boolean =>
  (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) &&
  s.pattern === undefined &&
  // Several patterns at once (event names: the shape, and not XState's reserved names) come as allOf.
  !(s.allOf ?? []).some((x) => x.pattern !== undefined) &&
  s.enum === undefined &&
  s.const === undefined;

/** Every free-text field of the scenario format, from the JSON Schema, as generic paths. */
export function schemaTextFields(): Set<GenericPath> {
  const schema = JSON.parse(readFileSync(new URL('scenarios/schema.json', root), 'utf8')) as SchemaNode;
  const out = new Set<GenericPath>();
  const walk = (s: SchemaNode, path: string) => {
    if (s.$ref) return; // Condition: ids and numbers only (checked by the coverage test)
    if (isFreeString(s)) out.add(path);
    for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, path ? `${path}.${k}` : k);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`);
    if (s.propertyNames && isFreeString(s.propertyNames)) out.add(`${path}.<key>`);
    if (s.items) walk(s.items, `${path}.*`);
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub, path);
  };
  walk(schema, '');
  out.delete('$schema'); // a path for editors, never shown
  return out;
}

/** Fields the tutorial leaves out, added so that the hostile scenario carries every text field. */
function addMissingFields(data: Record<string, Json>): void {
  const sources = data.sources as Record<string, Record<string, Json>>;
  sources['weather-office'] = {
    ...sources['weather-office'],
    url: PAYLOAD_URL,
    author: 'x',
    publisher: 'x',
    date: 'x',
  };
  const issues = data.issues as Record<string, Record<string, Json>>;
  issues['water-share'] = { ...issues['water-share'], describe: 'How the river is shared.' };
  sources.evil = { title: 'Evil data link', url: 'data:text/html,<script>window.__pwned=1</script>' };
  sources.vbscript = { title: 'Upper-case javascript link', url: ' JavaScript:window.__pwned=1' };
  sources.good = { title: 'A real web link', url: 'https://example.org/?q=<script>' };
}

/** The generic path of a concrete path, with the schema deciding which keys are record keys. */
function genericPath(path: (string | number)[]): GenericPath {
  const schema = JSON.parse(readFileSync(new URL('scenarios/schema.json', root), 'utf8')) as SchemaNode;
  const parts: string[] = [];
  let nodes: SchemaNode[] = [schema];
  for (const seg of path) {
    const expand = (ns: SchemaNode[]): SchemaNode[] =>
      ns.flatMap((n) => [n, ...expand([...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])])]);
    const all = expand(nodes);
    const named = all.flatMap((n) =>
      typeof seg === 'string' && n.properties?.[seg] ? [n.properties[seg]] : [],
    );
    if (named.length > 0) {
      parts.push(String(seg));
      nodes = named;
      continue;
    }
    parts.push('*');
    nodes = all.flatMap((n) => [
      ...(typeof n.additionalProperties === 'object' ? [n.additionalProperties] : []),
      ...(n.items ? [n.items] : []),
    ]);
  }
  return parts.join('.');
}

function validates(data: Record<string, Json>): boolean {
  const r = Scenario.safeParse(data);
  return r.success && !crossCheck(r.data).some((p) => p.severity === 'error');
}

/** The hostile scenario's data and YAML text, and the generic paths of every field that carries a payload. */
export function hostileScenario(): {
  yaml: string;
  data: Record<string, Json>;
  fields: Set<GenericPath>;
  count: number;
} {
  const data = parse(readFileSync(new URL('scenarios/tutorial.yaml', root), 'utf8')) as Record<string, Json>;
  data.id = 'hostile';
  addMissingFields(data);
  const fields = new Set<GenericPath>();
  let count = 0;
  // Every string leaf: the longest payload it still validates with.
  const leaves: { parent: Record<string, Json> | Json[]; key: string | number; path: (string | number)[] }[] =
    [];
  const collect = (node: Json, path: (string | number)[]) => {
    if (node === null || typeof node !== 'object') return;
    const entries: [string | number, Json][] = Array.isArray(node)
      ? [...node.entries()]
      : Object.entries(node);
    for (const [k, v] of entries) {
      if (typeof v === 'string') leaves.push({ parent: node, key: k, path: [...path, k] });
      else collect(v, [...path, k]);
    }
  };
  collect(data, []);
  for (const { parent, key, path } of leaves) {
    const p = parent as Record<string | number, Json>;
    const original = p[key] as string;
    // Links keep their own hostile (or, once, real) values, set in addMissingFields.
    if (path[path.length - 1] === 'url') {
      fields.add(genericPath(path));
      count++;
      continue;
    }
    for (const payload of [...PAYLOADS.map((x) => `${x}${original}`), '<p>', `${RTL}<a`]) {
      p[key] = payload;
      if (validates(data)) {
        fields.add(genericPath(path));
        count++;
        break;
      }
      p[key] = original;
    }
  }
  // Glossary terms are record keys that are text.
  const glossary = data.glossary as Record<string, Json>;
  data.glossary = Object.fromEntries(
    Object.entries(glossary).map(([term, text], i) => [
      `${i % 2 ? '<script>' : '<img src=x onerror=window.__pwned=1>'}${RTL}${term}`,
      text,
    ]),
  );
  fields.add('glossary.<key>');
  count += Object.keys(glossary).length;
  const yaml = stringify(data, { lineWidth: 0 });
  const check = parseScenario(yaml, 'hostile.yaml');
  if ('errors' in check)
    throw new Error(`the hostile scenario does not validate: ${JSON.stringify(check.errors[0])}`);
  return { yaml, data, fields, count };
}

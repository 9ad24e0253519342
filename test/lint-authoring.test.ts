/**
 * docs/authoring.md cannot drift: its tutorial's YAML blocks, pasted in order, are
 * test/fixtures/authoring/two-party.yaml line for line (blank lines aside), which validates and passes `envoy check` with no warnings;
 * every YAML block in the doc parses; and its field reference names every property of
 * scenarios/schema.json, and only those.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkScenarioText } from '../src/lint/index.ts';
import { formatDiagnostic, parseScenario } from '../src/scenario/index.ts';

const DOC = readFileSync('docs/authoring.md', 'utf8');
const FIXTURE = 'test/fixtures/authoring/two-party.yaml';
const [TUTORIAL = '', REFERENCE = ''] = DOC.split('\n## Reference: every field\n');

/** The bodies of the ```yaml fenced blocks of a markdown text, in order. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/** Every property name anywhere in the JSON Schema (keys of `properties`, not of records). */
function schemaProperties(): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const props = (node as { properties?: unknown }).properties;
      if (props && typeof props === 'object') for (const k of Object.keys(props)) names.add(k);
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(JSON.parse(readFileSync('scenarios/schema.json', 'utf8')));
  return names;
}

/** Field names in the first column of the reference tables (`` `a` ``, `` **`b`** ``, `` `c`, `d` ``). */
function referenceFields(): Set<string> {
  const out = new Set<string>();
  for (const line of REFERENCE.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (!first || first === 'field' || first.startsWith('---')) continue;
    for (const m of first.matchAll(/`([^`]+)`/g)) out.add(m[1] as string);
  }
  return out;
}

describe('docs/authoring.md', () => {
  it('has a tutorial whose YAML blocks, in order, are the committed two-party scenario', () => {
    const blocks = yamlBlocks(TUTORIAL);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    // Blank lines between steps are the reader's business; every other line must match.
    const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
    expect(lines(blocks.join(''))).toEqual(lines(readFileSync(FIXTURE, 'utf8')));
    expect(parse(blocks.join(''))).toEqual(parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('has only YAML blocks that parse', () => {
    for (const block of yamlBlocks(DOC)) expect(() => parse(block)).not.toThrow();
  });

  it('builds a scenario that validates and passes envoy check without warnings', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const parsed = parseScenario(text, FIXTURE);
    expect('errors' in parsed ? parsed.errors.map(formatDiagnostic) : []).toEqual([]);
    const r = checkScenarioText(text, FIXTURE);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(Object.keys(r.search?.outcomes ?? {}).sort()).toEqual(['no-deal', 'shared-harbour']);
  }, 90_000);

  it('names every property of scenarios/schema.json in its reference', () => {
    const documented = referenceFields();
    const missing = [...schemaProperties()].filter((p) => !documented.has(p));
    expect(missing).toEqual([]);
  });

  it('names no field in its reference that the schema does not have', () => {
    const known = schemaProperties();
    const unknown = [...referenceFields()].filter((f) => !known.has(f));
    expect(unknown).toEqual([]);
  });
});

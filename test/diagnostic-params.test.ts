/**
 * Validator diagnostics carry their data path and the values their message is made of, so the page can say
 * the same in another language from `code` and `params` instead of parsing English. Checked on every
 * malformed fixture, and on a generated mistake of every reference kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, parseScenario, parseScenarioBytes } from '../src/scenario/index.ts';

const DIR = new URL('./fixtures/malformed/', import.meta.url);
const all: Diagnostic[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const r = parseScenarioBytes(new Uint8Array(readFileSync(new URL(f, DIR))), f);
    return 'errors' in r ? r.errors : r.warnings;
  });

/** The tutorial with one reference misspelt, for each kind of reference the cross-check resolves. */
function misspelt(from: string, to: string): Diagnostic[] {
  const text = readFileSync(new URL('../scenarios/tutorial.yaml', import.meta.url), 'utf8');
  expect(text).toContain(from);
  const r = parseScenario(text.replace(from, to), 'tutorial.yaml');
  return 'errors' in r ? r.errors : r.warnings;
}

describe('diagnostic parameters', () => {
  it('every diagnostic located in the data has its path and a params object', () => {
    const data = all.filter(
      (d) => d.code.startsWith('schema/') || d.code.startsWith('ref/') || d.code.startsWith('check/'),
    );
    expect(data.length).toBeGreaterThan(10);
    for (const d of data) {
      expect(typeof d.path, d.code).toBe('string');
      expect(typeof d.params, d.code).toBe('object');
    }
  });

  it.each([
    ['a state', 'to: listening', 'to: listning', 'listening'],
    ['a meter', 'effects: { meters: { pressure: 1 } }', 'effects: { meters: { presure: 1 } }', 'pressure'],
    ['a party', 'to: [valley]', 'to: [vally]', 'valley'],
    ['a seat', 'turns: [amber, valley]', 'turns: [amber, valey]', 'valley'],
  ])('names the unknown value and the suggestion of %s reference', (_what, from, to, near) => {
    const d = misspelt(from, to).find((x) => x.code.startsWith('ref/unknown-'));
    if (!d) throw new Error('no ref/unknown- diagnostic');
    const wrong = to.match(/(listning|presure|vally|valey)/)?.[1] as string;
    expect(d.params).toMatchObject({ value: wrong, suggestion: near });
    expect(String(d.params?.what)).toContain('%');
    expect(d.message).toContain(`"${wrong}"`);
    // The message names the node (for a key, the mapping it sits in); the path goes down to the node itself.
    expect(d.path?.startsWith(d.message.split(': ')[0] as string)).toBe(true);
  });

  it('a misspelt key names the key and its suggestion; a wrong type names what was expected and got', () => {
    const key = misspelt('    describe: The farmers upstream', '    descibe: The farmers upstream').find(
      (d) => d.code === 'schema/unknown-key',
    );
    expect(key?.params).toMatchObject({ key: 'descibe', suggestion: 'describe' });
    const type = misspelt('rounds: 6', 'rounds: six').find((d) => d.code === 'schema/invalid-type');
    expect(type?.params).toMatchObject({ got: '"six"' });
    expect(type?.path).toBe('rounds');
  });
});

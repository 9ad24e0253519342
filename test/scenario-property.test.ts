import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParseResult, parseScenario, parseScenarioBytes } from '../src/scenario/index.ts';

const validText = readFileSync(new URL('./fixtures/valid-minimal.yaml', import.meta.url), 'utf8');
const validLines = validText.split('\n');

/** Every diagnostic, errors or warnings, must sit at a real position. */
function assertLocated(result: ParseResult): void {
  const list = 'errors' in result ? result.errors : result.warnings;
  for (const d of list) {
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.col) && d.col >= 1).toBe(true);
    expect(d.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  }
  if ('errors' in result) expect(result.errors.some((d) => d.severity === 'error')).toBe(true);
}

// Edits an author might make by accident: drop a line, swap two lines, type stray characters.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom(':', '- ', '\t', '"', "'", '{', '[', '&a', '*a', '!!x', '#', '|', '>', '  ', '\n'),
    ),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = m.at % out.length;
  if (m.kind === 'delete') out.splice(i, 1);
  else if (m.kind === 'swap') {
    const j = m.with % out.length;
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  } else {
    const line = out[i] ?? '';
    const col = m.col % (line.length + 1);
    out[i] = line.slice(0, col) + m.text + line.slice(col);
  }
  return out;
}

describe('parseScenario never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        assertLocated(parseScenario(text, 'fuzz.yaml'));
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        assertLocated(parseScenarioBytes(bytes, 'fuzz.yaml'));
      }),
      { numRuns: 100 },
    );
  });

  it('on valid-minimal.yaml with lines deleted, swapped or typed into', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(mutate, validLines).join('\n');
        assertLocated(parseScenario(text, 'mutant.yaml'));
      }),
      { numRuns: 250 },
    );
  });
});

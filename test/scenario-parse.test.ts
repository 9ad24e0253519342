import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  formatDiagnostic,
  MAX_BYTES,
  type ParseResult,
  parseScenario,
  parseScenarioBytes,
} from '../src/scenario/index.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const validBytes = fixture('valid-minimal.yaml');
const validText = new TextDecoder().decode(validBytes);

function errorsOf(result: ParseResult): Diagnostic[] {
  if (!('errors' in result)) throw new Error('expected the scenario to be refused');
  return result.errors;
}

function loaded(result: ParseResult): Extract<ParseResult, { hash: string }> {
  if ('errors' in result)
    throw new Error(`expected a scenario, got:\n${result.errors.map(formatDiagnostic).join('\n')}`);
  return result;
}

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

describe('parseScenario on the valid base scenario', () => {
  it('loads valid-minimal.yaml with no errors and no warnings', () => {
    const result = loaded(parseScenarioBytes(validBytes, 'valid-minimal.yaml'));
    expect(result.warnings).toEqual([]);
    expect(result.scenario.id).toBe('valid-minimal');
    expect(result.scenario.parties.south?.position?.initial).toBe('wary');
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash to the text and the bytes of a file', () => {
    expect(loaded(parseScenario(validText, 'a.yaml')).hash).toBe(
      loaded(parseScenarioBytes(validBytes, 'b.yaml')).hash,
    );
  });

  it('gives a BOM + CRLF copy of the file the same hash as the plain file', () => {
    const plain = loaded(parseScenarioBytes(validBytes, 'plain.yaml'));
    const committed = loaded(parseScenarioBytes(fixture('valid-minimal-bom-crlf.yaml'), 'bom-crlf.yaml'));
    const built = new TextEncoder().encode(`\ufeff${validText.replace(/\n/g, '\r\n')}`);
    const inMemory = loaded(parseScenarioBytes(built, 'bom-crlf.yaml'));
    expect(committed.hash).toBe(plain.hash);
    expect(inMemory.hash).toBe(plain.hash);
    expect(loaded(parseScenario(`\ufeff${validText}`, 'bom.yaml')).hash).toBe(plain.hash);
  });

  it('keeps the hash when only comments and formatting change, and changes it when data changes', () => {
    const plain = loaded(parseScenario(validText, 'a.yaml')).hash;
    const reformatted = validText
      .replace('rounds: 3\n', '# three rounds\nrounds:    3   # short\n')
      .replace('to: [south]', 'to:\n      - south');
    expect(loaded(parseScenario(reformatted, 'b.yaml')).hash).toBe(plain);
    expect(loaded(parseScenario(validText.replace('rounds: 3', 'rounds: 4'), 'c.yaml')).hash).not.toBe(plain);
  });
});

describe('diagnostics', () => {
  it('formats as file:line:col: severity: message (hint: …)', () => {
    const d: Diagnostic = {
      file: 'scenarios/x.yaml',
      line: 4,
      col: 7,
      severity: 'error',
      code: 'ref/unknown-state',
      message: 'unknown state "listenin"',
      hint: 'did you mean `listening`?',
    };
    expect(formatDiagnostic(d)).toBe(
      'scenarios/x.yaml:4:7: error: unknown state "listenin" (hint: did you mean `listening`?)',
    );
    expect(formatDiagnostic({ ...d, severity: 'warning', hint: undefined })).toBe(
      'scenarios/x.yaml:4:7: warning: unknown state "listenin"',
    );
  });

  it('reports all three independent mistakes of a file at once', () => {
    const errors = errorsOf(parseScenarioBytes(fixture('malformed/three-mistakes.yaml'), 'three.yaml'));
    expect(errors.filter((d) => d.severity === 'error')).toHaveLength(3);
    expect(errors.map(formatDiagnostic)).toEqual([
      'three.yaml:57:21: error: parties.south.position.states.wary.on.statement.public[0].to: unknown state "listenin" (hint: did you mean `listening`?)',
      'three.yaml:61:21: error: parties.south.position.states.wary.on.statement.public[1].effects.meters: unknown meter "trsut" (hint: did you mean `trust`?)',
      'three.yaml:86:14: error: moves.propose.issues[0]: unknown issue "crosing" (hint: did you mean `crossing`?)',
    ]);
  });

  it('reports schema and YAML errors all at once, in file order', () => {
    const text = validText
      .replace('    min: 0\n', '    min: high\n')
      .replace('    prefers:\n', '    prefer:\n')
      .replace('tier: success', 'tier: sucess');
    const errors = errorsOf(parseScenario(text, 's.yaml'));
    expect(errors.map(formatDiagnostic)).toEqual([
      's.yaml:20:10: error: meters.trust.min: expected a number, got "high"',
      's.yaml:38:5: error: parties.south: unknown key "prefer" (hint: did you mean `prefers`?)',
      's.yaml:90:11: error: outcomes[0].tier: expected one of "success", "partial", "failure", got "sucess" (hint: did you mean `success`?)',
    ]);
  });

  it('hints the allowed key inside unions and conditions, and explains merge keys', () => {
    const text = validText
      .replace('                      atLeast: 2', '                      atLest: 2')
      .replace('                  verdict: accept', '                  verdit: accept')
      .replace('    title: No deal\n', '    title: No deal\n    <<: {}\n');
    expect(errorsOf(parseScenario(text, 'u.yaml')).map(formatDiagnostic)).toEqual([
      'u.yaml:56:23: error: parties.south.position.states.wary.on.statement.public[0].when.meters.trust: unknown key "atLest" (hint: did you mean `atLeast`?)',
      'u.yaml:68:19: error: parties.south.position.states.listening.on.offer.proposed[0].when: unknown key "verdit" (hint: did you mean `verdict`?)',
      'u.yaml:102:5: error: outcomes[1]: unknown key "<<" (hint: YAML merge keys (`<<: *anchor`) are not supported: write the keys out)',
    ]);
  });

  it('points a missing key at the key of the mapping that lacks it', () => {
    const errors = errorsOf(
      parseScenario(validText.replace('    name: Southern delegation\n', ''), 'm.yaml'),
    );
    expect(errors.map(formatDiagnostic)).toEqual([
      'm.yaml:34:3: error: parties.south: missing required key "name"',
    ]);
  });

  it('asks whether a field indented too little became an entry of its own', () => {
    const text = validText.replace(
      '    reservation: 0.5\n    position:\n',
      '    reservation: 0.5\n  position:\n',
    );
    const errors = errorsOf(parseScenario(text, 'i.yaml'));
    const missing = errors.find((d) => d.code === 'schema/missing-key');
    expect(missing?.message).toBe('parties.position: missing required key "name"');
    expect(missing?.hint).toMatch(
      /`position` is a field of each entry in `parties`: is it indented too little/,
    );
  });

  it('suggests a kebab-case id and quotes for text written as a number', () => {
    const text = validText
      .replace('id: valid-minimal', 'id: Valid Minimal')
      .replace('title: Border crossing talks', 'title: 1969');
    expect(errorsOf(parseScenario(text, 'k.yaml')).map(formatDiagnostic)).toEqual([
      'k.yaml:2:5: error: id: must be kebab-case: lowercase letters, digits and dashes, got "Valid Minimal" (hint: did you mean `valid-minimal`?)',
      'k.yaml:4:8: error: title: expected text, got 1969 (hint: put it in quotes to make it text: "1969")',
    ]);
  });

  it('moves an unclosed-quote error to where the quote opens', () => {
    const errors = errorsOf(parseScenario('id: x\ntitle: "Border talks\nplace: here\n', 'q.yaml'));
    expect(errors[0]).toMatchObject({ line: 2, col: 8, code: 'yaml/missing-char' });
  });
});

describe('limits and hostile input', () => {
  it('refuses text over 1 MiB at 1:1 without parsing it', () => {
    const big = `id: x\nsummary: "${'a'.repeat(MAX_BYTES)}"\n`;
    const { value, ms } = timed(() => parseScenario(big, 'big.yaml'));
    expect(errorsOf(value)).toEqual([expect.objectContaining({ line: 1, col: 1, code: 'limit/too-large' })]);
    expect(ms).toBeLessThan(500);
    expect(errorsOf(parseScenarioBytes(new Uint8Array(MAX_BYTES + 1), 'big.bin'))[0]?.code).toBe(
      'limit/too-large',
    );
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const text = `id: x\nsummary: "${'é'.repeat(MAX_BYTES / 2)}"\n`;
    expect(text.length).toBeLessThan(MAX_BYTES);
    expect(errorsOf(parseScenario(text, 'wide.yaml'))[0]?.code).toBe('limit/too-large');
  });

  it.each([
    ['flow sequences', `id: x\nglossary: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['flow mappings', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['compact block sequences', `${'- '.repeat(10_000)}x\n`],
    ['unclosed brackets', '['.repeat(10_000)],
  ])('refuses 10,000 levels of nested %s quickly, without a stack overflow', (_, text) => {
    const { value, ms } = timed(() => parseScenario(text, 'deep.yaml'));
    expect(errorsOf(value).map((d) => d.code)).toEqual(['limit/too-deep']);
    expect(ms).toBeLessThan(1000);
  });

  it('accepts 64 levels of nesting and refuses 65', () => {
    const nest = (n: number): string => `${'['.repeat(n - 1)}${']'.repeat(n - 1)}`;
    const codes = (n: number): string[] =>
      errorsOf(parseScenario(`glossary: ${nest(n)}\n`, 'n.yaml')).map((d) => d.code);
    expect(codes(64)).not.toContain('limit/too-deep');
    expect(codes(65)).toEqual(['limit/too-deep']);
  });

  it('refuses an alias bomb quickly', () => {
    const { value, ms } = timed(() => parseScenarioBytes(fixture('malformed/alias-bomb.yaml'), 'bomb.yaml'));
    expect(errorsOf(value).map((d) => d.code)).toEqual(['limit/too-many-aliases']);
    expect(ms).toBeLessThan(1000);
    const small = timed(() => parseScenarioBytes(fixture('malformed/alias-expansion.yaml'), 'bomb.yaml'));
    expect(errorsOf(small.value).map((d) => d.code)).toEqual(['limit/alias-expansion']);
    expect(small.ms).toBeLessThan(1000);
  });

  it('refuses aliases that expand past the nesting limit', () => {
    let text = `a0: &a0 ${'['.repeat(30)}${']'.repeat(30)}\n`;
    for (let i = 1; i < 5; i++) text += `a${i}: &a${i} ${'['.repeat(30)}*a${i - 1}${']'.repeat(30)}\n`;
    expect(errorsOf(parseScenario(text, 'a.yaml')).map((d) => d.code)).toEqual(['limit/too-deep']);
  });

  it('refuses recursive and undefined aliases instead of building a cyclic object', () => {
    expect(errorsOf(parseScenario('a: &x [1, *x]\n', 'r.yaml'))[0]).toMatchObject({
      line: 1,
      col: 11,
      code: 'yaml/recursive-alias',
    });
    expect(errorsOf(parseScenario('a: *nowhere\n', 'u.yaml'))[0]).toMatchObject({
      line: 1,
      col: 4,
      code: 'yaml/unknown-alias',
    });
  });

  it('refuses `__proto__` keys and YAML 1.1 binary tags, and reads `yes` as text even under %YAML 1.1', () => {
    expect(errorsOf(parseScenario('__proto__: {a: 1}\n', 'p.yaml'))[0]?.code).toBe('yaml/forbidden-key');
    expect(errorsOf(parseScenario('%YAML 1.1\n---\nid: !!binary aGVsbG8=\n', 'b.yaml'))[0]?.code).toBe(
      'yaml/unknown-tag',
    );
    const yaml11 = `%YAML 1.1\n---\n${validText.replace('id: valid-minimal', 'id: yes')}`;
    expect(loaded(parseScenario(yaml11, 'y.yaml')).scenario.id).toBe('yes');
  });

  it('finds duplicate keys in large mappings quickly', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `  term-${i}: text`).join('\n');
    const { value, ms } = timed(() => parseScenario(`glossary:\n${keys}\n  term-7: again\n`, 'g.yaml'));
    expect(errorsOf(value).filter((d) => d.code === 'yaml/duplicate-key')).toEqual([
      expect.objectContaining({ line: 10_002, col: 3 }),
    ]);
    expect(ms).toBeLessThan(3000);
  });

  it('caps the number of diagnostics for a file full of mistakes', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `unknown${i}: 1`).join('\n');
    const errors = errorsOf(parseScenario(keys, 'many.yaml'));
    expect(errors.length).toBeLessThanOrEqual(201);
    expect(errors.at(-1)?.code).toBe('limit/too-many-problems');
  });

  it('gives up quickly on text that is not YAML at all', () => {
    const { value, ms } = timed(() => parseScenario('"'.repeat(200_000), 'q.yaml'));
    expect(errorsOf(value).map((d) => d.code)).toEqual(['yaml/not-yaml']);
    expect(ms).toBeLessThan(2000);
  });
});

describe('bytes', () => {
  it('locates the first invalid UTF-8 byte', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id: x\ntitle: Caf'),
      0xe9,
      ...new TextEncoder().encode(' talks\n'),
    ]);
    expect(errorsOf(parseScenarioBytes(bytes, 'latin1.yaml'))).toEqual([
      expect.objectContaining({ line: 2, col: 11, code: 'file/invalid-utf8' }),
    ]);
  });

  it('counts columns in characters after multi-byte UTF-8 and a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('title: Ḥamā '), 0xc3, 0x28]);
    expect(errorsOf(parseScenarioBytes(bytes, 'x.yaml'))[0]).toMatchObject({
      line: 1,
      col: 13,
      code: 'file/invalid-utf8',
    });
  });

  it('refuses UTF-16 and binary files with a clear message', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]);
    expect(errorsOf(parseScenarioBytes(utf16, 'u.yaml'))[0]).toMatchObject({
      line: 1,
      col: 1,
      code: 'file/utf16',
    });
    const binary = errorsOf(parseScenarioBytes(new Uint8Array([0x69, 0x64, 0x3a, 0x00, 0x01]), 'b.yaml'))[0];
    expect(binary).toMatchObject({ line: 1, col: 4, code: 'file/binary' });
    expect(binary?.message).toMatch(/binary file/);
    expect(errorsOf(parseScenario('id: x\u0000', 't.yaml'))[0]).toMatchObject({
      line: 1,
      col: 6,
      code: 'file/binary',
    });
  });
});

describe('never throws', () => {
  const garbage: unknown[] = [
    '',
    '\ufeff',
    ':',
    '- - - ',
    '? ? ?',
    '&a *a',
    '!<tag:yaml.org,2002:str> x',
    '%YAML 9.9\n---\na: 1',
    '{[}]',
    'a: |\n  text\n b: 1',
    '\t\t\t',
    '"\\',
    `${'a: 1\n'.repeat(3)}`,
    'x'.repeat(10_000),
    '\r\r\r',
    '\u2028\u2029',
    '\ud800',
    null,
    undefined,
    42,
    {},
  ];

  it.each(garbage.map((g, i) => [i, g]))('returns located diagnostics for garbage input #%s', (_, input) => {
    const result = parseScenario(input as string, 'garbage.yaml');
    const errors = errorsOf(result);
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.col).toBeGreaterThanOrEqual(1);
      expect(d.file).toBe('garbage.yaml');
    }
  });

  it('turns non-string and non-byte input into an internal/error diagnostic', () => {
    expect(errorsOf(parseScenario(42 as unknown as string, 'n.yaml'))[0]?.code).toBe('internal/error');
    expect(errorsOf(parseScenarioBytes('text' as unknown as Uint8Array, 'n.yaml'))[0]?.code).toBe(
      'internal/error',
    );
  });
});

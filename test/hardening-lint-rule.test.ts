/**
 * The Biome rules that keep scenario text out of HTML parsing really fire: biome.json's nursery
 * noJsRestrictedProperties (reads of innerHTML/outerHTML, insertAdjacentHTML, document.write in src/**) and
 * the GritQL plugin scripts/no-html-sinks.grit (assignments to innerHTML/outerHTML, everywhere). A throwaway
 * file under src/ that uses each is linted and must fail, naming the rule.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const biome = `${root}node_modules/@biomejs/biome/bin/biome`;

function lint(relative: string, source: string): { status: number | null; output: string } {
  const file = `${root}${relative}`;
  writeFileSync(file, source);
  try {
    const r = spawnSync(process.execPath, [biome, 'lint', '--max-diagnostics=50', relative], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the no-HTML-parsing lint rule', () => {
  it('fails on insertAdjacentHTML, document.write and innerHTML/outerHTML reads under src/', () => {
    const r = lint(
      `src/ui/zz-hardening-lint-probe-${process.pid}.ts`,
      [
        'export function probe(el: HTMLElement, x: string): string {',
        "  el.insertAdjacentHTML('beforeend', x);",
        '  document.write(x);',
        '  return el.innerHTML + el.outerHTML;',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/noJsRestrictedProperties/);
    for (const what of [
      "property 'insertAdjacentHTML'",
      "'document.write'",
      "property 'innerHTML'",
      "property 'outerHTML'",
    ])
      expect(r.output).toContain(what);
  });

  it('fails on innerHTML and outerHTML assignments (the plugin)', () => {
    const r = lint(
      `src/ui/zz-hardening-lint-probe-assign-${process.pid}.ts`,
      [
        'export function probe(el: HTMLElement, x: string): void {',
        '  el.innerHTML = x;',
        '  el.outerHTML += x;',
        '}',
        '',
      ].join('\n'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output.match(/HTML sink: scenario, replay and save text is data/g)?.length).toBe(2);
  });

  it('passes the same file when it sets textContent', () => {
    const r = lint(
      `src/ui/zz-hardening-lint-probe-ok-${process.pid}.ts`,
      'export function probe(el: HTMLElement, x: string): void {\n  el.textContent = x;\n}\n',
    );
    expect(r.output).not.toMatch(/noJsRestrictedProperties/);
    expect(r.status).toBe(0);
  });
});

describe('the no-inherited-reads lint rule (scripts/no-inherited-reads.grit, src/** only)', () => {
  it('fails on reads of id-keyed records by a computed key, plain or optional, and names own()', () => {
    const r = lint(
      `src/engine/zz-hardening-lint-probe-ids-${process.pid}.ts`,
      [
        'export function probe(s: { agreements: Record<string, string>; used?: Record<string, number> }, id: string): unknown {',
        '  const a = s.agreements[id];',
        '  const b = s.used?.[id];',
        "  s.agreements[id] = 'written';",
        "  return [a, b, s.agreements['literal']];",
        '}',
        '',
      ].join('\n'),
    );
    expect(r.status).not.toBe(0);
    // Two reads; the write and the literal key are fine.
    expect(r.output.match(/Read of an id-keyed record by a computed key/g)?.length).toBe(2);
    expect(r.output).toContain('own(record, id)');
  });
});

/**
 * A belt to the lint's braces: a plain scan for every way of parsing text as HTML, including ones the lint
 * rules do not name (DOMParser, srcdoc, event-handler attributes). No source file may write HTML.
 */
describe('no source file parses text as HTML', () => {
  const HTML_SINKS: [RegExp, string][] = [
    [/\.(innerHTML|outerHTML)\s*(\+)?=(?!=)/, 'assigns innerHTML/outerHTML'],
    [/\[\s*['"`](innerHTML|outerHTML)['"`]\s*\]/, 'indexes innerHTML/outerHTML'],
    [/\b(innerHTML|outerHTML)\s*:/, 'sets innerHTML/outerHTML through an object'],
    [/\.insertAdjacentHTML\s*\(/, 'calls insertAdjacentHTML'],
    [/\bdocument\s*\.\s*write(ln)?\s*\(/, 'calls document.write'],
    [/\bcreateContextualFragment\s*\(/, 'calls createContextualFragment'],
    [/\bparseFromString\s*\(/, 'parses HTML with DOMParser'],
    [/\bsrcdoc\b/, 'sets an iframe srcdoc'],
    [/setAttribute\(\s*['"`]on/i, 'sets an event-handler attribute'],
    [/setHTMLUnsafe|\.setHTML\s*\(/, 'calls setHTML'],
  ];

  it('finds no HTML sink in src/**', () => {
    const files = readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(ts|js|mjs)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const f of files) {
      const lines = readFileSync(`${root}src/${f}`, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        for (const [pattern, what] of HTML_SINKS)
          if (pattern.test(code)) found.push(`src/${f}:${i + 1}: ${what}`);
      });
    }
    expect(found).toEqual([]);
  });
});

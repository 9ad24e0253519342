/**
 * Purity guard: the engine and scenario layers must run identically in Node and the browser, and no
 * layer may turn scenario text into HTML. Biome enforces most of this at lint time; this test is the
 * backstop that runs with `npm test`, reports `file:line:col`, and also catches cases Biome does not
 * (assignments such as `el.innerHTML = s`, `new Function`, `new Date()`, any Node built-in import).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_EXTENSIONS = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

/** Two views of a source file, index-aligned with it (one output char per input char, newlines kept). */
interface SourceViews {
  /** Comments, string/template text and regex bodies blanked: only real code remains. */
  code: string;
  /** Comments blanked, literals kept: used to read import specifiers and computed keys. */
  withStrings: string;
}

const REGEX_AFTER_WORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'instanceof',
]);

function blank(ch: string): string {
  return ch === '\n' || ch === '\r' ? ch : ' ';
}

/** Whether a `/` at this point starts a regex literal, judged from the code emitted so far. */
function regexAllowed(code: string[]): boolean {
  let j = code.length - 1;
  while (j >= 0 && /\s/.test(code[j] ?? '')) j--;
  if (j < 0) return true;
  const last = code[j] ?? '';
  if (/[\w$]/.test(last)) {
    let word = '';
    while (j >= 0 && /[\w$]/.test(code[j] ?? '')) word = (code[j--] ?? '') + word;
    return REGEX_AFTER_WORDS.has(word);
  }
  return !/[)\]'"`]/.test(last);
}

/**
 * Splits TypeScript/JavaScript source into comment-free views with a small lexer (strings, nested
 * template literals, regex literals), so a comment or a message that mentions `Math.random` is fine.
 */
function stripSource(src: string): SourceViews {
  const code: string[] = [];
  const withStrings: string[] = [];
  const raw = (ch: string): void => {
    code.push(ch);
    withStrings.push(ch);
  };
  const literal = (ch: string): void => {
    code.push(blank(ch));
    withStrings.push(ch);
  };
  const comment = (ch: string): void => {
    code.push(blank(ch));
    withStrings.push(blank(ch));
  };
  /** Brace depth inside each open `${ … }` of enclosing template literals. */
  const templateDepths: number[] = [];
  let inTemplate = false;
  let i = 0;
  const n = src.length;

  while (i < n) {
    const ch = src[i] ?? '';
    const next = src[i + 1] ?? '';

    if (inTemplate) {
      if (ch === '\\') {
        literal(ch);
        if (i + 1 < n) literal(next);
        i += 2;
      } else if (ch === '`') {
        raw(ch);
        inTemplate = false;
        i++;
      } else if (ch === '$' && next === '{') {
        raw(ch);
        raw(next);
        templateDepths.push(0);
        inTemplate = false;
        i += 2;
      } else {
        literal(ch);
        i++;
      }
      continue;
    }

    if (ch === '/' && next === '/') {
      while (i < n && src[i] !== '\n') comment(src[i++] ?? '');
    } else if (ch === '/' && next === '*') {
      comment(ch);
      comment(next);
      i += 2;
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) comment(src[i++] ?? '');
      if (i < n) {
        comment('*');
        comment('/');
        i += 2;
      }
    } else if (ch === "'" || ch === '"') {
      raw(ch);
      i++;
      while (i < n && src[i] !== ch && src[i] !== '\n') {
        if (src[i] === '\\' && i + 1 < n) literal(src[i++] ?? '');
        literal(src[i++] ?? '');
      }
      if (i < n && src[i] === ch) raw(src[i++] ?? '');
    } else if (ch === '`') {
      raw(ch);
      inTemplate = true;
      i++;
    } else if (ch === '/' && regexAllowed(code)) {
      raw(ch);
      i++;
      let inClass = false;
      while (i < n && src[i] !== '\n' && (inClass || src[i] !== '/')) {
        const c = src[i] ?? '';
        if (c === '\\' && i + 1 < n) literal(src[i++] ?? '');
        else if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        literal(src[i++] ?? '');
      }
      if (i < n && src[i] === '/') raw(src[i++] ?? '');
    } else {
      if (templateDepths.length > 0) {
        const top = templateDepths.length - 1;
        if (ch === '{') templateDepths[top] = (templateDepths[top] ?? 0) + 1;
        else if (ch === '}') {
          if (templateDepths[top] === 0) {
            templateDepths.pop();
            inTemplate = true;
          } else templateDepths[top] = (templateDepths[top] ?? 1) - 1;
        }
      }
      raw(ch);
      i++;
    }
  }
  return { code: code.join(''), withStrings: withStrings.join('') };
}

/** One forbidden construct, matched against one view of the source. */
interface Rule {
  id: string;
  view: keyof SourceViews;
  pattern: RegExp;
  why: string;
}

/** Rules for src/engine and src/scenario: code that must be pure, deterministic and platform-free. */
const PURE_RULES: Rule[] = [
  {
    id: 'Math.random',
    view: 'code',
    pattern: /\bMath\s*\.\s*random\b/g,
    why: 'draw randomness from the seeded RNG kept in GameState',
  },
  { id: 'Date.now', view: 'code', pattern: /\bDate\s*\.\s*now\b/g, why: 'no clocks in the engine' },
  {
    id: 'new Date()',
    view: 'code',
    pattern: /\bnew\s+Date\b(?!\s*\(\s*[^\s)])/g,
    why: 'the current time is a clock read; pass time in as data',
  },
  {
    id: 'browser global',
    view: 'code',
    // A bare identifier, not a property (`x.window`), not an object key or property signature (`window:`).
    pattern:
      /(?<![\w$#.])(?:window|document|localStorage|sessionStorage|performance|crypto)\b(?!\s*\??\s*:(?!:))/g,
    why: 'engine and scenario code runs in Node and the browser alike: no platform globals',
  },
  {
    id: 'globalThis access',
    view: 'code',
    pattern: /\bglobalThis\s*\.\s*(?:window|document|localStorage|sessionStorage|performance|crypto)\b/g,
    why: 'engine and scenario code runs in Node and the browser alike: no platform globals',
  },
  { id: 'eval', view: 'code', pattern: /\beval\s*\(/g, why: 'scenario files are data, never code' },
  {
    id: 'new Function',
    view: 'code',
    pattern: /\bnew\s+Function\b|(?<![\w$.])Function\s*\(/g,
    why: 'scenario files are data, never code',
  },
];

/** Rules for all of src: text reaches the DOM only through textContent. */
const DOM_RULES: Rule[] = [
  {
    id: 'HTML sink',
    view: 'code',
    pattern: /\b(?:innerHTML|outerHTML|insertAdjacentHTML)\b/g,
    why: 'set text with textContent, never parse strings as HTML',
  },
  {
    id: 'HTML sink',
    view: 'withStrings',
    pattern: /\[\s*(['"`])(?:innerHTML|outerHTML|insertAdjacentHTML)\1\s*\]/g,
    why: 'set text with textContent, never parse strings as HTML',
  },
  {
    id: 'document.write',
    view: 'code',
    pattern: /\bdocument\s*\.\s*write(?:ln)?\b/g,
    why: 'set text with textContent, never parse strings as HTML',
  },
];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0] ?? name]));

/** Whether a module specifier is off-limits for the engine and scenario layers. */
function isForbiddenImport(specifier: string): boolean {
  if (specifier === 'phaser' || specifier.startsWith('phaser/')) return true;
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0] ?? specifier);
}

/** A rule violation at a 1-based line and column. */
interface Finding {
  line: number;
  column: number;
  rule: string;
  why: string;
  excerpt: string;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < index; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

const IMPORT_PATTERN = /\b(?:from|import|require)\s*\(?\s*(['"`])([^'"`\n]+)\1/g;

/** Scans one source text; `pure` adds the engine/scenario rules to the DOM rules that apply everywhere. */
function scanSource(src: string, { pure }: { pure: boolean }): Finding[] {
  const views = stripSource(src);
  const findings: Finding[] = [];
  const add = (index: number, rule: string, why: string, length: number): void => {
    const { line, column } = position(src, index);
    findings.push({ line, column, rule, why, excerpt: src.slice(index, index + length).trim() });
  };
  for (const rule of pure ? [...PURE_RULES, ...DOM_RULES] : DOM_RULES) {
    for (const match of views[rule.view].matchAll(rule.pattern)) {
      add(match.index, rule.id, rule.why, match[0].length);
    }
  }
  if (pure) {
    for (const match of views.withStrings.matchAll(IMPORT_PATTERN)) {
      const specifier = match[2] ?? '';
      if (isForbiddenImport(specifier)) {
        add(
          match.index,
          `import '${specifier}'`,
          'engine and scenario code imports no Phaser and no Node built-ins',
          match[0].length,
        );
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Source files under a directory, relative to the repo root; a missing directory has none. */
function listSources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return (
    entries
      .filter((entry) => SOURCE_EXTENSIONS.test(entry) && !entry.split(/[\\/]/).includes('node_modules'))
      // test/hardening-lint-rule.test.ts writes short-lived probe files under src/ while the suite runs.
      .filter((entry) => !entry.includes('zz-hardening-lint-probe'))
      .map((entry) => relative(ROOT, join(abs, entry)).split('\\').join('/'))
      .sort()
  );
}

function report(files: string[], pure: boolean): string[] {
  return files.flatMap((file) =>
    scanSource(readFileSync(join(ROOT, file), 'utf8'), { pure }).map(
      (f) => `${file}:${f.line}:${f.column}: ${f.rule} (${f.excerpt}) — ${f.why}`,
    ),
  );
}

describe('purity scanner (self-test, so the guard cannot pass on nothing)', () => {
  it('flags Math.random() in code and reports its line and column', () => {
    const findings = scanSource('const a = 1;\nconst roll = Math.random();\n', { pure: true });
    expect(findings.map((f) => [f.line, f.column, f.rule])).toEqual([[2, 14, 'Math.random']]);
  });

  it('ignores forbidden names inside line comments, block comments and string text', () => {
    const src = [
      '// never call Math.random() or Date.now() here',
      '/* window.document.innerHTML',
      '   import x from "phaser" */',
      "const hint = 'use the RNG, not Math.random(), and never eval(text)';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: fixture source text with a template literal
      'const label = `window ${1 + 1} document`;',
      'const re = /\\/\\/ Math.random/;',
    ].join('\n');
    expect(scanSource(src, { pure: true })).toEqual([]);
  });

  it('still sees code inside template expressions and after regex literals', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: fixture source text with a template literal
    const src = 'const s = `roll ${Math.random()}`;\nconst r = /[\'"]/g; Date.now();\n';
    expect(scanSource(src, { pure: true }).map((f) => `${f.line}:${f.rule}`)).toEqual([
      '1:Math.random',
      '2:Date.now',
    ]);
  });

  it('flags browser globals, clocks, eval and new Function but not same-named properties or keys', () => {
    const src = [
      'const w = window.innerWidth;',
      'const t = performance.now() + new Date().getTime();',
      'const id = crypto.randomUUID();',
      'localStorage.setItem("k", "v");',
      'const f = new Function("return 1");',
      'eval("1");',
      'const ok = { window: 3, document: state.document, crypto?: 1 };',
      'const when = new Date(scenario.meta.date);',
    ].join('\n');
    expect(scanSource(src, { pure: true }).map((f) => `${f.line}:${f.rule}`)).toEqual([
      '1:browser global',
      '2:browser global',
      '2:new Date()',
      '3:browser global',
      '4:browser global',
      '5:new Function',
      '6:eval',
    ]);
  });

  it('flags imports of phaser and of Node built-ins in every form', () => {
    const src = [
      "import Phaser from 'phaser';",
      "import type { Scene } from 'phaser/src/scene/Scene.js';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "export * from 'fs/promises';",
      "const m = await import('node:crypto');",
      "import { produce } from 'immer';",
      "import { createMachine } from 'xstate';",
      "import { sha256 } from '@noble/hashes/sha2.js';",
    ].join('\n');
    expect(scanSource(src, { pure: true }).map((f) => `${f.line}:${f.rule}`)).toEqual([
      "1:import 'phaser'",
      "2:import 'phaser/src/scene/Scene.js'",
      "3:import 'node:fs'",
      "4:import 'path'",
      "5:import 'fs/promises'",
      "6:import 'node:crypto'",
    ]);
  });

  it('flags HTML sinks everywhere, including assignments and computed keys', () => {
    const src = [
      'el.innerHTML = text;',
      'el.outerHTML = text;',
      "el.insertAdjacentHTML('beforeend', text);",
      'document.write(text);',
      "el['innerHTML'] = text;",
      'el.textContent = text;',
    ].join('\n');
    expect(scanSource(src, { pure: false }).map((f) => `${f.line}:${f.rule}`)).toEqual([
      '1:HTML sink',
      '2:HTML sink',
      '3:HTML sink',
      '4:document.write',
      '5:HTML sink',
    ]);
  });

  it('walks directories and treats a missing one as empty', () => {
    expect(listSources('test')).toContain('test/purity.test.ts');
    expect(listSources('src/does-not-exist')).toEqual([]);
  });
});

describe('source purity', () => {
  it('keeps src/engine and src/scenario free of randomness, clocks, platform APIs, Phaser and eval', () => {
    const files = [...listSources('src/engine'), ...listSources('src/scenario')];
    expect(report(files, true)).toEqual([]);
  });

  it('never turns strings into HTML anywhere in src (text is set with textContent)', () => {
    const pure = new Set([...listSources('src/engine'), ...listSources('src/scenario')]);
    const files = listSources('src').filter((file) => !pure.has(file));
    expect(report(files, false)).toEqual([]);
  });
});

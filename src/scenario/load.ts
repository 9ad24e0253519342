/**
 * YAML text → plain data, with every YAML-level problem located. The stages run from cheapest to most
 * expensive (size, binary, tokens, tree, data) so that hostile or broken input is refused early.
 */
import { Composer, type Document, isMap, isScalar, isSeq } from 'yaml';
import { checkAst } from './ast-checks.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import { MAX_ALIASES, MAX_BYTES } from './limits.ts';
import { LineIndex } from './position.ts';
import { scanCst } from './yaml-cst.ts';
import { describeYamlError } from './yaml-errors.ts';

/** The composed document, its plain data and the line index, for the schema and cross-check stages. */
export interface Loaded {
  doc: Document.Parsed;
  data: Record<string, unknown>;
  lines: LineIndex;
}

/** Either the loaded data (with any YAML warnings) or the diagnostics explaining why it cannot be read. */
export type LoadResult =
  | { ok: true; loaded: Loaded; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** UTF-8 length of a string, stopping once past `limit` (no encoder allocation for big inputs). */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The refusal for an oversized file, shared by the text and bytes entry points. */
export function tooLarge(file: string, bytes: number | undefined): Diagnostic {
  const size = bytes === undefined ? '' : ` (${bytes} bytes)`;
  return {
    file,
    line: 1,
    col: 1,
    severity: 'error',
    code: 'limit/too-large',
    message: `the file is larger than ${MAX_BYTES} bytes${size}`,
    hint: 'scenario files are small text files; is this the right file?',
  };
}

// Duplicate keys are errors, but found by `checkAst` in linear time: the library's own `uniqueKeys`
// check compares every key with every other (seconds on a large mapping).
const YAML_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  stringKeys: true,
  schema: 'core',
  merge: false,
  strict: true,
  logLevel: 'error',
  intAsBigInt: false,
} as const;

function describeTop(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node))
    return typeof node.value === 'string' ? 'a single line of text' : `the value ${String(node.value)}`;
  return 'something else';
}

/** Reads YAML text (BOM already removed) into plain data, or explains every reason it cannot. */
export function loadYaml(text: string, file: string): LoadResult {
  const lines = new LineIndex(text);
  const at = (
    offset: number,
    severity: Severity,
    code: string,
    message: string,
    hint?: string,
  ): Diagnostic => {
    const { line, col } = lines.pos(offset);
    return hint === undefined
      ? { file, line, col, severity, code, message }
      : { file, line, col, severity, code, message, hint };
  };
  const fail = (diagnostics: Diagnostic[]): LoadResult => ({ ok: false, diagnostics });

  if (text.length > MAX_BYTES || utf8Length(text, MAX_BYTES) > MAX_BYTES)
    return fail([tooLarge(file, undefined)]);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return fail([
      at(
        nul,
        'error',
        'file/binary',
        'this looks like a binary file (it contains NUL bytes), not a YAML scenario',
        'if it is UTF-16 text, save it as UTF-8',
      ),
    ]);
  }
  if (text.trim() === '')
    return fail([at(0, 'error', 'file/empty', 'the file is empty', 'start from a scenario in `scenarios/`')]);

  const scan = scanCst(text);
  if (scan.problems.length > 0)
    return fail(scan.problems.map((p) => at(p.offset, 'error', p.code, p.message, p.hint)));

  const composer = new Composer(YAML_OPTIONS);
  const docs = [...composer.compose(scan.tokens, true, text.length)];
  const doc = docs[0];
  if (!doc) return fail([at(0, 'error', 'file/empty', 'the file is empty')]);

  const diagnostics: Diagnostic[] = [];
  for (const [list, severity] of [
    [doc.errors, 'error'],
    [doc.warnings, 'warning'],
  ] as const) {
    for (const err of list) {
      const said = describeYamlError(err);
      let offset = err.pos[0];
      if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
        const opened = scan.quotedScalars.find((q) => q.end >= offset - 1 && q.end <= offset + 1);
        if (opened) offset = opened.offset;
      }
      // Unknown tags are only warnings to the library; to us they are code smuggled into data.
      const sev: Severity = said.code === 'yaml/unknown-tag' ? 'error' : severity;
      diagnostics.push(at(offset, sev, said.code, said.message, said.hint));
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && contents.source === '')) {
    return fail([at(0, 'error', 'file/empty', 'the file has no content, only comments')]);
  }
  if (!isMap(contents)) {
    return fail([
      at(
        contents.range?.[0] ?? 0,
        'error',
        'yaml/not-a-mapping',
        `the top level of a scenario must be a mapping of keys (\`id:\`, \`title:\`, …), but this file holds ${describeTop(contents)}`,
      ),
    ]);
  }

  const treeProblems = checkAst(doc);
  if (treeProblems.length > 0) {
    return fail(
      diagnostics.concat(treeProblems.map((p) => at(p.offset, 'error', p.code, p.message, p.hint))),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError) {
      return fail([
        at(
          scan.firstAlias ?? 0,
          'error',
          'limit/alias-expansion',
          'aliases (`*name`) here expand to far too much data',
          'write the repeated parts out instead of nesting aliases',
        ),
      ]);
    }
    throw err;
  }
  return { ok: true, loaded: { doc, data: data as Record<string, unknown>, lines }, warnings: diagnostics };
}

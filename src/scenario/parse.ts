/**
 * The one entry point for reading a scenario: text or bytes in, a validated scenario and its identity
 * hash out — or every problem, located. It never throws and never hangs, whatever the input, because
 * scenario files are written by hand and shared between people.
 */
import { dataOnly } from '../core/own.ts';
import { crossCheck } from './cross-check.ts';
import { capDiagnostics, type Diagnostic, hasErrors, sortDiagnostics } from './diagnostic.ts';
import { MAX_BYTES, MAX_DIAGNOSTICS } from './limits.ts';
import { loadYaml, tooLarge } from './load.ts';
import { locate } from './locate.ts';
import { Scenario } from './schema.ts';
import { rulesHash } from './text-paths.ts';
import { decodeUtf8 } from './utf8.ts';
import { zodProblems } from './zod-issues.ts';

/**
 * A loaded scenario with its identity (`hash`: the rules hash, SHA-256 of the RFC 8785 canonical JSON of
 * the data without its words, so neither formatting, comments, a BOM, CRLF line ends nor a reworded text
 * changes it) and any warnings; or the diagnostics
 * that stop it loading (every problem found, errors and warnings, in file order).
 */
export type ParseResult =
  | { scenario: Scenario; hash: string; warnings: Diagnostic[] }
  | { errors: Diagnostic[] };

function internalError(file: string, err: unknown): Diagnostic {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    file,
    line: 1,
    col: 1,
    severity: 'error',
    code: 'internal/error',
    message: `internal error while reading the scenario (${what.slice(0, 300)})`,
    hint: 'this is a bug in Envoy, not in your file: please report it with the file attached',
  };
}

const tidy = (list: readonly Diagnostic[]): Diagnostic[] =>
  capDiagnostics(sortDiagnostics(list), MAX_DIAGNOSTICS);

function parseText(text: string, file: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const loaded = loadYaml(body, file);
  if (!loaded.ok) return { errors: tidy(loaded.diagnostics) };
  const { doc, data, lines } = loaded.loaded;
  const diagnostics = [...loaded.warnings];
  const result = Scenario.safeParse(data);
  if (!result.success) {
    for (const p of zodProblems(result.error.issues, data, Scenario, MAX_DIAGNOSTICS))
      diagnostics.push(locate(p, doc, lines, file));
    return { errors: tidy(diagnostics) };
  }
  // Prototype-free from here on: an id such as `constructor` names only what the file gives it.
  const scenario = dataOnly(result.data);
  for (const p of crossCheck(scenario, MAX_DIAGNOSTICS)) diagnostics.push(locate(p, doc, lines, file));
  if (hasErrors(diagnostics)) return { errors: tidy(diagnostics) };
  return { scenario, hash: rulesHash(scenario), warnings: tidy(diagnostics) };
}

/** Parses and validates scenario text (as read from a file or a text area); never throws. */
export function parseScenario(text: string, fileName: string): ParseResult {
  const file = typeof fileName === 'string' && fileName !== '' ? fileName : '<scenario>';
  try {
    if (typeof text !== 'string')
      throw new TypeError(`expected the scenario as a string, got ${typeof text}`);
    return parseText(text, file);
  } catch (err) {
    return { errors: [internalError(file, err)] };
  }
}

/**
 * Parses raw file bytes: the size cap applies before decoding, the bytes must be UTF-8 text (a BOM is
 * dropped; UTF-16, NUL bytes and invalid UTF-8 are refused at the offending byte). Never throws.
 */
export function parseScenarioBytes(bytes: Uint8Array, fileName: string): ParseResult {
  const file = typeof fileName === 'string' && fileName !== '' ? fileName : '<scenario>';
  try {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('expected the scenario as a Uint8Array');
    if (bytes.length > MAX_BYTES) return { errors: [tooLarge(file, bytes.length)] };
    const decoded = decodeUtf8(bytes);
    if ('error' in decoded) {
      const { at, code, message, hint } = decoded.error;
      return { errors: [{ file, line: at.line, col: at.col, severity: 'error', code, message, hint }] };
    }
    return parseScenario(decoded.text, file);
  } catch (err) {
    return { errors: [internalError(file, err)] };
  }
}

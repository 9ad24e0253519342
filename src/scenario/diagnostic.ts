/**
 * Located problems in a scenario file. Authors fix files from these, so every problem carries a file,
 * a 1-based line and column, a namespaced code (tests and tools match on it) and, where we can guess the
 * intent, a hint.
 */

/** Errors stop a scenario from loading; warnings point at something that is allowed but probably wrong. */
export type Severity = 'error' | 'warning';

/** One located problem, the unit every stage of loading reports in (never a thrown exception). */
export interface Diagnostic {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units from the start of the line (what editors show for most text). */
  col: number;
  severity: Severity;
  /** Namespaced and stable, e.g. `yaml/duplicate-key`, `schema/invalid-type`, `ref/unknown-state`. */
  code: string;
  message: string;
  hint?: string;
}

/** Renders a diagnostic the way compilers do (`file:line:col: error: …`) so editors and terminals link it. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}${hint}`;
}

/** Orders diagnostics by position (then errors first) and drops exact repeats, so output reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.line}:${d.col}:${d.severity}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(
    (a, b) =>
      a.line - b.line || a.col - b.col || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Whether any diagnostic is an error, i.e. whether the scenario must be refused. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

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
  /** The data path of the node the problem is about (`parties.russia.position`), when it has one. */
  path?: string;
  /**
   * The values the message is made of (`{ what: 'state', value: 'listning', suggestion: 'listening' }`), so a
   * page can say the same in another language from `code` and `params` (src/view/diagnostic-text.ts).
   */
  params?: Record<string, string | number>;
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

/**
 * Keeps the first `max` diagnostics (in file order) and summarises the rest in one line, so a garbage
 * file cannot produce megabytes of output.
 */
export function capDiagnostics(sorted: readonly Diagnostic[], max: number): Diagnostic[] {
  if (sorted.length <= max) return [...sorted];
  const kept = sorted.slice(0, max);
  const last = kept[kept.length - 1] as Diagnostic;
  kept.push({
    file: last.file,
    line: last.line,
    col: last.col,
    severity: 'error',
    code: 'limit/too-many-problems',
    message: `more problems not shown (only the first ${max} are listed)`,
    hint: 'fix the ones above first',
  });
  return kept;
}

/** Whether any diagnostic is an error, i.e. whether the scenario must be refused. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

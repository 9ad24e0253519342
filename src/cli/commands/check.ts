/**
 * `envoy check FILE…`: everything `validate` does, then the linter (src/lint): unreachable position
 * states, outcomes a bounded engine search never reaches, moves never available, dead ends, missing
 * debrief text, no zone of agreement, unused meters. Findings are warnings, located like validation
 * errors; they fail the run only with `--strict`.
 */

import { grouped } from '../../lint/context.ts';
import { DEFAULT_BUDGET, lintScenario, type SearchSummary } from '../../lint/index.ts';
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../../scenario/diagnostic.ts';
import { MAX_BYTES } from '../../scenario/limits.ts';
import { decodeUtf8 } from '../../scenario/utf8.ts';
import { boolFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, printJson, readBytes } from '../io.ts';
import { chooseSeats, SEAT_FLAGS, type SeatRequest, seatRequest } from '../seats.ts';
import { loadScenario } from './validate.ts';

/** One file's entry in `check --json`. */
interface FileReport {
  file: string;
  ok: boolean;
  id?: string;
  version?: number;
  hash?: string;
  warnings: number;
  errors: number;
  diagnostics: Diagnostic[];
  search?: SearchSummary;
  /** The seats held in the search's games. */
  seats?: string[];
}

const MAX_BUDGET = 1_000_000;

function budgetOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BUDGET.actions;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_BUDGET)
    throw new UsageError(`--budget must be a whole number from 1 to ${MAX_BUDGET}, got '${value}'`, 'check');
  return Number(value);
}

/** Validates then lints one file; never throws but for a seat the file does not have (a UsageError, exit 2). */
function checkFile(file: string, io: Io, actions: number, request: SeatRequest): FileReport {
  const loaded = loadScenario(file, io.cwd);
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = loaded.diagnostics.length - errors;
    return { file, ok: false, warnings, errors, diagnostics: loaded.diagnostics };
  }
  const { game } = loaded;
  const { seats } = chooseSeats('check', game, request);
  const read = readBytes(file, io.cwd, MAX_BYTES);
  const decoded = 'bytes' in read ? decodeUtf8(read.bytes) : null;
  const text = decoded && 'text' in decoded ? decoded.text : '';
  const lint = lintScenario(
    { scenario: game.scenario, game, text, file, seats },
    { ...DEFAULT_BUDGET, actions },
  );
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...lint.diagnostics]);
  return {
    file,
    ok: true,
    id: game.scenario.id,
    version: game.scenario.version,
    hash: game.scenarioHash,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    errors: 0,
    diagnostics,
    search: lint.search,
    seats,
  };
}

/** `envoy check`: exit 0 when every file loads (warnings allowed), 1 on errors, or on warnings with --strict. */
export function runCheck(argv: string[], io: Io): number {
  const args = parseCommand(
    'check',
    argv,
    { json: { type: 'boolean' }, strict: { type: 'boolean' }, budget: { type: 'string' }, ...SEAT_FLAGS },
    { name: 'FILE', min: 1, max: 1000 },
  );
  const json = boolFlag(args, 'json');
  const strict = boolFlag(args, 'strict');
  const actions = budgetOf(stringFlag(args, 'budget'));
  const request = seatRequest('check', args);
  const files: FileReport[] = [];
  for (const file of args.positionals) {
    const report = checkFile(file, io, actions, request);
    files.push(report);
    if (json) continue;
    for (const d of report.diagnostics) io.err(formatDiagnostic(d));
    if (!report.ok) {
      if (report.diagnostics[0]?.code !== 'cli/unreadable')
        io.err(`${file}: invalid (${report.errors} error${report.errors === 1 ? '' : 's'})`);
      continue;
    }
    const s = report.search as SearchSummary;
    const n = report.warnings;
    const verdict = n === 0 ? 'ok' : strict ? 'failed (--strict)' : 'ok';
    // Which seats the search held, when it is not just the player's (the default, kept as it was).
    const held = request.seats ? ` as ${report.seats?.join(', ')}` : '';
    io.out(
      `${file}: ${verdict} (scenario ${report.id} v${report.version}, hash ${report.hash?.slice(0, 12)}; ` +
        `${n} warning${n === 1 ? '' : 's'}; searched ${grouped(s.games)} games / ${grouped(s.actions)} actions${held})`,
    );
  }
  const ok = files.every((f) => f.ok && !(strict && f.warnings > 0));
  if (json) printJson(io, { ok, strict, files });
  return ok ? 0 : 1;
}

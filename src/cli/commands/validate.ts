/**
 * `envoy validate FILE…`: parses and compiles scenario files and reports every located problem.
 * Also home of `loadScenario`, which `play` and `replay` use so all three accept exactly the same files.
 */
import { compileGame, type Game } from '../../engine/index.ts';
import { type Diagnostic, formatDiagnostic, parseScenarioBytes } from '../../scenario/index.ts';
import { MAX_BYTES } from '../../scenario/limits.ts';
import { boolFlag, parseCommand } from '../args.ts';
import { errorMessage, type Io, printJson, readBytes } from '../io.ts';

/** A scenario file read, parsed and compiled, or the diagnostics that stopped it. */
export type Loaded =
  | { ok: true; game: Game; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function fileProblem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, line: 1, col: 1, severity: 'error', code, message, ...(hint ? { hint } : {}) };
}

/** Reads, parses and compiles one scenario file. Never throws. */
export function loadScenario(file: string, cwd: string): Loaded {
  const read = readBytes(file, cwd, MAX_BYTES);
  if ('problem' in read)
    return { ok: false, diagnostics: [fileProblem(file, 'cli/unreadable', read.problem, read.hint)] };
  let result: ReturnType<typeof parseScenarioBytes>;
  try {
    result = parseScenarioBytes(read.bytes, file);
  } catch (e) {
    return {
      ok: false,
      diagnostics: [fileProblem(file, 'cli/parse-failed', `cannot parse: ${errorMessage(e)}`)],
    };
  }
  if ('errors' in result) return { ok: false, diagnostics: result.errors };
  const { warnings } = result;
  try {
    return { ok: true, game: compileGame(result.scenario), diagnostics: warnings };
  } catch (e) {
    const message = `the scenario is valid but could not be compiled: ${errorMessage(e)}`;
    return { ok: false, diagnostics: [...warnings, fileProblem(file, 'cli/compile-failed', message)] };
  }
}

/** Prints diagnostics one per line on stderr and a one-line summary when the file failed. */
export function reportDiagnostics(io: Io, file: string, loaded: Loaded): void {
  for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.ok && errors[0]?.code !== 'cli/unreadable') {
    io.err(`${file}: invalid (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  }
}

/**
 * Loads the scenario a command plays (play, simulate, diff). On errors it prints them, or with `--json` the
 * `invalid-scenario` refusal, and returns null; otherwise it prints any warnings (not with `--json`).
 */
export function loadPlayable(io: Io, file: string, json: boolean): Extract<Loaded, { ok: true }> | null {
  const loaded = loadScenario(file, io.cwd);
  if (json && !loaded.ok)
    printJson(io, { ok: false, kind: 'invalid-scenario', diagnostics: loaded.diagnostics });
  if (!json) reportDiagnostics(io, file, loaded);
  return loaded.ok ? loaded : null;
}

/** One file's entry in `validate --json`. */
interface FileReport {
  file: string;
  ok: boolean;
  id?: string;
  version?: number;
  hash?: string;
  diagnostics: Diagnostic[];
}

export function runValidate(argv: string[], io: Io): number {
  const args = parseCommand(
    'validate',
    argv,
    { json: { type: 'boolean' } },
    { name: 'FILE', min: 1, max: 1000 },
  );
  const json = boolFlag(args, 'json');
  const files: FileReport[] = [];
  for (const file of args.positionals) {
    const loaded = loadScenario(file, io.cwd);
    const identity = loaded.ok
      ? { id: loaded.game.scenario.id, version: loaded.game.scenario.version, hash: loaded.game.scenarioHash }
      : {};
    files.push({ file, ok: loaded.ok, ...identity, diagnostics: loaded.diagnostics });
    if (json) continue;
    reportDiagnostics(io, file, loaded);
    if (loaded.ok) {
      const s = loaded.game.scenario;
      io.out(`${file}: ok (scenario ${s.id} v${s.version}, hash ${loaded.game.scenarioHash.slice(0, 12)})`);
    }
  }
  const ok = files.every((f) => f.ok);
  if (json) printJson(io, { ok, files });
  return ok ? 0 : 1;
}

/**
 * `envoy check`'s linter, as a pure module (no Node APIs) so the browser's editor could run it too:
 * static lints on the data, lints from a bounded engine search, and the zone-of-agreement analysis,
 * every finding located at its node with the same locator `validate` uses.
 */
import { compileGame, type Game } from '../engine/index.ts';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../scenario/diagnostic.ts';
import { parseScenario } from '../scenario/index.ts';
import { loadYaml } from '../scenario/load.ts';
import { locate } from '../scenario/locate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { makeLintContext } from './context.ts';
import { DEFAULT_BUDGET, explore, type SearchBudget } from './search.ts';
import { lintDeadEnds, lintNeverAvailableMoves, lintUnreachedOutcomes } from './search-lints.ts';
import { lintDebriefs, lintUnreachableStates, lintUnusedMeters } from './static-lints.ts';
import { lintZones } from './zone.ts';

export { DEFAULT_BUDGET, type SearchBudget } from './search.ts';

/** How much the search explored and what it found, for `--json` and the bench. */
export interface SearchSummary {
  /** The action budget it was given. */
  budget: number;
  games: number;
  actions: number;
  states: number;
  /** Outcome id → games that ended in it. */
  outcomes: Record<string, number>;
  deadEnds: number;
}

/** The linter's findings (warnings, located and sorted) and the search behind them. */
export interface LintReport {
  diagnostics: Diagnostic[];
  search: SearchSummary;
}

/** A scenario that already passed `validate`: its data, compiled game, and the text it was read from. */
export interface LintInput {
  scenario: Scenario;
  game: Game;
  /** The file's text (a leading BOM is ignored), used only to locate findings. */
  text: string;
  file: string;
  /** The seats people hold in the search's games (default the player's): `envoy check --as`. */
  seats?: readonly string[];
}

/** Runs every lint on a valid scenario. Deterministic: same scenario and budget, same warnings. */
export function lintScenario(input: LintInput, budget: SearchBudget = DEFAULT_BUDGET): LintReport {
  const ctx = makeLintContext(input.scenario, input.game);
  lintUnreachableStates(ctx);
  lintUnusedMeters(ctx);
  lintDebriefs(ctx);
  lintZones(ctx);
  const r = explore(input.game, budget, input.seats);
  lintUnreachedOutcomes(ctx, r);
  lintNeverAvailableMoves(ctx, r);
  lintDeadEnds(ctx, r);
  const body = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const loaded = loadYaml(body, input.file);
  const diagnostics = ctx.out.map((p): Diagnostic => {
    if (loaded.ok) return locate(p, loaded.loaded.doc, loaded.loaded.lines, input.file);
    const d: Diagnostic = {
      file: input.file,
      line: 1,
      col: 1,
      severity: p.severity,
      code: p.code,
      message: p.message,
    };
    if (p.hint !== undefined) d.hint = p.hint;
    return d;
  });
  return {
    diagnostics: sortDiagnostics(diagnostics),
    search: {
      budget: budget.actions,
      games: r.playouts,
      actions: r.actions,
      states: r.states,
      outcomes: Object.fromEntries([...r.outcomes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      deadEnds: r.deadEnds,
    },
  };
}

/** The result of checking scenario text: validation problems and lint warnings together, in file order. */
export interface CheckResult {
  /** False when the scenario has errors (it does not load); warnings never make it false. */
  ok: boolean;
  diagnostics: Diagnostic[];
  game?: Game;
  search?: SearchSummary;
}

/** `envoy check` on text, in process (the browser or the bench): validate, compile, then lint. Never throws on bad input. */
export function checkScenarioText(
  text: string,
  file: string,
  budget: SearchBudget = DEFAULT_BUDGET,
): CheckResult {
  const parsed = parseScenario(text, file);
  if ('errors' in parsed) return { ok: false, diagnostics: parsed.errors };
  let game: Game;
  try {
    game = compileGame(parsed.scenario);
  } catch (e) {
    const message = `the scenario is valid but could not be compiled: ${e instanceof Error ? e.message : String(e)}`;
    const d: Diagnostic = { file, line: 1, col: 1, severity: 'error', code: 'cli/compile-failed', message };
    return { ok: false, diagnostics: [...parsed.warnings, d] };
  }
  // The compiled (canonical) scenario, as `envoy check` uses, so messages match the CLI word for word.
  const lint = lintScenario({ scenario: game.scenario, game, text, file }, budget);
  const diagnostics = sortDiagnostics([...parsed.warnings, ...lint.diagnostics]);
  return { ok: !hasErrors(diagnostics), diagnostics, game, search: lint.search };
}

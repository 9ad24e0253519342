/**
 * What every lint reads and writes: the validated scenario, its compiled game, and the list of
 * unlocated problems (data paths), which `index.ts` later turns into `file:line:col` diagnostics with
 * the same locator `validate` uses — so lints never deal with text positions themselves.
 */
import type { Game } from '../engine/index.ts';
import type { Anchor, PathSegment, Problem } from '../scenario/locate.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The inputs of every lint and where they report. */
export interface LintContext {
  /** The scenario as written (file order), for paths and messages. */
  s: Scenario;
  /** The compiled game, for anything the engine computes. */
  game: Game;
  out: Problem[];
}

/** Builds the context for one scenario. */
export function makeLintContext(s: Scenario, game: Game): LintContext {
  return { s, game, out: [] };
}

/** Records a lint warning at a node of the file (lints are advice: never errors). */
export function warn(
  ctx: LintContext,
  path: readonly PathSegment[],
  at: Anchor,
  code: string,
  message: string,
  hint?: string,
): void {
  const p: Problem = { path, at, severity: 'warning', code, message };
  if (hint !== undefined) p.hint = hint;
  ctx.out.push(p);
}

/** `1234567` → `1,234,567`, the same in every locale (messages must not depend on the machine). */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number in a message: at most two decimals, no trailing zeros (`0.62`, `0.4`, `1`). */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

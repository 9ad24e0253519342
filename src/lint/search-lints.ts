/**
 * Lints read off the engine search (`search.ts`): outcomes no explored game ended in, moves never legal
 * in any explored state, and dead ends (the engine ended a game early because no move was legal). Each
 * warning names the budget explored, because not finding something is evidence, not proof.
 */
import { type Action, expandTargets, type GameState, isActive, own } from '../engine/index.ts';
import type { Condition, Move } from '../scenario/schema.ts';
import { walkScenario } from '../scenario/walk.ts';
import { grouped, type LintContext, listing, warn } from './context.ts';
import type { SearchResult } from './search.ts';

/** `412 games / 6,000 actions, 2,310 distinct states`: how much the search explored. */
export function budgetText(r: SearchResult): string {
  return `${grouped(r.playouts)} game${r.playouts === 1 ? '' : 's'} / ${grouped(r.actions)} actions (${grouped(r.states)} distinct states)`;
}

/** Outcomes that no explored game ended in. */
export function lintUnreachedOutcomes(ctx: LintContext, r: SearchResult): void {
  for (const [i, o] of ctx.s.outcomes.entries()) {
    if (r.outcomes.has(o.id)) continue;
    const seen = listing([...r.outcomes.keys()].map((id) => `\`${id}\``));
    warn(
      ctx,
      ['outcomes', i, 'id'],
      'value',
      'lint/unreached-outcome',
      `outcome \`${o.id}\` was not reached in ${budgetText(r)} of seeded greedy, breadth-first and random play${seen ? `; games ended in ${seen}` : ''}`,
      'check its `when` (and that no earlier outcome always matches first); a longer search: --budget',
    );
  }
}

/** Flags some effect sets to each value. */
function flagWrites(ctx: LintContext): Map<string, Set<boolean>> {
  const out = new Map<string, Set<boolean>>();
  walkScenario(ctx.s, {
    effects(e) {
      for (const [f, v] of Object.entries(e.flags ?? {})) out.set(f, (out.get(f) ?? new Set()).add(v));
    },
  });
  return out;
}

/** A static reason a move can never be legal, when one can be named. */
function whyNever(ctx: LintContext, move: Move): string | undefined {
  if (move.to) {
    const parties = expandTargets(ctx.game, move.to);
    if (parties.length > 0 && parties.every((p) => !own(ctx.game.machines, p))) {
      return `none of the parties it reaches (${listing(parties.map((p) => `\`${p}\``))}) has a position machine, so nobody can hear it`;
    }
  }
  const writes = flagWrites(ctx);
  const check = (c: Condition | undefined): string | undefined => {
    if (!c) return undefined;
    for (const [f, v] of Object.entries(c.flags ?? {})) {
      const setTo = writes.get(f);
      if (v && !setTo?.has(true)) return `its \`when\` needs flag \`${f}\` to be true, but no effect sets it`;
    }
    for (const sub of c.all ?? []) {
      const found = check(sub);
      if (found) return found;
    }
    return undefined;
  };
  return check(move.when);
}

/** Moves that were legal in no explored state. */
export function lintNeverAvailableMoves(ctx: LintContext, r: SearchResult): void {
  for (const [id, move] of Object.entries(ctx.s.moves)) {
    if (r.available.has(id)) continue;
    // A seat nobody held moved by its auto policy, inside the engine: its menu was never the search's.
    if (!r.seats.includes(own(ctx.game.moveSeat, id) ?? ctx.game.playerId)) continue;
    const why = whyNever(ctx, move);
    warn(
      ctx,
      ['moves', id],
      'key',
      'lint/move-never-available',
      `move \`${id}\` was never available in ${budgetText(r)}${why ? `: ${why}` : ''}`,
      move.when ? 'check its `when` against what the game can reach' : 'check its `to` and `limit`',
    );
  }
}

function showAction(a: Action): string {
  const params = Object.entries(a.params).map(([k, v]) => `${k}=${v}`);
  return params.length > 0 ? `${a.move} ${params.join(' ')}` : a.move;
}

/** Why a move is not legal in a finished state (read from the data, as the engine would refuse it). */
function blocked(ctx: LintContext, s: GameState, id: string, move: Move): string {
  if (move.limit !== undefined && (own(s.used, id) ?? 0) >= move.limit)
    return `used up (limit ${move.limit})`;
  if (move.kind === 'vote' && s.vote !== null) return 'the vote was held';
  if (move.to) {
    const parties = expandTargets(ctx.game, move.to);
    const active = parties.filter((p) => isActive(ctx.game, s, p));
    if (active.length === 0) return `${listing(parties.map((p) => `\`${p}\``))} left the table`;
  }
  if (move.when) return 'its `when` does not hold';
  return 'nothing left to change';
}

/** Games the engine ended early because the player had no legal move left. */
export function lintDeadEnds(ctx: LintContext, r: SearchResult): void {
  const example = r.deadEnd;
  if (!example) return;
  const s = example.state;
  const round = Math.min(s.round, ctx.s.rounds);
  const path = example.actions.map(showAction).join(', ');
  const reasons = Object.entries(ctx.s.moves).map(([id, m]) => `\`${id}\` ${blocked(ctx, s, id, m)}`);
  warn(
    ctx,
    ['moves'],
    'key',
    'lint/dead-end',
    `dead end: in ${grouped(r.deadEnds)} of ${budgetText(r)} the player had no legal move in round ${round} of ${ctx.s.rounds} and the game ended early as \`${s.outcome}\`; e.g. after ${path || 'the opening'}: ${reasons.join('; ')}`,
    'add a move that stays available (e.g. one without `limit` or `when`), or end the game on purpose with `effects: { end: true }`',
  );
}

/**
 * Lints that read the scenario data alone (no play): position states nothing leads to, meters nothing
 * reads, and debriefs that leave out a party the outcome depends on. Cheap and exact, so they run first.
 */

import { own } from '../engine/index.ts';
import type { PathSegment } from '../scenario/locate.ts';
import type { PositionMachine } from '../scenario/schema.ts';
import { allStates, resolveTarget } from '../scenario/state-paths.ts';
import { partiesTested, walkScenario } from '../scenario/walk.ts';
import { type LintContext, listing, warn } from './context.ts';

/**
 * Top-level states reachable from the given starts by following `to:` of every transition, those of the
 * states nested inside a state included (a nested transition may lead out to a top-level state).
 */
function reachable(m: PositionMachine, starts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = starts.filter((s) => Object.hasOwn(m.states, s));
  for (const s of queue) seen.add(s);
  const inside = allStates(m);
  while (queue.length > 0) {
    const top = queue.shift() as string;
    for (const { path, parent, state } of inside) {
      if (path !== top && !path.startsWith(`${top}.`)) continue;
      for (const list of Object.values(state.on ?? {})) {
        for (const t of list) {
          const target = t.to === undefined ? undefined : resolveTarget(m, parent, t.to)?.split('.')[0];
          if (target !== undefined && !seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
    }
  }
  return seen;
}

function reportUnreached(
  ctx: LintContext,
  m: PositionMachine,
  path: readonly PathSegment[],
  owner: string,
  starts: readonly string[],
): void {
  const seen = reachable(m, starts);
  const from = listing([...new Set(starts)].map((s) => `\`${s}\``));
  for (const state of Object.keys(m.states)) {
    if (seen.has(state)) continue;
    warn(
      ctx,
      [...path, 'states', state],
      'key',
      'lint/unreachable-state',
      `position state \`${state}\` of ${owner} can never be entered: no chain of transitions leads to it from ${from}`,
      `add a transition with \`to: ${state}\` from a state that is reached, or remove the state`,
    );
  }
}

/** Position states (inline or in a template) that no chain of transitions reaches from a starting state. */
export function lintUnreachableStates(ctx: LintContext): void {
  const users = new Map<string, string[]>();
  for (const [id, party] of Object.entries(ctx.s.parties)) {
    if (party.position) {
      reportUnreached(ctx, party.position, ['parties', id, 'position'], `party \`${id}\``, [
        party.position.initial,
      ]);
    } else if (party.template !== undefined) {
      const template = own(ctx.s.templates, party.template);
      if (!template) continue;
      const list = users.get(party.template) ?? [];
      list.push(party.initial ?? template.initial);
      users.set(party.template, list);
    }
  }
  for (const [id, template] of Object.entries(ctx.s.templates ?? {})) {
    const starts = users.get(id);
    if (!starts) {
      warn(
        ctx,
        ['templates', id],
        'key',
        'lint/unreachable-state',
        `template \`${id}\` is used by no party, so none of its states is ever entered`,
        `give a party \`template: ${id}\`, or remove the template`,
      );
      continue;
    }
    reportUnreached(ctx, template, ['templates', id], `template \`${id}\``, starts);
  }
}

/** Meters that no condition, chance or preference reads: changing them changes nothing in play. */
export function lintUnusedMeters(ctx: LintContext): void {
  const read = new Set<string>();
  const written = new Map<string, number>();
  const write = (m: string) => written.set(m, (written.get(m) ?? 0) + 1);
  walkScenario(ctx.s, {
    condition(c) {
      for (const m of Object.keys(c.meters ?? {})) read.add(m);
      for (const test of Object.values(c.parties ?? {}))
        for (const m of Object.keys(test.meters ?? {})) read.add(m);
      if (typeof c.chance === 'object') for (const m of Object.keys(c.chance.per)) read.add(m);
    },
    effects(e) {
      for (const m of Object.keys(e.meters ?? {})) write(m);
      for (const deltas of Object.values(e.parties ?? {})) for (const m of Object.keys(deltas)) write(m);
    },
  });
  for (const party of Object.values(ctx.s.parties))
    for (const m of Object.keys(party.prefers?.flex ?? {})) read.add(m);
  for (const id of Object.keys(ctx.s.meters)) {
    if (read.has(id)) continue;
    const changes = written.get(id) ?? 0;
    const message =
      changes === 0
        ? `meter \`${id}\` is unused: nothing reads it and nothing changes it`
        : `meter \`${id}\` is never read: ${changes} effect${changes === 1 ? '' : 's'} change${changes === 1 ? 's' : ''} it, but no condition, \`chance.per\` or \`flex\` looks at it, so its value never changes how a party responds or how the game ends`;
    warn(
      ctx,
      ['meters', id],
      'key',
      'lint/unused-meter',
      message,
      `test it in a \`when\` (e.g. \`meters: { ${id}: { atLeast: 2 } }\`), use it in \`flex\` or \`chance.per\`, or remove it`,
    );
  }
}

/**
 * Debriefs that say nothing about a counterpart their outcome depends on (the `when` tests it), and a
 * historical outcome that cites no source though the scenario lists sources.
 */
export function lintDebriefs(ctx: LintContext): void {
  const player = ctx.s.player.party;
  for (const [i, outcome] of ctx.s.outcomes.entries()) {
    const explained = new Set(Object.keys(outcome.debrief.parties ?? {}));
    const missing = [...partiesTested(outcome.when ?? {})].filter(
      (p) => p !== player && Object.hasOwn(ctx.s.parties, p) && !explained.has(p),
    );
    if (missing.length > 0) {
      const path: PathSegment[] = outcome.debrief.parties
        ? ['outcomes', i, 'debrief', 'parties']
        : ['outcomes', i, 'debrief'];
      const names = listing(missing.map((p) => `\`${p}\``));
      warn(
        ctx,
        path,
        'key',
        'lint/missing-debrief',
        `outcome \`${outcome.id}\` depends on ${names} (its \`when\` tests ${missing.length === 1 ? 'it' : 'them'}) but its debrief does not say why ${missing.length === 1 ? 'that party' : 'they'} moved`,
        `add \`debrief.parties.${missing[0]}\`: a sentence on why ${missing[0]} acted as it did`,
      );
    }
    const hasSources = Object.keys(ctx.s.sources ?? {}).length > 0;
    if (outcome.historical && hasSources && (outcome.debrief.sources ?? []).length === 0) {
      warn(
        ctx,
        ['outcomes', i, 'debrief'],
        'key',
        'lint/missing-debrief',
        `outcome \`${outcome.id}\` is what really happened but its debrief cites no source`,
        'add `debrief.sources` with the ids of the sources that record it',
      );
    }
  }
}

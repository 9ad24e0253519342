/**
 * Visits every condition and effect of a scenario with its data path and the party it speaks about, so
 * whatever asks "does anything read this meter / set this flag / test this party?" (the lints, the page's
 * choice of meters to show) shares one walk and cannot forget a place (a nested `any`, a template's
 * transition, a party's drift, the vote's `callAtEnd`).
 */
import type { PathSegment } from './locate.ts';
import type { Condition, Effects, PositionMachine, Scenario } from './schema.ts';
import { allStates } from './state-paths.ts';

/** A condition or effect and where it sits; `self` is the party its bare `meters` refer to (null: the player). */
export interface Place {
  path: readonly PathSegment[];
  self: string | null;
}

/** Callbacks of a walk; both optional. */
export interface Visitor {
  condition?(c: Condition, at: Place): void;
  effects?(e: Effects, at: Place): void;
}

function walkCondition(c: Condition, at: Place, v: Visitor): void {
  v.condition?.(c, at);
  for (const key of ['any', 'all'] as const) {
    for (const [i, sub] of (c[key] ?? []).entries())
      walkCondition(sub, { path: [...at.path, key, i], self: at.self }, v);
  }
  if (c.not) walkCondition(c.not, { path: [...at.path, 'not'], self: at.self }, v);
}

function walkMachine(
  m: PositionMachine,
  path: readonly PathSegment[],
  self: string | null,
  v: Visitor,
): void {
  // Nested states and regions too: every state at its path (`states.stance.states.bases…`).
  for (const { path: at, state: def } of allStates(m)) {
    const statePath = at.split('.').flatMap((id) => ['states', id]);
    for (const [event, list] of Object.entries(def.on ?? {})) {
      for (const [i, t] of list.entries()) {
        const here = [...path, ...statePath, 'on', event, i];
        if (t.when) walkCondition(t.when, { path: [...here, 'when'], self }, v);
        if (t.effects) v.effects?.(t.effects, { path: [...here, 'effects'], self });
      }
    }
  }
}

/**
 * Walks the whole scenario. Template transitions are visited once with `self: '*'` (any party using
 * the template); a party's `drift` is reported as effects on that party.
 */
export function walkScenario(s: Scenario, v: Visitor): void {
  for (const [id, party] of Object.entries(s.parties)) {
    if (party.position) walkMachine(party.position, ['parties', id, 'position'], id, v);
    if (party.drift) v.effects?.({ meters: party.drift }, { path: ['parties', id, 'drift'], self: id });
  }
  for (const [id, t] of Object.entries(s.templates ?? {})) walkMachine(t, ['templates', id], '*', v);
  for (const [id, move] of Object.entries(s.moves)) {
    // A move's bare `meters` are its mover's: the player (null) or the seat named in `by`.
    const self = move.by !== undefined && move.by !== s.player.party ? move.by : null;
    if (move.when) walkCondition(move.when, { path: ['moves', id, 'when'], self }, v);
    if (move.effects) v.effects?.(move.effects, { path: ['moves', id, 'effects'], self });
  }
  for (const [i, ev] of (s.events ?? []).entries()) {
    if (ev.when) walkCondition(ev.when, { path: ['events', i, 'when'], self: null }, v);
    if (ev.effects) v.effects?.(ev.effects, { path: ['events', i, 'effects'], self: null });
  }
  for (const [i, o] of s.outcomes.entries()) {
    if (o.when) walkCondition(o.when, { path: ['outcomes', i, 'when'], self: null }, v);
  }
  const callAtEnd = s.vote?.callAtEnd;
  if (typeof callAtEnd === 'object') {
    walkCondition(callAtEnd.when, { path: ['vote', 'callAtEnd', 'when'], self: null }, v);
  }
}

/** The parties a condition names directly (`parties:`, `agreed:`, `vote.ballots`), nested ones included. */
export function partiesTested(c: Condition): Set<string> {
  const out = new Set<string>();
  walkCondition(
    c,
    { path: [], self: null },
    {
      condition(sub) {
        for (const p of Object.keys(sub.parties ?? {})) out.add(p);
        for (const p of Object.keys(sub.agreed ?? {})) out.add(p);
        for (const p of Object.keys(sub.vote?.ballots ?? {})) out.add(p);
      },
    },
  );
  return out;
}

/**
 * Cross-checks of conditions (`when:`), recursively through `any`/`all`/`not`. What a key may name depends
 * on where the condition sits: a party's transition has a roll, an offer and a machine; a move's `when`
 * is about the player; events and outcomes see only the shared game state.
 */

import {
  type CheckContext,
  checkOptions,
  checkRef,
  entries,
  machineOf,
  type Names,
  report,
} from './check-context.ts';
import type { PathSegment } from './locate.ts';
import { judgedEvents } from './move-kinds.ts';
import type { Condition } from './schema.ts';
import { positionNames } from './state-paths.ts';

/** Where a condition is written, which decides the keys it may use and what `position` refers to. */
export type ConditionPlace =
  | { kind: 'transition'; states: Names; event: string }
  | { kind: 'move'; playerStates: Names | undefined }
  | { kind: 'event' }
  | { kind: 'outcome' };

const PARTY_ONLY = ['chance', 'meters', 'position', 'verdict', 'utility', 'margin', 'param'] as const;
const NOT_IN_MOVE = ['chance', 'verdict', 'utility', 'margin', 'param'] as const;
const OFFER_ONLY = ['verdict', 'utility', 'margin'] as const;

function misplaced(
  ctx: CheckContext,
  cond: Condition,
  path: readonly PathSegment[],
  place: ConditionPlace,
): Set<string> {
  const bad = new Set<string>();
  if (place.kind === 'event' || place.kind === 'outcome') {
    for (const key of PARTY_ONLY) {
      if (cond[key] === undefined) continue;
      bad.add(key);
      const hint =
        key === 'meters' || key === 'position'
          ? `name the party: \`parties: { <party>: { ${key}: … } }\``
          : undefined;
      report(
        ctx,
        [...path, key],
        'key',
        'error',
        'check/condition-context',
        `\`${key}\` is only allowed inside a party's transition, not in ${place.kind === 'event' ? "an event's" : "an outcome's"} \`when\``,
        hint,
      );
    }
  } else if (place.kind === 'move') {
    for (const key of NOT_IN_MOVE) {
      if (cond[key] === undefined) continue;
      bad.add(key);
      const why = key === 'param' ? 'its parameters are not chosen yet' : 'there is no roll or offer there';
      report(
        ctx,
        [...path, key],
        'key',
        'error',
        'check/condition-context',
        `\`${key}\` cannot be used in a move's \`when\`: ${why}`,
      );
    }
  } else if (!judgedEvents(ctx.s).has(place.event)) {
    for (const key of OFFER_ONLY) {
      if (cond[key] === undefined) continue;
      report(
        ctx,
        [...path, key],
        'key',
        'warning',
        'check/offer-only',
        `\`${key}\` is only known when an offer is proposed, but this transition listens to \`${place.event}\``,
        'use it under `offer.proposed`',
      );
    }
  }
  return bad;
}

function checkParam(
  ctx: CheckContext,
  param: Record<string, string | string[]>,
  path: readonly PathSegment[],
): void {
  const names = [...ctx.params.keys(), 'to', 'issue', 'option'];
  for (const [name, value] of Object.entries(param)) {
    if (!checkRef(ctx, [...path, name], 'key', name, names, 'move parameter %', 'ref/unknown-param'))
      continue;
    const valid =
      name === 'to'
        ? ctx.targets
        : name === 'issue'
          ? ctx.issues
          : name === 'option'
            ? ctx.options
            : [...(ctx.params.get(name) ?? [])];
    for (const [v, at] of entries(value, [...path, name]))
      checkRef(ctx, at, 'value', v, valid, `option % of parameter "${name}"`, 'ref/unknown-option');
  }
}

function checkPositions(
  ctx: CheckContext,
  value: string | string[],
  path: readonly PathSegment[],
  states: Names | undefined,
  owner: string,
): void {
  if (states === undefined) {
    report(
      ctx,
      path,
      'key',
      'error',
      'ref/no-machine',
      `${owner} has no position machine, so it has no position to test`,
    );
    return;
  }
  for (const [state, at] of entries(value, path))
    checkRef(ctx, at, 'value', state, states, 'state', 'ref/unknown-state');
}

/** Checks one condition and everything nested in it. */
export function checkCondition(
  ctx: CheckContext,
  cond: Condition,
  path: readonly PathSegment[],
  place: ConditionPlace,
): void {
  const bad = misplaced(ctx, cond, path, place);
  const { s } = ctx;
  if (cond.chance !== undefined && typeof cond.chance === 'object' && !bad.has('chance')) {
    for (const meter of Object.keys(cond.chance.per))
      checkRef(ctx, [...path, 'chance', 'per', meter], 'key', meter, ctx.meters, 'meter');
  }
  if (cond.param && !bad.has('param')) checkParam(ctx, cond.param, [...path, 'param']);
  if (cond.meters && !bad.has('meters')) {
    for (const meter of Object.keys(cond.meters))
      checkRef(ctx, [...path, 'meters', meter], 'key', meter, ctx.meters, 'meter');
  }
  if (cond.position !== undefined && !bad.has('position')) {
    const states =
      place.kind === 'transition' ? place.states : place.kind === 'move' ? place.playerStates : undefined;
    checkPositions(
      ctx,
      cond.position,
      [...path, 'position'],
      states,
      place.kind === 'move' ? "the player's party" : 'this party',
    );
  }
  for (const [party, test] of Object.entries(cond.parties ?? {})) {
    const at = [...path, 'parties', party];
    if (!checkRef(ctx, at, 'key', party, ctx.parties, 'party')) continue;
    if (test.position !== undefined) {
      const machine = machineOf(ctx, party);
      checkPositions(
        ctx,
        test.position,
        [...at, 'position'],
        machine && positionNames(machine),
        `party "${party}"`,
      );
    }
    for (const meter of Object.keys(test.meters ?? {}))
      checkRef(ctx, [...at, 'meters', meter], 'key', meter, ctx.meters, 'meter');
  }
  for (const [issue, value] of Object.entries(cond.table ?? {})) {
    if (checkRef(ctx, [...path, 'table', issue], 'key', issue, ctx.issues, 'issue'))
      checkOptions(ctx, issue, value, [...path, 'table', issue]);
  }
  for (const [party, terms] of Object.entries(cond.agreed ?? {})) {
    const at = [...path, 'agreed', party];
    if (!checkRef(ctx, at, 'key', party, ctx.parties, 'party')) continue;
    for (const [issue, value] of Object.entries(terms)) {
      if (checkRef(ctx, [...at, issue], 'key', issue, ctx.issues, 'issue'))
        checkOptions(ctx, issue, value, [...at, issue]);
    }
  }
  if (cond.vote !== undefined) {
    if (!s.vote) {
      report(
        ctx,
        [...path, 'vote'],
        'key',
        'error',
        'ref/no-vote',
        'this condition tests the vote, but the scenario has no top-level `vote` block',
      );
    } else {
      const members = s.vote.members;
      for (const member of Object.keys(cond.vote.ballots ?? {})) {
        checkRef(
          ctx,
          [...path, 'vote', 'ballots', member],
          'key',
          member,
          members,
          'vote member %',
          'ref/unknown-member',
        );
      }
    }
  }
  for (const move of Object.keys(cond.used ?? {}))
    checkRef(ctx, [...path, 'used', move], 'key', move, ctx.moves, 'move');
  for (const [i, c] of (cond.any ?? []).entries()) checkCondition(ctx, c, [...path, 'any', i], place);
  for (const [i, c] of (cond.all ?? []).entries()) checkCondition(ctx, c, [...path, 'all', i], place);
  if (cond.not) checkCondition(ctx, cond.not, [...path, 'not'], place);
}

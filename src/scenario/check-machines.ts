/**
 * Cross-checks of position machines (inline or templates) and of effects: transitions must lead to states
 * of the same machine, and every event a machine waits for must be sent by something, or the party can
 * never move — a silent bug an author would otherwise only find by playing.
 */

import { checkCondition } from './check-conditions.ts';
import { type CheckContext, checkRef, report } from './check-context.ts';
import type { PathSegment } from './locate.ts';
import { kindOf } from './move-kinds.ts';
import type { Effects, PositionMachine, PositionState } from './schema.ts';
import { allStates, positionNames, resolveTarget, stateAt } from './state-paths.ts';
import { didYouMean } from './suggest.ts';

/** Events sent during play; the built-in ones exist only when something in the scenario triggers them. */
export function sentEvents(ctx: CheckContext): Set<string> {
  const sent = new Set<string>(['round.ended']);
  for (const move of Object.values(ctx.s.moves)) {
    const event = kindOf(move).sends(move);
    if (event !== null) sent.add(event);
    if (move.self) sent.add(move.self);
  }
  for (const event of ctx.s.events ?? []) if (event.send) sent.add(event.send.event);
  if (ctx.s.vote?.callAtEnd !== undefined && ctx.s.vote.callAtEnd !== false) sent.add('vote.called');
  return sent;
}

/** Meter changes name declared meters; party changes name declared parties. */
export function checkEffects(ctx: CheckContext, effects: Effects, path: readonly PathSegment[]): void {
  for (const meter of Object.keys(effects.meters ?? {}))
    checkRef(ctx, [...path, 'meters', meter], 'key', meter, ctx.meters, 'meter');
  for (const [party, changes] of Object.entries(effects.parties ?? {})) {
    if (!checkRef(ctx, [...path, 'parties', party], 'key', party, ctx.parties, 'party')) continue;
    for (const meter of Object.keys(changes))
      checkRef(ctx, [...path, 'parties', party, meter], 'key', meter, ctx.meters, 'meter');
  }
}

function unsentHint(event: string, sent: Set<string>): string {
  if (event === 'offer.proposed') return 'add a move with `kind: propose`';
  if (event === 'vote.called') return 'add a move with `kind: vote`, or `callAtEnd: true` in `vote`';
  return didYouMean(event, sent) ?? 'send it from a move (`sends:`) or an event (`send:`)';
}

/**
 * Checks one machine: its initial state, the `initial` of every state with states of its own, every
 * transition target, effect and condition, in nested states too.
 */
export function checkMachine(
  ctx: CheckContext,
  machine: PositionMachine,
  path: readonly PathSegment[],
  sent: Set<string>,
): void {
  const states = positionNames(machine);
  const top = new Set(Object.keys(machine.states));
  checkRef(ctx, [...path, 'initial'], 'value', machine.initial, top, 'state', 'ref/unknown-state');
  for (const { path: at, parent, state } of allStates(machine)) {
    const statePath = [...path, ...at.split('.').flatMap((id) => ['states', id])];
    const name = at;
    checkNesting(ctx, state, statePath, name);
    if (state.final && state.on) {
      report(
        ctx,
        [...statePath, 'on'],
        'key',
        'warning',
        'check/final-with-transitions',
        `state "${name}" is final, so its transitions never run`,
        'remove `on`, or `final: true`',
      );
    }
    for (const [event, transitions] of Object.entries(state.on ?? {})) {
      const eventPath = [...statePath, 'on', event];
      if (!sent.has(event))
        report(
          ctx,
          eventPath,
          'key',
          'warning',
          'ref/unsent-event',
          `nothing sends \`${event}\``,
          unsentHint(event, sent),
        );
      transitions.forEach((t, i) => {
        const tPath = [...eventPath, i];
        if (t.to !== undefined && resolveTarget(machine, parent, t.to) === undefined) {
          const near = new Set(
            Object.keys((parent === '' ? machine : stateAt(machine, parent))?.states ?? {}),
          );
          checkRef(ctx, [...tPath, 'to'], 'value', t.to, near, 'state', 'ref/unknown-state');
        }
        if (t.effects) checkEffects(ctx, t.effects, [...tPath, 'effects']);
        if (t.when) checkCondition(ctx, t.when, [...tPath, 'when'], { kind: 'transition', states, event });
      });
    }
  }
}

/** A state with states of its own: one `initial` among them, or `type: parallel` (regions) and none. */
function checkNesting(
  ctx: CheckContext,
  state: PositionState,
  at: readonly PathSegment[],
  name: string,
): void {
  const children = new Set(Object.keys(state.states ?? {}));
  if (state.type === 'parallel' || state.initial !== undefined) {
    if (children.size === 0) {
      const what = state.type === 'parallel' ? '`type: parallel`' : '`initial`';
      report(
        ctx,
        [...at, state.type === 'parallel' ? 'type' : 'initial'],
        'key',
        'error',
        'check/no-substates',
        `state "${name}" has ${what} but no \`states\``,
        'add `states:` inside it, or remove the key',
      );
      return;
    }
  }
  if (children.size === 0) return;
  if (state.final)
    report(
      ctx,
      [...at, 'final'],
      'key',
      'error',
      'check/final-with-states',
      `state "${name}" has states of its own, so it cannot be final`,
      'mark one of its states `final: true` instead',
    );
  if (state.type === 'parallel') {
    if (state.initial !== undefined)
      report(
        ctx,
        [...at, 'initial'],
        'key',
        'error',
        'check/parallel-initial',
        `state "${name}" is parallel: all its regions are active at once, so it has no \`initial\``,
        'remove `initial`',
      );
    return;
  }
  if (state.initial === undefined) {
    report(
      ctx,
      [...at, 'states'],
      'key',
      'error',
      'check/missing-initial',
      `state "${name}" has states of its own but no \`initial\``,
      `add \`initial: ${[...children][0]}\` (the state entered first), or \`type: parallel\` for regions`,
    );
    return;
  }
  checkRef(ctx, [...at, 'initial'], 'value', state.initial, children, 'state', 'ref/unknown-state');
}

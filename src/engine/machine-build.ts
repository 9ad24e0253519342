/**
 * Builds the XState machine of a position definition: named, data-driven guards (`when`) and actions
 * (`own`, an `assign` of the party's own variables; `respond`, which records the scenario transition taken),
 * nested states and parallel regions, targets made absolute (`#machine.path`).
 */
import { type AnyStateMachine, assign, setup } from 'xstate';
import type { PositionMachine, PositionState, Scenario, Transition } from '../scenario/schema.ts';
import { resolveTarget } from '../scenario/state-paths.ts';
import { evalCondition } from './conditions.ts';
import type { PartyEvent, PositionMeta, TransitionRef } from './machine.ts';
import { updateContext } from './party-state.ts';
import type { PartyContext } from './types.ts';

/** The context a snapshot is resolved with before a party's own context is swapped in. */
export const EMPTY: PartyContext = Object.freeze({ meters: Object.freeze({}) }) as PartyContext;

/** What the machine's `own` action does: the transition's effects on the party's own variables. */
export interface OwnEffects {
  meters?: Record<string, number>;
  agree?: true;
}

/** Builds the XState machine for one position definition. Guards and actions are named and data-driven. */
export function buildMachine(id: string, def: PositionMachine, meters: Scenario['meters']): AnyStateMachine {
  const states: Record<string, object> = {};
  for (const [stateId, st] of Object.entries(def.states))
    states[stateId] = compileState(id, def, stateId, '', st);
  return setup({
    types: {} as { context: PartyContext; events: PartyEvent },
    guards: {
      when: ({ event }, params: { cond: NonNullable<Transition['when']> }) =>
        evalCondition(params.cond, event.ctx),
    },
    actions: {
      // The party's own variables: its meters (clamped) and, on `agree`, the package on the table.
      own: assign(({ context, event }, params: OwnEffects) =>
        updateContext(meters, context, params.meters, params.agree ? event.ctx.state.table : null),
      ),
      // Records which scenario transition was taken (transition() executes nothing; the engine reads it).
      respond: (_args, _params: TransitionRef) => undefined,
    },
  }).createMachine({
    id,
    context: EMPTY,
    initial: def.initial,
    states: states as never,
  }) as unknown as AnyStateMachine;
}

/** One state node: its transitions (targets made absolute), nesting, finality and meta. */
function compileState(
  machineId: string,
  def: PositionMachine,
  id: string,
  parent: string,
  st: PositionState,
): object {
  const path = parent === '' ? id : `${parent}.${id}`;
  const on: Record<string, object[]> = {};
  for (const [event, list] of Object.entries(st.on ?? {})) {
    on[event] = list.map((t, index) => {
      const own: OwnEffects = {};
      if (t.effects?.meters) own.meters = t.effects.meters;
      if (t.effects?.agree) own.agree = true;
      const target = t.to === undefined ? undefined : resolveTarget(def, parent, t.to);
      return {
        ...(target !== undefined ? { target: `#${machineId}.${target}` } : {}),
        ...(t.when !== undefined ? { guard: { type: 'when', params: { cond: t.when } } } : {}),
        actions: [
          ...(own.meters || own.agree ? [{ type: 'own', params: own }] : []),
          { type: 'respond', params: { state: path, event, index } satisfies TransitionRef },
        ],
      };
    });
  }
  const meta: PositionMeta = {};
  if (st.vote !== undefined) meta.vote = st.vote;
  if (st.score !== undefined) meta.score = st.score;
  const node: Record<string, unknown> = { meta, on };
  if (st.final) node.type = 'final';
  if (st.states) {
    const children: Record<string, object> = {};
    for (const [cid, child] of Object.entries(st.states))
      children[cid] = compileState(machineId, def, cid, path, child);
    node.states = children;
    if (st.type === 'parallel') node.type = 'parallel';
    else node.initial = st.initial;
  }
  return node;
}

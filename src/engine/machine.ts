/**
 * A party's position as an XState machine, stepped purely. The machine's context holds the party's own
 * variables (its meters, what it agreed: PartyContext); a transition's own effects are the machine's
 * `assign` action (`own`), built from the transition's `effects`; a `respond` action records which scenario
 * transition was taken, so the engine applies its effects on the world (flags, other parties, `end`).
 * States may nest (`initial` + `states`) or have regions (`type: parallel`).
 *
 * Pure: no actor ever runs. A snapshot is rebuilt from the stored `{ value, context }` (`resolveState` once
 * per value, then the context swapped in as XState's own snapshot clone does), and `machine.transition`
 * runs with an inert scope that records actions instead of executing them.
 */
import { type AnyStateMachine, createActor } from 'xstate';
import { canonicalJson } from '../core/hash.ts';
import { own } from '../core/own.ts';
import type { PositionMachine, PositionState, Scenario, Transition } from '../scenario/schema.ts';
import { isNested, pathTails, stateAt } from '../scenario/state-paths.ts';
import type { CondContext } from './conditions.ts';
import { buildMachine, EMPTY, type OwnEffects } from './machine-build.ts';
import { canonicalContext } from './party-state.ts';
import type { PartyContext, PositionValue, StoredPosition } from './types.ts';

/** The event every party machine receives: a type plus the context its guards read. */
export interface PartyEvent {
  type: string;
  ctx: CondContext;
}

/** A position's data as its XState state node carries it in `meta`. */
export interface PositionMeta {
  vote?: 'yes' | 'no' | 'abstain';
  score?: number;
}

/** Where a transition taken by a machine is described in the scenario: the state's path, event, index. */
export interface TransitionRef {
  state: string;
  event: string;
  index: number;
}

/** One step of a machine: where it stands now, and the scenario transitions taken (several in regions). */
export interface Step {
  position: StoredPosition;
  refs: TransitionRef[];
}

/** A compiled position machine shared by every party that uses it (a template or an inline position). */
export interface CompiledMachine {
  machine: AnyStateMachine;
  def: PositionMachine;
  /** Whether states nest: values are then objects. */
  nested: boolean;
  /** Events some state of this machine handles: others never reach it (no roll, no log line). */
  handled: ReadonlySet<string>;
  /** The value the machine starts in from a top-level state (its `initial` states filled in). */
  valueFrom(state: string): PositionValue;
  /** Whether the machine is done in this position: XState's snapshot status. */
  isFinal(value: PositionValue): boolean;
  /**
   * What the position says about itself, from its active state nodes' XState `meta`: the ballot of the
   * first active state (outer before inner, in file order) that gives one; the sum of their scores.
   */
  metaOf(value: PositionValue): PositionMeta;
  /** Whether `name` is the path of an active state or a tail of one (`stance.bases.open`, `bases.open`, `open`). */
  matches(value: PositionValue, name: string): boolean;
  /** Whether some active state may handle the event (false: the step would do nothing). */
  mayHandle(value: PositionValue, event: string): boolean;
  /** The scenario transition a ref names (looked up once per ref: refs are the compiled machine's own). */
  transitionOf(ref: TransitionRef): Transition | undefined;
  /** Advances the machine purely: (stored snapshot, event) → next stored snapshot and transitions taken. */
  step(position: StoredPosition, event: PartyEvent): Step;
}

/** A cache bound: memo tables are dropped and rebuilt when they grow past it (long simulations). */
const MEMO_LIMIT = 20000;

/**
 * The stored snapshot after a memoised step: the very same object when nothing changed (so the party record
 * stays shared between states), the input context when the memo's is equal to it.
 */
function settle(
  position: StoredPosition,
  context: PartyContext,
  value: PositionValue,
  unchanged: boolean,
): StoredPosition {
  const same = unchanged || context === position.context;
  if (same && value === position.value) return position;
  return { context: same ? position.context : context, value };
}

/** A context's content as a memo key: its meter values (in the fixed meter order) and its agreement. */
function contextKey(context: PartyContext): string {
  const meters = Object.values(context.meters).join(',');
  return context.agreed === undefined ? meters : `${meters}|${Object.values(context.agreed).join(',')}`;
}

const NO_TABLE: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** A memo key for an `agree` step: the context's and the package on the table. */
function tableKey(contextKey: string, table: Record<string, string>): string {
  return `${contextKey}|${Object.values(table).join(',')}`;
}

/** What taking one transition of a flat machine gives, and the last context it was taken from. */
interface Outcome {
  value: PositionValue;
  refs: TransitionRef[];
  own: OwnEffects | null;
  last: {
    input: PartyContext;
    output: PartyContext;
    table: Record<string, string>;
    unchanged: boolean;
  } | null;
}

/** The key of a value in caches: the state id, or the canonical JSON of a nested value. */
function keyOf(value: PositionValue): string {
  return typeof value === 'string' ? value : canonicalJson(value);
}

/** The recorder XState's `transition` reports actions to, and the inert scope around it. */
function inertScope(machine: AnyStateMachine, recorded: { type: string; params?: unknown }[]) {
  const self = createActor(machine);
  return {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: (a: { type: string; params?: unknown }) => {
      recorded.push(a);
    },
  };
}

/**
 * Wraps a machine in a pure step function. Memoised where it pays: XState selects the enabled transitions
 * every time (the guards read the turn's state and roll); what taking them gives depends only on them,
 * the value (nested machines) and the context (plus the table, for `agree`), so results are kept per
 * (transition, context content) for flat machines; nested machines take the full XState step every time.
 */
export function compileMachine(
  id: string,
  def: PositionMachine,
  meters: Scenario['meters'],
): CompiledMachine {
  const machine = buildMachine(id, def, meters);
  const nested = isNested(def);
  const recorded: { type: string; params?: unknown }[] = [];
  const scope = inertScope(machine, recorded);
  type Snapshot = ReturnType<AnyStateMachine['resolveState']>;
  const snapshots = new Map<string, Snapshot>();
  const snapshotOf = (value: PositionValue): Snapshot => {
    const key = keyOf(value);
    let snap = snapshots.get(key);
    if (!snap) {
      snap = machine.resolveState({ value, context: EMPTY });
      snapshots.set(key, snap);
    }
    return snap;
  };
  // Flat machines: the positions whose snapshot XState reports as done, found once.
  const finals = new Set<string>();
  if (!nested)
    for (const value of Object.keys(def.states)) if (snapshotOf(value).status === 'done') finals.add(value);
  const metas = new Map<string, PositionMeta>();
  const active = new Map<string, Set<string>>();
  const handled = new Set<string>();
  const visit = (states: Record<string, PositionState>) => {
    for (const st of Object.values(states)) {
      for (const ev of Object.keys(st.on ?? {})) handled.add(ev);
      if (st.states) visit(st.states);
    }
  };
  visit(def.states);
  // Flat machines: the value after each transition (with its refs); then the context, per context object.
  const outcomes = new Map<unknown, Outcome>();
  const refs = new WeakMap<TransitionRef, Transition | undefined>();
  let contexts = new Map<object, Map<string, { context: PartyContext; unchanged: boolean }>>();
  let size = 0;
  const run = (position: StoredPosition, event: PartyEvent): Step => {
    // The stored snapshot rebuilt: the value's resolved snapshot with this party's context swapped in (what
    // XState's own snapshot clone does, without resolving the state nodes again).
    const snapshot = { ...snapshotOf(position.value), context: position.context } as Snapshot;
    recorded.length = 0;
    const next = machine.transition(snapshot, event, scope as never);
    const refs: TransitionRef[] = [];
    for (const a of recorded) if (a.type === 'respond') refs.push(a.params as TransitionRef);
    const c = canonicalContext(next.context as PartyContext);
    const same = c.meters === position.context.meters && c.agreed === position.context.agreed;
    const context = same ? position.context : c;
    const value = next.value as PositionValue;
    return {
      position: settle(
        position,
        context,
        keyOf(value) === keyOf(position.value) ? position.value : value,
        same,
      ),
      refs,
    };
  };
  return {
    machine,
    def,
    nested,
    handled,
    valueFrom: (state) => snapshotOf(state).value as PositionValue,
    isFinal: (value) =>
      typeof value === 'string' && !nested ? finals.has(value) : snapshotOf(value).status === 'done',
    metaOf(value) {
      const key = keyOf(value);
      let meta = metas.get(key);
      if (meta === undefined) {
        meta = {};
        if (typeof value !== 'string' || own(def.states, value) !== undefined) {
          for (const m of Object.values(snapshotOf(value).getMeta()) as PositionMeta[]) {
            if (m.vote !== undefined && meta.vote === undefined) meta.vote = m.vote;
            if (m.score !== undefined) meta.score = (meta.score ?? 0) + m.score;
          }
        }
        metas.set(key, meta);
      }
      return meta;
    },
    matches(value, name) {
      if (typeof value === 'string' && !nested) return value === name;
      const key = keyOf(value);
      let names = active.get(key);
      if (!names) {
        names = new Set();
        for (const node of snapshotOf(value)._nodes as { path: string[] }[]) {
          if (node.path.length === 0) continue;
          for (const tail of pathTails(node.path)) names.add(tail);
        }
        active.set(key, names);
      }
      return names.has(name);
    },
    transitionOf(ref) {
      if (refs.has(ref)) return refs.get(ref);
      const t = own(stateAt(def, ref.state)?.on, ref.event)?.[ref.index];
      refs.set(ref, t);
      return t;
    },
    mayHandle(value, event) {
      if (typeof value !== 'string' || nested) return handled.has(event);
      return own(own(def.states, value)?.on, event) !== undefined;
    },
    step(position, event) {
      // Selection: the guards read the event's context only, so the value's snapshot serves as it is.
      const enabled = machine.getTransitionData(snapshotOf(position.value), event);
      if (enabled.length === 0) return { position, refs: [] };
      if (nested || enabled.length !== 1) return run(position, event);
      const transition = enabled[0] as object;
      const known = outcomes.get(transition);
      if (known && !known.own)
        return { position: settle(position, position.context, known.value, true), refs: known.refs };
      // The package on the table matters only to an `agree` step (read only then).
      const table = (event.ctx.state as { table?: Record<string, string> } | undefined)?.table ?? NO_TABLE;
      if (known?.own) {
        // A lookahead steps the very same context again: identity first, then the context's content.
        const last = known.last;
        if (last && last.input === position.context && (!known.own.agree || last.table === table))
          return { position: settle(position, last.output, known.value, last.unchanged), refs: known.refs };
        const inKey = contextKey(position.context);
        const hit = contexts.get(transition)?.get(known.own.agree ? tableKey(inKey, table) : inKey);
        if (hit) {
          known.last = { input: position.context, output: hit.context, table, unchanged: hit.unchanged };
          return { position: settle(position, hit.context, known.value, hit.unchanged), refs: known.refs };
        }
      }
      const result = run(position, event);
      const ref = result.refs[0];
      const t = ref ? own(stateAt(def, ref.state)?.on, ref.event)?.[ref.index] : undefined;
      const effects: OwnEffects | null = t?.effects?.meters || t?.effects?.agree ? {} : null;
      if (effects && t?.effects?.agree) effects.agree = true;
      const outcome: Outcome = known ?? {
        value: result.position.value,
        refs: result.refs,
        own: effects,
        last: null,
      };
      outcomes.set(transition, outcome);
      if (!effects) return result;
      if (size++ > MEMO_LIMIT) {
        contexts = new Map();
        size = 0;
      }
      let byContext = contexts.get(transition);
      if (!byContext) {
        byContext = new Map();
        contexts.set(transition, byContext);
      }
      const inKey = contextKey(position.context);
      const unchanged = contextKey(result.position.context) === inKey;
      byContext.set(effects.agree ? tableKey(inKey, table) : inKey, {
        context: result.position.context,
        unchanged,
      });
      return result;
    },
  };
}

/** The scenario's description of a state of a machine, by its path. */
export function stateOf(def: PositionMachine | undefined, path: string): PositionState | undefined {
  return def ? stateAt(def, path) : undefined;
}

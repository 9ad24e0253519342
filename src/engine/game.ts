/**
 * compileGame: everything derived from a scenario, computed once — the XState position machines,
 * expanded blocs, ordered id lists. The state then only holds what changes.
 */
import { type AnyStateMachine, createActor, setup } from 'xstate';
import type { z } from 'zod';
import { canonicalJson, sha256Hex } from '../core/hash.ts';
import { dataOnly, dict, own } from '../core/own.ts';
import { judgedEvents } from '../scenario/move-kinds.ts';
import type { AutoPolicy, PositionMachine, PositionState, Scenario, Transition } from '../scenario/schema.ts';
import { rulesHash, textHash } from '../scenario/text-paths.ts';
import { type CondContext, evalCondition } from './conditions.ts';

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

/** Where a transition taken by a machine is described in the scenario. */
export interface TransitionRef {
  state: string;
  event: string;
  index: number;
}

/** A compiled position machine shared by every party that uses it (a template or an inline position). */
export interface CompiledMachine {
  machine: AnyStateMachine;
  def: PositionMachine;
  /** Events some state of this machine handles: others never reach it (no roll, no log line). */
  handled: ReadonlySet<string>;
  /** Whether the machine is done in this position: XState's snapshot status, not the scenario's flag. */
  isFinal(value: string): boolean;
  /** What the position says about itself (its ballot, its score), read from the state node's XState `meta`. */
  metaOf(value: string): PositionMeta;
  /** Advances the machine purely: (state value, event) → next value and the transition taken. */
  step(value: string, event: PartyEvent): { value: string; ref: TransitionRef | null };
}

/**
 * Wraps a machine in a pure step function. It does what xstate's `transition()` does — runs
 * `machine.transition` with an inert actor scope that records actions instead of running them — but
 * builds the scope and the resolved snapshot of each state once instead of on every call (`transition()`
 * creates a whole actor per call: ~20 µs). Context is always empty, so a state value fully determines
 * the snapshot.
 */
function compileMachine(id: string, def: PositionMachine): CompiledMachine {
  const machine = buildMachine(id, def);
  const recorded: { type: string; params?: unknown }[] = [];
  const self = createActor(machine);
  const scope = {
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
  const snapshots = new Map<string, ReturnType<AnyStateMachine['resolveState']>>();
  const snapshotOf = (value: string) => {
    let snap = snapshots.get(value);
    if (!snap) {
      snap = machine.resolveState({ value, context: {} });
      snapshots.set(value, snap);
    }
    return snap;
  };
  // The positions whose snapshot XState reports as done, found once per machine.
  const finals = new Set<string>();
  for (const value of Object.keys(def.states)) if (snapshotOf(value).status === 'done') finals.add(value);
  const metas = new Map<string, PositionMeta>();
  const handled = new Set<string>();
  for (const st of Object.values(def.states)) for (const ev of Object.keys(st.on ?? {})) handled.add(ev);
  // What taking a transition does, per transition XState selected (or per state when it selected none).
  // Context is always empty and the only action is `respond` with fixed params, so the microstep that
  // follows the selection depends on nothing else: XState computes it once per transition, not per turn.
  const outcomes = new Map<unknown, { value: string; ref: TransitionRef | null }>();
  return {
    machine,
    def,
    handled,
    isFinal: (value) => finals.has(value),
    metaOf(value) {
      let meta = metas.get(value);
      if (meta === undefined) {
        const all = own(def.states, value) === undefined ? {} : snapshotOf(value).getMeta();
        const found: PositionMeta = (all as Record<string, PositionMeta | undefined>)[`${id}.${value}`] ?? {};
        metas.set(value, found);
        meta = found;
      }
      return meta;
    },
    step(value, event) {
      const snapshot = snapshotOf(value);
      // XState selects the enabled transition every time (the guards read the turn's state and roll).
      const enabled = machine.getTransitionData(snapshot, event);
      const key = enabled.length === 0 ? value : enabled.length === 1 ? enabled[0] : null;
      const known = key === null ? undefined : outcomes.get(key);
      if (known) return known;
      recorded.length = 0;
      const next = machine.transition(snapshot, event, scope as never);
      let ref: TransitionRef | null = null;
      for (const a of recorded) if (a.type === 'respond') ref = a.params as TransitionRef;
      const outcome = { value: typeof next.value === 'string' ? next.value : value, ref };
      if (key !== null) outcomes.set(key, outcome);
      return outcome;
    },
  };
}

/** The compiled scenario: read-only lookups the engine needs at every turn. */
export interface Game {
  scenario: Scenario;
  /**
   * The rules hash: SHA-256 of the canonical JSON of the scenario without its words (text-paths.ts). The
   * game's identity in replays, codes and saves: rewording a debrief changes none of them; a weight does.
   */
  scenarioHash: string;
  /**
   * The hash version-1 files carry: of the whole canonical scenario, prose included. A version-1 replay or
   * save is matched by it.
   */
  legacyHash: string;
  /** SHA-256 of the scenario's wording alone: which words a replay was played with. */
  textHash: string;
  /** The player's party: the first seat, and the seat a game holds when none is named. */
  playerId: string;
  /** Every seat, the player's first, then the other seats in id order. */
  seatIds: string[];
  /** The order the seats move in, each round. */
  turnOrder: string[];
  /** Each seat's moves, in menu order. */
  seatMoves: Record<string, string[]>;
  /** Move id → the seat whose move it is. */
  moveSeat: Record<string, string>;
  /** How many moves each seat makes in its turn of a round. */
  seatMovesPerRound: Record<string, number>;
  /** The events on which a party judges the package (move-kinds.ts). */
  judged: ReadonlySet<string>;
  /** How each seat plays when nobody holds it. */
  auto: Record<string, z.infer<typeof AutoPolicy>>;
  /** All parties in declaration order (the order rolls are drawn in). */
  partyIds: string[];
  counterpartIds: string[];
  machines: Record<string, CompiledMachine | null>;
  /** Starting position of each party with a machine. */
  initialPosition: Record<string, string | null>;
  meterIds: string[];
  issueIds: string[];
  moveIds: string[];
  /** Party or bloc id → member party ids, in declaration order. */
  targets: Record<string, string[]>;
  movesPerRound: number;
}

/**
 * The keys of `items` in offering order: those `order` names first (once each, unknown ones skipped), then
 * the rest by id. Used for the move menu (`menu`) and for options (`order`); the order is scenario data, part
 * of its hash, so two files with the same hash always offer the same menus.
 */
export function listedFirst(items: Readonly<Record<string, unknown>>, order?: readonly string[]): string[] {
  const ids = Object.keys(items);
  const listed = (order ?? []).filter((id, i, all) => Object.hasOwn(items, id) && all.indexOf(id) === i);
  return [...listed, ...ids.filter((id) => !listed.includes(id))];
}

/** Builds the XState machine for one position definition. Guards and actions are named and data-driven. */
function buildMachine(id: string, def: PositionMachine): AnyStateMachine {
  const states: Record<string, object> = {};
  for (const [stateId, st] of Object.entries(def.states)) {
    states[stateId] = compileState(stateId, st);
  }
  return setup({
    types: {} as { context: Record<string, never>; events: PartyEvent },
    guards: {
      when: ({ event }, params: { cond: NonNullable<Transition['when']> }) =>
        evalCondition(params.cond, event.ctx),
    },
    actions: {
      // The engine applies the transition's effects itself from this reference (transition() runs nothing).
      respond: (_args, _params: TransitionRef) => undefined,
    },
  }).createMachine({
    id,
    context: {},
    initial: def.initial,
    states: states as never,
  }) as unknown as AnyStateMachine;
}

function compileState(stateId: string, st: PositionState): object {
  const on: Record<string, object[]> = {};
  for (const [event, list] of Object.entries(st.on ?? {})) {
    on[event] = list.map((t, index) => ({
      ...(t.to !== undefined ? { target: t.to } : {}),
      ...(t.when !== undefined ? { guard: { type: 'when', params: { cond: t.when } } } : {}),
      actions: [{ type: 'respond', params: { state: stateId, event, index } satisfies TransitionRef }],
    }));
  }
  const meta: PositionMeta = {};
  if (st.vote !== undefined) meta.vote = st.vote;
  if (st.score !== undefined) meta.score = st.score;
  return { ...(st.final ? { type: 'final' } : {}), meta, on };
}

/**
 * Compiles a validated scenario once; the result is shared by every game of it.
 *
 * The engine works on the scenario's canonical form (RFC 8785: map keys sorted), the same text its
 * identity hash is taken of. So the order in which a file lists its moves, parties or weights can never
 * change a game without changing the hash: two files with one hash play identically. Lists (events,
 * outcomes, `to`, members) keep their order, as canonical JSON does.
 */
export function compileGame(input: Scenario): Game {
  const text = canonicalJson(input);
  // Prototype-free: no id (`constructor`, say) can reach an inherited property of a scenario record.
  const scenario = dataOnly(input, text);
  const partyIds = Object.keys(scenario.parties);
  const playerId = scenario.player.party;
  const templates = dict<CompiledMachine>();
  for (const [tid, def] of Object.entries(scenario.templates ?? {})) {
    templates[tid] = compileMachine(`template.${tid}`, def);
  }
  const machines = dict<CompiledMachine | null>();
  const initialPosition = dict<string | null>();
  for (const [pid, party] of Object.entries(scenario.parties)) {
    if (party.position) {
      machines[pid] = compileMachine(`party.${pid}`, party.position);
      initialPosition[pid] = party.position.initial;
    } else if (party.template && own(templates, party.template)) {
      const t = own(templates, party.template) as CompiledMachine;
      machines[pid] = t;
      initialPosition[pid] = party.initial ?? t.def.initial;
    } else {
      machines[pid] = null;
      initialPosition[pid] = null;
    }
  }
  const targets = dict<string[]>();
  for (const pid of partyIds) targets[pid] = [pid];
  for (const [bid, bloc] of Object.entries(scenario.blocs ?? {})) {
    targets[bid] = partyIds.filter((p) => bloc.members.includes(p));
  }
  const seatIds = [playerId, ...Object.keys(scenario.seats ?? {}).filter((id) => id !== playerId)];
  const turnOrder = scenario.turns ? [...scenario.turns] : seatIds;
  const moveIds = listedFirst(scenario.moves, scenario.menu);
  const seatMoves = dict<string[]>();
  const moveSeat = dict<string>();
  const seatMovesPerRound = dict<number>();
  const auto = dict<z.infer<typeof AutoPolicy>>();
  for (const seat of seatIds) {
    seatMoves[seat] = moveIds.filter((m) => (own(scenario.moves, m)?.by ?? playerId) === seat);
    for (const m of own(seatMoves, seat) ?? []) moveSeat[m] = seat;
    const def = seat === playerId ? undefined : own(scenario.seats, seat);
    seatMovesPerRound[seat] = def?.movesPerRound ?? scenario.movesPerRound ?? 1;
    auto[seat] = (seat === playerId ? scenario.player.auto : def?.auto) ?? 'greedy';
  }
  const legacyHash = sha256Hex(text);
  return {
    scenario,
    scenarioHash: rulesHash(scenario),
    legacyHash,
    textHash: textHash(scenario),
    playerId,
    seatIds,
    turnOrder,
    seatMoves,
    moveSeat,
    seatMovesPerRound,
    auto,
    judged: judgedEvents(scenario),
    partyIds,
    counterpartIds: partyIds.filter((p) => p !== playerId),
    machines,
    initialPosition,
    meterIds: Object.keys(scenario.meters),
    issueIds: Object.keys(scenario.issues),
    moveIds,
    targets,
    movesPerRound: scenario.movesPerRound ?? 1,
  };
}

/** The scenario's description of a party's position state (from its inline machine or template). */
export function positionState(game: Game, party: string, state: string): PositionState | undefined {
  return own(own(game.machines, party)?.def.states, state);
}

/** The scenario transition a machine took, for its effects and reason. */
export function transitionAt(game: Game, party: string, ref: TransitionRef): Transition | undefined {
  return own(positionState(game, party, ref.state)?.on, ref.event)?.[ref.index];
}

/**
 * compileGame: everything derived from a scenario, computed once — the XState position machines,
 * expanded blocs, ordered id lists. The state then only holds what changes.
 */
import type { z } from 'zod';
import { canonicalJson, sha256Hex } from '../core/hash.ts';
import { dataOnly, dict, own } from '../core/own.ts';
import { judgedEvents } from '../scenario/move-kinds.ts';
import type { AutoPolicy, PositionState, Scenario, Transition } from '../scenario/schema.ts';
import { rulesHash, textHash } from '../scenario/text-paths.ts';
import { type CompiledMachine, compileMachine, stateOf, type TransitionRef } from './machine.ts';
import type { PartyState, PositionValue } from './types.ts';

export type { CompiledMachine, PartyEvent, PositionMeta, TransitionRef } from './machine.ts';

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
  initialPosition: Record<string, PositionValue | null>;
  /**
   * Each party's opening record (frozen, shared by every game of the scenario: states copy what they
   * change, and machine steps memoised on a context hit across games).
   */
  initialParties: Record<string, PartyState>;
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
    templates[tid] = compileMachine(`template:${tid}`, def, scenario.meters);
  }
  const machines = dict<CompiledMachine | null>();
  const initialPosition = dict<PositionValue | null>();
  for (const [pid, party] of Object.entries(scenario.parties)) {
    if (party.position) {
      const m = compileMachine(`party:${pid}`, party.position, scenario.meters);
      machines[pid] = m;
      initialPosition[pid] = m.valueFrom(party.position.initial);
    } else if (party.template && own(templates, party.template)) {
      const t = own(templates, party.template) as CompiledMachine;
      machines[pid] = t;
      initialPosition[pid] = t.valueFrom(party.initial ?? t.def.initial);
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
  const meterIds = Object.keys(scenario.meters);
  const initialParties = dict<PartyState>();
  for (const pid of partyIds) {
    const party = own(scenario.parties, pid);
    const meters: Record<string, number> = {};
    for (const m of meterIds) meters[m] = own(party?.meters, m) ?? own(scenario.meters, m)?.initial ?? 0;
    const value = own(initialPosition, pid) ?? null;
    // Keys in canonical order (hashing fast path): a party with a machine is its machine's snapshot.
    const record: PartyState =
      value === null ? { meters, position: null } : { position: { context: { meters }, value } };
    initialParties[pid] = deepFreeze(record);
  }
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
    initialParties,
    meterIds,
    issueIds: Object.keys(scenario.issues),
    moveIds,
    targets,
    movesPerRound: scenario.movesPerRound ?? 1,
  };
}

/** The scenario's description of a party's position state, by its path (`listening`, `stance.bases.open`). */
export function positionState(game: Game, party: string, state: PositionValue): PositionState | undefined {
  return typeof state === 'string' ? stateOf(own(game.machines, party)?.def, state) : undefined;
}

/** The scenario transition a machine took, for its effects and reason. */
export function transitionAt(game: Game, party: string, ref: TransitionRef): Transition | undefined {
  return own(positionState(game, party, ref.state)?.on, ref.event)?.[ref.index];
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(value);
}

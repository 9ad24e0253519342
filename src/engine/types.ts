/**
 * The engine's data types. GameState is plain JSON (it survives a JSON round trip and is hashed),
 * holds only what changes during a game, and never copies scenario data.
 */
import type { RngState } from './rng.ts';

/**
 * A seat's choice, as JSON: `{ "seat": "opposition", "move": "propose", "params": { "issue": "bases", "option":
 * "future-talks" } }`. Every action names the seat that makes it.
 */
export interface Action {
  seat: string;
  move: string;
  params: Record<string, string>;
}

/**
 * An action as a caller may hand it to `applyAction`: without a seat it is the seat to move's (the one-seat
 * callers of version 1 never name one). The engine checks the seat when one is given.
 */
export type ActionInput = Omit<Action, 'seat'> & { seat?: string };

/**
 * Where a position machine stands: a state id, or for a machine with nested states or regions, an object
 * from each active compound state to where it stands inside (`{ stance: { bases: 'open', strikes: 'on' } }`),
 * as XState gives it, keys in canonical order.
 */
export type PositionValue = string | { [state: string]: PositionValue };

/**
 * A party's own variables, kept in its machine's context and changed only by its machine's actions (or, for
 * effects from the world, by the same context update): its meters and the package it agreed to.
 */
export interface PartyContext {
  /** The package this party agreed to (issue → option); absent until it agrees (smaller states to hash). */
  agreed?: Record<string, string>;
  meters: Record<string, number>;
}

/** A party's machine snapshot as the state keeps it: `{ value, context }`, from which XState rebuilds it. */
export interface StoredPosition {
  context: PartyContext;
  value: PositionValue;
}

/**
 * One party at one moment. A party with a machine is its machine: `{ position }`, its meters and agreement in
 * the machine's context. A party without one keeps its meters (and, once it agrees, the package) here. Read
 * both through `metersOf` and `agreedOf` (party-state.ts).
 */
export interface PartyState {
  agreed?: Record<string, string>;
  meters?: Record<string, number>;
  position: StoredPosition | null;
}

/** The result of a roll call, kept once a vote has been held. */
export interface VoteState {
  ballots: Record<string, 'yes' | 'no' | 'abstain'>;
  yes: number;
  no: number;
  abstain: number;
  vetoedBy: string[];
  adopted: boolean;
}

/**
 * What happened during the latest turn, as references into the scenario (ids, not texts), so states
 * stay small and scenario-free; `describeLog` turns them into sentences.
 */
export type LogEntry =
  | { kind: 'round'; round: number }
  | { kind: 'event'; event: string }
  | {
      kind: 'move';
      seat: string;
      move: string;
      params: Record<string, string>;
      /** Set when nobody holds the seat and its `auto` strategy chose the move. */
      auto?: true;
    }
  | { kind: 'pass'; seat: string }
  | {
      kind: 'response';
      party: string;
      event: string;
      from: PositionValue;
      to: PositionValue;
      /** Index of the transition taken among its state's handlers for `event`, when one was. */
      via: number | null;
      /** The path of the state whose transition was taken, when it is not `from` (nested machines). */
      at?: string;
      verdict?: 'accept' | 'reject' | 'red-line';
      issue?: string;
      agreed?: boolean;
    }
  | { kind: 'vote'; yes: number; no: number; abstain: number; adopted: boolean; vetoedBy: string[] }
  | { kind: 'end'; outcome: string; reason: EndReason };

/** Why a game ended, so the debrief can say it. */
export type EndReason = 'rounds' | 'effect' | 'vote' | 'no-counterparts' | 'no-moves';

/** Everything that changes during a game. Plain JSON; hashed every turn. */
export interface GameState {
  format: 2;
  seed: string;
  /** The seats people hold, in seat order: part of the game's identity (a replay reproduces it). */
  seats: string[];
  rng: RngState;
  /** The stream seats nobody holds choose their moves from: never the world's, so rolls do not depend on it. */
  strategy: RngState;
  /** The seat whose turn it is; null once the game is over. */
  mover: string | null;
  /** Actions applied so far. */
  turn: number;
  /** 1-based; exceeds the round limit only once the game is over. */
  round: number;
  /** Moves the seat to move has made in its current turn of the round. */
  step: number;
  over: boolean;
  outcome: string | null;
  parties: Record<string, PartyState>;
  /** The package on the table: issue → option. */
  table: Record<string, string>;
  flags: Record<string, boolean>;
  /** How often each move was used. */
  used: Record<string, number>;
  vote: VoteState | null;
  /** What happened in the latest turn (turn 0: the opening events). */
  log: LogEntry[];
}

/** Engine errors are values with namespaced codes, never exceptions. */
export interface EngineError {
  code:
    | 'action/malformed'
    | 'action/unknown-move'
    | 'action/bad-param'
    | 'action/not-available'
    | 'action/game-over'
    | 'action/not-your-turn'
    | 'action/unknown-seat'
    | 'replay/bad-seed';
  message: string;
}

/** The outcome of a finished game, as the debrief and replay files report it. */
export interface OutcomeResult {
  id: string;
  tier: 'success' | 'partial' | 'failure';
  historical: boolean;
}

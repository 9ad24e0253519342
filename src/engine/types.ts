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

/** A party's position machine state as XState needs it back: only `{ value, context }` is kept. */
export interface StoredPosition {
  value: string;
  context: Record<string, never>;
}

/** One party at one moment: where its machine stands and its meters. */
export interface PartyState {
  position: StoredPosition | null;
  meters: Record<string, number>;
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
      from: string;
      to: string;
      /** Index of the transition taken among `from`'s handlers for `event`, when one was. */
      via: number | null;
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
  /** Packages each party agreed to: party → (issue → option). */
  agreements: Record<string, Record<string, string>>;
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

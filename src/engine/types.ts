/**
 * The engine's data types. GameState is plain JSON (it survives a JSON round trip and is hashed),
 * holds only what changes during a game, and never copies scenario data.
 */
import type { RngState } from './rng.ts';

/** A player's choice, as JSON: `{ "move": "propose", "params": { "issue": "bases", "option": "future-talks" } }`. */
export interface Action {
  move: string;
  params: Record<string, string>;
}

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
  | { kind: 'move'; move: string; params: Record<string, string> }
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
  format: 1;
  seed: string;
  rng: RngState;
  /** Actions applied so far. */
  turn: number;
  /** 1-based; exceeds the round limit only once the game is over. */
  round: number;
  /** Moves made in the current round. */
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
    | 'replay/bad-seed';
  message: string;
}

/** The outcome of a finished game, as the debrief and replay files report it. */
export interface OutcomeResult {
  id: string;
  tier: 'success' | 'partial' | 'failure';
  historical: boolean;
}

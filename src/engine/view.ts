/**
 * What one seat may see of a game: `viewFor(game, state, seat)`. The page renders only this view, and a live
 * server will send each client only its seat's view, so hidden information stays hidden by construction:
 * another seat's confidential brief, its hidden meters, hidden flags, private moves it was not party to, and
 * every party's preferences (weights, values, reservation) never enter the view. The debrief reveals them.
 */
import { own } from '../core/own.ts';
import type { Move } from '../scenario/schema.ts';
import { moveTargets, seatActions } from './actions.ts';
import type { Game } from './game.ts';
import { agreementsOf, metersOf, positionOf } from './party-state.ts';
import { outcomeOf } from './replay.ts';
import type { Action, GameState, LogEntry, OutcomeResult, PositionValue, VoteState } from './types.ts';

/** A seat's own brief: only that seat reads it during play. */
export interface SeatBrief {
  role: string;
  setting: string | null;
  brief: string;
  objectives: string[];
  redLines: string[];
  mayGive: string[];
}

/** One seat's view of a game: plain JSON, safe to send to that seat's screen and nowhere else. */
export interface SeatView {
  seat: string;
  /** Every seat and whether a person holds it (public: who plays whom). */
  seats: { id: string; held: boolean }[];
  round: number;
  turn: number;
  over: boolean;
  /** The seat whose turn it is; null once the game is over. */
  mover: string | null;
  yourTurn: boolean;
  table: Record<string, string>;
  agreements: Record<string, Record<string, string>>;
  vote: VoteState | null;
  /** The flags the scenario does not keep hidden. */
  flags: Record<string, boolean>;
  /** Each party's position and the meters this seat may see (its own all; others' except hidden ones). */
  parties: Record<string, { position: PositionValue | null; meters: Record<string, number> }>;
  /** The latest turn's log entries this seat may see. */
  log: LogEntry[];
  brief: SeatBrief;
  /** This seat's legal actions when it is its turn; empty otherwise. */
  actions: Action[];
  /** The outcome with this seat's own tier; null while playing. */
  outcome: OutcomeResult | null;
}

/** A seat's brief from the scenario (the player's block for the first seat). */
export function seatBrief(game: Game, seat: string): SeatBrief {
  const s = game.scenario;
  const def = seat === game.playerId ? s.player : own(s.seats, seat);
  return {
    role: def?.role ?? seat,
    setting: def?.setting ?? null,
    brief: def?.brief ?? '',
    objectives: [...(def?.objectives ?? [])],
    redLines: [...(def?.redLines ?? [])],
    mayGive: [...(def?.mayGive ?? [])],
  };
}

/** Whether a meter's values are seen only by their own party. */
function hiddenMeter(game: Game, meter: string): boolean {
  return own(game.scenario.meters, meter)?.hidden === true;
}

/**
 * The log entries a seat may see: everything, except what follows a private move (the move itself and
 * the replies to it) when the seat neither made it nor was reached by it.
 */
export function visibleLog(game: Game, log: readonly LogEntry[], seat: string): LogEntry[] {
  const out: LogEntry[] = [];
  let hiding = false;
  for (const e of log) {
    if (e.kind === 'move') {
      const move = own(game.scenario.moves, e.move) as Move | undefined;
      hiding = move?.private === true && e.seat !== seat && !moveTargets(game, move, e.params).includes(seat);
    } else if (e.kind !== 'response') {
      hiding = false;
    }
    if (!hiding) out.push(e);
  }
  return out;
}

/** Exactly what `seat` may see of `state`: see the module comment. */
export function viewFor(game: Game, state: GameState, seat: string): SeatView {
  const hiddenFlags = game.scenario.hiddenFlags ?? [];
  const flags: Record<string, boolean> = {};
  for (const [f, v] of Object.entries(state.flags)) if (!hiddenFlags.includes(f)) flags[f] = v;
  const parties: SeatView['parties'] = {};
  for (const pid of game.partyIds) {
    const seen = metersOf(state, pid);
    const meters: Record<string, number> = {};
    for (const m of game.meterIds) {
      const v = own(seen, m);
      if (v !== undefined && (pid === seat || !hiddenMeter(game, m))) meters[m] = v;
    }
    parties[pid] = { position: structuredClone(positionOf(state, pid)), meters };
  }
  const yourTurn = !state.over && state.mover === seat;
  return {
    seat,
    seats: game.seatIds.map((id) => ({ id, held: state.seats.includes(id) })),
    round: state.round,
    turn: state.turn,
    over: state.over,
    mover: state.mover,
    yourTurn,
    table: { ...state.table },
    agreements: structuredClone(agreementsOf(state)),
    vote: state.vote ? (structuredClone(state.vote) as VoteState) : null,
    flags,
    parties,
    log: visibleLog(game, state.log, seat),
    brief: seatBrief(game, seat),
    actions: yourTurn ? seatActions(game, state, seat) : [],
    outcome: outcomeOf(game, state, seat),
  };
}

/**
 * createGame and applyAction: the pure reducer at the centre of Envoy. Same game, seed, seats and actions
 * give the same states in Node and in every browser.
 *
 * Turns: each round, the seats move in `game.turnOrder`, each making its `movesPerRound` moves. A seat a
 * person holds waits for its action; a seat nobody holds moves at once by its `auto` strategy, inside the
 * same `applyAction` and drawing only on the state's own strategy stream, so a replay records only the
 * people's actions. A seat with no legal move passes; when no seat can move, the game ends.
 */

import { own } from '../core/own.ts';
import { kindOf } from '../scenario/move-kinds.ts';
import type { Move } from '../scenario/schema.ts';
import { checkAction, moveTargets, seatActions, seatCanMove } from './actions.ts';
import { autoChoice } from './auto.ts';
import { endRound, finish, holdVote, noCounterpartsLeft, startRound } from './flow.ts';
import type { Game } from './game.ts';
import { applyEffects, deliver, deliverAll, isActive, isHeld, sortedCopy } from './parties.ts';
import { type Rng, restoreRng, seedRng } from './rng.ts';
import { beginTurn, commitTurn, setKey, type Turn } from './turn.ts';
import type { Action, ActionInput, EndReason, EngineError, GameState, PartyState } from './types.ts';

/** How a game is set up beyond its seed: which seats people hold (default: the player's seat alone). */
export interface GameOptions {
  seats?: readonly string[];
}

/** The held seats as the state keeps them (seat order, each once), or why they cannot be. */
export function heldSeats(game: Game, seats: readonly string[] | undefined): string[] | string {
  const asked = seats ?? [game.playerId];
  if (!Array.isArray(asked)) return 'the seats must be a list of seat ids';
  for (const s of asked) {
    if (typeof s !== 'string' || !game.seatIds.includes(s))
      return `there is no seat ${JSON.stringify(s)} in this scenario (seats: ${game.seatIds.join(', ')})`;
  }
  if (new Set(asked).size !== asked.length) return 'a seat is listed twice';
  if (asked.length === 0) return 'at least one seat must be held by a person';
  return game.seatIds.filter((s) => asked.includes(s));
}

/** The opening state of a game: starting meters and positions, the default package, round-1 events. */
export function createGame(game: Game, seed: string, options: GameOptions = {}): GameState {
  if (typeof seed !== 'string' || seed.length === 0)
    throw new TypeError('createGame: the seed must be a non-empty string');
  const seats = heldSeats(game, options.seats);
  if (typeof seats === 'string') throw new TypeError(`createGame: ${seats}`);
  // Each party's opening record is the compiled game's (frozen, shared: a turn copies what it changes).
  const parties: Record<string, PartyState> = {};
  for (const pid of game.partyIds) parties[pid] = own(game.initialParties, pid) as PartyState;
  const table: Record<string, string> = {};
  for (const i of game.issueIds) table[i] = own(game.scenario.issues, i)?.default as string;
  // Every object the engine builds lists its keys in canonical (sorted) order, so hashing can use the
  // native JSON.stringify fast path (see canonicalJson).
  const base: GameState = {
    flags: {},
    format: 2,
    log: [],
    mover: game.turnOrder[0] as string,
    outcome: null,
    over: false,
    parties,
    rng: seedRng(seed),
    round: 1,
    seats,
    seed,
    step: 0,
    strategy: seedRng(`${seed}/seats`),
    table,
    turn: 0,
    used: {},
    vote: null,
  };
  const rng = restoreRng(base.rng);
  const t = beginTurn(base);
  startRound(game, t, rng);
  return playUnheld(game, closeTurn(game, t, rng));
}

/** Passes the turn to the next seat; after the last seat of the order, the round ends. */
function nextMover(game: Game, t: Turn, rng: Rng): void {
  const s = t.s;
  const at = game.turnOrder.indexOf(s.mover as string);
  s.step = 0;
  if (at + 1 < game.turnOrder.length) {
    s.mover = game.turnOrder[at + 1] as string;
    return;
  }
  s.mover = game.turnOrder[0] as string;
  endRound(game, t, rng);
}

/**
 * Ends the turn. First ends the game when nothing more can happen: an effect ended it, nobody is left,
 * or no seat has a legal move (read on the plain working state); a seat that cannot move passes; then immer
 * produces the next state.
 */
function closeTurn(game: Game, t: Turn, rng: Rng): GameState {
  const s = t.s;
  for (let passes = 0; s.outcome === null; passes++) {
    let reason: EndReason | null = null;
    const mover = s.mover as string;
    if (s.over) reason = s.vote ? 'vote' : 'effect';
    else if (noCounterpartsLeft(game, s)) reason = 'no-counterparts';
    // The mover first: in the usual case it can move and no other seat need be asked.
    else if (seatCanMove(game, s, mover)) break;
    else if (!game.seatIds.some((seat) => seat !== mover && seatCanMove(game, s, seat))) reason = 'no-moves';
    if (reason !== null) {
      finish(game, t, reason);
      break;
    }
    // Bounded: some seat can move, and within one pass of the order the turn reaches it or a round ends.
    s.log.push({ kind: 'pass', seat: mover });
    nextMover(game, t, rng);
    if (passes > 4 * game.turnOrder.length * (game.scenario.rounds + 1)) break;
  }
  s.rng = rng.save();
  return commitTurn(t);
}

/** Makes one checked move of `seat` on the turn's working state: its effects, whom it reaches, the clock. */
function makeMove(game: Game, t: Turn, action: Action, rng: Rng, auto: boolean): void {
  const s = t.s;
  const seat = action.seat;
  const move = own(game.scenario.moves, action.move) as Move;
  const params: Record<string, string> = { ...(action.params ?? {}) };
  s.step += 1;
  setKey(t, 'used', action.move, (own(s.used, action.move) ?? 0) + 1);
  const entry: Record<string, unknown> = {};
  if (auto) entry.auto = true;
  entry.kind = 'move';
  entry.move = action.move;
  entry.params = sortedCopy(params);
  entry.seat = seat;
  s.log.push(entry as GameState['log'][number]);
  applyEffects(game, t, move.effects, seat);
  // The mover's own machine hears its own move first, so it records where the seat now stands.
  if (move.self) deliver(game, t, seat, move.self, rng, params, seat);
  // What the move does follows from its kind (src/scenario/move-kinds.ts), for every kind alike.
  const kind = kindOf(move);
  const targets = moveTargets(game, move, params).filter((p) => isActive(game, t.base, p));
  if (kind.takesTerm) setKey(t, 'table', params.issue as string, params.option as string);
  const event = kind.sends(move);
  if (kind.holdsVote) holdVote(game, t, rng);
  else if (event !== null) deliverAll(game, t, targets, event, rng, params, seat);
  if (!s.over && s.step >= (own(game.seatMovesPerRound, seat) ?? 1)) nextMover(game, t, rng);
}

/**
 * One move, checked, without letting the seats nobody holds play after it: what a strategy weighing its
 * choices looks one move ahead with. `continued`: the move is made within a turn already begun (it keeps
 * the turn's log and counter).
 */
export function stepOnce(
  game: Game,
  state: GameState,
  action: Action,
  continued = false,
  strategy: Rng | null = null,
): GameState {
  const rng = restoreRng(state.rng);
  const t = beginTurn(state, continued);
  if (!continued) t.s.turn += 1;
  if (strategy) t.s.strategy = strategy.save();
  makeMove(game, t, action, rng, continued);
  return closeTurn(game, t, rng);
}

/** Lets every seat nobody holds take its turns until a person's seat is to move or the game is over. */
function playUnheld(game: Game, start: GameState): GameState {
  let state = start;
  while (!state.over && state.mover !== null && !isHeld(state, state.mover)) {
    const seat = state.mover;
    const strategy = restoreRng(state.strategy);
    const here = state;
    const action = autoChoice(game, seat, strategy, seatActions(game, here, seat), (a) =>
      stepOnce(game, here, a, true),
    );
    state = stepOnce(game, here, action, true, strategy);
  }
  return state;
}

/**
 * Applies one action of the seat to move (a person's). Returns the next state, with the turns of seats
 * nobody holds played after it, or an error and leaves the input untouched (a turn copies what it writes,
 * and immer never mutates its base state).
 */
export function applyAction(
  game: Game,
  state: GameState,
  action: ActionInput,
): { state: GameState } | { error: EngineError } {
  const problem = checkAction(game, state, action);
  if (problem) return problem;
  const seat = state.mover as string;
  const checked: Action = { seat, move: action.move, params: action.params ?? {} };
  return { state: playUnheld(game, stepOnce(game, state, checked)) };
}

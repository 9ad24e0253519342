/**
 * createGame and applyAction: the pure reducer at the centre of Envoy. Same game, seed and actions
 * give the same states in Node and in every browser.
 */

import { own } from '../core/own.ts';
import type { Move } from '../scenario/schema.ts';
import { anyActionAvailable, checkAction, moveTargets } from './actions.ts';
import { endRound, finish, holdVote, noCounterpartsLeft, startRound } from './flow.ts';
import type { Game } from './game.ts';
import { applyEffects, deliverAll, isActive, sortedCopy } from './parties.ts';
import { restoreRng, seedRng } from './rng.ts';
import { beginTurn, commitTurn, setKey, type Turn } from './turn.ts';
import type { Action, EndReason, EngineError, GameState, PartyState } from './types.ts';

/** The opening state of a game: starting meters and positions, the default package, round-1 events. */
export function createGame(game: Game, seed: string): GameState {
  if (typeof seed !== 'string' || seed.length === 0)
    throw new TypeError('createGame: the seed must be a non-empty string');
  const parties: Record<string, PartyState> = {};
  for (const pid of game.partyIds) {
    const party = own(game.scenario.parties, pid);
    const meters: Record<string, number> = {};
    for (const m of game.meterIds)
      meters[m] = own(party?.meters, m) ?? own(game.scenario.meters, m)?.initial ?? 0;
    const initial = own(game.initialPosition, pid);
    parties[pid] = { meters, position: initial ? { context: {}, value: initial } : null };
  }
  const table: Record<string, string> = {};
  for (const i of game.issueIds) table[i] = own(game.scenario.issues, i)?.default as string;
  // Every object the engine builds lists its keys in canonical (sorted) order, so hashing can use the
  // native JSON.stringify fast path (see canonicalJson).
  const base: GameState = {
    agreements: {},
    flags: {},
    format: 1,
    log: [],
    outcome: null,
    over: false,
    parties,
    rng: seedRng(seed),
    round: 1,
    seed,
    step: 0,
    table,
    turn: 0,
    used: {},
    vote: null,
  };
  const rng = restoreRng(base.rng);
  const t = beginTurn(base);
  startRound(game, t, rng);
  t.s.rng = rng.save();
  return closeTurn(game, t);
}

/**
 * Ends the turn. First ends the game when nothing more can happen: an effect ended it, nobody is left,
 * or no move is legal (read on the plain working state); then immer produces the next state.
 */
function closeTurn(game: Game, t: Turn): GameState {
  const s = t.s;
  if (s.outcome === null) {
    let reason: EndReason | null = null;
    if (s.over) reason = s.vote ? 'vote' : 'effect';
    else if (noCounterpartsLeft(game, s)) reason = 'no-counterparts';
    else if (!anyActionAvailable(game, s)) reason = 'no-moves';
    if (reason !== null) finish(game, t, reason);
  }
  return commitTurn(t);
}

/**
 * Applies one action. Returns the next state, or an error and leaves the input untouched (a turn
 * copies what it writes, and immer never mutates its base state).
 */
export function applyAction(
  game: Game,
  state: GameState,
  action: Action,
): { state: GameState } | { error: EngineError } {
  const problem = checkAction(game, state, action);
  if (problem) return problem;
  const move = own(game.scenario.moves, action.move) as Move;
  const params: Record<string, string> = { ...(action.params ?? {}) };
  const rng = restoreRng(state.rng);
  const t = beginTurn(state);
  const s = t.s;
  s.turn += 1;
  s.step += 1;
  setKey(t, 'used', action.move, (own(s.used, action.move) ?? 0) + 1);
  s.log.push({ kind: 'move', move: action.move, params: sortedCopy(params) });
  applyEffects(game, t, move.effects, game.playerId);
  const targets = moveTargets(game, move, params).filter((p) => isActive(game, state, p));
  if (move.kind === 'propose') {
    setKey(t, 'table', params.issue as string, params.option as string);
    deliverAll(game, t, targets, move.sends ?? 'offer.proposed', rng, params);
  } else if (move.kind === 'vote') {
    holdVote(game, t, rng);
  } else if (move.sends) {
    deliverAll(game, t, targets, move.sends, rng, params);
  }
  if (!s.over && s.step >= game.movesPerRound) endRound(game, t, rng);
  s.rng = rng.save();
  return { state: closeTurn(game, t) };
}

/**
 * createGame and applyAction: the pure reducer at the centre of Envoy. Same game, seed and actions
 * give the same states in Node and in every browser.
 */
import { produce } from 'immer';
import type { Move } from '../scenario/schema.ts';
import { anyActionAvailable, checkAction, moveTargets } from './actions.ts';
import { endRound, finish, holdVote, noCounterpartsLeft, startRound } from './flow.ts';
import type { Game } from './game.ts';
import { applyEffects, deliverAll, isActive, setKey, sortedCopy } from './parties.ts';
import { restoreRng, seedRng } from './rng.ts';
import type { Action, EndReason, EngineError, GameState, PartyState } from './types.ts';

/** The opening state of a game: starting meters and positions, the default package, round-1 events. */
export function createGame(game: Game, seed: string): GameState {
  if (typeof seed !== 'string' || seed.length === 0)
    throw new TypeError('createGame: the seed must be a non-empty string');
  const parties: Record<string, PartyState> = {};
  for (const pid of game.partyIds) {
    const party = game.scenario.parties[pid];
    const meters: Record<string, number> = {};
    for (const m of game.meterIds) meters[m] = party?.meters?.[m] ?? game.scenario.meters[m]?.initial ?? 0;
    const initial = game.initialPosition[pid];
    parties[pid] = { meters, position: initial ? { context: {}, value: initial } : null };
  }
  const table: Record<string, string> = {};
  for (const i of game.issueIds) table[i] = game.scenario.issues[i]?.default as string;
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
  const opened = produce(base, (draft) => {
    startRound(game, draft, rng);
    draft.rng = rng.save();
  });
  return closeTurn(game, opened);
}

/**
 * Ends the game when nothing more can happen: an effect ended it, nobody is left, or no move is legal.
 * Runs on the finished (frozen) state, where reads are plain property reads rather than draft proxies;
 * only the rare end of a game pays for a second immer pass.
 */
function closeTurn(game: Game, state: GameState): GameState {
  if (state.outcome !== null) return state;
  let reason: EndReason | null = null;
  if (state.over) reason = state.vote ? 'vote' : 'effect';
  else if (noCounterpartsLeft(game, state)) reason = 'no-counterparts';
  else if (!anyActionAvailable(game, state)) reason = 'no-moves';
  if (reason === null) return state;
  const why = reason;
  return produce(state, (draft) => finish(game, draft, why));
}

/**
 * Applies one action. Returns the next state, or an error and leaves the input untouched (immer never
 * mutates its base state).
 */
export function applyAction(
  game: Game,
  state: GameState,
  action: Action,
): { state: GameState } | { error: EngineError } {
  const problem = checkAction(game, state, action);
  if (problem) return problem;
  const move = game.scenario.moves[action.move] as Move;
  const params: Record<string, string> = { ...(action.params ?? {}) };
  const rng = restoreRng(state.rng);
  const next = produce(state, (draft) => {
    draft.turn += 1;
    draft.step += 1;
    setKey(draft, 'used', action.move, (draft.used[action.move] ?? 0) + 1);
    draft.log = [{ kind: 'move', move: action.move, params: sortedCopy(params) }];
    applyEffects(game, draft, move.effects, game.playerId);
    const targets = moveTargets(game, move, params).filter((t) => isActive(game, state, t));
    if (move.kind === 'propose') {
      draft.table[params.issue as string] = params.option as string;
      deliverAll(game, draft, targets, move.sends ?? 'offer.proposed', rng, params);
    } else if (move.kind === 'vote') {
      holdVote(game, draft, rng);
    } else if (move.sends) {
      deliverAll(game, draft, targets, move.sends, rng, params);
    }
    if (!draft.over && draft.step >= game.movesPerRound) endRound(game, draft, rng);
    draft.rng = rng.save();
  });
  return { state: closeTurn(game, next) };
}

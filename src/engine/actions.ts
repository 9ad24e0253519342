/**
 * Which actions are legal, one check used both to list the menu and to refuse an illegal action, so
 * the two can never disagree.
 */

import { has, own } from '../core/own.ts';
import { kindOf } from '../scenario/move-kinds.ts';
import type { Move } from '../scenario/schema.ts';
import { evalCondition } from './conditions.ts';
import { expandTargets } from './flow.ts';
import { type Game, listedFirst } from './game.ts';
import { isActive } from './parties.ts';
import type { Action, EngineError, GameState } from './types.ts';

const err = (code: EngineError['code'], message: string): { error: EngineError } => ({
  error: { code, message },
});

/** moveParams per move object: it depends only on the compiled scenario, and every check needs it. */
const paramSpecs = new WeakMap<Move, readonly (readonly [string, readonly string[]])[]>();

/** The parameter names a move takes, in menu order, with their allowed values (shared: do not mutate). */
export function moveParams(game: Game, move: Move): readonly (readonly [string, readonly string[]])[] {
  let spec = paramSpecs.get(move);
  if (!spec) {
    spec = buildMoveParams(game, move);
    paramSpecs.set(move, spec);
  }
  return spec;
}

function buildMoveParams(game: Game, move: Move): [string, string[]][] {
  const out: [string, string[]][] = [];
  if (move.choose && move.to) out.push(['to', move.to]);
  if (kindOf(move).takesTerm) {
    const issues = move.issues ?? game.issueIds;
    out.push(['issue', issues]);
    // options are checked per issue below; list the union here for shape checks
    const options = new Set<string>();
    for (const i of issues) {
      const issue = own(game.scenario.issues, i);
      for (const o of listedFirst(issue?.options ?? {}, issue?.order)) options.add(o);
    }
    out.push(['option', [...options]]);
  }
  for (const [name, p] of Object.entries(move.params ?? {}))
    out.push([name, listedFirst(p.options, p.order)]);
  return out;
}

/** The parties a move with these params reaches (before dropping inactive ones). */
export function moveTargets(game: Game, move: Move, params: Record<string, string>): readonly string[] {
  if (!move.to) return [];
  if (move.choose) return expandTargets(game, params.to !== undefined ? [params.to] : []);
  return expandTargets(game, move.to);
}

/**
 * Checks an action against the rules; returns the error a player or a replay file would see.
 * Input is untrusted JSON: every field is checked before use.
 */
export function checkAction(game: Game, state: GameState, action: unknown): { error: EngineError } | null {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    return err(
      'action/malformed',
      'An action must be an object like {"seat": "...", "move": "...", "params": {...}}.',
    );
  }
  const { move: moveId, params, seat } = action as Partial<Action>;
  if (typeof moveId !== 'string') return err('action/malformed', 'The action has no "move" string.');
  if (seat !== undefined && typeof seat !== 'string')
    return err('action/malformed', '"seat" must be the id of a seat.');
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    return err('action/malformed', '"params" must be an object of strings.');
  }
  if (state.over) return err('action/game-over', 'The game is over; no more moves can be made.');
  if (seat !== undefined && !game.seatIds.includes(seat))
    return err('action/unknown-seat', `There is no seat "${seat}" in this scenario.`);
  const mover = state.mover as string;
  if (seat !== undefined && seat !== mover)
    return err('action/not-your-turn', `It is ${mover}'s turn, not ${seat}'s.`);
  const move = own(game.scenario.moves, moveId);
  if (!move) return err('action/unknown-move', `There is no move "${moveId}" in this scenario.`);
  const owner = own(game.moveSeat, moveId);
  if (owner !== mover)
    return err('action/not-your-turn', `"${moveId}" is a move of ${owner}, and it is ${mover}'s turn.`);
  const given = (params ?? {}) as Record<string, unknown>;
  const spec = moveParams(game, move);
  for (const key of Object.keys(given)) {
    if (!spec.some(([name]) => name === key)) {
      return err('action/bad-param', `Move "${moveId}" takes no parameter "${key}".`);
    }
  }
  for (const [name, allowed] of spec) {
    const v = own(given, name);
    if (typeof v !== 'string')
      return err('action/bad-param', `Move "${moveId}" needs a "${name}" parameter.`);
    if (!allowed.includes(v))
      return err('action/bad-param', `"${v}" is not a valid ${name} for "${moveId}".`);
  }
  const p = given as Record<string, string>;
  if (kindOf(move).takesTerm) {
    const issue = p.issue as string;
    if (!has(own(game.scenario.issues, issue)?.options, p.option as string)) {
      return err('action/bad-param', `"${p.option}" is not an option of issue "${issue}".`);
    }
  }
  return moveRefusal(game, state, mover, moveId, move) ?? paramsRefusal(game, state, move, p);
}

/** Why a move cannot be made now whatever its parameters (used up, its `when`, the vote held), or null. */
function moveRefusal(
  game: Game,
  state: GameState,
  seat: string,
  moveId: string,
  move: Move,
): { error: EngineError } | null {
  if (move.limit !== undefined && (own(state.used, moveId) ?? 0) >= move.limit) {
    return err('action/not-available', `"${move.label}" can be used only ${move.limit} time(s).`);
  }
  if (move.when) {
    // The mover is the party a move's condition reads (`meters:`, `position:`).
    const ctx = { game, state, party: seat, roll: null, params: null, offer: null };
    if (!evalCondition(move.when, ctx))
      return err('action/not-available', `"${move.label}" is not possible now.`);
  }
  if (kindOf(move).holdsVote && state.vote !== null)
    return err('action/not-available', 'The vote has been held.');
  return null;
}

/** Why these (well-formed) parameters cannot be used now (nobody reached, option already on the table), or null. */
function paramsRefusal(
  game: Game,
  state: GameState,
  move: Move,
  p: Record<string, string>,
): { error: EngineError } | null {
  if (move.to && !moveTargets(game, move, p).some((t) => isActive(game, state, t))) {
    return err('action/not-available', `Nobody "${move.label}" reaches is still at the table.`);
  }
  if (kindOf(move).takesTerm && own(state.table, p.issue as string) === p.option) {
    return err('action/not-available', `"${p.option}" is already on the table for "${p.issue}".`);
  }
  return null;
}

function* candidates(game: Game, move: Move): Generator<Record<string, string>> {
  const spec = moveParams(game, move);
  if (kindOf(move).takesTerm) {
    // propose: to × issue × that issue's options (not the union), so the menu stays human-sized
    const tos = move.choose && move.to ? move.to : [null];
    for (const to of tos) {
      for (const issue of move.issues ?? game.issueIds) {
        const def = own(game.scenario.issues, issue);
        for (const option of listedFirst(def?.options ?? {}, def?.order)) {
          const rest = spec.filter(([n]) => n !== 'to' && n !== 'issue' && n !== 'option');
          for (const combo of product(rest)) yield { ...(to ? { to } : {}), issue, option, ...combo };
        }
      }
    }
    return;
  }
  yield* product(spec);
}

function* product(
  spec: readonly (readonly [string, readonly string[]])[],
  i = 0,
  acc: Record<string, string> = {},
): Generator<Record<string, string>> {
  if (i >= spec.length) {
    yield { ...acc };
    return;
  }
  const [name, values] = spec[i] as readonly [string, readonly string[]];
  for (const v of values) {
    acc[name] = v;
    yield* product(spec, i + 1, acc);
  }
  delete acc[name];
}

/** Every well-formed parameter choice of each move, in menu order: they depend only on the game. */
const candidateCache = new WeakMap<Game, Map<string, readonly Readonly<Record<string, string>>[]>>();

function candidateList(game: Game, moveId: string, move: Move): readonly Readonly<Record<string, string>>[] {
  let byMove = candidateCache.get(game);
  if (!byMove) {
    byMove = new Map();
    candidateCache.set(game, byMove);
  }
  let list = byMove.get(moveId);
  if (!list) {
    // Frozen: every menu shares these parameter objects, and nobody can change one for the others.
    list = [...candidates(game, move)].map((p) => Object.freeze(p));
    byMove.set(moveId, list);
  }
  return list;
}

/** How many parameter choices a move offers before legality: the menu entries it can add (the format caps it). */
export function moveChoiceCount(game: Game, moveId: string): number {
  const move = own(game.scenario.moves, moveId);
  return move ? candidateList(game, moveId, move).length : 0;
}

/**
 * The legal actions of the seat to move, in a stable order (scenario move order, then parameter order): the
 * menu. It runs the same two checks `checkAction` ends with (the move now, then its parameters now) on every
 * well-formed choice, so the menu and the refusals never disagree (a property test also replays every menu
 * entry). Never empty while the game goes on: the engine skips a seat that cannot move.
 */
export function availableActions(game: Game, state: GameState): Action[] {
  if (state.over || state.mover === null) return [];
  return seatActions(game, state, state.mover);
}

/** The actions a seat could make now if it were its turn (the menu `availableActions` gives the seat to move). */
export function seatActions(game: Game, state: GameState, seat: string): Action[] {
  const out: Action[] = [];
  for (const moveId of own(game.seatMoves, seat) ?? []) {
    const move = own(game.scenario.moves, moveId) as Move;
    if (moveRefusal(game, state, seat, moveId, move)) continue;
    for (const params of candidateList(game, moveId, move)) {
      if (paramsRefusal(game, state, move, params) === null)
        out.push({ seat, move: moveId, params: params as Record<string, string> });
    }
  }
  return out;
}

/**
 * Whether a move has at least one legal parameter choice now, without listing them: the cheap test
 * behind the end-of-turn dead-end check. A test keeps it equal to `availableActions(...).length > 0`.
 */
export function moveAvailable(game: Game, state: GameState, moveId: string): boolean {
  const move = own(game.scenario.moves, moveId);
  if (!move || state.over) return false;
  const seat = own(game.moveSeat, moveId) as string;
  if (move.limit !== undefined && (own(state.used, moveId) ?? 0) >= move.limit) return false;
  if (kindOf(move).holdsVote && state.vote !== null) return false;
  if (
    move.when &&
    !evalCondition(move.when, { game, state, party: seat, roll: null, params: null, offer: null })
  ) {
    return false;
  }
  for (const p of Object.values(move.params ?? {})) if (Object.keys(p.options).length === 0) return false;
  if (move.to) {
    const groups = move.choose ? move.to.map((t) => [t]) : [move.to];
    if (!groups.some((g) => expandTargets(game, g).some((t) => isActive(game, state, t)))) return false;
  }
  if (kindOf(move).takesTerm) {
    return (move.issues ?? game.issueIds).some((i) =>
      Object.keys(own(game.scenario.issues, i)?.options ?? {}).some((o) => o !== own(state.table, i)),
    );
  }
  return true;
}

/** Whether a seat has at least one legal action now (whoever's turn it is). */
export function seatCanMove(game: Game, state: GameState, seat: string): boolean {
  return (own(game.seatMoves, seat) ?? []).some((m) => moveAvailable(game, state, m));
}

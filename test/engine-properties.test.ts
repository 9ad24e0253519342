import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seatCanMove } from '../src/engine/actions.ts';
import {
  type Action,
  applyAction,
  availableActions,
  createGame,
  type GameState,
  outcomeOf,
} from '../src/engine/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe.each(SCENARIO_IDS)('random legal play of %s (property)', (id) => {
  const game = loadGame(id);
  const limit = game.scenario.rounds * game.seatIds.reduce((n, s) => n + (game.seatMovesPerRound[s] ?? 1), 0);
  const anySeatCanMove = (state: GameState) => game.seatIds.some((s) => seatCanMove(game, state, s));
  /** Every non-empty set of held seats (a few seats per scenario, so all of them). */
  const seatSets = game.seatIds
    .reduce<string[][]>((sets, seat) => [...sets, ...sets.map((x) => [...x, seat])], [[]])
    .filter((x) => x.length > 0);

  it('never throws and always ends in an outcome within the round limit', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: limit + 5 }),
        fc.constantFrom(...seatSets),
        (seed, picks, seats) => {
          let state: GameState = createGame(game, seed, { seats });
          let turns = 0;
          // picks choose among the legal actions; when they run out, keep taking the first one
          while (!state.over) {
            const actions = availableActions(game, state);
            expect(actions.length).toBeGreaterThan(0);
            expect(anySeatCanMove(state)).toBe(true);
            // The seat to move is always one a person holds: the others have already played.
            expect(seats).toContain(state.mover);
            expect(actions.every((a) => a.seat === state.mover)).toBe(true);
            const pick = picks[turns] ?? 0;
            const r = applyAction(game, state, actions[pick % actions.length] as Action);
            if ('error' in r) throw new Error(r.error.message);
            state = r.state;
            turns += 1;
            expect(turns).toBeLessThanOrEqual(limit);
          }
          expect(outcomeOf(game, state)).not.toBeNull();
          expect(state.round).toBeLessThanOrEqual(game.scenario.rounds + 1);
          expect(state.mover).toBeNull();
          expect(availableActions(game, state)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses arbitrary JSON actions with an error value, never an exception, leaving the state as it was', () => {
    const state = createGame(game, 'fuzz-actions');
    const before = JSON.stringify(state);
    const arbitraryAction = fc.oneof(
      fc.jsonValue(),
      fc.record({
        move: fc.constantFrom(...game.moveIds, '__proto__', 'x'),
        params: fc.dictionary(fc.string(), fc.jsonValue()),
      }),
    );
    fc.assert(
      fc.property(arbitraryAction, (action) => {
        const r = applyAction(game, state, action as Action);
        if ('error' in r) expect(r.error.code).toMatch(/^action\//);
        expect(JSON.stringify(state)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });
});

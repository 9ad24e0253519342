/**
 * Seats in the page's session and view: the session holds the seats people hold (and keeps them for a new
 * game), the address carries them (`&seat=`), and what a screen paints is one seat's projection: no other
 * seat's hidden meter, that seat's own menu, its own tier.
 */
import { describe, expect, it } from 'vitest';
import { type Action, compileGame, metersOf, outcomeOf, playGame } from '../src/engine/index.ts';
import { createSession, readUrlParams, scenarioUrl } from '../src/session/session.ts';
import { seatState, seatView } from '../src/view/seat-view.ts';
import { loadGame } from './helpers/scenarios.ts';

const game = loadGame('tutorial');

describe('the session holds the seats', () => {
  it('defaults to the player seat and keeps pass-and-play seats through a new game', () => {
    expect(createSession(game, 's').view().seats).toEqual(['amber']);
    const session = createSession(game, 's', undefined, [], ['valley', 'amber']);
    expect(session.view().seats).toEqual(['amber', 'valley']);
    session.newGame('t');
    expect(session.view().seats).toEqual(['amber', 'valley']);
    expect(session.view().state.seats).toEqual(['amber', 'valley']);
  });

  it('refuses a seat the scenario does not have, before any session exists', () => {
    expect(() => createSession(game, 's', undefined, [], ['river'])).toThrow(/no seat "river"/);
  });

  it('with valley alone, the engine moves Amber and the menu is the cooperative’s', () => {
    const session = createSession(game, 's', undefined, [], ['valley']);
    const view = seatView(session.view(), 'valley');
    expect(view.menu.length).toBeGreaterThan(0);
    expect(view.menu.every((a) => a.seat === 'valley')).toBe(true);
    expect(session.dispatch(view.menu[0] as Action)).toBe(true);
  });
});

describe('the address carries the seats', () => {
  it('reads one `seat` per held seat, and none as the player seat', () => {
    expect(readUrlParams('?scenario=tutorial&seed=x').seats).toBeNull();
    expect(readUrlParams('?scenario=tutorial&seed=x&seat=valley').seats).toEqual(['valley']);
    expect(readUrlParams('?scenario=tutorial&seat=amber&seat=valley').seats).toEqual(['amber', 'valley']);
    expect(readUrlParams(scenarioUrl('tutorial', 'x', ['amber', 'valley']))).toEqual({
      scenario: 'tutorial',
      seed: 'x',
      seats: ['amber', 'valley'],
    });
  });
});

describe('a seat’s view of a whole game', () => {
  const played = playGame(game, 'seat-view', 'random', 'seat-view/s', { seats: ['amber', 'valley'] });
  const session = createSession(game, 'seat-view', undefined, played.actions, ['amber', 'valley']);

  it.each([
    ['amber', 'valley'],
    ['valley', 'amber'],
  ])('%s never sees %s’s patience; it sees its own', (seat, hidden) => {
    const view = seatView(session.view(), seat);
    for (const state of view.states) {
      expect(metersOf(state, hidden)).not.toHaveProperty('patience');
      expect(metersOf(state, seat)).toHaveProperty('patience');
      // Nowhere else in the projected state either (the meters live in the machine's context).
      expect(JSON.stringify(state.parties[hidden])).not.toContain('patience');
    }
    expect(view.outcome).toEqual(outcomeOf(game, session.view().state, seat));
  });

  it('keeps the full state for the engine and projects each state once', () => {
    const raw = session.view().state;
    expect(metersOf(raw, 'valley')).toHaveProperty('patience');
    expect(seatState(game, raw, 'amber')).toBe(seatState(game, raw, 'amber'));
  });
});

describe('private moves stay with the seats they concern', () => {
  // The tutorial with its lobbying made private: Amber and the member lobbied hear it, the cooperative does not.
  const scenario = structuredClone(game.scenario);
  const lobby = scenario.moves.lobby;
  if (!lobby) throw new Error('the tutorial has no lobby move');
  lobby.private = true;
  const privateGame = compileGame(scenario);

  it('is in Amber’s log and not in the cooperative’s, nor its replies', () => {
    const session = createSession(privateGame, 'private', undefined, [], ['amber', 'valley']);
    const amber = seatView(session.view(), 'amber');
    const move = amber.menu.find((a) => a.move === 'lobby' && a.params.to === 'north');
    if (!move) throw new Error('no lobby action');
    expect(session.dispatch(move)).toBe(true);
    const last = (seat: string) => seatView(session.view(), seat).state.log;
    expect(last('amber').some((e) => e.kind === 'move' && e.move === 'lobby')).toBe(true);
    expect(last('valley').some((e) => e.kind === 'move' && e.move === 'lobby')).toBe(false);
    expect(last('valley').some((e) => e.kind === 'response' && e.party === 'north')).toBe(false);
    expect(last('amber').some((e) => e.kind === 'response' && e.party === 'north')).toBe(true);
  });
});

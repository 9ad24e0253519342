/**
 * Hidden information: `viewFor(game, state, seat)` is all a seat's screen (and, later, a live server) gets.
 * For every seat of every scenario, over many random games with random sets of held seats, nothing another
 * seat must not see appears anywhere in the view's JSON: another seat's confidential brief, setting,
 * objectives, red lines or concessions; another party's hidden meters; hidden flags; a private move the
 * seat neither made nor was reached by; any party's preferences (weights, values, reservation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  applyAction,
  availableActions,
  compileGame,
  createGame,
  type Game,
  type GameState,
  seatBrief,
  viewFor,
} from '../src/engine/index.ts';
import type { Scenario } from '../src/scenario/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

/**
 * The tutorial with more secrets than it ships with: Amber lobbies the council in private, the council's
 * visit is a hidden flag, and trust is hidden too. Every kind of secret the format has is then in play.
 */
function secretTutorial(): Game {
  const s = structuredClone(loadGame('tutorial').scenario) as Scenario;
  (s.moves.lobby as { private?: boolean }).private = true;
  (s.moves.counter as { private?: boolean }).private = true;
  s.hiddenFlags = ['council-visited', 'drought'];
  (s.meters.trust as { hidden?: boolean }).hidden = true;
  return compileGame(s);
}

const GAMES: [string, Game][] = [
  ...SCENARIO_IDS.map((id): [string, Game] => [id, loadGame(id)]),
  ['tutorial with secrets', secretTutorial()],
];

/** Every text only `seat` may read during play. */
function confidential(game: Game, seat: string): string[] {
  const b = seatBrief(game, seat);
  return [b.brief, b.setting ?? '', ...b.objectives, ...b.redLines, ...b.mayGive].filter((t) => t.length > 0);
}

/** Every non-empty set of seats. */
function seatSets(game: Game): string[][] {
  return game.seatIds
    .reduce<string[][]>((sets, seat) => [...sets, ...sets.map((x) => [...x, seat])], [[]])
    .filter((x) => x.length > 0);
}

/** What must never be in `seat`'s view of `state`; returns the first leak found, or null. */
function leak(game: Game, state: GameState, seat: string): string | null {
  const view = viewFor(game, state, seat);
  const text = JSON.stringify(view);
  for (const other of game.seatIds) {
    if (other === seat) continue;
    for (const t of confidential(game, other)) {
      // A text both seats were given is not a secret of either.
      if (text.includes(JSON.stringify(t).slice(1, -1)) && !confidential(game, seat).includes(t))
        return `${other}'s confidential text "${t.slice(0, 40)}…"`;
    }
  }
  for (const word of ['"prefers"', '"reservation"', '"weights"', '"values"', '"flex"', '"strategy"', '"rng"'])
    if (text.includes(word)) return `the key ${word}`;
  for (const [party, p] of Object.entries(view.parties)) {
    if (party === seat) continue;
    for (const m of Object.keys(p.meters))
      if (game.scenario.meters[m]?.hidden) return `${party}'s hidden meter ${m}`;
  }
  for (const f of game.scenario.hiddenFlags ?? [])
    if (Object.hasOwn(view.flags, f)) return `hidden flag ${f}`;
  for (const e of view.log) {
    if (e.kind !== 'move' || e.seat === seat) continue;
    const move = game.scenario.moves[e.move];
    if (!move?.private) continue;
    const reached = move.choose ? [e.params.to] : (move.to ?? []);
    if (!reached.some((t) => t === seat || game.targets[t as string]?.includes(seat)))
      return `${e.seat}'s private move ${e.move}`;
  }
  return null;
}

describe.each(GAMES)('what each seat of %s sees', (_name, game) => {
  it('never holds another seat’s secrets, over random games and random held seats (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.constantFrom(...seatSets(game)),
        fc.array(fc.nat(), { maxLength: 80 }),
        (seed, seats, picks) => {
          let state = createGame(game, seed, { seats });
          for (let turn = 0; ; turn++) {
            for (const seat of game.seatIds) {
              const found = leak(game, state, seat);
              if (found) throw new Error(`turn ${turn}: ${seat}'s view shows ${found}`);
            }
            if (state.over) break;
            const menu = availableActions(game, state);
            const r = applyAction(game, state, menu[(picks[turn] ?? 0) % menu.length] as Action);
            if ('error' in r) throw new Error(r.error.message);
            state = r.state;
          }
        },
      ),
      { numRuns: game.seatIds.length > 1 ? 60 : 25 },
    );
  });

  it('shows each seat its own brief, its own hidden meters, and its menu only on its turn', () => {
    const state = createGame(game, 'own-view', { seats: [...game.seatIds] });
    for (const seat of game.seatIds) {
      const view = viewFor(game, state, seat);
      expect(view.brief).toEqual(seatBrief(game, seat));
      expect(Object.keys(view.parties[seat]?.meters ?? {}).sort()).toEqual([...game.meterIds].sort());
      expect(view.yourTurn).toBe(state.mover === seat);
      expect(view.actions.length > 0).toBe(state.mover === seat);
    }
  });
});

describe('the secret tutorial, by hand', () => {
  const game = secretTutorial();
  it('hides a private lobbying move from the cooperative, and shows it to Amber', () => {
    const state = createGame(game, 'private', { seats: ['amber', 'valley'] });
    const lobby = availableActions(game, state).find((a) => a.move === 'lobby') as Action;
    const r = applyAction(game, state, lobby);
    if ('error' in r) throw new Error(r.error.message);
    const moves = (seat: string) => viewFor(game, r.state, seat).log.filter((e) => e.kind === 'move');
    expect(moves('amber').map((e) => e.kind === 'move' && e.move)).toEqual(['lobby']);
    expect(moves('valley')).toEqual([]);
    // Nor the replies to it: the council members' answers went to Amber alone.
    expect(viewFor(game, r.state, 'valley').log.some((e) => e.kind === 'response')).toBe(false);
    expect(viewFor(game, r.state, 'amber').log.some((e) => e.kind === 'response')).toBe(true);
  });
});

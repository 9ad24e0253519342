import { describe, expect, it } from 'vitest';
import { applyAction, type GameState, playGame, stateHash } from '../src/engine/index.ts';
import { beginTurn, commitTurn } from '../src/engine/turn.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

/** Every object reachable from a value, once each. */
function objectsOf(value: unknown, out = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !out.has(value)) {
    out.add(value);
    for (const child of Object.values(value)) objectsOf(child, out);
  }
  return out;
}

describe.each(SCENARIO_IDS)('a turn of %s', (id) => {
  const game = loadGame(id);
  const run = playGame(game, 'turn-copy-on-write', 'random');

  it('never changes the state it starts from, even an unfrozen one read back from JSON', () => {
    for (let i = 0; i < run.actions.length; i++) {
      const input = JSON.parse(JSON.stringify(run.states[i])) as GameState;
      const before = JSON.stringify(input);
      const r = applyAction(game, input, run.actions[i] as (typeof run.actions)[number]);
      if ('error' in r) throw new Error(r.error.message);
      expect(JSON.stringify(input)).toBe(before);
      expect(stateHash(r.state)).toBe(stateHash(run.states[i + 1] as GameState));
    }
  });

  it('returns deeply frozen states that share what the turn did not change', () => {
    // A party written twice in one turn (a meter up, then drift back down) may come out equal but new;
    // every other unchanged party is the very same object.
    let equal = 0;
    let shared = 0;
    for (let i = 0; i < run.actions.length; i++) {
      const prev = run.states[i] as GameState;
      const next = run.states[i + 1] as GameState;
      for (const o of objectsOf(next)) expect(Object.isFrozen(o)).toBe(true);
      for (const pid of Object.keys(next.parties)) {
        if (JSON.stringify(next.parties[pid]) !== JSON.stringify(prev.parties[pid])) continue;
        equal++;
        if (next.parties[pid] === prev.parties[pid]) shared++;
      }
      if (JSON.stringify(next.table) === JSON.stringify(prev.table)) expect(next.table).toBe(prev.table);
    }
    expect(equal).toBeGreaterThan(0);
    expect(shared / equal).toBeGreaterThan(0.8);
  });
});

describe('committing a turn', () => {
  it('carries every key a turn can change into the next state', () => {
    const game = loadGame('tutorial');
    const state = playGame(game, 'commit-keys', 'first').states[1] as GameState;
    const t = beginTurn(state);
    const working = t.s as unknown as Record<string, unknown>;
    for (const key of Object.keys(state))
      if (key !== 'format' && key !== 'seed' && key !== 'seats') working[key] = { changed: key };
    const next = commitTurn(t) as unknown as Record<string, unknown>;
    for (const key of Object.keys(state)) {
      if (key === 'format' || key === 'seed' || key === 'seats')
        expect(next[key]).toBe((state as unknown as Record<string, unknown>)[key]);
      else expect(next[key]).toEqual({ changed: key });
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { inCanonicalOrder } from '../src/core/hash.ts';
import {
  applyAction,
  availableActions,
  createGame,
  type GameState,
  outcomeOf,
  playGame,
  replay,
  STRATEGIES,
  stateHash,
} from '../src/engine/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe.each(SCENARIO_IDS)('determinism of %s', (id) => {
  const game = loadGame(id);

  it('gives identical per-turn hashes for the same seed and actions', () => {
    const a = playGame(game, 'same-seed', 'random');
    const b = replay(game, 'same-seed', a.actions);
    if ('error' in b) throw new Error(b.error.message);
    expect(b.states.map(stateHash)).toEqual(a.states.map(stateHash));
  });

  it('plays different games from different seeds under random play', () => {
    const games = ['s1', 's2', 's3', 's4', 's5'].map((s) => playGame(game, s, 'random'));
    const finals = new Set(games.map((g) => stateHash(g.states[g.states.length - 1] as GameState)));
    expect(finals.size).toBeGreaterThan(1);
    const actionLogs = new Set(games.map((g) => JSON.stringify(g.actions)));
    expect(actionLogs.size).toBeGreaterThan(1);
  });

  it("keeps the world's rolls independent of the strategy's generator", () => {
    // Same game seed, different strategy seeds: the opening state (round-1 events) is identical.
    const a = playGame(game, 'world', 'random', 'x');
    const b = playGame(game, 'world', 'random', 'y');
    expect(stateHash(a.states[0] as GameState)).toBe(stateHash(b.states[0] as GameState));
  });

  it('continues identically from a state serialised through JSON at every turn', () => {
    const run = playGame(game, 'json-round-trip', 'random');
    const hashes = run.states.map(stateHash);
    for (let turn = 0; turn < run.actions.length; turn++) {
      let state = JSON.parse(JSON.stringify(run.states[turn])) as GameState;
      expect(stateHash(state)).toBe(hashes[turn]);
      for (let i = turn; i < run.actions.length; i++) {
        const r = applyAction(game, state, run.actions[i] as (typeof run.actions)[number]);
        if ('error' in r) throw new Error(r.error.message);
        state = JSON.parse(JSON.stringify(r.state)) as GameState;
        expect(stateHash(state)).toBe(hashes[i + 1]);
      }
    }
  });

  it('ends every game in an outcome within the round limit, for every strategy', () => {
    const limit = game.scenario.rounds * (game.scenario.movesPerRound ?? 1);
    for (const strategy of STRATEGIES) {
      for (let i = 0; i < 20; i++) {
        const run = playGame(game, `end-${i}`, strategy);
        const last = run.states[run.states.length - 1] as GameState;
        expect(outcomeOf(game, last)).not.toBeNull();
        expect(run.actions.length).toBeLessThanOrEqual(limit);
        expect(availableActions(game, last)).toEqual([]);
      }
    }
  });
});

describe('purity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('plays whole games with Math.random, Date.now and performance.now throwing', () => {
    const trap = () => {
      throw new Error('the engine must not read the clock or Math.random');
    };
    vi.spyOn(Math, 'random').mockImplementation(trap);
    vi.spyOn(Date, 'now').mockImplementation(trap);
    vi.spyOn(performance, 'now').mockImplementation(trap);
    for (const id of SCENARIO_IDS) {
      const game = loadGame(id);
      for (const strategy of STRATEGIES) {
        const run = playGame(game, `trap-${strategy}`, strategy);
        expect(outcomeOf(game, run.states[run.states.length - 1] as GameState)).not.toBeNull();
      }
    }
  });

  it('creates states that survive a JSON round trip unchanged', () => {
    const game = loadGame('tutorial');
    const run = playGame(game, 'plain-json', 'greedy');
    for (const s of run.states) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('refuses an empty seed', () => {
    const game = loadGame('tutorial');
    expect(() => createGame(game, '')).toThrow(/seed/);
    const r = replay(game, '', []);
    expect('error' in r && r.error.code).toBe('replay/bad-seed');
  });
});

describe('state layout', () => {
  it.each(SCENARIO_IDS)(
    'keeps every key of every %s state in canonical order, so hashing takes its fast path',
    (id) => {
      const game = loadGame(id);
      for (const strategy of STRATEGIES) {
        for (let i = 0; i < 5; i++) {
          for (const s of playGame(game, `layout-${i}`, strategy).states)
            expect(inCanonicalOrder(s, 0)).toBe(true);
        }
      }
    },
  );
});

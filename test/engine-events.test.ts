import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ActionInput as Action, createGame, type GameState, playGame } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { loadGame, playActions } from './helpers/scenarios.ts';

const game = loadGame('tutorial');
const firedIn = (states: GameState[], id: string) =>
  states.flatMap((s) => (s.log.some((e) => e.kind === 'event' && e.event === id) ? [s.round] : []));

describe('events with a window of rounds', () => {
  it('fire once, in the first round of the window where their condition holds', () => {
    const gesture: Action = { move: 'gesture', params: {} };
    const consult: Action = { move: 'consult', params: {} };
    // Round 1: the cooperative starts listening after the gesture; round 2: the drought is declared.
    const states = [createGame(game, 'window')];
    for (const a of [gesture, consult, consult, consult, consult, consult, consult, consult]) {
      states.push(playActions(game, states[states.length - 1] as GameState, [a]));
    }
    expect(firedIn(states, 'drought-report')).toEqual([2]);
    expect(firedIn(states, 'council-visit')).toEqual([3]);
    expect(states.at(-1)?.flags['council-visited']).toBe(true);
  });

  it('never fire outside the window, over many random games', () => {
    for (let i = 0; i < 200; i++) {
      const rounds = firedIn(playGame(game, `window-${i}`, 'random').states, 'council-visit');
      expect(rounds.length).toBeLessThanOrEqual(1);
      for (const r of rounds) expect(r >= 3 && r <= 5).toBe(true);
    }
  });

  it('are refused, located, when the window ends before it starts', () => {
    const text = readFileSync(new URL('../scenarios/tutorial.yaml', import.meta.url), 'utf8');
    const broken = text.replace('at: { from: 3, to: 5 }', 'at: { from: 5, to: 3 }');
    const result = parseScenario(broken, 'tutorial.yaml');
    expect('errors' in result).toBe(true);
    const line = broken.split('\n').findIndex((l) => l.includes('at: { from: 5, to: 3 }')) + 1;
    const error = 'errors' in result ? result.errors.find((d) => d.code === 'check/empty-window') : undefined;
    expect(error).toMatchObject({ severity: 'error', line });
  });
});

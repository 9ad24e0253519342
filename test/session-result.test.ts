/** The result a student hands in: built from a game, read back as untrusted data, and printable. */
import { describe, expect, it } from 'vitest';
import { playGame, verifyReplay } from '../src/engine/index.ts';
import { buildResult, readResult, resultMarkdown } from '../src/session/result.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe('student results', () => {
  it.each(SCENARIO_IDS)(
    '%s: a finished game gives a result whose replay verifies, with every answer',
    (id) => {
      const game = loadGame(id);
      const { actions, states } = playGame(game, 'result-1', 'random');
      const answers = { '0': 'Because trust was low.', name: 'ignored here' };
      const r = buildResult(game, 'result-1', actions, states, answers, '  Ada  ');
      expect(r.name).toBe('Ada');
      expect(r.choices).toHaveLength(actions.length);
      expect(r.choices[0]?.lines.length).toBeGreaterThan(0);
      expect(r.answers).toHaveLength(game.scenario.questions?.length ?? 0);
      expect(r.answers[0]?.answer).toBe('Because trust was low.');
      expect(r.outcome?.id).toBe(states[states.length - 1]?.outcome);
      const back = readResult(JSON.parse(JSON.stringify(r)));
      if ('error' in back) throw new Error(back.error);
      expect(verifyReplay(game, back.result.replay).ok).toBe(true);
      const md = resultMarkdown(r);
      expect(md).toContain(game.scenario.title);
      expect(md).toContain('Discussion questions');
    },
  );

  it('refuses what is not a result, and names both versions', () => {
    expect(readResult(null)).toEqual({ error: expect.stringMatching(/not a result/) });
    expect(readResult({ format: 'envoy-replay' })).toEqual({
      error: expect.stringMatching(/not an Envoy result/),
    });
    expect(readResult({ format: 'envoy-result', version: 9 })).toEqual({
      error: expect.stringMatching(/version 9 .* versions 1 and 2/),
    });
    expect(readResult({ format: 'envoy-result', version: 1, replay: {} })).toEqual({
      error: expect.stringMatching(/replay cannot be read/),
    });
  });

  it('ignores prototype keys and oversized fields', () => {
    const game = loadGame('tutorial');
    const { actions, states } = playGame(game, 'result-2', 'first');
    const r = JSON.parse(JSON.stringify(buildResult(game, 'result-2', actions, states, {}, 'B')));
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(r).slice(1)}`);
    hostile.name = 'x'.repeat(500);
    const back = readResult(hostile);
    if ('error' in back) throw new Error(back.error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(back.result.name).toBe('');
  });
});

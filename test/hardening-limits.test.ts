/**
 * Hardening class 4: small files that describe huge games. Each count of the format is stretched in
 * generated files (scripts/limit-files.ts): past its limit by a generated amount the file is refused with a
 * located `limit/…` error, quickly; at the limit it is accepted. The menu size the validator computes
 * without listing the menu equals what the engine lists, on the built-ins and on generated moves.
 * (`npm run bench` times every command on the largest accepted files; `npm run fuzz -- --only limits`.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DIMENSIONS, limitFile } from '../scripts/limit-files.ts';
import { compileGame, moveChoiceCount } from '../src/engine/index.ts';
import { actionWeight, explore } from '../src/lint/search.ts';
import { menuSize, SCENARIO_LIMITS } from '../src/scenario/check-limits.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe('scenario limits', () => {
  for (const dim of DIMENSIONS) {
    it(`${dim.limit}: refused past ${SCENARIO_LIMITS[dim.limit]}, located; accepted at it`, () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 51, max: 2000 })),
          (extra) => {
            const n = SCENARIO_LIMITS[dim.limit] + extra;
            const text = limitFile(dim, n);
            const started = performance.now();
            const r = parseScenario(text, `${dim.limit}.yaml`);
            expect(performance.now() - started).toBeLessThan(5000);
            expect('errors' in r, `${dim.limit} at ${n}`).toBe(true);
            if (!('errors' in r)) return;
            const d = r.errors.find((e) => e.code === dim.code);
            expect(d, r.errors.map((e) => `${e.code} ${e.message}`).join('\n')).toBeDefined();
            expect(d?.message).toMatch(/a scenario may have at most/);
            expect(d?.line).toBeGreaterThan(1);
          },
        ),
        { numRuns: 3, seed: 11 },
      );
      const at = parseScenario(
        limitFile(dim, dim.largest ?? SCENARIO_LIMITS[dim.limit]),
        `${dim.limit}.yaml`,
      );
      expect('errors' in at ? at.errors.slice(0, 3).map((e) => e.message) : [], dim.limit).toEqual([]);
    }, 60_000);
  }

  it('check budgets count cost: a file with many parties, events or menu entries gets fewer actions', () => {
    for (const id of SCENARIO_IDS) expect(actionWeight(loadGame(id)), id).toBe(1);
    fc.assert(
      fc.property(
        fc.constantFrom('parties', 'events', 'menuPerMove'),
        fc.integer({ min: 0, max: 100 }),
        (limit, pct) => {
          const dim = DIMENSIONS.find((d) => d.limit === limit) as (typeof DIMENSIONS)[number];
          const n = Math.max(5, Math.round(((dim.largest ?? SCENARIO_LIMITS[dim.limit]) * pct) / 100));
          const r = parseScenario(limitFile(dim, n), 'big.yaml');
          if ('errors' in r) throw new Error(r.errors[0]?.message);
          const game = compileGame(r.scenario);
          const weight = actionWeight(game);
          const seen = explore(game, { actions: 2000, seed: 'cost' });
          expect(seen.actions).toBeLessThanOrEqual(Math.floor(2000 / weight) + 1);
          expect(weight).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 6, seed: 13 },
    );
    const widest = parseScenario(limitFile(DIMENSIONS[0] as (typeof DIMENSIONS)[number], 100), 'w.yaml');
    if ('errors' in widest) throw new Error('widest');
    expect(actionWeight(compileGame(widest.scenario))).toBeGreaterThan(2);
  }, 60_000);

  it('the menu size the validator computes is what the engine lists, on the built-ins', () => {
    for (const id of SCENARIO_IDS) {
      const game = loadGame(id);
      for (const [moveId, move] of Object.entries(game.scenario.moves))
        expect(menuSize(game.scenario, move), `${id} ${moveId}`).toBe(moveChoiceCount(game, moveId));
    }
  });

  it('and on generated moves (targets chosen or not, propose over issue subsets, parameters)', () => {
    const base = JSON.parse(JSON.stringify(loadGame('tutorial').scenario));
    const issues = Object.keys(base.issues);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.subarray(['valley', 'north', 'south', 'chair', 'council']),
        fc.option(fc.subarray(issues, { minLength: 1 }), { nil: undefined }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        fc.constantFrom('propose', 'action'),
        (choose, to, moveIssues, params, kind) => {
          const d = structuredClone(base);
          const move: Record<string, unknown> = { label: 'Probe', kind, text: 'Probe.' };
          if (to.length > 0) {
            move.to = to;
            if (choose) move.choose = true;
          }
          if (kind === 'propose' && moveIssues) move.issues = moveIssues;
          if (params.length > 0)
            move.params = Object.fromEntries(
              params.map((n, p) => [
                `q${p}`,
                {
                  label: `Q${p}`,
                  options: Object.fromEntries(Array.from({ length: n }, (_, o) => [`v${o}`, `V${o}`])),
                },
              ]),
            );
          d.moves.probe = move;
          const r = parseScenario(stringify(d), 'probe.yaml');
          if ('errors' in r) return; // e.g. a propose move with no target: not what this test is about
          const game = compileGame(r.scenario);
          expect(menuSize(game.scenario, game.scenario.moves.probe as never)).toBe(
            moveChoiceCount(game, 'probe'),
          );
        },
      ),
      { numRuns: 80, seed: 12 },
    );
  });
});

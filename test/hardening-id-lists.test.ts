/**
 * Hardening class 8: a list of ids that is a set (vote members, bloc members, a move's targets and issues,
 * an event's recipients, sources) must not repeat an id: `members: [a, a, b]` counted `a`
 * once, so the vote could never pass. Generated repeats in every such list of every built-in scenario are
 * refused, at the line of the repeat.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../src/scenario/index.ts';
import { SCENARIO_IDS } from './helpers/scenarios.ts';

// (`order` and `menu` repeats are warnings, check/duplicate-entry and check/duplicate-menu: harmless.)
const SET_FIELDS = new Set(['to', 'issues', 'sources', 'members']);

/** Every list of ids the format treats as a set, by path, in one parsed scenario. */
function setLists(data: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      const last = path[path.length - 1];
      if (
        typeof last === 'string' &&
        SET_FIELDS.has(last) &&
        v.length > 0 &&
        v.every((x) => typeof x === 'string')
      )
        out.push(path);
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
  };
  walk(data, []);
  return out;
}

const sources = SCENARIO_IDS.map((id) => {
  const text = readFileSync(`scenarios/${id}.yaml`, 'utf8');
  const parsed = parseScenario(text, id);
  if ('errors' in parsed) throw new Error(`${id} does not validate`);
  const data = JSON.parse(JSON.stringify(parsed.scenario));
  return { id, data, lists: setLists(data) };
});

describe('lists of ids that are sets', () => {
  it('every built-in scenario has such lists to test', () => {
    for (const s of sources) expect(s.lists.length, s.id).toBeGreaterThan(0);
  });

  it('a repeated id in any of them is refused where the repeat is written', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (si, li, from, to) => {
        const s = sources[si % sources.length] as (typeof sources)[number];
        const data = structuredClone(s.data);
        const path = s.lists[li % s.lists.length] as (string | number)[];
        let list: unknown = data;
        for (const seg of path) list = (list as Record<string | number, unknown>)[seg];
        const ids = list as string[];
        const dup = ids[from % ids.length] as string;
        ids.splice(to % (ids.length + 1), 0, dup);
        const text = stringify(data, { lineWidth: 0 });
        const r = parseScenario(text, 'repeated.yaml');
        expect('errors' in r, `${s.id} ${path.join('.')}: ${dup} twice`).toBe(true);
        if (!('errors' in r)) return;
        const d = r.errors.find((e) => e.message.includes('listed twice'));
        expect(d, r.errors.map((e) => e.message).join('\n')).toBeDefined();
        expect(text.split('\n')[(d?.line ?? 0) - 1]).toContain(dup);
      }),
      { numRuns: 150, seed: 3 },
    );
    // Each run validates (and plays) a whole scenario: a minute is the budget, on a busy two-core machine.
  }, 60_000);
});

/**
 * Machine diagrams: every party's machine of every scenario lays out (finite coordinates, every state a box,
 * every state-changing transition an arrow with a route), the text alternative says everything the drawing
 * does, the layout is the same every time, and the path a game took is what its log says.
 */
import { describe, expect, it } from 'vitest';
import { playGame } from '../src/engine/index.ts';
import { machineDiagram } from '../src/view/machine-diagram.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe.each(SCENARIO_IDS)('the machine diagrams of %s', (id) => {
  const game = loadGame(id);
  const run = playGame(game, `diagram-${id}`, 'greedy');
  const parties = game.partyIds.filter((p) => game.machines[p]);

  it('place every state and route every transition that changes state', () => {
    for (const party of parties) {
      const d = machineDiagram(game, party, run.states);
      if (!d) throw new Error(`no diagram for ${party}`);
      const def = game.machines[party]?.def;
      expect(d.nodes.map((n) => n.id).sort()).toEqual(Object.keys(def?.states ?? {}).sort());
      for (const n of d.nodes)
        for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
      const pairs = new Set<string>();
      let moving = 0;
      let all = 0;
      for (const [from, st] of Object.entries(def?.states ?? {}))
        for (const list of Object.values(st.on ?? {}))
          for (const t of list) {
            all++;
            if (t.to !== undefined && t.to !== from) {
              moving++;
              pairs.add(`${from}>${t.to}`);
            }
          }
      // One arrow per pair of states, standing for every transition between them.
      expect(d.edges).toHaveLength(pairs.size);
      expect(d.edges.reduce((n, e) => n + e.via.length, 0)).toBe(moving);
      for (const e of d.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(d.text).toHaveLength(d.nodes.length + all);
      expect(d.width).toBeGreaterThan(0);
      // Nothing is drawn off the picture: every box and every point of every arrow lies inside it.
      for (const n of d.nodes) {
        expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width / 2).toBeLessThanOrEqual(d.width);
        expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
        expect(n.y + n.height / 2).toBeLessThanOrEqual(d.height);
      }
      for (const e of d.edges)
        for (const p of e.points) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x).toBeLessThanOrEqual(d.width);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeLessThanOrEqual(d.height);
        }
      expect(machineDiagram(game, party, run.states)).toEqual(d);
    }
  });

  it('highlight exactly the transitions the game took, and where each party ended', () => {
    for (const party of parties) {
      const d = machineDiagram(game, party, run.states);
      const moved = new Set<string>();
      for (const s of run.states)
        for (const e of s.log)
          if (e.kind === 'response' && e.party === party && e.from !== e.to) moved.add(`${e.from}>${e.to}`);
      const taken = new Set(d?.edges.filter((e) => e.taken).map((e) => `${e.from}>${e.to}`));
      expect([...taken].sort()).toEqual([...moved].sort());
      const end = run.states.at(-1)?.parties[party]?.position?.value;
      expect(d?.nodes.filter((n) => n.current).map((n) => n.id)).toEqual([end]);
    }
  });

  it('draw a file’s machine without a game (the preview), nothing highlighted', () => {
    for (const party of parties) {
      const d = machineDiagram(game, party);
      expect(d?.edges.some((e) => e.taken)).toBe(false);
      expect(d?.nodes.some((n) => n.current)).toBe(false);
    }
  });
});

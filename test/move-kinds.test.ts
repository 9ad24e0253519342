/**
 * One registry of move kinds (src/scenario/move-kinds.ts) for the validator and the engine: what a move sends
 * is the same for both. A `propose` move that names its own event is judged like any offer: before the
 * registry it validated, and no party ever judged it.
 */
import { describe, expect, it } from 'vitest';
import { agreementsOf, compileGame, createGame, playGame } from '../src/engine/index.ts';
import { crossCheck } from '../src/scenario/cross-check.ts';
import type { Scenario } from '../src/scenario/index.ts';
import { judgedEvents, MOVE_KINDS } from '../src/scenario/move-kinds.ts';
import { Move } from '../src/scenario/schema.ts';
import { loadGame } from './helpers/scenarios.ts';

/** The tutorial with its offers renamed: the propose move sends `offer.custom`, the valley listens to it. */
function renamedOffers(): Scenario {
  const s = structuredClone(loadGame('tutorial').scenario) as Scenario;
  (s.moves.propose as { sends?: string }).sends = 'offer.custom';
  for (const st of Object.values(s.parties.valley?.position?.states ?? {})) {
    const on = st.on as Record<string, unknown> | undefined;
    if (on && Object.hasOwn(on, 'offer.proposed')) {
      on['offer.custom'] = on['offer.proposed'];
      delete on['offer.proposed'];
    }
  }
  return s;
}

describe('the move-kind registry', () => {
  it('has an entry for every kind the schema accepts', () => {
    const kinds = (Move.shape.kind.unwrap() as unknown as { options: string[] }).options;
    expect(Object.keys(MOVE_KINDS).sort()).toEqual([...kinds].sort());
  });

  it('judges an offer sent under a propose move’s own event, exactly as under offer.proposed', () => {
    const s = renamedOffers();
    expect(judgedEvents(s).has('offer.custom')).toBe(true);
    const problems = crossCheck(s).filter((p) => p.severity === 'error' || p.code === 'check/offer-only');
    expect(problems).toEqual([]);
    const renamed = compileGame(s);
    const original = loadGame('tutorial');
    for (const seed of ['k1', 'k2', 'k3']) {
      const a = playGame(original, seed, 'greedy').states.at(-1);
      const b = playGame(renamed, seed, 'greedy').states.at(-1);
      expect(b?.outcome).toBe(a?.outcome);
      expect(b && agreementsOf(b)).toEqual(a && agreementsOf(a));
      expect(b?.parties).toEqual(a?.parties);
    }
    expect(createGame(renamed, 'k1').format).toBe(2);
  });
});

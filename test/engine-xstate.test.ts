/**
 * XState carries each position: a party's meters and agreement live in its machine's context, change through
 * the machine's actions, and nested states and parallel regions play, replay and hash deterministically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/core/hash.ts';
import {
  type ActionInput,
  agreementsOf,
  applyAction,
  compileGame,
  createGame,
  type GameState,
  metersOf,
  playGame,
  replay,
  stateHash,
  viewFor,
} from '../src/engine/index.ts';
import { legacyState } from '../src/engine/legacy.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { loadGame } from './helpers/scenarios.ts';

const FIXTURE = new URL('./fixtures/machines/moscow-regions.yaml', import.meta.url);

function regions(edit?: (text: string) => string) {
  const text = readFileSync(FIXTURE, 'utf8');
  return parseScenario(edit ? edit(text) : text, 'moscow-regions.yaml');
}

function regionsGame() {
  const parsed = regions();
  if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
  return compileGame(parsed.scenario);
}

function play(game: ReturnType<typeof regionsGame>, state: GameState, actions: ActionInput[]): GameState {
  let s = state;
  for (const a of actions) {
    const r = applyAction(game, s, a);
    if ('error' in r) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const statement = { move: 'statement', params: {} };
const concede = { move: 'propose', params: { issue: 'bases', option: 'concede' } };

describe('a party with a machine', () => {
  it('keeps its meters and agreement in the machine context, not on its record', () => {
    const game = loadGame('tutorial');
    const s = createGame(game, 'ctx');
    const valley = s.parties.valley;
    expect(valley && Object.keys(valley)).toEqual(['position']);
    expect(valley?.position?.context).toEqual({ meters: metersOf(s, 'valley') });
    expect(canonicalJson(s)).toBe(JSON.stringify(s));
  });

  it('changes its meters through the machine step and records its agreement there', () => {
    const game = regionsGame();
    const s = play(game, createGame(game, 'r'), [statement, statement, concede]);
    expect(metersOf(s, 'russia')).toEqual({ trust: 5 });
    expect(s.parties.russia?.position?.context.agreed).toEqual({ bases: 'concede' });
    expect(agreementsOf(s)).toEqual({ russia: { bases: 'concede' } });
  });

  it('projects back to the version-1 shape (meters on the party, one agreements map, empty context)', () => {
    const game = regionsGame();
    const s = play(game, createGame(game, 'r'), [statement, statement, concede]);
    const v1 = legacyState(s) as {
      parties: Record<string, { meters: unknown; position: { context: object } | null }>;
      agreements: unknown;
    };
    expect(v1.parties.russia).toEqual({
      meters: { trust: 5 },
      position: { context: {}, value: { stance: { bases: 'conceded', strikes: 'reduced' } } },
    });
    expect(v1.agreements).toEqual({ russia: { bases: 'concede' } });
  });
});

describe('parallel regions (test/fixtures/machines/moscow-regions.yaml)', () => {
  it('validates', () => {
    const parsed = regions();
    expect('errors' in parsed ? parsed.errors : []).toEqual([]);
  });

  it('starts with both regions active and moves both on one event', () => {
    const game = regionsGame();
    const s0 = createGame(game, 'r');
    expect(s0.parties.russia?.position?.value).toEqual({ stance: { bases: 'holding', strikes: 'ongoing' } });
    const s1 = play(game, s0, [statement]);
    // Both regions heard the statement: each added one to trust (1 → 3).
    expect(metersOf(s1, 'russia')).toEqual({ trust: 3 });
    const s2 = play(game, s1, [statement]);
    expect(s2.parties.russia?.position?.value).toEqual({ stance: { bases: 'holding', strikes: 'reduced' } });
    expect(s2.flags['strikes-down']).toBe(true);
    // `position: strikes.reduced` (a tail of the path) lets the bases region concede.
    const s3 = play(game, s2, [concede]);
    expect(s3.parties.russia?.position?.value).toEqual({ stance: { bases: 'conceded', strikes: 'reduced' } });
    expect(canonicalJson(s3)).toBe(JSON.stringify(s3));
    const m = game.machines.russia;
    const value = s3.parties.russia?.position?.value ?? '';
    expect(m?.metaOf(value)).toEqual({ vote: 'yes', score: 3 });
    expect(m?.matches(value, 'stance.bases.conceded')).toBe(true);
    expect(m?.matches(value, 'ongoing')).toBe(false);
  });

  it('leaves the regions for a top-level final state, and the game ends with no counterpart left', () => {
    const game = regionsGame();
    const s = play(game, createGame(game, 'r'), [{ move: 'threaten', params: {} }]);
    expect(s.parties.russia?.position?.value).toBe('walked-out');
    expect(s.over).toBe(true);
    expect(s.log.at(-1)).toMatchObject({ kind: 'end', reason: 'no-counterparts' });
  });

  it('plays through, replays and hashes deterministically; the view hides nothing it should show', () => {
    const game = regionsGame();
    for (let i = 0; i < 30; i++) {
      const run = playGame(game, `regions-${i}`, i % 3 ? 'random' : 'greedy');
      const again = replay(game, `regions-${i}`, run.actions);
      if ('error' in again) throw new Error(again.error.message);
      expect(again.states.map(stateHash)).toEqual(run.states.map(stateHash));
      const last = run.states.at(-1) as GameState;
      expect(last.outcome).not.toBeNull();
      expect(stateHash(JSON.parse(JSON.stringify(last)))).toBe(stateHash(last));
      expect(viewFor(game, last, 'syria').parties.russia?.meters).toEqual(metersOf(last, 'russia'));
    }
    const outcomes = new Set<string>();
    for (let i = 0; i < 200; i++)
      outcomes.add((playGame(game, `o-${i}`, 'random').states.at(-1) as GameState).outcome as string);
    expect(outcomes.has('both-resolved')).toBe(true);
  });

  it("leaves nested states' words out of the rules hash (rewording one changes the text hash only)", () => {
    const a = regionsGame();
    const parsed = regions((t) =>
      t.replace('describe: The strikes are reduced.', 'describe: Fewer strikes.'),
    );
    if ('errors' in parsed) throw new Error('reworded fixture does not validate');
    const b = compileGame(parsed.scenario);
    expect(b.scenarioHash).toBe(a.scenarioHash);
    expect(b.textHash).not.toBe(a.textHash);
    const changed = regions((t) => t.replace('score: 1', 'score: 1.5'));
    if ('errors' in changed) throw new Error('changed fixture does not validate');
    expect(compileGame(changed.scenario).scenarioHash).not.toBe(a.scenarioHash);
  });

  it('is refused with a located error when a nested target or `initial` is wrong', () => {
    const badTarget = regions((t) => t.replace('to: conceded', 'to: concede'));
    expect('errors' in badTarget && badTarget.errors.map((e) => e.code)).toContain('ref/unknown-state');
    const noInitial = regions((t) => t.replace(/\n *initial: holding/, ''));
    expect('errors' in noInitial && noInitial.errors.map((e) => e.code)).toContain('check/missing-initial');
    const badPosition = regions((t) => t.replace('position: reduced', 'position: lowered'));
    expect('errors' in badPosition && badPosition.errors.map((e) => e.code)).toContain('ref/unknown-state');
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ActionInput as Action,
  applyAction,
  availableActions,
  createGame,
  type GameState,
  playGame,
} from '../src/engine/index.ts';
import { describeLog } from '../src/view/log-lines.ts';
import { loadGame, playActions } from './helpers/scenarios.ts';

// Behaviour of the Security Council scenario (resolution 2799, 6 November 2025), written as sentences a
// teacher could check against the briefing: the voting rule, the blocs, China's red line and veto, the
// White House clock, and what a thoughtful player can reach that random play cannot.
const game = loadGame('un-sanctions-vote');

const PERMANENT = ['china', 'france', 'russia', 'united-kingdom', 'united-states'];
const ELECTED = [
  'algeria',
  'denmark',
  'greece',
  'guyana',
  'pakistan',
  'panama',
  'republic-of-korea',
  'sierra-leone',
  'slovenia',
  'somalia',
];
const NON_CHINA = [...PERMANENT.filter((p) => p !== 'china'), ...ELECTED];
/** The machine state in which each member votes yes whatever happens at the roll call. */
const YES = (party: string) => (party === 'united-states' ? 'pushing' : 'committed');

const move = (id: string, params: Record<string, string> = {}): Action => ({ move: id, params });
const amend = (issue: string, option: string): Action => move('amend-text', { issue, option });
const consult = move('consult');

/** Applies actions that must be legal. */
const play = (state: GameState, ...actions: Action[]): GameState => playActions(game, state, actions);

/** Plays quiet moves (consulting Damascus) until the game ends. */
function playOut(state: GameState): GameState {
  let s = state;
  while (!s.over) s = play(s, consult);
  return s;
}

const position = (s: GameState, party: string) => s.parties[party]?.position?.value;
const tierOf = (s: GameState) => game.scenario.outcomes.find((o) => o.id === s.outcome)?.tier;

/**
 * A game at the start of round 3 (the US draft has circulated, so a vote can be called), with the
 * members' positions set directly. `committed` votes yes and `reserved` abstains whatever happens at the
 * roll call, so the count is exactly what the test sets up.
 */
function councilAt(seed: string, positions: Record<string, string>, table: Record<string, string> = {}) {
  const s = structuredClone(play(createGame(game, seed), consult, consult, consult, consult));
  for (const [party, value] of Object.entries(positions)) {
    const p = s.parties[party];
    if (p?.position) p.position = { value, context: p.position.context };
  }
  Object.assign(s.table, table);
  return s;
}

describe('the voting rule', () => {
  it('a single permanent member voting no vetoes the resolution even with fourteen yes votes', () => {
    const yes = Object.fromEntries(NON_CHINA.map((p) => [p, YES(p)]));
    // With HTS in the text China has no way back from its veto at the roll call.
    const s = play(
      councilAt('veto', { ...yes, china: 'aggrieved' }, { delisting: 'also-hts' }),
      move('call-vote'),
    );
    expect(s.vote).toMatchObject({ yes: 14, no: 1, abstain: 0, vetoedBy: ['china'], adopted: false });
    expect(s.outcome).toBe('vetoed');
    expect(tierOf(s)).toBe('failure');
  });

  it("China's abstention does not block adoption: 14-0-1 is the historical, partial outcome", () => {
    const yes = Object.fromEntries(NON_CHINA.map((p) => [p, YES(p)]));
    const s = play(councilAt('abstain', { ...yes, china: 'cautioning' }), move('call-vote'));
    expect(s.vote).toMatchObject({ yes: 14, no: 0, abstain: 1, vetoedBy: [], adopted: true });
    expect(s.vote?.ballots.china).toBe('abstain');
    const outcome = game.scenario.outcomes.find((o) => o.id === s.outcome);
    expect(outcome).toMatchObject({ id: 'delisted-china-abstains', tier: 'partial', historical: true });
    expect(game.scenario.outcomes.filter((o) => o.historical)).toHaveLength(1);
  });

  it('adoption needs nine yes votes: eight fall short without any veto, nine carry it', () => {
    const count = (n: number) => {
      const positions: Record<string, string> = { china: 'cautioning' };
      NON_CHINA.forEach((p, i) => {
        positions[p] = i < n ? YES(p) : 'reserved';
      });
      return play(councilAt(`nine-${n}`, positions), move('call-vote'));
    };
    const eight = count(8);
    expect(eight.vote).toMatchObject({ yes: 8, no: 0, adopted: false, vetoedBy: [] });
    expect(eight.outcome).toBe('falls-short');
    const nine = count(9);
    expect(nine.vote).toMatchObject({ yes: 9, adopted: true });
    expect(nine.outcome).toBe('delisted-china-abstains');
  });

  it('lets all fifteen 2025 members vote, and only the five permanent members hold a veto', () => {
    expect([...(game.scenario.vote?.members ?? [])].sort()).toEqual([...PERMANENT, ...ELECTED].sort());
    expect(game.scenario.vote?.threshold).toBe(9);
    const vetoes = Object.entries(game.scenario.parties)
      .filter(([, p]) => p.veto)
      .map(([id]) => id);
    expect(vetoes.sort()).toEqual(PERMANENT);
    expect(game.scenario.vote?.members).not.toContain('syria');
  });
});

describe('lobbying', () => {
  it('lobbying the A3+ bloc reaches Algeria, Guyana, Sierra Leone and Somalia, and nobody else', () => {
    const s = play(createGame(game, 'a3'), move('lobby', { to: 'a3-plus', pitch: 'reconstruction' }));
    const reached = s.log.filter((e) => e.kind === 'response').map((e) => (e as { party: string }).party);
    expect(reached.sort()).toEqual(['algeria', 'guyana', 'sierra-leone', 'somalia']);
  });

  it('keeps the menu human-sized: tens of actions, not hundreds', () => {
    const n = availableActions(game, createGame(game, 'menu')).length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(100);
  });
});

describe('China', () => {
  it('treats delisting HTS as a group as a red line, says why, and is left ready to veto', () => {
    const s = play(createGame(game, 'hts'), amend('delisting', 'also-hts'));
    expect(position(s, 'china')).toBe('aggrieved');
    expect(s.log.find((e) => e.kind === 'response' && e.party === 'china')).toMatchObject({
      verdict: 'red-line',
      issue: 'delisting',
    });
    const line = describeLog(game, s).find((l) => l.party === 'china')?.text ?? '';
    expect(line).toMatch(/zero tolerance for terrorism/);
    // Taking HTS out again brings Beijing back from the brink.
    expect(position(play(s, amend('delisting', 'al-sharaa-and-khattab')), 'china')).toBe('cautioning');
  });

  it('does not always carry out its veto: facing a lone veto against a text Moscow backs, it sometimes abstains', () => {
    const ballots = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const s = play(createGame(game, `lone-${i}`), move('statement', { tone: 'sovereign' }));
      expect(position(s, 'china')).toBe('aggrieved');
      ballots.add(playOut(s).vote?.ballots.china ?? 'none');
    }
    expect(ballots).toEqual(new Set(['no', 'abstain']));
  });
});

describe('the White House clock', () => {
  it('asking to delay the vote irritates the penholder, takes the early vote off the menu and ends in failure', () => {
    let s = play(createGame(game, 'delay'), amend('timing', 'delay-for-consensus'));
    expect(position(s, 'united-states')).toBe('irritated');
    s = play(s, consult, consult, consult);
    expect(s.flags['draft-circulated']).toBe(true);
    expect(availableActions(game, s).some((a) => a.move === 'call-vote')).toBe(false);
    const end = playOut(s);
    expect(end.outcome).toBe('vote-delayed');
    expect(tierOf(end)).toBe('failure');
  });
});

describe('what a thoughtful player reaches', () => {
  /**
   * Engage Beijing early through the embassy in Damascus and written commitments, put firm language on
   * foreign fighters in the text, offer China an understanding once it is bargaining, and lobby the blocs.
   */
  function sensible(seed: string): GameState {
    const lobbying = [
      move('lobby', { to: 'european-members', pitch: 'reconstruction' }),
      move('lobby', { to: 'a3-plus', pitch: 'reconstruction' }),
      move('lobby', { to: 'pakistan', pitch: 'counterterrorism' }),
      move('lobby', { to: 'united-states', pitch: 'counterterrorism' }),
      move('arab-group'),
      move('lobby', { to: 'republic-of-korea', pitch: 'counterterrorism' }),
      move('lobby', { to: 'panama', pitch: 'reconstruction' }),
      move('lobby', { to: 'european-members', pitch: 'counterterrorism' }),
    ];
    let s = createGame(game, seed);
    while (!s.over) {
      const china = position(s, 'china');
      const chinaMoves: Action[] = [];
      if (s.table['ct-language'] === 'generic')
        chinaMoves.push(amend('ct-language', 'firm-measures-foreign-fighters'));
      if (china === 'bargaining')
        chinaMoves.push(
          move('china-understanding', {
            issue: 'china-deal',
            option: s.table['china-deal'] === 'after-in-beijing' ? 'before-the-vote' : 'after-in-beijing',
          }),
        );
      if (china !== 'understanding' && china !== 'supportive')
        chinaMoves.push(move('damascus-channel'), move('ct-assurance'));
      const order = s.step === 0 ? [...chinaMoves, ...lobbying] : [...lobbying, ...chinaMoves];
      const next = order.find((a) => 'state' in applyAction(game, s, a)) ?? consult;
      const i = lobbying.indexOf(next);
      if (i >= 0) lobbying.splice(i, 1);
      s = play(s, next);
    }
    return s;
  }

  it('keeps ties with China intact far more often than random play does', () => {
    const runs = 40;
    let sensibleWins = 0;
    let randomWins = 0;
    for (let i = 0; i < runs; i++) {
      if (sensible(`sensible-${i}`).outcome === 'delisted-ties-intact') sensibleWins++;
      const random = playGame(game, `random-${i}`, 'random');
      if (random.states[random.states.length - 1]?.outcome === 'delisted-ties-intact') randomWins++;
    }
    expect(sensibleWins / runs).toBeGreaterThanOrEqual(0.7);
    expect(randomWins / runs).toBeLessThan(0.1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ActionInput as Action,
  agreementsOf,
  applyAction,
  availableActions,
  createGame,
  type GameState,
  type LogEntry,
  metersOf,
} from '../src/engine/index.ts';
import { describeLog } from '../src/view/log-lines.ts';
import { loadGame, playActions } from './helpers/scenarios.ts';

const game = loadGame('bab-al-hawa');

const act = (move: string, params: Record<string, string> = {}): Action => ({ move, params });
const propose = (issue: string, option: string): Action => act('propose', { issue, option });
const consult = act('consult');

/** Applies actions that must be legal. */
const play = (state: GameState, ...actions: Action[]): GameState => playActions(game, state, actions);

/** Plays the actions that are legal at their turn, skipping the others (a plan that adapts a little). */
function playPlan(state: GameState, plan: Action[]): GameState {
  let s = state;
  for (const a of plan) {
    if (s.over) break;
    const r = applyAction(game, s, a);
    if (!('error' in r)) s = r.state;
  }
  return s;
}

const russia = (s: GameState) => s.parties.russia;
const russiaSays = (s: GameState) => describeLog(game, s).filter((l) => l.party === 'russia');
const events = (s: GameState) =>
  s.log.filter((e): e is Extract<LogEntry, { kind: 'event' }> => e.kind === 'event').map((e) => e.event);

/** Trust first, then the meeting, then the package — what al-Shaibani describes [A]. */
const sensiblePlan: Action[] = [
  act('statement', { tone: 'conciliatory' }),
  act('back-channel', { message: 'reassure' }),
  act('protect-nationals'),
  act('back-channel', { message: 'sound-out' }),
  act('request-meeting'),
  propose('russian-forces', 'restraint'),
  act('request-meeting'),
  propose('city-strikes', 'stop'),
  act('argue', { argument: 'transient' }),
  consult,
  propose('un-front', 'stay-silent'),
  propose('bases', 'future-talks'),
  act('confirm-points'),
  act('forecast'),
  act('confirm-points'),
  act('argue', { argument: 'aleppo-ball' }),
  act('forecast'),
];

describe('Russia at Bab al-Hawa', () => {
  it('rejects a package that crosses its red line on the bases, and says why', () => {
    const s = play(createGame(game, 'red-line'), propose('bases', 'russia-leaves'));
    const response = s.log.find((e) => e.kind === 'response' && e.party === 'russia');
    expect(response).toMatchObject({ verdict: 'red-line', issue: 'bases' });
    expect(russiaSays(s)[0]?.text).toMatch(/red line on the bases at Hmeimim and Tartus/);
    expect(metersOf(s, 'russia')?.trust).toBe(-2);
  });

  it('a conciliatory public statement can move Russia from hostile to listening, through the intermediary', () => {
    const s1 = play(createGame(game, 'statement'), act('statement', { tone: 'conciliatory' }));
    expect(russia(s1)?.position?.value).toBe('hostile');
    expect(s1.flags['statement-read']).toBe(true);
    // "Shortly afterwards, a trusted intermediary told us: 'Putin read the statement and liked it.'" [A]
    const s2 = play(s1, consult);
    expect(events(s2)).toContain('signal');
    expect(describeLog(game, s2).some((l) => l.text.includes('Putin read the statement and liked it'))).toBe(
      true,
    );
    expect(russia(s2)?.position?.value).toBe('listening');
  });

  it('a triumphant statement pleases the commanders but costs Moscow’s trust and brings no signal', () => {
    const s0 = createGame(game, 'triumph');
    const s = play(s0, act('statement', { tone: 'triumphant' }), consult);
    expect(metersOf(s, 'russia')?.trust).toBe((metersOf(s0, 'russia')?.trust ?? 0) - 1);
    expect(russia(s)?.position?.value).toBe('hostile');
    expect(events(s)).not.toContain('signal');
  });

  it('only confirms points it has said it could accept', () => {
    // Find a seed where the meeting happens, then ask for confirmation of a package Moscow rejects.
    for (let i = 0; i < 40; i++) {
      let s = playPlan(createGame(game, `confirm-${i}`), sensiblePlan.slice(0, 5));
      if (russia(s)?.position?.value !== 'engaged') continue;
      s = play(s, propose('bases', 'future-talks'), propose('un-front', 'stay-silent'));
      if (russia(s)?.position?.value !== 'engaged' || s.flags['moscow-could-confirm'] !== false) continue;
      s = play(s, act('confirm-points'));
      expect(agreementsOf(s).russia).toBeUndefined();
      expect(russiaSays(s).some((l) => /will not confirm/.test(l.text))).toBe(true);
      return;
    }
    throw new Error('no seed reached the table with an unacceptable package');
  });

  it('assisting the withdrawal is only credible once Russia is disengaging', () => {
    let atTable: GameState | null = null;
    let steppingAside: GameState | null = null;
    for (let i = 0; i < 60 && !(atTable && steppingAside); i++) {
      const s = playPlan(createGame(game, `withdraw-${i}`), sensiblePlan);
      const at = russia(s)?.position?.value;
      if (!s.over && at === 'engaged' && !atTable) atTable = s;
      if (!s.over && at === 'disengaging' && !steppingAside) steppingAside = s;
      const early = playPlan(createGame(game, `withdraw-early-${i}`), sensiblePlan.slice(0, 6));
      if (!early.over && russia(early)?.position?.value === 'engaged' && !atTable) atTable = early;
    }
    if (!atTable || !steppingAside) throw new Error('no seed reached both positions');

    const before = metersOf(atTable, 'russia')?.trust ?? 0;
    const rebuffed = play(atTable, propose('withdrawal', 'offer'));
    expect(metersOf(rebuffed, 'russia')?.trust).toBe(before - 1);
    expect(russiaSays(rebuffed)[0]?.text).toMatch(/demand that it go/);
    expect(rebuffed.flags['moscow-could-confirm']).toBe(false);

    const trustAside = metersOf(steppingAside, 'russia')?.trust ?? 0;
    const welcomed = play(steppingAside, propose('withdrawal', 'offer'));
    expect(metersOf(welcomed, 'russia')?.trust).toBe(Math.min(5, trustAside + 1));
    expect(russiaSays(welcomed)[0]?.text).toMatch(/Now the offer is credible/);
  });

  it('a thoughtful sequence usually ends with Russia stepping aside, the historical outcome', () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      let s = playPlan(createGame(game, `sensible-${i}`), sensiblePlan);
      while (!s.over) s = play(s, consult);
      outcomes.push(s.outcome ?? 'none');
    }
    const historical = game.scenario.outcomes.find((o) => o.historical)?.id;
    expect(historical).toBe('russia-steps-aside');
    expect(outcomes.filter((o) => o === historical).length, outcomes.join(', ')).toBeGreaterThanOrEqual(14);
  });

  it('conceding a written guarantee on the bases to close quickly is only a partial result', () => {
    const hasty = [
      act('statement', { tone: 'conciliatory' }),
      propose('city-strikes', 'stop'),
      propose('russian-forces', 'restraint'),
      consult,
      act('request-meeting'),
      act('request-meeting'),
      act('request-meeting'),
      act('confirm-points'),
      act('confirm-points'),
    ];
    let partial = 0;
    for (let i = 0; i < 20; i++) {
      let s = playPlan(createGame(game, `hasty-${i}`), hasty);
      while (!s.over) s = play(s, consult);
      if (s.outcome === 'bases-conceded') {
        partial++;
        expect(agreementsOf(s).russia).toMatchObject({ 'city-strikes': 'stop', bases: 'old-deal-stands' });
      }
    }
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(game.scenario.outcomes.find((o) => o.id === 'bases-conceded')?.tier).toBe('partial');
  });
});

describe('the clock of the offensive', () => {
  /** A game in which the player only consults the leadership, up to the start of a round. */
  function consultUntil(round: number, seed: string): GameState {
    let s = createGame(game, seed);
    while (!s.over && s.round < round) s = play(s, consult);
    return s;
  }

  it('the fall of Hama on 5 December is scripted', () => {
    for (const seed of ['hama-1', 'hama-2', 'hama-3']) {
      const s = consultUntil(5, seed);
      expect(events(s)).toContain('hama-falls');
      expect(s.flags['hama-fell']).toBe(true);
    }
    const event = game.scenario.events?.find((e) => e.id === 'hama-falls');
    expect(event?.chance).toBeUndefined();
    expect(event?.title).toMatch(/5 December/);
  });

  it('the fall of Homs on 7 December is scripted, in the last round', () => {
    for (const seed of ['homs-1', 'homs-2', 'homs-3']) {
      const s = consultUntil(8, seed);
      if (s.over) continue; // the game may already have ended in escalation
      expect(events(s)).toContain('homs-falls');
      expect(events(s)).toContain('lavrov-in-doha');
    }
    const event = game.scenario.events?.find((e) => e.id === 'homs-falls');
    expect(event).toMatchObject({ at: game.scenario.rounds });
    expect(event?.chance).toBeUndefined();
    expect(event?.title).toMatch(/7 December/);
  });

  it('an operations room left unattended under the bombing turns to a hard line', () => {
    // Never consulting: the strikes of 29 Nov – 3 Dec and the fall of Hama push its pressure up.
    let hardline = 0;
    for (let i = 0; i < 30; i++) {
      let s = createGame(game, `unattended-${i}`);
      while (!s.over && s.round < 7) {
        const a = availableActions(game, s).find((x) => x.move === 'back-channel' || x.move === 'propose');
        s = play(s, a ?? consult);
        if (s.parties.opposition?.position?.value === 'hardline') {
          hardline++;
          break;
        }
      }
    }
    expect(hardline).toBeGreaterThan(0);
  });
});

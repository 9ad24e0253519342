/**
 * The whole game with the keyboard alone, for every scenario, on a desktop and a phone-sized screen: from
 * the title (Tab, Enter) through the scenario select and the briefing to the table, every move by Enter on
 * the move that has focus, then the debrief with its tier and what really happened. Along the way the page
 * must never scroll sideways, log a console error or fail a request, and its engine must agree with Node's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GameState, outcomeOf, playGame, replay, stateHash } from '../../src/engine/index.ts';
import { lastState, loadGame, SCENARIO_IDS } from '../helpers/scenarios.ts';
import {
  freshPage,
  type Harness,
  overflowX,
  squash,
  startHarness,
  stopHarness,
  text,
} from './helpers/harness.ts';
import { focused, openDebrief, playFirstMovesByKeyboard, titleToTable } from './helpers/page-driver.ts';

const TIER_WORDS = { success: 'Success', partial: 'Partial success', failure: 'Failure' } as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 375, height: 812 },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness('journeys');
});
afterAll(() => stopHarness(h));

describe('the scenario select', () => {
  it('lists every scenario, the tutorial first, with its date, place, stakes, time and content note', async () => {
    expect(SCENARIO_IDS).toEqual(['bab-al-hawa', 'beijing-terms', 'tutorial', 'un-sanctions-vote']);
    const { page, problems } = await freshPage(h, 1280, 720);
    await page.evaluate(() => window.envoyPage?.go('select'));
    const cards = page.locator('.scenario-card');
    await expect.poll(() => cards.count()).toBe(SCENARIO_IDS.length);
    expect(await text(page, 'main h1')).toBe('Choose a scenario');
    const links = await page
      .locator('a.scenario-link')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent, href: (a as HTMLAnchorElement).href })));
    const ids = links.map((l) => new URL(l.href).searchParams.get('scenario'));
    expect(ids).toEqual(['tutorial', 'bab-al-hawa', 'un-sanctions-vote', 'beijing-terms']);
    for (const [i, id] of ids.entries()) {
      const s = loadGame(id ?? '').scenario;
      expect(links[i]?.name).toBe(s.title);
      const card = squash((await cards.nth(i).textContent()) ?? '');
      expect(card).toContain(squash(s.stakes));
      expect(card).toContain(s.place);
      expect(card).toContain(`about ${s.playMinutes} minutes`);
      if (s.contentNote) expect(card).toContain(squash(s.contentNote));
    }
    // No game yet: the session's debug handle appears only once a scenario is loaded.
    expect(await page.evaluate(() => window.envoy)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.each(SIZES)('at $width×$height', ({ width, height }) => {
  it.each(['tutorial', 'bab-al-hawa', 'un-sanctions-vote', 'beijing-terms'])(
    '%s is played from the title to the debrief with the keyboard alone',
    async (id) => {
      const game = loadGame(id);
      const { page, problems } = await freshPage(h, width, height);
      const overflow: string[] = [];
      const checkWidth = async (where: string) => {
        const x = await overflowX(page);
        if (x > 0) overflow.push(`${where}: ${x}px`);
      };
      await titleToTable(page, id, checkWidth);
      await checkWidth('play');
      expect(await text(page, '#play-heading')).toBe(game.scenario.title);
      const seed = (await page.evaluate(() => window.envoy?.seed())) ?? '';
      expect(new URL(page.url()).searchParams.get('seed')).toBe(seed);

      const expected = playGame(game, seed, 'first');
      const moves = await playFirstMovesByKeyboard(page, (turn) => checkWidth(`play, after move ${turn}`));
      expect(moves).toBe(expected.actions.length);
      await openDebrief(page);
      await checkWidth('debrief');
      expect((await focused(page)).id).toBe('debrief-heading');

      // The page's engine and Node's agree on every turn of the game the keyboard played.
      expect(await page.evaluate(() => window.envoy?.actions())).toEqual(expected.actions);
      const replayed = replay(game, seed, expected.actions);
      if ('error' in replayed)
        throw new Error(`replay failed at turn ${replayed.turn}: ${replayed.error.message}`);
      expect(await page.evaluate(() => window.envoy?.hashes())).toEqual(replayed.states.map(stateHash));

      const result = outcomeOf(game, lastState(replayed.states));
      const outcome = game.scenario.outcomes.find((o) => o.id === result?.id);
      if (!result || !outcome) throw new Error('the first-move game did not end with an outcome');
      expect(await text(page, '#debrief-heading')).toBe(outcome.title);
      expect(await text(page, '.debrief .tier')).toContain(`Result: ${TIER_WORDS[result.tier]}`);
      expect(await page.getByRole('heading', { name: 'What really happened', level: 2 }).count()).toBe(1);
      const debrief = squash(await text(page, '.debrief'));
      expect(debrief).toContain(squash(outcome.debrief.history));
      expect(debrief).toContain(squash(outcome.debrief.you));
      const questions = game.scenario.questions ?? [];
      for (const q of questions) expect(debrief).toContain(squash(q));
      expect(await page.locator('.debrief textarea').count()).toBe(questions.length);
      for (const name of ['Play again with a new seed', 'Replay this game', 'Download replay']) {
        expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
      }

      expect(overflow, 'no horizontal scrolling').toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

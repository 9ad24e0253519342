import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Action,
  type GameState,
  outcomeOf,
  playGame,
  replay,
  stateHash,
} from '../../src/engine/index.ts';
import { loadGame, SCENARIO_IDS } from '../helpers/scenarios.ts';
import { type LaunchedBrowser, openPage, type StaticServer } from './helpers/browser.ts';
import { shot, squash, startHarness, stopHarness, text } from './helpers/harness.ts';
import { chooseScenarioByKeyboard, playFirstMovesByKeyboard } from './helpers/page-driver.ts';

/** A class-wide seed given to the chooser, which passes it on to the scenario it opens. */
const SEED = 'class-7';
const WIDTHS = [
  { width: 1280, height: 720 },
  { width: 375, height: 812 },
];
const TIER_WORDS = { success: 'Success', partial: 'Partial success', failure: 'Failure' } as const;

let site: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ site, browser } = await startHarness('scenarios'));
});
afterAll(() => stopHarness({ site, browser }));

function lastState(states: GameState[]): GameState {
  const last = states[states.length - 1];
  if (!last) throw new Error('a game has at least its initial state');
  return last;
}

describe('the scenario chooser', () => {
  it('is the default page and lists every scenario with its date, place, stakes, time and content note', async () => {
    expect(SCENARIO_IDS).toEqual(['bab-al-hawa', 'beijing-terms', 'tutorial', 'un-sanctions-vote']);
    for (const { width, height } of WIDTHS) {
      const { page, problems } = await openPage(browser, width, height);
      await page.goto(`${site.url}?seed=${SEED}`);
      const cards = page.locator('.scenario-card');
      await expect.poll(() => cards.count()).toBe(SCENARIO_IDS.length);
      expect(await text(page, 'h1')).toBe('Choose a scenario');
      expect(await page.evaluate(() => window.envoy)).toBeUndefined();
      const links = await page
        .locator('a.scenario-link')
        .evaluateAll((as) =>
          as.map((a) => ({ name: a.textContent, href: new URL((a as HTMLAnchorElement).href).search })),
        );
      // The tutorial first, then the history in the order it happened.
      expect(links.map((l) => new URLSearchParams(l.href).get('scenario'))).toEqual([
        'tutorial',
        'bab-al-hawa',
        'un-sanctions-vote',
        'beijing-terms',
      ]);
      for (const [i, link] of links.entries()) {
        const id = new URLSearchParams(link.href).get('scenario') ?? '';
        const s = loadGame(id).scenario;
        expect(link.name).toBe(s.title);
        expect(new URLSearchParams(link.href).get('seed')).toBe(SEED);
        const card = squash((await cards.nth(i).textContent()) ?? '');
        expect(card).toContain(squash(s.stakes));
        expect(card).toContain(s.place);
        expect(card).toContain(`about ${s.playMinutes} minutes`);
        if (s.contentNote) expect(card).toContain(squash(s.contentNote));
      }
      const facts = await page.evaluate(() => ({
        banner: document.querySelectorAll('body > header').length,
        main: document.querySelectorAll('main').length,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect(facts).toEqual({ banner: 1, main: 1, overflow: 0 });
      await shot(page, `chooser-${width}`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe.each(WIDTHS)('at $width×$height', ({ width, height }) => {
  it.each(['tutorial', 'bab-al-hawa', 'un-sanctions-vote', 'beijing-terms'])(
    '%s is played from the chooser to the debrief with the keyboard alone',
    async (id) => {
      const game = loadGame(id);
      const { page, problems } = await openPage(browser, width, height);
      await page.goto(`${site.url}?seed=${SEED}`);
      await chooseScenarioByKeyboard(page, id);
      expect(await text(page, 'header h1')).toBe(game.scenario.title);
      expect(await text(page, 'header .seed')).toBe(SEED);
      expect(await page.getByRole('link', { name: 'Choose another scenario' }).count()).toBe(1);
      await shot(page, `${id}-start-${width}`);

      const expected = playGame(game, SEED, 'first');
      const mid = Math.floor(expected.actions.length / 2);
      const moves = await playFirstMovesByKeyboard(page, async (turn) => {
        if (turn === mid) await shot(page, `${id}-mid-${width}`);
      });
      expect(moves).toBe(expected.actions.length);

      // The page's engine and Node's agree on every turn of the game the keyboard played.
      const actions = (await page.evaluate(() => window.envoy?.actions())) as Action[];
      expect(actions).toEqual(expected.actions);
      const replayed = replay(game, SEED, actions);
      if ('error' in replayed)
        throw new Error(`replay failed at turn ${replayed.turn}: ${replayed.error.message}`);
      expect(await page.evaluate(() => window.envoy?.hashes())).toEqual(replayed.states.map(stateHash));

      const result = outcomeOf(game, lastState(replayed.states));
      const outcome = game.scenario.outcomes.find((o) => o.id === result?.id);
      if (!result || !outcome) throw new Error('the first-move game did not end with an outcome');
      expect(await page.locator('#debrief').isVisible()).toBe(true);
      expect(await text(page, '#debrief-heading')).toBe(outcome.title);
      expect(await text(page, '#debrief .tier')).toContain(`Result: ${TIER_WORDS[result.tier]}`);
      const debrief = squash(await text(page, '#debrief'));
      expect(debrief).toContain(squash(outcome.debrief.history));
      expect(debrief).toContain(squash(outcome.debrief.you));
      for (const q of game.scenario.questions ?? []) expect(debrief).toContain(squash(q));
      expect(await text(page, 'header .round')).toMatch(/^The talks are over/);
      await shot(page, `${id}-debrief-${width}`);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

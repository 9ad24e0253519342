/**
 * The DOM game, built and served like a release, played in Chromium with the keyboard alone: from the
 * briefing to the debrief, at desktop and phone widths, with screenshots for people to look at.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GameState, outcomeOf, playGame } from '../../src/engine/index.ts';
import { actionLabel } from '../../src/ui/labels.ts';
import { loadGame } from '../helpers/scenarios.ts';
import {
  collectProblems,
  type LaunchedBrowser,
  launchBrowser,
  type StaticServer,
  startServer,
} from './helpers/browser.ts';
import { buildSite, SCREENSHOT_DIR } from './helpers/build-site.ts';
import { playFirstMovesByKeyboard } from './helpers/page-driver.ts';

const SEED = 'browser-1';
const game = loadGame('tutorial');
let site: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  const [outDir] = await Promise.all([buildSite('play'), mkdir(SCREENSHOT_DIR, { recursive: true })]);
  site = await startServer(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh page that records console errors, page errors and failed or 4xx/5xx requests. */
async function openPage(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = collectProblems(page);
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

/** The final state of a game played in Node. */
function lastState(states: GameState[]): GameState {
  const last = states[states.length - 1];
  if (!last) throw new Error('a game has at least its initial state');
  return last;
}

/** The outcome the engine reaches in Node when always picking the first listed move. */
function expectedOutcome() {
  const played = playGame(game, SEED, 'first');
  const result = outcomeOf(game, lastState(played.states));
  const outcome = game.scenario.outcomes.find((o) => o.id === result?.id);
  if (!result || !outcome) throw new Error('the first-move game did not end with an outcome');
  return { result, outcome, moves: played.actions.length };
}

describe.each([
  { width: 1280, height: 720 },
  { width: 375, height: 812 },
])('the tutorial at $width×$height', ({ width, height }) => {
  it('is played from the briefing to the debrief with the keyboard alone', async () => {
    const { page, problems } = await openPage(width, height);
    await page.goto(`${site.url}?scenario=tutorial&seed=${SEED}`);
    await expect.poll(() => text(page, 'header h1')).toBe(game.scenario.title);
    expect(await text(page, 'header .seed')).toBe(SEED);
    expect(await text(page, 'header .round')).toMatch(/^Round 1 of 6/);
    await shot(page, `start-${width}`);

    const expected = expectedOutcome();
    const mid = Math.floor(expected.moves / 2);
    const moves = await playFirstMovesByKeyboard(page, async (turn) => {
      if (turn === mid) await shot(page, `mid-${width}`);
    });
    expect(moves).toBe(expected.moves);

    const debrief = page.locator('#debrief');
    expect(await debrief.isVisible()).toBe(true);
    expect(await text(page, '#debrief-heading')).toBe(expected.outcome.title);
    const tierWords = { success: 'Success', partial: 'Partial success', failure: 'Failure' }[
      expected.result.tier
    ];
    expect(await text(page, '#debrief .tier')).toContain(`Result: ${tierWords}`);
    const debriefText = (await debrief.textContent()) ?? '';
    expect(debriefText).toContain(expected.outcome.debrief.history.trim());
    expect(debriefText).toContain(expected.outcome.debrief.you.trim());
    for (const q of game.scenario.questions ?? []) expect(debriefText).toContain(q);
    expect(await page.getByRole('button', { name: 'Play again with a new seed' }).isVisible()).toBe(true);
    expect(await page.locator('#moves').isVisible()).toBe(false);
    expect(await text(page, 'header .round')).toMatch(/^The talks are over/);
    await shot(page, `debrief-${width}`);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the page', () => {
  it('has landmarks, labelled meters and a polite live log', async () => {
    const { page, problems } = await openPage(1280, 720);
    await page.goto(`${site.url}?scenario=tutorial&seed=${SEED}`);
    await page.locator('button.move').first().waitFor();
    const facts = await page.evaluate(() => ({
      banner: document.querySelectorAll('body > header').length,
      main: document.querySelectorAll('main').length,
      regions: [...document.querySelectorAll('section[aria-labelledby], section[aria-label]')].length,
      unlabelledMeters: [...document.querySelectorAll('meter')].filter((m) => !m.getAttribute('aria-label'))
        .length,
      meters: document.querySelectorAll('meter').length,
      live: document.querySelector('ol.log')?.getAttribute('aria-live'),
      briefingOpen: document.querySelector('details.briefing')?.hasAttribute('open'),
    }));
    expect(facts).toMatchObject({
      banner: 1,
      main: 1,
      unlabelledMeters: 0,
      live: 'polite',
      briefingOpen: true,
    });
    expect(facts.regions).toBeGreaterThanOrEqual(5);
    expect(facts.meters).toBe(game.partyIds.length * game.meterIds.length);
    expect(
      await page.getByRole('button', { name: 'Make a public statement — Tone: Conciliatory' }).count(),
    ).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws a seed when the URL has none, shows it and writes it into the URL', async () => {
    const { page, problems } = await openPage(1280, 720);
    await page.goto(site.url);
    await page.locator('button.move').first().waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('scenario')).toBe('tutorial');
    expect(params.get('seed')).toMatch(/^[0-9a-f]{6}-[0-9a-f]{6}$/);
    expect(await text(page, 'header .seed')).toBe(params.get('seed'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts a new game with a fresh seed from the debrief, by keyboard', async () => {
    const { page, problems } = await openPage(1280, 720);
    await page.goto(`${site.url}?scenario=tutorial&seed=${SEED}`);
    await playFirstMovesByKeyboard(page);
    const again = page.getByRole('button', { name: 'Play again with a new seed' });
    for (let i = 0; i < 30 && !(await again.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('seed')).not.toBe(SEED);
    const seed = new URL(page.url()).searchParams.get('seed');
    expect(await text(page, 'header .seed')).toBe(seed);
    expect(await text(page, 'header .round')).toMatch(/^Round 1 of 6/);
    expect(await page.locator('#debrief').isVisible()).toBe(false);
    expect(await page.evaluate(() => window.envoy?.actions().length)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a refused action in the page instead of throwing', async () => {
    const { page, problems } = await openPage(1280, 720);
    await page.goto(`${site.url}?scenario=tutorial&seed=${SEED}`);
    await page.locator('button.move').first().waitFor();
    const result = await page.evaluate(() => window.envoy?.dispatch({ move: 'no-such-move', params: {} }));
    expect(result).toMatchObject({ ok: false, error: { code: 'action/unknown-move' } });
    expect(await text(page, '#moves [role="alert"]')).toContain('There is no move "no-such-move"');
    expect(await page.evaluate(() => window.envoy?.hashes().length)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['accord-ratified', 'accord-unratified'])(
    'shows the debrief of %s with its caveat and sources, played by clicking the menu',
    async (id) => {
      // The first seed whose greedy game reaches this outcome (found in Node, so tuning the scenario
      // never leaves the test pointing at a seed that no longer gets there).
      let n = 0;
      while (n < 500 && outcomeOf(game, lastState(playGame(game, `s${n}`, 'greedy').states))?.id !== id) n++;
      const seed = `s${n}`;
      const { page, problems } = await openPage(1280, 720);
      await page.goto(`${site.url}?scenario=tutorial&seed=${seed}`);
      const played = playGame(game, seed, 'greedy');
      expect(outcomeOf(game, lastState(played.states))?.id).toBe(id);
      for (const action of played.actions) {
        await page.getByRole('button', { name: actionLabel(game, action).full, exact: true }).click();
      }
      const outcome = game.scenario.outcomes.find((o) => o.id === id);
      const debrief = (await page.locator('#debrief').textContent()) ?? '';
      expect(debrief).toContain(outcome?.title);
      if (outcome?.historical) expect(debrief).toContain('the outcome history recorded');
      if (outcome?.debrief.caveat)
        expect(await text(page, '#debrief .caveat')).toBe(outcome.debrief.caveat.trim());
      for (const src of outcome?.debrief.sources ?? []) {
        expect(debrief).toContain(game.scenario.sources?.[src]?.title);
      }
      await shot(page, `debrief-${id}-1280`);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('says so when the URL asks for a scenario it does not have', async () => {
    const { page, problems } = await openPage(1280, 720);
    await page.goto(`${site.url}?scenario=nowhere&seed=${SEED}`);
    expect(await text(page, 'header .notice')).toContain('“nowhere” is not available');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('tutorial');
    expect(problems).toEqual([]);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame, type GameState, outcomeOf, playGame } from '../../src/engine/index.ts';
import { actionLabel } from '../../src/ui/labels.ts';
import { metersFor } from '../../src/ui/relevance.ts';
import { loadGame } from '../helpers/scenarios.ts';
import { type LaunchedBrowser, openPage, type StaticServer } from './helpers/browser.ts';
import { shot, squash, startHarness, stopHarness, text } from './helpers/harness.ts';
import { playFirstMovesByKeyboard } from './helpers/page-driver.ts';

const SEED = 'browser-1';
const game = loadGame('tutorial');
let site: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  ({ site, browser } = await startHarness('play'));
});
afterAll(() => stopHarness({ site, browser }));
const open = (width: number, height: number) => openPage(browser, width, height);

/** The final state of a game played in Node. */
function lastState(states: GameState[]): GameState {
  const last = states[states.length - 1];
  if (!last) throw new Error('a game has at least its initial state');
  return last;
}

describe('the page', () => {
  it('has landmarks, labelled meters and a polite live log', async () => {
    const { page, problems } = await open(1280, 720);
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
    // Each party shows only the meters the scenario uses for it (no council member has a patience meter).
    const start = createGame(game, SEED);
    const shown = game.partyIds.reduce((n, id) => n + metersFor(game, start, id).length, 0);
    expect(shown).toBeLessThan(game.partyIds.length * game.meterIds.length);
    expect(facts.meters).toBe(shown);
    expect(
      await page.getByRole('button', { name: 'Make a public statement — Tone: Conciliatory' }).count(),
    ).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws a seed when the URL has none, shows it and writes it into the URL', async () => {
    const { page, problems } = await open(1280, 720);
    await page.goto(`${site.url}?scenario=tutorial`);
    await page.locator('button.move').first().waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('scenario')).toBe('tutorial');
    expect(params.get('seed')).toMatch(/^[0-9a-f]{6}-[0-9a-f]{6}$/);
    expect(await text(page, 'header .seed')).toBe(params.get('seed'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts a new game with a fresh seed from the debrief, by keyboard', async () => {
    const { page, problems } = await open(1280, 720);
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
    const { page, problems } = await open(1280, 720);
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
      const { page, problems } = await open(1280, 720);
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
    const { page, problems } = await open(1280, 720);
    await page.goto(`${site.url}?scenario=nowhere&seed=${SEED}`);
    expect(await text(page, 'header .notice')).toContain('“nowhere” is not available');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('tutorial');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leads back to the chooser from the header, by keyboard', async () => {
    const { page, problems } = await open(375, 812);
    await page.goto(`${site.url}?scenario=tutorial&seed=${SEED}`);
    await page.locator('button.move').first().waitFor();
    const link = page.getByRole('link', { name: 'Choose another scenario' });
    for (let i = 0; i < 5 && !(await link.evaluate((a) => a === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await Promise.all([page.waitForURL((url) => url.search === ''), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('a.scenario-link').count()).toBe(4);
    expect(await text(page, 'h1')).toBe('Choose a scenario');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the fifteen Council members in one table, positions and meters written out', async () => {
    const un = loadGame('un-sanctions-vote');
    const { page, problems } = await open(1280, 720);
    await page.goto(`${site.url}?scenario=un-sanctions-vote&seed=${SEED}`);
    await page.locator('button.move').first().waitFor();
    const rows = page.locator('table.party-table tbody tr');
    expect(await rows.count()).toBe(15);
    const start = createGame(un, SEED);
    const china = squash((await rows.filter({ hasText: 'China' }).textContent()) ?? '');
    const position = un.machines.china?.def.states[start.parties.china?.position?.value ?? '']?.label;
    expect(china).toContain(`${position}`);
    expect(china).toContain(`${start.parties.china?.meters.concern}`);
    expect(await page.locator('table.party-table thead th').allTextContents()).toEqual([
      'Delegation and position',
      'Position',
      'Concern about foreign fighters0 to 5',
      'Trust−3 to 5',
    ]);
    const unlabelled = await page.evaluate(
      () => [...document.querySelectorAll('meter')].filter((m) => !m.getAttribute('aria-label')).length,
    );
    expect(unlabelled).toBe(0);
    // About fifty choices, in a handful of labelled groups.
    const groups = await page.locator('#moves [role="group"] > h3').count();
    expect(await page.locator('button.move').count()).toBeGreaterThan(40);
    expect(groups).toBeLessThanOrEqual(12);
    expect(problems).toEqual([]);
    await page.close();
  });
});

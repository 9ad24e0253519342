/**
 * Seats in the browser. The tutorial played pass-and-play on one page, both seats, to the end: a hand-over
 * screen between seats that shows nothing of either side, each seat's briefing, table, log and canvas
 * without the other seat's brief or hidden meter (the other side's patience), and at the end each seat's
 * own tier, debrief text and result file. Then `&seat=valley` alone: the cooperative played against the
 * machine; an unknown seat in the address; and the seat choice from the scenario select. Screenshots of the
 * seat choice and the hand-over (desktop and phone) go to test-results/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, outcomeOf, replay, seatBrief } from '../../src/engine/index.ts';
import { loadGame } from '../helpers/scenarios.ts';
import { SCREENSHOT_DIR } from './helpers/build-site.ts';
import {
  freshPage,
  type Harness,
  onScreen,
  overflowX,
  settle,
  shot,
  squash,
  startHarness,
  stopHarness,
} from './helpers/harness.ts';
import { focused, isButton, pressButton, tabTo } from './helpers/page-driver.ts';

const game = loadGame('tutorial');
const SEATS = ['amber', 'valley'] as const;
type Seat = (typeof SEATS)[number];
const other = (seat: Seat): Seat => (seat === 'amber' ? 'valley' : 'amber');
const PARTY: Record<Seat, string> = { amber: 'Town of Amber', valley: 'Valley Cooperative' };

/** Every sentence of a seat's confidential brief, red lines, may-give and objectives: what no other seat may read. */
function secrets(seat: Seat): string[] {
  const b = seatBrief(game, seat);
  const sentences = [b.brief, b.setting ?? ''].flatMap((t) => squash(t).split(/(?<=[.:])\s+/));
  return [...sentences, ...b.redLines, ...b.mayGive, ...b.objectives]
    .map(squash)
    .filter((s) => s.length > 12);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness('pass-and-play');
});
afterAll(() => stopHarness(h));

/** All the page's text, hidden parts and attribute values included (what a curious student could read). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.textContent ?? ''];
    for (const node of document.body.querySelectorAll('*'))
      for (const attr of node.attributes) parts.push(attr.value);
    return parts.join('\n');
  });
}

const canvasText = (page: Page) => page.evaluate(() => (window.envoyPage?.canvasTexts() ?? []).join('\n'));
const screenOf = (page: Page) => page.evaluate(() => window.envoyPage?.screen());

/**
 * The devtools console's `envoy.state()` holds nothing of `hidden` either (not checked before a seat is
 * chosen: the handle then shows the default seat, and nobody holds a seat whose secrets it could give away).
 */
async function expectConsoleKeeps(page: Page, hidden: Seat, where: string): Promise<void> {
  const consoleView = await page.evaluate(() => JSON.stringify(window.envoy?.state() ?? null));
  for (const line of secrets(hidden))
    expect(squash(consoleView).includes(line), `${where}: envoy.state() shows ${hidden}'s "${line}"`).toBe(
      false,
    );
  expect(consoleView, `${where}: envoy.state()`).not.toMatch(/"reservation"|"weights"/);
  const parties = (JSON.parse(consoleView) as { parties?: Record<string, unknown> }).parties;
  expect(JSON.stringify(parties?.[hidden] ?? {}), `${where}: envoy.state() of ${hidden}`).not.toContain(
    'patience',
  );
}

/** What `viewer` must never see, checked on the DOM, on the canvas and in the console handle. */
async function expectNothingOf(page: Page, hidden: Seat, where: string, console = true): Promise<void> {
  const dom = squash(await pageText(page));
  const canvas = squash(await canvasText(page));
  for (const line of secrets(hidden)) {
    expect(dom.includes(line), `${where}: the DOM shows ${hidden}'s "${line}"`).toBe(false);
    expect(canvas.includes(line), `${where}: the canvas shows ${hidden}'s "${line}"`).toBe(false);
  }
  if (console) await expectConsoleKeeps(page, hidden, where);
  // The other side's patience is hidden: no meter, label or value of it anywhere.
  expect(dom, where).not.toContain(`${PARTY[hidden]}: Patience`);
  const card = page.locator('.party', { has: page.locator('.party-name', { hasText: PARTY[hidden] }) });
  if ((await card.count()) > 0)
    expect(squash((await card.first().textContent()) ?? ''), where).not.toContain('Patience');
}

describe('pass and play on one device', () => {
  it('plays the tutorial with both seats to the end, each seeing only its own side', async () => {
    const seed = 'pass-and-play-1';
    const { page, problems } = await freshPage(h, 1280, 720);
    await page.goto(`${h.site.url}?scenario=tutorial&seed=${seed}&seat=amber&seat=valley`);
    const shown: Record<Seat, number> = { amber: 0, valley: 0 };
    let handovers = 0;
    let lastMover: Seat | null = null;
    let handedOver = false;
    for (let step = 0; step < 200; step++) {
      await page.locator('main#app[data-screen]').waitFor({ state: 'attached' });
      const screen = await screenOf(page);
      if (screen === 'handover') {
        handovers += 1;
        handedOver = true;
        const next = (await page.locator('.handover').getAttribute('data-seat')) as Seat;
        if (lastMover !== null) expect(next, 'the hand-over goes to the other seat').toBe(other(lastMover));
        expect(squash((await page.locator('h1').textContent()) ?? '')).toBe(
          `Pass the device to ${PARTY[next]}`,
        );
        expect((await focused(page)).id, 'focus on the hand-over heading').toBe('handover-heading');
        // Nothing of either seat behind it: no brief, no table, no log, no moves.
        await expectNothingOf(page, 'amber', 'hand-over');
        await expectNothingOf(page, 'valley', 'hand-over');
        expect(await page.locator('.party, .log li, #moves, .briefing').count(), 'hand-over DOM').toBe(0);
        expect(await page.locator('#side').isHidden()).toBe(true);
        await pressButton(page, 'Continue');
        continue;
      }
      const seat = (await page.locator('[data-seat]').first().getAttribute('data-seat')) as Seat;
      await expectNothingOf(page, other(seat), `${screen} of ${seat}`);
      if (screen === 'briefing') {
        const own = squash(seatBrief(game, seat).brief).split(/(?<=\.)\s+/)[0] as string;
        expect(squash(await pageText(page)), `${seat}'s own brief`).toContain(own);
        await pressButton(page, 'Begin negotiating');
        continue;
      }
      expect(screen).toBe('play');
      if (await page.locator('.game-over:not([hidden])').count()) break;
      if (lastMover !== null && lastMover !== seat && !handedOver)
        throw new Error(`${seat} is on screen after ${lastMover} moved, without a hand-over`);
      handedOver = false;
      shown[seat] += 1;
      if (seat === 'valley') {
        // Its own patience is its to see.
        const card = page.locator('.party', { has: page.locator('.party-name', { hasText: PARTY.valley }) });
        expect(squash((await card.textContent()) ?? '')).toContain('Patience');
        if (shown.valley === 2) {
          await settle(page);
          await shot(page, 'pass-and-play-valley-table');
        }
      }
      await tabTo(page, (f) => f.firstMove, `${seat}'s first move`);
      await page.keyboard.press('Enter');
      lastMover = seat;
    }
    expect(shown.amber, 'amber moved').toBeGreaterThan(0);
    expect(shown.valley, 'valley moved').toBeGreaterThan(0);
    expect(handovers).toBeGreaterThan(2);

    // The end: each seat's own tier and debrief text, one result file per seat.
    await pressButton(page, 'See the debrief');
    await onScreen(page, 'debrief');
    await settle(page);
    await shot(page, 'pass-and-play-debrief');
    const actions = (await page.evaluate(() => window.envoy?.actions())) as Action[];
    const run = replay(game, seed, actions, { seats: [...SEATS] });
    if ('error' in run) throw new Error(run.error.message);
    const final = run.states[run.states.length - 1];
    if (!final) throw new Error('no state');
    for (const seat of SEATS) {
      const tier = outcomeOf(game, final, seat)?.tier;
      expect(await page.locator(`.seat-results li[data-seat="${seat}"]`).getAttribute('data-tier')).toBe(
        tier,
      );
    }
    const outcomeId = outcomeOf(game, final)?.id;
    const debrief = game.scenario.outcomes.find((o) => o.id === outcomeId)?.debrief;
    const results: Record<string, { seat: string; outcome: { tier: string } }> = {};
    for (const seat of SEATS) {
      const name = seatBrief(game, seat).role;
      const showing = `Showing the debrief of ${name}`;
      if ((await page.getByRole('button', { name: showing }).count()) === 0) {
        await pressButton(page, `Show the debrief of ${name}`);
        await onScreen(page, 'debrief');
        await page.getByRole('button', { name: showing }).waitFor();
      }
      const words = seat === 'amber' ? debrief?.you : debrief?.seats?.[seat];
      expect(squash((await page.locator('.debrief').textContent()) ?? '')).toContain(
        squash(words ?? 'missing'),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        pressButton(page, `Download ${PARTY[seat]}’s result (JSON)`),
      ]);
      const file = join(SCREENSHOT_DIR, `pass-and-play-result-${seat}.json`);
      await download.saveAs(file);
      results[seat] = JSON.parse(await readFile(file, 'utf8'));
    }
    for (const seat of SEATS) {
      expect(results[seat]?.seat).toBe(seat);
      expect(results[seat]?.outcome.tier).toBe(outcomeOf(game, final, seat)?.tier);
    }
    // The replay is the version-2 file with both seats, and every action names its seat.
    const [replayDownload] = await Promise.all([
      page.waitForEvent('download'),
      pressButton(page, 'Download replay'),
    ]);
    const replayFile = join(SCREENSHOT_DIR, 'pass-and-play-replay.json');
    await replayDownload.saveAs(replayFile);
    const replayed = JSON.parse(await readFile(replayFile, 'utf8'));
    expect(replayed).toMatchObject({ format: 'envoy-replay', version: 2, seats: [...SEATS] });
    expect(new Set(replayed.actions.map((a: Action) => a.seat))).toEqual(new Set(SEATS));
    // Saves carry the seats: a reload resumes the same pass-and-play game at its debrief.
    await page.reload();
    await onScreen(page, 'debrief');
    expect(await page.evaluate(() => window.envoy?.seats())).toEqual([...SEATS]);
    expect(new URL(page.url()).searchParams.getAll('seat')).toEqual([...SEATS]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('one seat against the machine', () => {
  it('plays `&seat=valley` as the cooperative, Amber moved by the engine', async () => {
    const seed = 'valley-alone';
    const { page, problems } = await freshPage(h, 1280, 720);
    await page.goto(`${h.site.url}?scenario=tutorial&seed=${seed}&seat=valley`);
    await onScreen(page, 'briefing');
    await expectNothingOf(page, 'amber', 'valley briefing');
    expect(squash(await pageText(page))).toContain(squash(seatBrief(game, 'valley').role));
    await pressButton(page, 'Begin negotiating');
    await onScreen(page, 'play');
    for (let turn = 0; turn < 40; turn++) {
      if (await page.locator('.game-over:not([hidden])').count()) break;
      await expectNothingOf(page, 'amber', `valley's table, turn ${turn}`);
      expect(await screenOf(page)).toBe('play');
      const menu = await page
        .locator('#moves button.move')
        .evaluateAll((b) => b.map((x) => x.getAttribute('data-move')));
      // Only the cooperative's own moves, never Amber's.
      for (const move of menu)
        expect(game.moveSeat[move ?? ''] ?? game.playerId, `move ${move}`).toBe('valley');
      await tabTo(page, (f) => f.firstMove, 'the first move');
      await page.keyboard.press('Enter');
    }
    const actions = (await page.evaluate(() => window.envoy?.actions())) as Action[];
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((a) => a.seat))).toEqual(new Set(['valley']));
    const log = squash((await page.locator('.log').textContent()) ?? '');
    expect(log, 'Amber, played by the engine, is named, not "You"').toContain('Town of Amber');
    expect(log).toContain('The cooperative hears Amber out.');
    await pressButton(page, 'See the debrief');
    await onScreen(page, 'debrief');
    expect(await page.evaluate(() => window.envoy?.seats())).toEqual(['valley']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when the address names a seat the scenario does not have', async () => {
    const { page } = await freshPage(h, 1280, 720);
    await page.goto(`${h.site.url}?scenario=tutorial&seed=x&seat=river`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const words = squash((await alert.textContent()) ?? '');
    expect(words).toContain('has no seat “river”');
    expect(words).toContain('amber');
    expect(words).toContain('valley');
    await pressButton(page, `Play as ${seatBrief(game, 'valley').role}`);
    await onScreen(page, 'briefing');
    expect(new URL(page.url()).searchParams.getAll('seat')).toEqual(['valley']);
    await page.close();
  });
});

describe('the seat choice and the hand-over, as seen', () => {
  it.each([
    { width: 1280, height: 720 },
    { width: 375, height: 812 },
  ])(
    'at $width×$height: chosen from the scenario select, no brief before the choice',
    async ({ width, height }) => {
      const { page, problems } = await freshPage(h, width, height);
      await pressButton(page, 'Choose a scenario');
      await onScreen(page, 'select');
      await tabTo(page, (f) => f.tag === 'A' && f.scenario === 'tutorial', 'the tutorial');
      await page.keyboard.press('Enter');
      await onScreen(page, 'seats');
      await expectNothingOf(page, 'amber', 'seat choice', false);
      await expectNothingOf(page, 'valley', 'seat choice', false);
      await settle(page);
      await shot(page, `seat-choice-${width}`);
      expect(await overflowX(page)).toBe(0);
      await pressButton(page, 'Pass and play: Town of Amber and Valley Cooperative on this device');
      await onScreen(page, 'handover');
      await settle(page);
      await shot(page, `handover-${width}`);
      expect(await overflowX(page)).toBe(0);
      expect(isButton('Continue')(await tabTo(page, isButton('Continue'), 'Continue'))).toBe(true);
      await page.keyboard.press('Enter');
      await onScreen(page, 'briefing');
      expect(new URL(page.url()).searchParams.getAll('seat')).toEqual(['amber', 'valley']);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

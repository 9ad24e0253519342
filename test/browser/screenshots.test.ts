/**
 * A screenshot of every screen and scene at a desktop (1280×720) and a phone (375×812) size, kept in
 * test-results/screenshots/ for people to look at (`<name>-<width>-stage.png` is the canvas alone), and on
 * each the checks a screenshot cannot make by itself: the scene the screen asks for is painted, at the
 * canvas size for the screen (960×540 wide; on the phone, 480×600 for a game's scenes and a 480×200 strip
 * for the others), and the page never scrolls sideways at 375 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './helpers/build-site.ts';
import {
  freshPage,
  type Harness,
  onScreen,
  overflowX,
  settle,
  shot,
  startHarness,
  stopHarness,
} from './helpers/harness.ts';
import { openDebrief, playFirstMovesByKeyboard, pressButton, tabTo } from './helpers/page-driver.ts';

const GAME_SCENES = new Set(['Briefing', 'Table', 'Council', 'Debrief']);
const SIZES = [
  { width: 1280, height: 720, canvas: (_scene: string) => '960×540' },
  { width: 375, height: 812, canvas: (scene: string) => (GAME_SCENES.has(scene) ? '480×600' : '480×200') },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness('screenshots');
});
afterAll(() => stopHarness(h));

describe.each(SIZES)('at $width×$height', ({ width, height, canvas }) => {
  it('shows every screen with its scene, none wider than the viewport', async () => {
    const { page, problems } = await freshPage(h, width, height);
    const seen: {
      name: string;
      screen: string | undefined;
      scene: string | null | undefined;
      canvas: string;
      overflow: number;
    }[] = [];
    const capture = async (name: string) => {
      await settle(page);
      const where = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('#stage canvas');
        return {
          screen: window.envoyPage?.screen(),
          scene: window.envoyPage?.scene(),
          canvas: `${c?.width}×${c?.height}`,
        };
      });
      seen.push({ name, ...where, overflow: await overflowX(page) });
      await shot(page, `${name}-${width}`);
      await page.locator('#stage').screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}-stage.png` });
    };
    const go = async (p: Page, route: string) => {
      await p.evaluate((r) => window.envoyPage?.go(r as never), route);
      await onScreen(p, route);
    };

    await capture('title');
    await go(page, 'select');
    await capture('scenario-select');
    await go(page, 'help');
    await capture('how-to-play');
    await go(page, 'open');
    await capture('open-scenario');
    await go(page, 'replay');
    await capture('open-replay');

    // A table game: briefing, the table at the start and a few moves in, its glossary and sources.
    await page.goto(`${h.site.url}?scenario=bab-al-hawa&seed=shots`);
    await onScreen(page, 'briefing');
    await capture('briefing');
    await pressButton(page, 'Begin negotiating');
    await onScreen(page, 'play');
    await capture('table-start');
    await tabTo(page, (f) => f.firstMove, 'the first move');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await capture('table-mid');
    await go(page, 'glossary');
    await capture('glossary');
    await go(page, 'sources');
    await capture('sources');

    // The tutorial's table after a few moves.
    await page.goto(`${h.site.url}?scenario=tutorial&seed=shots`);
    await onScreen(page, 'briefing');
    await pressButton(page, 'Begin negotiating');
    await tabTo(page, (f) => f.firstMove, 'the first move');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await capture('table-tutorial');

    // The Council: a few moves in, the roll call's result, the debrief and the replay viewer.
    await page.goto(`${h.site.url}?scenario=un-sanctions-vote&seed=shots`);
    await onScreen(page, 'briefing');
    await pressButton(page, 'Begin negotiating');
    await onScreen(page, 'play');
    await capture('council-start');
    await playFirstMovesByKeyboard(page, async (turn) => {
      if (turn === 4) await capture('council-mid');
    });
    await capture('council-vote');
    await openDebrief(page);
    await capture('debrief');
    await pressButton(page, 'Replay this game');
    await onScreen(page, 'replay');
    await pressButton(page, 'Forward one turn');
    await pressButton(page, 'Forward one turn');
    await capture('replay-viewer');

    // A save that cannot be read (and no backup of it to fall back on).
    await page.evaluate(() => {
      window.localStorage.clear();
      window.localStorage.setItem('envoy:save:tutorial', 'not a save');
    });
    await page.goto(`${h.site.url}?scenario=tutorial`);
    await page.getByRole('heading', { name: 'Your saved game could not be read' }).waitFor();
    await capture('corrupt-save');

    const scenes = Object.fromEntries(seen.map((s) => [s.name, s.scene]));
    expect(scenes).toMatchObject({
      title: 'Title',
      'scenario-select': 'ScenarioSelect',
      'how-to-play': 'HowToPlay',
      briefing: 'Briefing',
      'table-start': 'Table',
      'table-mid': 'Table',
      glossary: 'Glossary',
      sources: 'Sources',
      'table-tutorial': 'Table',
      'council-start': 'Council',
      'council-vote': 'Council',
      debrief: 'Debrief',
      'replay-viewer': 'Council',
    });
    expect(
      seen
        .filter((s) => s.canvas !== canvas(s.scene ?? ''))
        .map((s) => `${s.name} (${s.scene}): ${s.canvas}`),
    ).toEqual([]);
    expect(
      seen.filter((s) => s.overflow > 0).map((s) => `${s.name}: ${s.overflow}px too wide`),
      'no horizontal scrolling',
    ).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

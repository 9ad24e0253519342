/**
 * Hardening class 1 in the page: ids named after prototype properties. The tutorial is opened through
 * "Open a scenario file…" with one id renamed to `constructor` (a counterpart that must sign, a meter, a
 * move with a limit, an option), and again with a control name of the same length that sorts in the same
 * place. Both are played with the same seed and the same clicks; every screen must read the same, up to the
 * name, with no page error. (Before the fix, a counterpart named `constructor` showed "Has signed a package"
 * from the start, and a meter named `constructor` left a blank screen.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlFor, idTokens, loadScenarioTexts, renameToken } from '../../scripts/fuzz-ids.ts';
import {
  click,
  type HostileHarness,
  instrumentedPage,
  screen,
  startHostileHarness,
} from './helpers/hostile-harness.ts';

let h: HostileHarness;
beforeAll(async () => {
  h = await startHostileHarness();
});
afterAll(() => h?.close());

const tutorial = loadScenarioTexts().find((s) => s.name === 'scenarios/tutorial.yaml') as {
  name: string;
  text: string;
};
const tokens = idTokens(tutorial.text, tutorial.name);

/** What the page shows at each step of a game of `text`: the screen's text after each click. */
async function playThrough(page: Page, text: string, clicks: number): Promise<string[]> {
  await page.goto(h.url);
  await screen(page, 'title');
  await click(page, 'Open a scenario file…');
  await screen(page, 'open');
  await page.setInputFiles('#scenario-file', {
    name: 'renamed.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(text),
  });
  await screen(page, 'briefing');
  // The same seed for both files: reload the opened file's address with a fixed seed.
  await page.goto(`${h.url}?file=1&seed=prototype-ids`);
  await screen(page, 'briefing');
  // An opened file's briefing draws its machines once the diagram code has loaded: read it after that.
  await page.waitForFunction(() => !document.querySelector('.diagrams [role="status"]'));
  const seen = [await mainText(page)];
  await click(page, 'Begin negotiating');
  await screen(page, 'play');
  for (let i = 0; i < clicks; i++) {
    await page.evaluate(() => window.envoyPage?.skip());
    seen.push(await mainText(page));
    const move = page.locator('#moves button.move:not([disabled])');
    if ((await move.count()) === 0) break;
    // A different button each turn, the same in both games.
    await move.nth(i % (await move.count())).click();
  }
  await page.evaluate(() => window.envoyPage?.skip());
  seen.push(await mainText(page));
  return seen;
}

const mainText = (page: Page) =>
  page.evaluate(() => (document.querySelector('main#app') as HTMLElement | null)?.innerText ?? '<no main>');

describe('ids named after prototype properties, in the page', () => {
  for (const token of ['valley', 'trust', 'gesture', 'joint']) {
    it(`a tutorial whose \`${token}\` is renamed \`constructor\` reads like its control, screen by screen`, async () => {
      expect(tokens).toContain(token);
      const control = controlFor('constructor', tokens, tutorial.text) as string;
      expect(control).not.toBeNull();
      const runs: string[][] = [];
      for (const name of ['constructor', control]) {
        const { page, problems } = await instrumentedPage(h);
        try {
          runs.push(await playThrough(page, renameToken(tutorial.text, token, name), 8));
          expect(problems, name).toEqual([]);
        } finally {
          await page.close();
        }
      }
      const [named, controlled] = runs as [string[], string[]];
      expect(named).toEqual(controlled.map((s) => renameToken(s, control, 'constructor')));
      expect(named.join('\n')).not.toMatch(/\[native code\]|NaN|function Object/);
    }, 120_000);
  }
});

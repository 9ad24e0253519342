/**
 * Machine diagrams in the page: the debrief draws every party's position machine as SVG with the path the
 * game took, and lists the same in words; an opened scenario file's briefing shows its machines to the
 * author. The drawing code loads only then (it is not in the first download).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/index.ts';
import { loadGame } from '../helpers/scenarios.ts';
import {
  freshPage,
  type Harness,
  onScreen,
  settle,
  shot,
  startHarness,
  stopHarness,
} from './helpers/harness.ts';
import { openDebrief, playFirstMovesByKeyboard, titleToTable } from './helpers/page-driver.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('diagrams');
});
afterAll(() => stopHarness(h));

describe('position diagrams', () => {
  it('the debrief draws each machine with the path taken, and says it in words', async () => {
    const game = loadGame('tutorial');
    const { page, problems } = await freshPage(h, 1280, 800);
    await titleToTable(page, 'tutorial');
    const seed = (await page.evaluate(() => window.envoy?.seed())) ?? '';
    await playFirstMovesByKeyboard(page);
    await openDebrief(page);
    const details = page.locator('.diagrams details[data-party="valley"]');
    await details.waitFor();
    await details.locator('summary').click();
    const figure = details.locator('figure.machine-figure');
    await figure.waitFor();
    const facts = await figure.evaluate((f) => ({
      boxes: f.querySelectorAll('svg .diagram-state').length,
      current: [...f.querySelectorAll('svg .diagram-current text')].map((t) => t.textContent),
      taken: f.querySelectorAll('svg .diagram-taken').length,
      hidden: f.querySelector('svg')?.getAttribute('aria-hidden'),
      lines: [...f.querySelectorAll('.diagram-text li')].map((li) => li.textContent ?? ''),
      caption: f.querySelector('figcaption')?.textContent,
    }));
    const expected = playGame(game, seed, 'first');
    const end = expected.states.at(-1)?.parties.valley?.position?.value as string;
    const label = game.machines.valley?.def.states[end]?.label ?? end;
    expect(facts.boxes).toBe(Object.keys(game.machines.valley?.def.states ?? {}).length);
    expect(facts.current).toEqual([label]);
    expect(facts.hidden).toBe('true');
    expect(facts.caption).toBe('How Valley Cooperative can move');
    expect(facts.lines.some((l) => l.includes('where it ended'))).toBe(true);
    const moved = expected.states.some((s) =>
      s.log.some((e) => e.kind === 'response' && e.party === 'valley' && e.from !== e.to),
    );
    expect(facts.taken > 0).toBe(moved);
    expect(facts.lines.filter((l) => l.includes('(taken in this game)')).length > 0).toBe(moved);
    await settle(page);
    await figure.screenshot({ path: 'test-results/screenshots/diagram-valley-debrief.png' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an opened file’s briefing shows its machines to the author, with nothing highlighted', async () => {
    const { page, problems } = await freshPage(h, 1280, 800);
    await page.getByRole('button', { name: 'Open a scenario file…' }).click();
    await onScreen(page, 'open');
    await page.setInputFiles('#scenario-file', 'test/fixtures/authoring/two-party.yaml');
    await onScreen(page, 'briefing');
    const section = page.locator('.diagrams');
    await section.locator('details').first().waitFor();
    expect(await section.locator('h2').textContent()).toBe('How the positions can move (for the author)');
    await section.locator('details summary').first().click();
    expect(await section.locator('svg .diagram-taken').count()).toBe(0);
    expect(await section.locator('svg .diagram-current').count()).toBe(0);
    await shot(page, 'diagram-file-briefing');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a built-in scenario’s briefing shows students no machine', async () => {
    const { page } = await freshPage(h, 1280, 800);
    await page.goto(`${h.site.url}?scenario=bab-al-hawa&seed=d1`);
    await onScreen(page, 'briefing');
    expect(await page.locator('.diagrams').count()).toBe(0);
    await page.close();
  });
});

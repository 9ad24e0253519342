/**
 * What the pseudo-locale browser tests read with: every visible text of the page and of the canvas, and the
 * check that each went through the catalogue or the scenario's text paths (`isPseudo`), allowing only what
 * is not words: texts with no letters, the game's seed, a file name the test chose, <code>, the emblem
 * symbols the scenarios keep as data, and the language switch's own language names.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { isPseudo, messagesFor } from '../../../src/view/i18n/messages.ts';
import { loadGame } from '../../helpers/scenarios.ts';
import { onScreen, settle } from './harness.ts';

/** The pseudo-locale's catalogue: the tests find buttons by their en-XA names. */
export const XA = messagesFor('en-XA');
/** The seed of most games here. */
export const SEED = 'xa-seed-7';
/** The result file's name as the class results list it (a name the instructor's file has, not a word). */
export const RESULT_FILE = 'result.json';

/** Emblem symbols of the bundled scenarios: data the pseudo-locale keeps (a party's code on its badge). */
const SYMBOLS = ['tutorial', 'un-sanctions-vote', 'bab-al-hawa', 'beijing-terms'].flatMap((id) => {
  try {
    return Object.values(loadGame(id).scenario.parties).flatMap((p) =>
      p.emblem?.symbol ? [p.emblem.symbol] : [],
    );
  } catch {
    return [];
  }
});

/** Every visible text of the page, and its accessible names, each with where it is. */
export function pageTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    const skip = (el: Element | null) =>
      el?.closest('code, script, style, noscript, select.bar-language, [hidden], [inert]') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!text || !parent || skip(parent)) continue;
      // Shown: laid out, or read by screen readers (sr-only texts are clipped but present).
      if (
        !parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) &&
        !parent.closest('.sr-only')
      )
        continue;
      const details = parent.closest('details');
      if (details && !details.open && !parent.closest('summary')) continue;
      out.push({ where: `<${parent.tagName.toLowerCase()} class="${parent.className}">`, text });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder'])
        if (el.hasAttribute(attr))
          out.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, text: el.getAttribute(attr) ?? '' });
    }
    out.push({ where: 'document.title', text: document.title });
    return out;
  });
}

/** A text as the check reads it: the seed, the file the test chose and the emblem symbols taken out. */
function bare(text: string, seed: string): string {
  let out = text.split(seed).join(' ').split(RESULT_FILE).join(' ');
  for (const s of SYMBOLS) out = out.replace(new RegExp(`(^|[^A-Za-z])${s}(?![A-Za-z])`, 'g'), '$1');
  return out;
}

/** Fails with every text of the screen (DOM and canvas) that did not go through the pseudo-locale. */
export async function expectPseudo(
  page: Page,
  screen: string,
  seed = SEED,
  ids: readonly string[] = [],
): Promise<void> {
  await settle(page);
  const dom = await pageTexts(page);
  const canvas = (await page.evaluate(() => window.envoyPage?.canvasTexts() ?? [])).map((text) => ({
    where: 'canvas',
    text,
  }));
  const withoutIds = (text: string) =>
    ids.reduce((out, id) => out.replace(new RegExp(`(^|[^\\w-])${id}(?![\\w-])`, 'g'), '$1'), text);
  const plain = [...dom, ...canvas].filter((t) => !isPseudo(withoutIds(bare(t.text, seed))));
  expect(
    plain.map((t) => `${t.where}: ${t.text}`),
    `${screen}: texts that bypass the catalogue`,
  ).toEqual([]);
  expect(dom.length + canvas.length, `${screen} shows text`).toBeGreaterThan(3);
}

/** The screen up. */
export const screenOf = (page: Page) => page.evaluate(() => window.envoyPage?.screen());
/** Goes to a screen as the page's own navigation does. */
export const go = async (page: Page, route: string) => {
  await page.evaluate((r) => window.envoyPage?.go(r as never), route);
  await onScreen(page, route);
};
/** A button by its catalogue id, as the pseudo-locale names it. */
export const button = (page: Page, id: string, args?: Record<string, string | number>) =>
  page.getByRole('button', { name: XA.t(id, args), exact: true });

/** Plays the first listed move until the game is over (each turn checked when `check` says so). */
export async function playToEnd(page: Page, check?: (turn: number) => Promise<void>): Promise<void> {
  for (let turn = 1; turn < 200; turn++) {
    if (await page.locator('.game-over:not([hidden])').count()) return;
    await page.locator('#moves button.move').first().click();
    await check?.(turn);
  }
  throw new Error('the game did not end within 200 moves');
}

/** English is English: no pseudo-locale brackets left after switching back. */
export async function expectNoPseudo(page: Page): Promise<void> {
  const texts = await pageTexts(page);
  expect(texts.filter((t) => t.text.includes('⟦')).map((t) => t.text)).toEqual([]);
}

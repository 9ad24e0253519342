/**
 * The setup every browser test file shares: serve the build made once by the global setup, start Chromium;
 * and the small page helpers the tests read with.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { type LaunchedBrowser, launchBrowser, openPage, type StaticServer, startServer } from './browser.ts';
import { buildSite, SCREENSHOT_DIR } from './build-site.ts';
import { onScreen } from './page-driver.ts';

export { onScreen };

/** A served production build and a running browser, for one test file. */
export interface Harness {
  site: StaticServer;
  browser: LaunchedBrowser;
}

/**
 * Serves the production build (the global setup's, or a build of its own when a file runs without it)
 * and launches Chromium.
 */
export async function startHarness(name: string): Promise<Harness> {
  const built = inject('envoyDist');
  const [outDir] = await Promise.all([built ?? buildSite(name), mkdir(SCREENSHOT_DIR, { recursive: true })]);
  const site = await startServer(outDir);
  const browser = await launchBrowser();
  return { site, browser };
}

/** Closes what startHarness opened, tolerating a failed start. */
export async function stopHarness(h: Partial<Harness> | undefined): Promise<void> {
  await h?.browser?.close();
  await h?.site?.close();
}

/**
 * A page at a viewport size on the title screen with no saves left by earlier tests (the browser's storage
 * is shared by every page of a test file), recording problems as `openPage` does.
 */
export async function freshPage(
  h: Harness,
  width: number,
  height: number,
): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(h.browser, width, height);
  await opened.page.goto(h.site.url);
  await onScreen(opened.page, 'title');
  await opened.page.evaluate(() => window.localStorage.clear());
  return opened;
}

/** Finishes the scene's animations and lets a few frames paint, so a screenshot shows the settled scene. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        window.envoyPage?.skip();
        let frames = 0;
        const tick = () => (++frames >= 4 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
  );
}

/**
 * Screenshots kept as test artifacts (test-results/screenshots, git-ignored): `<name>.png` is what the
 * viewport shows, `<name>-full.png` the whole scrolled page.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-full.png`, fullPage: true });
}
/** The text of the first element matching a selector ('' when it has none). */
export const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent()) ?? '';
/** Text with runs of whitespace collapsed, for comparing rendered text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** How far the page scrolls sideways (0 when it fits the viewport). */
export const overflowX = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });

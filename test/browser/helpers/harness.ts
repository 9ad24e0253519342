/**
 * The setup every browser test file shares: build the site, serve it, start Chromium; and the small
 * page helpers the tests read with.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { type LaunchedBrowser, launchBrowser, type StaticServer, startServer } from './browser.ts';
import { buildSite, SCREENSHOT_DIR } from './build-site.ts';

/** A served production build and a running browser, for one test file. */
export interface Harness {
  site: StaticServer;
  browser: LaunchedBrowser;
}

/** Builds the site into its own folder (one per test file), serves it and launches Chromium. */
export async function startHarness(name: string): Promise<Harness> {
  const [outDir] = await Promise.all([buildSite(name), mkdir(SCREENSHOT_DIR, { recursive: true })]);
  const site = await startServer(outDir);
  const browser = await launchBrowser();
  return { site, browser };
}

/** Closes what startHarness opened, tolerating a failed start. */
export async function stopHarness(h: Partial<Harness> | undefined): Promise<void> {
  await h?.browser?.close();
  await h?.site?.close();
}

/** A full-page screenshot kept as a test artifact. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
/** The text of the first element matching a selector ('' when it has none). */
export const text = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent()) ?? '';
/** Text with runs of whitespace collapsed, for comparing rendered text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

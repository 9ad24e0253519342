/**
 * The hardening browser tests' harness: the shared one (the global setup's build, the system Chromium),
 * with pages instrumented to record every Content-Security-Policy violation, every
 * <img>/<script>/<iframe>/<object>/<embed> element added to the document (other than the page's own
 * bundle), page errors and console errors.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, stopHarness } from './harness.ts';
import { onScreen } from './page-driver.ts';

/** A served build and a browser. */
export interface HostileHarness {
  url: string;
  context: BrowserContext;
  close(): Promise<void>;
}

/** The harness every browser test uses (the global setup's build, the system Chromium), under one name. */
export async function startHostileHarness(): Promise<HostileHarness> {
  const h = await startHarness('hardening');
  return { url: h.site.url, context: h.browser.context, close: () => stopHarness(h) };
}

/** The instrumentation, run in every document before the page's own scripts. */
function instrument(): void {
  const w = window as unknown as { __cspViolations: string[]; __created: string[] };
  w.__cspViolations = [];
  w.__created = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sample})`),
  );
  const risky = /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED|FRAME)$/;
  const own = (e: Element) =>
    e.tagName === 'SCRIPT' && (e as HTMLScriptElement).src.startsWith(`${location.origin}/assets/`);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        for (const e of [n, ...n.querySelectorAll('*')])
          if (risky.test(e.tagName) && !own(e))
            w.__created.push(`<${e.tagName.toLowerCase()}> ${e.getAttribute('src') ?? ''}`);
      }
  }).observe(document, { childList: true, subtree: true });
}

/** An instrumented page; `problems` collects page errors and console errors. */
export async function instrumentedPage(
  h: HostileHarness,
  init?: () => void,
): Promise<{ page: Page; problems: string[] }> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(instrument);
  if (init) await page.addInitScript(init);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/GPU stall due to ReadPixels/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}

/** What the instrumentation saw, and whether any payload ran. */
export function findings(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __cspViolations: string[]; __created: string[]; __pwned?: unknown };
    return { violations: w.__cspViolations, created: w.__created, pwned: w.__pwned ?? null };
  });
}

/** Waits for a screen (`main#app[data-screen]`), allowing 60 s: hostile pages can be slow to draw. */
export function screen(page: Page, name: string): Promise<void> {
  return onScreen(page, name, 60_000);
}

/** Clicks a button by its exact visible name. */
export async function click(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).first().click();
}

/** On the table: plays the first available move until the game ends, then opens the debrief. */
export async function playToDebrief(page: Page): Promise<number> {
  const moves = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < 2000; i++) {
      window.envoyPage?.skip();
      const see = [...document.querySelectorAll('button')].find((b) => b.textContent === 'See the debrief');
      if (see) {
        see.click();
        return i;
      }
      const move = document.querySelector<HTMLButtonElement>('#moves button.move:not([disabled])');
      move?.click();
      await frame();
    }
    throw new Error('the game did not end');
  });
  await screen(page, 'debrief');
  return moves;
}

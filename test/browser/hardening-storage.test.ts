/**
 * Storage faults in real Chromium: a full quota, no storage at all, and a page killed at every step of a
 * save (before the temp copy is written, after it, after the backup, after the main copy). The game keeps
 * running, and a reload resumes from the last good save in every trial.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  click,
  findings,
  type HostileHarness,
  instrumentedPage,
  playToDebrief,
  screen,
  startHostileHarness,
} from './helpers/hostile-harness.ts';

let h: HostileHarness;
beforeAll(async () => {
  h = await startHostileHarness();
});
afterAll(() => h?.close());

const moves = (page: Page) => page.evaluate(() => window.envoy?.actions().length ?? -1);

/** Plays first-available moves until `target` moves have been made. */
async function playUntil(page: Page, target: number): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < 2000 && (window.envoy?.actions().length ?? 0) < n; i++) {
      window.envoyPage?.skip();
      document.querySelector<HTMLButtonElement>('#moves button.move:not([disabled])')?.click();
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, target);
  expect(await moves(page)).toBe(target);
}

/** A new page at the tutorial with a given seed, storage cleared, on the table. */
async function startTutorial(seed: string, init?: () => void) {
  const opened = await instrumentedPage(h, init);
  await opened.page.goto(`${h.url}?scenario=tutorial&seed=${seed}`);
  await screen(opened.page, 'briefing');
  await click(opened.page, 'Begin negotiating');
  await screen(opened.page, 'play');
  return opened;
}

async function clearStorage(): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(h.url);
  await page.evaluate(() => window.localStorage.clear());
  await page.close();
}

/** Reopens the same address in a fresh page (no faults) and reports where the game resumed. */
async function reopen(
  seed: string,
): Promise<{ screenName: string | undefined; moves: number; problems: string[] }> {
  const { page, problems } = await instrumentedPage(h);
  await page.goto(`${h.url}?scenario=tutorial&seed=${seed}`);
  await page.waitForFunction(() =>
    ['briefing', 'play', 'debrief'].includes(window.envoyPage?.screen() ?? ''),
  );
  const out = {
    screenName: await page.evaluate(() => window.envoyPage?.screen()),
    moves: await moves(page),
    problems,
  };
  await page.close();
  return out;
}

describe('storage faults', () => {
  it('a full storage (QuotaExceededError): play goes on, and a reload resumes the last good save', async () => {
    await clearStorage();
    const { page, problems } = await startTutorial('quota-1', () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if ((window as unknown as { __quota?: boolean }).__quota && key.startsWith('envoy:'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await playUntil(page, 3);
    await page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = true;
    });
    await playUntil(page, 6);
    expect(await page.evaluate(() => document.querySelector('.bar-status')?.textContent ?? '')).not.toBe('');
    expect(problems).toEqual([]);
    expect((await findings(page)).pwned).toBeNull();
    await page.close();
    const back = await reopen('quota-1');
    expect(back).toEqual({ screenName: 'play', moves: 3, problems: [] });
  });

  it('no storage at all (reading localStorage throws): the whole game plays, and a reload starts cleanly', async () => {
    const block = () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Storage is disabled.', 'SecurityError');
        },
      });
    };
    const { page, problems } = await startTutorial('nostorage-1', block);
    await playToDebrief(page);
    expect(await page.evaluate(() => window.envoy?.outcome() ?? null)).not.toBeNull();
    expect(await page.evaluate(() => document.querySelector('.bar-status')?.textContent ?? '')).toMatch(
      /sav/i,
    );
    expect(problems).toEqual([]);
    await page.close();
    const again = await instrumentedPage(h, block);
    await again.page.goto(`${h.url}?scenario=tutorial&seed=nostorage-1`);
    await screen(again.page, 'briefing');
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  // Where the page dies during the save of move N, and the move the reload must resume at.
  const KILL_POINTS = [
    { point: 'before the temp copy', key: '.tmp', op: 'setItem', resumes: -1 },
    { point: 'after the temp copy, before the backup', key: '.bak', op: 'setItem', resumes: 0 },
    { point: 'after the backup, before the main copy', key: '', op: 'setItem', resumes: 0 },
    {
      point: 'after the main copy, before removing the temp copy',
      key: '.tmp',
      op: 'removeItem',
      resumes: 0,
    },
  ] as const;
  const TRIALS = KILL_POINTS.flatMap((k) => [2, 5].map((n) => ({ ...k, n })));

  it.each(TRIALS)('killed $point while saving move $n: the reload resumes the last good save', async (t) => {
    await clearStorage();
    const seed = `kill-${t.n}`;
    const { page, problems } = await startTutorial(seed, () => {
      const w = window as unknown as { __kill?: { key: string; op: string }; __dead?: boolean };
      const main = 'envoy:save:tutorial';
      const guard = (op: string, key: string) => {
        if (!key.startsWith(main)) return;
        if (w.__dead) throw new DOMException('the page is gone', 'InvalidStateError');
        if (w.__kill && w.__kill.op === op && key === main + w.__kill.key) {
          w.__dead = true;
          throw new DOMException('the page is gone', 'InvalidStateError');
        }
      };
      const { setItem, removeItem } = Storage.prototype;
      Storage.prototype.setItem = function (key: string, value: string) {
        guard('setItem', key);
        setItem.call(this, key, value);
      };
      Storage.prototype.removeItem = function (key: string) {
        guard('removeItem', key);
        removeItem.call(this, key);
      };
    });
    await playUntil(page, t.n - 1);
    await page.evaluate(
      (k) => {
        (window as unknown as { __kill: unknown }).__kill = k;
      },
      { key: t.key, op: t.op },
    );
    await playUntil(page, t.n);
    expect(await page.evaluate(() => (window as unknown as { __dead?: boolean }).__dead ?? false)).toBe(true);
    // The game keeps running with storage gone…
    await playUntil(page, t.n + 1);
    expect(problems).toEqual([]);
    // …then the page is killed, and the same address is opened again.
    await page.close();
    const back = await reopen(seed);
    expect(back.problems).toEqual([]);
    expect(back.moves).toBe(t.n + t.resumes);
    expect(back.screenName).toBe('play');
  });
});

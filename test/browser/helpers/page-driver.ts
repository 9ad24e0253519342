/**
 * Keyboard-only driving of the page, shared by the browser tests and bench/browser.ts: they move the way a
 * keyboard user does (Tab to a control, Enter), never by clicking or calling the engine. No Vitest here.
 */
import type { Page } from 'playwright-core';

/** Waits until the page shows a screen (`main#app[data-screen]`), by default for Playwright's 30 s. */
export async function onScreen(page: Page, screen: string, timeout?: number): Promise<void> {
  await page.locator(`main#app[data-screen="${screen}"]`).waitFor({ state: 'attached', timeout });
}

/** What has focus, as plain data. */
export interface Focused {
  tag: string;
  id: string;
  /** The accessible name when set (aria-label), else the trimmed text. */
  name: string;
  classes: string[];
  /** For a link: its `?scenario=` parameter. */
  scenario: string | null;
  /** For a move button: whether it is the first one in the menu. */
  firstMove: boolean;
}

/** Describes the focused element. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const name = a?.getAttribute('aria-label') ?? a?.textContent ?? '';
    return {
      tag: a?.tagName ?? '',
      id: a?.id ?? '',
      name: name.replace(/\s+/g, ' ').trim(),
      classes: a ? [...a.classList] : [],
      scenario: a instanceof HTMLAnchorElement ? new URL(a.href).searchParams.get('scenario') : null,
      firstMove: a !== null && a === document.querySelector('#moves button.move'),
    };
  });
}

/** A button whose name is `name`. */
export const isButton = (name: string) => (f: Focused) => f.tag === 'BUTTON' && f.name === name;

/** Presses Tab until the focused element matches; fails, naming `what`, if it is not reachable in `limit` presses. */
export async function tabTo(
  page: Page,
  matches: (f: Focused) => boolean,
  what: string,
  limit = 80,
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i <= limit; i++) {
    const f = await focused(page);
    if (matches(f)) return f;
    seen.push(f.name.slice(0, 30) || f.tag);
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `${what} is not reachable in ${limit} Tab presses (passed: ${seen.slice(0, 25).join(' | ')})`,
  );
}

/** Tab to a button by its name and press Enter on it. */
export async function pressButton(page: Page, name: string): Promise<void> {
  await tabTo(page, isButton(name), `the "${name}" button`);
  await page.keyboard.press('Enter');
}

/**
 * From the title screen: "Choose a scenario", the scenario's link, then (for a scenario with several seats)
 * the first "Play as …" of the seat choice, then "Begin negotiating".
 */
export async function titleToTable(page: Page, id: string, visit?: (screen: string) => Promise<void>) {
  await onScreen(page, 'title');
  await visit?.('title');
  await pressButton(page, 'Choose a scenario');
  await onScreen(page, 'select');
  await visit?.('select');
  await tabTo(page, (f) => f.tag === 'A' && f.scenario === id, `the link to "${id}"`);
  await page.keyboard.press('Enter');
  await page.locator('main#app[data-screen="briefing"], main#app[data-screen="seats"]').waitFor();
  if ((await page.locator('main#app').getAttribute('data-screen')) === 'seats') {
    await visit?.('seats');
    await tabTo(
      page,
      (f) => f.tag === 'BUTTON' && f.name.startsWith('Play as '),
      'the first "Play as" button',
    );
    await page.keyboard.press('Enter');
  }
  await onScreen(page, 'briefing');
  await visit?.('briefing');
  await pressButton(page, 'Begin negotiating');
  await onScreen(page, 'play');
}

/**
 * On the table: Tab to the first move, then press Enter on whatever has focus after each turn (the page moves
 * focus to the first move) until the "See the debrief" button has it. `onTurn` runs after every move.
 * Returns the number of moves played.
 */
export async function playFirstMovesByKeyboard(
  page: Page,
  onTurn?: (turn: number) => Promise<void>,
  limit = 200,
): Promise<number> {
  await tabTo(page, (f) => f.firstMove, 'the first move button');
  for (let turn = 1; turn <= limit; turn++) {
    const f = await focused(page);
    if (!f.firstMove) throw new Error(`turn ${turn}: focus is on "${f.name}", not on the first move button`);
    await page.keyboard.press('Enter');
    await onTurn?.(turn);
    if (isButton('See the debrief')(await focused(page))) return turn;
  }
  throw new Error(`the game did not end within ${limit} moves`);
}

/** After the last move, Enter on "See the debrief" (which has focus); resolves on the debrief screen. */
export async function openDebrief(page: Page): Promise<void> {
  const f = await focused(page);
  if (!isButton('See the debrief')(f))
    throw new Error(`"See the debrief" does not have focus ("${f.name}" has)`);
  await page.keyboard.press('Enter');
  await onScreen(page, 'debrief');
}

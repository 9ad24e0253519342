/**
 * Keyboard-only driving of the DOM game, shared by the play and determinism tests: they must play the
 * way a keyboard user does (Tab to the first move, Enter), never by clicking or calling the engine.
 */
import type { Page } from 'playwright-core';

/** Whether the focused element is the first move button. */
export function firstMoveFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const first = document.querySelector('button.move');
    return first !== null && document.activeElement === first;
  });
}

/** Whether the debrief heading has focus (the game is over). */
export function debriefFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.id === 'debrief-heading');
}

/** Presses Tab until the first move button has focus; fails if it is not reachable in `limit` presses. */
export async function tabToFirstMove(page: Page, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await firstMoveFocused(page)) return;
    await page.keyboard.press('Tab');
  }
  if (!(await firstMoveFocused(page)))
    throw new Error(`the first move button is not reachable in ${limit} Tab presses`);
}

/**
 * Plays by pressing Enter on the focused first move button until the debrief heading takes focus. The page
 * moves focus to the first move button after each turn; `onTurn` runs after every move (screenshots).
 */
export async function playFirstMovesByKeyboard(
  page: Page,
  onTurn?: (turn: number) => Promise<void>,
  limit = 200,
): Promise<number> {
  await tabToFirstMove(page);
  for (let turn = 1; turn <= limit; turn++) {
    if (!(await firstMoveFocused(page)))
      throw new Error(`turn ${turn}: focus is not on the first move button`);
    await page.keyboard.press('Enter');
    await onTurn?.(turn);
    if (await debriefFocused(page)) return turn;
  }
  throw new Error(`the game did not end within ${limit} moves`);
}

/** Whether the focused element is the chooser's link to a scenario. */
function scenarioLinkFocused(page: Page, id: string): Promise<boolean> {
  return page.evaluate((want) => {
    const a = document.activeElement;
    if (!(a instanceof HTMLAnchorElement) || !a.classList.contains('scenario-link')) return false;
    return new URL(a.href).searchParams.get('scenario') === want;
  }, id);
}

/**
 * On the chooser: Tab to a scenario's link and press Enter, the way a keyboard user opens it; resolves
 * once the game page shows its first move button.
 */
export async function chooseScenarioByKeyboard(page: Page, id: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit && !(await scenarioLinkFocused(page, id)); i++) await page.keyboard.press('Tab');
  if (!(await scenarioLinkFocused(page, id)))
    throw new Error(`the link to "${id}" is not reachable in ${limit} Tab presses`);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('scenario') === id),
    page.keyboard.press('Enter'),
  ]);
  await page.locator('button.move').first().waitFor();
}

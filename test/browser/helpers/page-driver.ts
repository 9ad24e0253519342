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

/** The page's save stores: browser storage when the browser allows it, else a store that reports so. */
import { createSaveStore, FILE_SAVE_PREFIX, type SaveStore } from './save.ts';
import { browserStorage } from './storage.ts';

/** Opens the browser's storage inside a guard: private modes and locked-down profiles may refuse it. */
export function pageSaves(): SaveStore {
  return createSaveStore(browserStorage());
}

/**
 * Saves of scenario files an instructor opens, kept in the tab's sessionStorage beside the file itself
 * (open-scenario.ts): they last as long as the tab, as the file does, and never touch a built-in's save.
 */
export function pageFileSaves(): SaveStore {
  return createSaveStore(browserStorage('session'), FILE_SAVE_PREFIX);
}

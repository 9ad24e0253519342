/** The page's save store: browser storage when the browser allows it, else a store that reports so. */
import { createSaveStore, type SaveStore } from './save.ts';
import { browserStorage } from './storage.ts';

/** The store the page saves through (one per page). */
export type Saves = SaveStore;

/** Opens the browser's storage inside a guard: private modes and locked-down profiles may refuse it. */
export function pageSaves(): SaveStore {
  return createSaveStore(browserStorage());
}

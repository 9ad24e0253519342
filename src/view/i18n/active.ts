/**
 * The page's active language: one place, set once at start-up (and by the language switch), read by every
 * renderer through `t`. Kept in the view layer so the DOM screens and the canvas scenes format alike.
 */
import { ENGLISH, type Lang, type MessageArgs, type Messages, messagesFor } from './messages.ts';

let active: Messages = ENGLISH;

/** Makes `lang` the language every later `t` formats in. */
export function setLanguage(lang: Lang): void {
  active = messagesFor(lang);
}

/** The active language's code (`en`, `en-XA`). */
export function activeLang(): Lang {
  return active.lang;
}

/** The active catalogue, for the view functions that take a `Messages` argument. */
export function activeMessages(): Messages {
  return active;
}

/** A catalogue message in the active language: the only way a screen gets its words. */
export function t(id: string, args?: MessageArgs): string {
  return active.t(id, args);
}

/**
 * The page's language: chosen once at start-up (`?lang=` in the address wins over the choice remembered in
 * localStorage, which wins over English), written to `<html lang>`, and switched from the top bar. A game is
 * compiled from its scenario's words in the active language (`scenarioIn`); the rules, and so every hash, save
 * and replay, are the same in every language.
 */
import { compileGame, type Game } from '../engine/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ScenarioMeta } from '../session/meta.ts';
import { activeLang, setLanguage, t } from '../view/i18n/active.ts';
import { type Lang, langOf, type MessageArgs, pseudo, scenarioIn } from '../view/i18n/messages.ts';
import type { App } from './app-types.ts';
import { openViewer } from './screens/viewer-source.ts';

/** Where the page remembers the reader's language. */
export const LANG_KEY = 'envoy.lang';

/** The scenario (in its own words) each compiled game was made from, so a language switch can recompile it. */
const ORIGINAL = new WeakMap<Game, Scenario>();

/** The language an address and a remembered choice select: the address first, then the memory, then English. */
export function chosenLanguage(search: string, remembered: string | null): Lang {
  return langOf(new URLSearchParams(search).get('lang')) ?? langOf(remembered) ?? 'en';
}

/** Reads the remembered choice without throwing (storage may be blocked). */
function remembered(): string | null {
  try {
    return window.localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

/** Makes `lang` the page's language: the catalogue, `<html lang>` and the remembered choice. */
export function applyLanguage(lang: Lang): void {
  setLanguage(lang);
  document.documentElement.lang = lang;
  // The frame index.html writes in English: the skip link and the dialogue column's name.
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip-link');
  document.getElementById('side')?.setAttribute('aria-label', t('side-label'));
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // A browser that stores nothing still shows the language; it is only not remembered.
  }
}

/** At start-up: the language the address or the memory asks for. */
export function startLanguage(): Lang {
  const lang = chosenLanguage(window.location.search, remembered());
  applyLanguage(lang);
  return lang;
}

/**
 * A detail the engine or the save store wrote in English (a replay that does not verify, a code that does
 * not decode): shown as it is in English, and as the catalogue's sentence `id` in any other language, until
 * those modules give codes and parameters for every detail.
 */
export function engineWords(message: string, id: string, args?: MessageArgs): string {
  return activeLang() === 'en' ? message : t(id, args);
}

/**
 * A sentence the save store wrote (in English, with no code yet): shown as it is in English, and as the
 * catalogue's general sentence of its kind in any other language.
 */
export function saveSentence(message: string, kind: 'corrupt' | 'unavailable' | 'note'): string {
  return engineWords(message, `save-sentence-${kind}`);
}

/** Compiles a scenario with its words in the active language (the rules hash is the same in every language). */
export function gameIn(scenario: Scenario): Game {
  const game = compileGame(scenarioIn(scenario, activeLang()));
  ORIGINAL.set(game, scenario);
  return game;
}

/** The same game in the active language (itself when it is already). */
export function gameRelanguaged(game: Game): Game {
  const original = ORIGINAL.get(game);
  return original ? gameIn(original) : game;
}

/** Keeps `lang=` in the address when it was there (or the language was switched), so a reload keeps it. */
export function writeLangParam(url: URL, switched = false): void {
  if (switched || url.searchParams.has('lang')) url.searchParams.set('lang', activeLang());
}

/** A catalogue card's words (from the scenario files) in the active language, as `scenarioIn` gives a game's. */
export function metaIn(meta: ScenarioMeta): ScenarioMeta {
  if (activeLang() !== 'en-XA') return meta;
  const w = (text: string | null | undefined) => (text ? pseudo(text) : (text ?? null));
  return {
    ...meta,
    title: pseudo(meta.title),
    place: w(meta.place),
    stakes: w(meta.stakes),
    contentNote: w(meta.contentNote),
    role: w(meta.role),
  };
}

/**
 * After a switch: the page's game and replay viewer recompiled in the active language. The same seed, actions
 * and seats, so the same states and hashes; the seat on screen and who has read the briefing are kept.
 */
export function rewordGames(app: App): void {
  const held = app.loaded;
  if (held) {
    const view = held.session.view();
    const { seat, briefed, answers } = held;
    app.startLoaded(
      { id: held.id, file: held.file, builtIn: held.builtIn, game: gameRelanguaged(held.game) },
      view.seed,
      view.actions,
      answers,
      view.seats,
    );
    if (app.loaded) Object.assign(app.loaded, { seat, briefed });
  }
  const viewer = app.viewer;
  if (viewer) {
    const next = openViewer(
      gameRelanguaged(viewer.game),
      viewer.seed,
      viewer.actions,
      viewer.origin,
      viewer.view().seats,
    );
    next.goTo(viewer.turn());
    app.viewer = next;
  }
}

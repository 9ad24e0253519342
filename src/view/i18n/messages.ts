/**
 * The message catalogue: every sentence the game builds comes from here, formatted with Fluent
 * (`@fluent/bundle`), in the active language. Fluent was chosen for three reasons: its selectors carry each
 * language's own plural rules (English has two forms, Arabic six); it isolates placeables with Unicode
 * bidirectional marks, which Latin names, numbers and codes need inside Arabic sentences; and it is a
 * maintained Mozilla library with a small runtime. Scenario words are not in the catalogue: they come from
 * the scenario (or its translation) by text path.
 *
 * `en-XA` is a pseudo-locale: every catalogue string (and, through `pseudoScenario`, every scenario word)
 * transformed with accents, bracketed and about 30 % longer. A screen shown in `en-XA` with any plain
 * English left on it has a string that bypasses the catalogue.
 */
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Scenario } from '../../scenario/schema.ts';
import { withWords } from '../../scenario/text-paths.ts';
import { EN_FTL } from './en.ts';
import { FILES_FTL } from './ftl/files.ts';
import { GAME_FTL } from './ftl/game.ts';
import { PAGE_FTL } from './ftl/page.ts';
import { SCENES_FTL } from './ftl/scenes.ts';

/** The catalogue's modules, by screen: one catalogue, several files. */
const FTL = [EN_FTL, PAGE_FTL, GAME_FTL, FILES_FTL, SCENES_FTL];

/** The languages this build can show. */
export const LANGUAGES = ['en', 'en-XA'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language switch (the one text no catalogue translates). */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', 'en-XA': 'English (pseudo-locale)' };

/** Arguments a message takes: scenario words and numbers. */
export type MessageArgs = Record<string, string | number>;

/** A catalogue in one language. */
export interface Messages {
  lang: Lang;
  /** The formatted message, or its id in brackets when the catalogue lacks it (never a thrown error). */
  t(id: string, args?: MessageArgs): string;
}

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * The pseudo-locale's transformation of one text: letters accented, about 30 % longer (a tilde per three
 * letters), the whole in brackets so a cut-off text shows. Text with no letter (a number, punctuation) stays.
 */
export function pseudo(text: string): string {
  if (!/[A-Za-z]/.test(text)) return text;
  let letters = 0;
  let out = '';
  for (const ch of text) {
    const accented = ACCENTED[ch];
    if (accented) {
      letters++;
      out += accented;
      if (letters % 3 === 0) out += '~';
    } else out += ch;
  }
  return `⟦${out}⟧`;
}

/** Whether a text went through the pseudo-locale: what the pseudo-locale browser test looks for. */
export function isPseudo(text: string): boolean {
  return !/[A-Za-z]/.test(text.replace(/⟦[^⟧]*⟧/g, ''));
}

const bundles = new Map<Lang, FluentBundle>();

function bundleFor(lang: Lang): FluentBundle {
  let bundle = bundles.get(lang);
  if (!bundle) {
    bundle = new FluentBundle(lang === 'en-XA' ? 'en' : lang, {
      // English needs no bidirectional isolation, and its invisible marks would only get in the way.
      useIsolating: false,
      ...(lang === 'en-XA' ? { transform: pseudo } : {}),
    });
    for (const ftl of FTL) {
      const errors = bundle.addResource(new FluentResource(ftl));
      if (errors.length > 0) throw new Error(`the ${lang} catalogue does not parse: ${errors[0]?.message}`);
    }
    bundles.set(lang, bundle);
  }
  return bundle;
}

/** The catalogue in a language. */
export function messagesFor(lang: Lang): Messages {
  const bundle = bundleFor(lang);
  return {
    lang,
    t(id, args) {
      const message = bundle.getMessage(id);
      if (!message?.value) return `{${id}}`;
      return bundle.formatPattern(message.value, args ?? {}, []);
    },
  };
}

/** The English catalogue: the default, and what the CLI prints. */
export const ENGLISH: Messages = messagesFor('en');

/** A language from an address or a stored choice, or null when this build does not have it. */
export function langOf(value: unknown): Lang | null {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
    ? (value as Lang)
    : null;
}

/**
 * The scenario with its words in a language. Only the pseudo-locale transforms words today (translation
 * files come with the Arabic edition); the rules, and so the rules hash, never change.
 */
export function scenarioIn(scenario: Scenario, lang: Lang): Scenario {
  if (lang !== 'en-XA') return scenario;
  const words = withWords(scenario, (path, text) => (WORDS_KEPT.test(path) ? text : pseudo(text)));
  // A glossary's terms are its keys (words, not ids): a translation gives them too.
  if (!words.glossary) return words;
  const glossary = Object.fromEntries(
    Object.entries(words.glossary).map(([term, text]) => [pseudo(term), text]),
  );
  return { ...words, glossary };
}

/** Words that are data, not prose: citations by source id, links, colours, symbols and the schema path. */
const WORDS_KEPT = /(^|\.)(sources\.\d+|url|color|symbol|\$schema)$/;

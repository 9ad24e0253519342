/**
 * Words apart from rules. A scenario's identity covers its rules only (ids, numbers, conditions, structure,
 * menu and option order), so fixing a typo in a debrief invalidates no replay and no save; its prose is
 * hashed apart and addressed by a stable text path, so a translation can supply it.
 *
 * Where words live is written down once, in `SCENARIO` below; one walk over it gives the words
 * (`scenarioWords`), the rules (`scenarioRules`) and a reworded copy (`withWords`). A field the
 * description does not name is a rule.
 *
 * Path grammar: segments joined by `.`; a record entry by its key, an item of a list of things with an
 * `id` (events, outcomes) by that id, any other list item by its index. A segment that is not only
 * letters, digits, `_`, `$` and `-` (an event name, a glossary term with a space) is written in brackets
 * with no dot before it, `\` and `]` escaped by `\`: `parties.russia.position.states.listening.on[offer.proposed].0.reason`,
 * `glossary[Red line]`.
 */
import { canonicalJson, sha256Hex } from '../core/hash.ts';
import { dict, own } from '../core/own.ts';
import type { Scenario } from './schema.ts';

/**
 * Where words live below a value: `text` a string of words; `all` every string below (the shape is open:
 * sources, glossary, emblems); `options` a record id → words whose keys are rules; `list` the items of a
 * list; `each` the values of a record; `fields` the named fields of an object (unnamed fields are rules).
 * `block` marks fields that are nothing but words (a debrief): dropped from the rules when emptied.
 */
type Where =
  | 'text'
  | 'all'
  | 'options'
  | { list: Where; byId?: boolean }
  | { each: Where }
  | { fields: Readonly<Record<string, Where>>; block?: boolean };

const T = 'text';
const list = (item: Where): Where => ({ list: item });
const byId = (fields: Record<string, Where>): Where => ({ list: { fields }, byId: true });
const each = (value: Where): Where => ({ each: value });
const fields = (shape: Record<string, Where>): Where => ({ fields: shape });

/** A seat's words: today's `player` block and each entry of `seats` (its `party` and `auto` are rules). */
const SEAT = fields({
  role: T,
  setting: T,
  brief: T,
  redLines: list(T),
  mayGive: list(T),
  objectives: list(T),
});
/** A position state's words, and those of the states inside it (states nest: the shape refers to itself). */
const STATE_FIELDS: Record<string, Where> = { label: T, describe: T, on: each(list(fields({ reason: T }))) };
const STATE = fields(STATE_FIELDS);
STATE_FIELDS.states = each(STATE);
const MACHINE = fields({ states: each(STATE) });
const PARTY = fields({
  name: T,
  short: T,
  describe: T,
  emblem: 'all',
  prefers: fields({ redLines: list(fields({ reason: T })) }),
  position: MACHINE,
});
const MOVE = fields({
  label: T,
  describe: T,
  text: T,
  params: each(fields({ label: T, options: 'options' })),
});
const DEBRIEF: Where = {
  fields: { you: T, parties: each(T), history: T, caveat: T, sources: list(T), seats: each('all') },
  block: true,
};

/** Every place in a scenario that holds words, in the order `scenarioWords` lists them. */
const SCENARIO: Where = fields({
  $schema: T,
  title: T,
  date: T,
  place: T,
  stakes: T,
  contentNote: T,
  summary: T,
  player: SEAT,
  seats: each(SEAT),
  meters: each(fields({ label: T, describe: T })),
  issues: each(fields({ label: T, describe: T, options: 'options' })),
  templates: each(MACHINE),
  parties: each(PARTY),
  blocs: each(fields({ name: T })),
  moves: each(MOVE),
  events: byId({ title: T, text: T, sources: list(T) }),
  vote: fields({ describe: T }),
  outcomes: byId({ title: T, summary: T, debrief: DEBRIEF }),
  questions: list(T),
  glossary: 'all',
  sources: 'all',
});

/** What the walk does with one string of words: its new text, or `GONE` to leave it out. */
const GONE = Symbol('gone');
type OnWords = (path: string, text: string) => string | typeof GONE;

/** Appends one segment to a path, bracketed when it is not a plain word. */
function join(path: string, segment: string): string {
  if (/^[A-Za-z0-9_$-]+$/.test(segment)) return path === '' ? segment : `${path}.${segment}`;
  return `${path}[${segment.replace(/[\\\]]/g, (c) => `\\${c}`)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A prototype-free deep copy of rules data (no words below). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isRecord(value)) return value;
  const out = dict<unknown>();
  for (const key of Object.keys(value)) out[key] = copy(own(value, key));
  return out;
}

/** Collects the walked entries; a container that held something and kept nothing is `GONE`. */
function entries(value: Record<string, unknown>, walkOne: (key: string, v: unknown) => unknown): unknown {
  const keys = Object.keys(value);
  const out = dict<unknown>();
  for (const key of keys) {
    const next = walkOne(key, own(value, key));
    if (next !== GONE) out[key] = next;
  }
  return keys.length > 0 && Object.keys(out).length === 0 ? GONE : out;
}

/**
 * The one walk: a copy of `value` in which every string of words is what `onWords` makes of it. Leaving
 * words out (`GONE`) also leaves out what held only words, except option records, whose ids stay as a list.
 */
function walk(value: unknown, where: Where, path: string, onWords: OnWords): unknown {
  if (where === 'text') return typeof value === 'string' ? onWords(path, value) : copy(value);
  if (where === 'all') {
    if (typeof value === 'string') return onWords(path, value);
    if (Array.isArray(value)) return walk(value, { list: 'all' }, path, onWords);
    return isRecord(value) ? entries(value, (k, v) => walk(v, 'all', join(path, k), onWords)) : copy(value);
  }
  if (where === 'options') {
    if (!isRecord(value)) return copy(value);
    const out = entries(value, (k, v) => walk(v, T, join(path, k), onWords));
    return out === GONE ? Object.keys(value).sort() : out;
  }
  if ('list' in where) {
    if (!Array.isArray(value)) return copy(value);
    const items = value.map((item: unknown, i) => {
      const id = where.byId && isRecord(item) ? own(item, 'id') : undefined;
      return walk(item, where.list, join(path, typeof id === 'string' ? id : String(i)), onWords);
    });
    if (items.length > 0 && items.every((item) => item === GONE)) return GONE;
    return items.map((item) => (item === GONE ? null : item));
  }
  if ('each' in where) {
    return isRecord(value)
      ? entries(value, (k, v) => walk(v, where.each, join(path, k), onWords))
      : copy(value);
  }
  if (!isRecord(value)) return copy(value);
  const out = dict<unknown>();
  for (const [key, inner] of Object.entries(where.fields)) {
    if (!Object.hasOwn(value, key)) continue;
    const next = walk(own(value, key), inner, join(path, key), onWords);
    if (next !== GONE) out[key] = next;
  }
  for (const key of Object.keys(value))
    if (!Object.hasOwn(where.fields, key)) out[key] = copy(own(value, key));
  return where.block && Object.keys(value).length > 0 && Object.keys(out).length === 0 ? GONE : out;
}

/** One string of a scenario's prose and the stable path that addresses it. */
export interface ScenarioWord {
  path: string;
  text: string;
}

/**
 * Every free-text string of a validated scenario with its text path, in a stable order (the order of the
 * description, then of the file): what a translation file supplies and what the text hash covers.
 */
export function scenarioWords(s: Scenario): ScenarioWord[] {
  const words: ScenarioWord[] = [];
  walk(s, SCENARIO, '', (path, text) => {
    words.push({ path, text });
    return text;
  });
  return words;
}

/**
 * A copy of the scenario with every word left out (option ids kept, as sorted lists beside `order`):
 * the rules a replay or a save depends on, and nothing a rewording can change.
 */
export function scenarioRules(s: Scenario): unknown {
  return walk(s, SCENARIO, '', () => GONE);
}

/**
 * A copy with each string of words replaced by `replace(path, text)`, addressed exactly as
 * `scenarioWords` lists them: for a pseudo-locale and for translations. Its rules are the scenario's.
 */
export function withWords(s: Scenario, replace: (path: string, text: string) => string): Scenario {
  return walk(s, SCENARIO, '', replace) as Scenario;
}

/** The scenario's identity: a different rules hash means replays and saves no longer apply. */
export function rulesHash(s: Scenario): string {
  return sha256Hex(canonicalJson(scenarioRules(s)));
}

/** Which wording a game was played with (path → text), so a replay can note a reworded scenario. */
export function textHash(s: Scenario): string {
  const byPath = dict<string>();
  for (const { path, text } of scenarioWords(s)) byPath[path] = text;
  return sha256Hex(canonicalJson(byPath));
}

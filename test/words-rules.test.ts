/**
 * Words apart from rules (issue 11): rewording any one text of any scenario changes its text hash and
 * never its rules hash; every string the walk does not reach is a rule value (so a prose field the walker
 * forgot fails here, by its path); changing a rule changes the rules hash.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/core/hash.ts';
import {
  EventName,
  formatDiagnostic,
  Id,
  parseScenario,
  rulesHash,
  type Scenario,
  scenarioRules,
  scenarioWords,
  textHash,
  withWords,
} from '../src/scenario/index.ts';
import { SCENARIO_IDS } from './helpers/scenarios.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const FILES = [
  ...SCENARIO_IDS.map((id) => `scenarios/${id}.yaml`),
  'test/fixtures/v1/tutorial.yaml',
  'test/fixtures/valid-minimal.yaml',
];

function load(file: string): Scenario {
  const result = parseScenario(readFileSync(root + file, 'utf8'), file);
  if ('errors' in result) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

/** Whether a string may stand in the rules: an id (enum values are kebab-case too) or an event name. */
const isRuleValue = (text: string): boolean =>
  Id.safeParse(text).success || EventName.safeParse(text).success;
/** Field names of the format are camelCase; record keys are ids or event names. */
const isRuleKey = (key: string): boolean => isRuleValue(key) || /^\$?[a-z][A-Za-z]*$/.test(key);

/** Every string leaf (and, with `keys`, every object key) below `value`, with a JSON-ish path. */
function leaves(value: unknown, path = '', keys = false): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`, keys));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(keys ? [{ path: `${path}.${k} (key)`, text: k }] : []),
    ...leaves(v, `${path}.${k}`, keys),
  ]);
}

const MARK = '\u0001';

describe.each(FILES)('%s', (file) => {
  const s = load(file);
  const words = scenarioWords(s);
  const rulesText = canonicalJson(scenarioRules(s));
  const text = textHash(s);

  it('lists each words path once, and withWords reaches exactly those paths', () => {
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words.map((w) => w.path)).size).toBe(words.length);
    const seen: string[] = [];
    withWords(s, (path, t) => {
      seen.push(path);
      return t;
    });
    expect(seen).toEqual(words.map((w) => w.path));
    expect(canonicalJson(withWords(s, (_p, t) => t))).toBe(canonicalJson(s));
  });

  it('rewording any one text changes the text hash, never the rules', () => {
    for (const [i, w] of words.entries()) {
      const reworded = withWords(s, (path, t) => (path === w.path ? `${t} (reworded)` : t));
      expect(canonicalJson(scenarioRules(reworded)), w.path).toBe(rulesText);
      expect(textHash(reworded), w.path).not.toBe(text);
      const after = scenarioWords(reworded);
      const changed = after.flatMap((a, j) =>
        a.path === words[j]?.path && a.text === words[j]?.text ? [] : [j],
      );
      expect(changed, w.path).toEqual([i]);
    }
    expect(rulesHash(withWords(s, (_p, t) => t.toUpperCase()))).toBe(rulesHash(s));
  });

  it('leaves only rule values outside the words (a forgotten prose field fails here by its path)', () => {
    const notRules = leaves(withWords(s, () => MARK)).filter((l) => l.text !== MARK && !isRuleValue(l.text));
    expect(notRules).toEqual([]);
    const inRules = leaves(scenarioRules(s), '', true).filter((l) =>
      l.path.endsWith('(key)') ? !isRuleKey(l.text) : !isRuleValue(l.text),
    );
    expect(inRules).toEqual([]);
  });
});

describe('the rules hash', () => {
  const s = load('scenarios/tutorial.yaml');
  const base = rulesHash(s);
  /** The rules hash after `edit` changes a copy of the tutorial. */
  function after(edit: (copy: Scenario) => void): string {
    const copy = structuredClone(s);
    edit(copy);
    return rulesHash(copy);
  }

  it.each<[string, (c: Scenario) => void]>([
    ['a party weight', (c) => Object.assign(c.parties.valley?.prefers?.weights ?? {}, { schedule: 0.9 })],
    ['a meter initial', (c) => Object.assign(c.meters.trust ?? {}, { initial: 1 })],
    [
      'a transition target',
      (c) => {
        const t = c.templates?.['council-member']?.states.undecided?.on?.['lobby.made']?.[1];
        if (!t) throw new Error('the tutorial lost its lobby transition');
        t.to = 'supportive';
      },
    ],
    ['the menu order', (c) => c.menu?.reverse()],
    ['an option order', (c) => c.issues['water-share']?.order?.reverse()],
    ['an option id', (c) => Object.assign(c.issues.schedule?.options ?? {}, { 'all-year': 'All year' })],
    ['the order of outcomes', (c) => c.outcomes.reverse()],
  ])('sees %s', (_what, edit) => {
    expect(after(edit)).not.toBe(base);
  });

  it('keeps option ids and drops words-only blocks', () => {
    const rules = scenarioRules(s) as Record<string, unknown> & { issues: Record<string, unknown> };
    expect(rules.issues['water-share']).toEqual({
      order: ['status-quo', 'even-split', 'amber-priority'],
      options: ['amber-priority', 'even-split', 'status-quo'],
      default: 'status-quo',
      historical: 'even-split',
    });
    for (const gone of ['title', 'summary', 'glossary', 'sources', 'questions', 'date'])
      expect(rules).not.toHaveProperty(gone);
    expect((rules.outcomes as object[])[0]).not.toHaveProperty('debrief');
    expect(rules.player).toEqual({ party: 'amber' });
  });

  it('gives the tutorial stable paths', () => {
    expect(
      scenarioWords(s)
        .slice(0, 6)
        .map((w) => w.path),
    ).toMatchInlineSnapshot(`
      [
        "title",
        "date",
        "place",
        "stakes",
        "contentNote",
        "summary",
      ]
    `);
  });
});

describe('seats, debrief seats and awkward keys (fields the format is gaining)', () => {
  const base = load('test/fixtures/valid-minimal.yaml');
  const seats = {
    north: {
      role: 'Northern envoy',
      setting: 'A tent.',
      brief: 'Confidential: reopen the crossing.',
      redLines: ['No closure'],
      mayGive: ['Monitors'],
      objectives: ['Reopen it', 'Keep trust'],
      auto: 'greedy',
    },
    south: { role: 'Southern envoy', setting: 'A hut.', brief: 'Keep it shut.', objectives: ['Keep it'] },
  };
  const s = {
    ...base,
    seats,
    outcomes: base.outcomes.map((o) => ({
      ...o,
      debrief: { ...o.debrief, seats: { north: 'North did well.', south: 'South lost.' } },
    })),
    glossary: { 'U.N. Charter': 'The founding treaty.', 'a]b\\c': 'An awkward term.', crossing: 'A gate.' },
  } as Scenario;
  const paths = scenarioWords(s).map((w) => w.path);

  it('addresses their words by path', () => {
    for (const p of [
      'seats.north.role',
      'seats.north.redLines.0',
      'seats.north.objectives.1',
      'seats.south.brief',
      'outcomes.crossing-opens.debrief.seats.north',
      'outcomes.no-deal.debrief.seats.south',
      'parties.south.position.states.wary.on[statement.public].1.reason',
      'issues.crossing.options.open',
      'glossary[U.N. Charter]',
      'glossary[a\\]b\\\\c]',
      'glossary.crossing',
    ])
      expect(paths).toContain(p);
  });

  it('keeps a seat’s auto policy as a rule and rewording leaves the rules alone', () => {
    const rules = scenarioRules(s) as { seats: unknown };
    expect(rules.seats).toEqual({ north: { auto: 'greedy' }, south: {} });
    const hash = rulesHash(s);
    for (const p of paths) {
      const reworded = withWords(s, (q, t) => (q === p ? `${t}!` : t));
      expect(rulesHash(reworded), p).toBe(hash);
      expect(textHash(reworded), p).not.toBe(textHash(s));
    }
    expect(
      rulesHash({ ...s, seats: { ...seats, north: { ...seats.north, auto: 'random' } } } as Scenario),
    ).not.toBe(hash);
  });
});

/**
 * Scenario files that stretch one count of the format (parties, issues, options, moves, menu size, events…)
 * to a chosen number, built from the tutorial so that everything else stays valid. Used by the limits test
 * (over the limit: refused, located; at the limit: accepted), by `npm run fuzz -- --only limits`, and by the
 * bench that times every command on the largest files the limits accept.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { conditionTests, SCENARIO_LIMITS } from '../src/scenario/check-limits.ts';
import { parseScenario } from '../src/scenario/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: scenario data edited as plain JSON.
type Data = any;

const root = new URL('../', import.meta.url);

function tutorial(): Data {
  const text = readFileSync(new URL('scenarios/tutorial.yaml', root), 'utf8');
  const parsed = parseScenario(text, 'tutorial.yaml');
  if ('errors' in parsed) throw new Error('the tutorial does not validate');
  return JSON.parse(JSON.stringify(parsed.scenario));
}

const pad = (i: number) => String(i).padStart(5, '0');

/** One stretchable count: sets it to `n` in the tutorial's data. */
export interface Dimension {
  /** The limit it runs into. */
  limit: keyof typeof SCENARIO_LIMITS;
  /** The diagnostic code when it is over. */
  code: string;
  /** The tutorial with this count set to `n` (n ≥ the tutorial's own count). */
  build(n: number): Data;
  /** The largest count `build` reaches within the limit, when it cannot hit the limit exactly. */
  largest?: number;
}

/** A counterpart that sits at the table, judges packages, and votes. */
function extraParty(d: Data, i: number): Data {
  const valley = d.parties.valley;
  return {
    name: `Village ${i}`,
    describe: 'A village upstream.',
    prefers: valley.prefers,
    // The valley's own machine: every village judges each offer and steps its machine (the costly case).
    position: structuredClone(valley.position),
    ballot: 'yes',
    meters: { trust: 1 },
  };
}

export const DIMENSIONS: Dimension[] = [
  {
    limit: 'parties',
    code: 'limit/parties',
    build(n) {
      const d = tutorial();
      const have = Object.keys(d.parties).length;
      for (let i = have; i < n; i++) d.parties[`village-${pad(i)}`] = extraParty(d, i);
      // Every village also hears the move and votes: the widest table the limits allow.
      const villages = Object.keys(d.parties).filter((p) => p.startsWith('village-'));
      d.moves.statement.to = [...d.moves.statement.to, ...villages];
      d.vote.members = [...d.vote.members, ...villages];
      return d;
    },
  },
  {
    limit: 'issues',
    code: 'limit/issues',
    build(n) {
      const d = tutorial();
      for (let i = Object.keys(d.issues).length; i < n; i++)
        d.issues[`issue-${pad(i)}`] = {
          label: `Issue ${i}`,
          options: { keep: 'Keep', change: 'Change' },
          default: 'keep',
        };
      return d;
    },
  },
  {
    limit: 'optionsPerIssue',
    code: 'limit/options-per-issue',
    build(n) {
      const d = tutorial();
      const issue = d.issues.schedule;
      for (let i = Object.keys(issue.options).length; i < n; i++)
        issue.options[`option-${pad(i)}`] = `Option ${i}`;
      return d;
    },
  },
  {
    limit: 'moves',
    code: 'limit/moves',
    build(n) {
      const d = tutorial();
      for (let i = Object.keys(d.moves).length; i < n; i++)
        d.moves[`speak-${pad(i)}`] = {
          label: `Speak ${i}`,
          to: ['valley'],
          sends: 'statement.public',
          text: 'You speak.',
        };
      return d;
    },
  },
  {
    limit: 'menuPerMove',
    code: 'limit/menu-per-move',
    largest: 480,
    // One move whose three parameters multiply to the smallest product ≥ n that the per-parameter cap allows.
    build(n) {
      const d = tutorial();
      const cap = SCENARIO_LIMITS.optionsPerParam;
      // The tutorial's machines read the `tone` parameter (two options): it stays, two more multiply it.
      let best: [number, number] = [cap, cap];
      for (let a = 1; a <= cap; a++)
        for (let b = a; b <= cap; b++) {
          const product = 2 * a * b;
          if (product >= n && product < 2 * best[0] * best[1]) best = [a, b];
        }
      const params: Data = { tone: d.moves.statement.params.tone };
      best.forEach((count, p) => {
        const options: Data = {};
        for (let o = 0; o < count; o++) options[`o${o}`] = `Choice ${o}`;
        params[`p${p + 1}`] = { label: `Choice ${p + 1}`, options };
      });
      d.moves.statement.params = params;
      d.moves.statement.text = 'You speak: {tone}, {p1}, {p2}.';
      return d;
    },
  },
  {
    limit: 'events',
    code: 'limit/events',
    build(n) {
      const d = tutorial();
      for (let i = d.events.length; i < n; i++)
        d.events.push({
          id: `news-${pad(i)}`,
          title: `News ${i}`,
          at: { from: 1, to: d.rounds },
          text: 'News arrives.',
          effects: { parties: { valley: { trust: 0 } } },
          send: { to: ['valley'], event: 'news.rumour' },
        });
      return d;
    },
  },
  {
    limit: 'outcomes',
    code: 'limit/outcomes',
    build(n) {
      const d = tutorial();
      const last = d.outcomes.pop();
      for (let i = d.outcomes.length; i < n - 1; i++)
        d.outcomes.push({
          ...structuredClone(last),
          id: `variant-${pad(i)}`,
          historical: false,
          when: { round: 99 },
        });
      d.outcomes.push(last);
      return d;
    },
  },
  {
    limit: 'conditions',
    code: 'limit/conditions',
    build(n) {
      const d = tutorial();
      // Wrapping the first outcome's condition in `all` adds one test; the rest are copies of a round test.
      const extra = Math.max(0, n - conditionTests(d) - 1);
      const all = Array.from({ length: extra }, (_, i) => ({ round: { atLeast: 0, atMost: 100 + i } }));
      d.outcomes[0].when = { all: [d.outcomes[0].when, ...all] };
      return d;
    },
  },
  {
    limit: 'statesPerMachine',
    code: 'limit/states-per-machine',
    build(n) {
      const d = tutorial();
      const states = d.parties.amber.position.states;
      for (let i = Object.keys(states).length; i < n; i++)
        states[`still-${pad(i)}`] = {
          label: `Still ${i}`,
          describe: 'Still thinking.',
          on: { 'consult.called': [{ to: 'steady' }] },
        };
      return d;
    },
  },
  {
    limit: 'sources',
    code: 'limit/sources',
    build(n) {
      const d = tutorial();
      for (let i = Object.keys(d.sources).length; i < n; i++)
        d.sources[`source-${pad(i)}`] = { ...d.sources['weather-office'], title: `Source ${i}` };
      return d;
    },
  },
];

/** The file text of a dimension at `n`. */
export function limitFile(dim: Dimension, n: number): string {
  return stringify(dim.build(n), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Every limit at its maximum at once, as far as they combine: the largest game the format accepts. */
export function widestFile(): string {
  const d = DIMENSIONS[0]?.build(SCENARIO_LIMITS.parties) as Data;
  for (let i = Object.keys(d.issues).length; i < SCENARIO_LIMITS.issues; i++)
    d.issues[`issue-${pad(i)}`] = {
      label: `Issue ${i}`,
      options: Object.fromEntries(Array.from({ length: 8 }, (_, o) => [`o${o}`, `Option ${o}`])),
      default: 'o0',
    };
  for (let i = d.events.length; i < SCENARIO_LIMITS.events; i++)
    d.events.push({
      id: `news-${pad(i)}`,
      title: `News ${i}`,
      at: { from: 1, to: d.rounds },
      text: 'News arrives.',
      send: { to: ['valley'], event: 'news.rumour' },
    });
  d.rounds = 30;
  return stringify(d, { lineWidth: 0, aliasDuplicateObjects: false });
}

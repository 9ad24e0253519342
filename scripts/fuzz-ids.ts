/**
 * Class 1 of the hardening issue: ids that are names of built-in prototype properties. The id rule lets an
 * author call a party, a meter, a flag, an option or a move `constructor` (or `length`, `map`, `keys`…), and
 * a lookup such as `record[id]` on an ordinary object then reads an inherited property. The check is
 * metamorphic: take a real scenario, rename one of its ids to such a name, and rename the same id to a
 * harmless control name of the same length that sorts in the same place among the scenario's ids. Both
 * files must validate alike and play alike, move by move: the same menus, the same states, the same log
 * sentences, the same outcome, the same simulation tallies and the same lint findings, up to the name.
 * Every state must also be plain JSON (no function and no function's text can get into it).
 *
 *   npm run fuzz -- --only ids [--runs 400] [--seed 1]
 *
 * The sampled version runs in `npm test` (test/hardening-ids.test.ts).
 */

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type Action,
  applyAction,
  availableActions,
  compileGame,
  createGame,
  type Game,
  type GameState,
  stateHash,
} from '../src/engine/index.ts';
import { checkScenarioText } from '../src/lint/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { simulateRange } from '../src/sim/aggregate.ts';
import { describeLog } from '../src/view/log-lines.ts';

const root = new URL('../', import.meta.url);
const ID_RULE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Every own property name of the prototypes a lookup could fall through to (objects, arrays, functions,
 * strings, numbers, maps and sets) that the id rule allows: `constructor` from `Object.prototype`, and
 * `length`, `map`, `keys`, `values`, `call`… from the others.
 */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set(
    [Object, Array, Function, String, Number, Boolean, Map, Set, Promise, RegExp, Date].flatMap((c) =>
      Object.getOwnPropertyNames(c.prototype),
    ),
  ),
]
  .filter((n) => ID_RULE.test(n))
  .sort();

/** The scenario files the renamings start from: the built-ins and the v1 fixture. */
export function loadScenarioTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['scenarios/', 'test/fixtures/v1/']) {
    const url = new URL(dir, root);
    for (const f of readdirSync(url)
      .filter((x) => x.endsWith('.yaml'))
      .sort())
      out.push({ name: `${dir}${f}`, text: readFileSync(new URL(f, url), 'utf8') });
  }
  return out;
}

/** The fields of the format whose keys are ids (parties, meters, options, states, flags…). */
const ID_KEYED = new Set([
  'parties',
  'meters',
  'issues',
  'options',
  'moves',
  'params',
  'states',
  'templates',
  'blocs',
  'sources',
  'flags',
  'weights',
  'values',
  'per',
  'drift',
  'flex',
  'used',
  'agreed',
  'table',
  'ballots',
  'param',
]);

/**
 * The ids a scenario declares or refers to: keys of its id-keyed records, and the ids of its outcomes and
 * events. These are the names a lookup by id can meet.
 */
export function idTokens(text: string, file: string): string[] {
  const parsed = parseScenario(text, file);
  if ('errors' in parsed) throw new Error(`${file} does not validate`);
  const found = new Set<string>();
  const stack: [unknown, string][] = [[parsed.scenario, '']];
  while (stack.length > 0) {
    const [v, field] = stack.pop() as [unknown, string];
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, field]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (ID_KEYED.has(field) && ID_RULE.test(k)) {
          found.add(k);
          stack.push([x, '']);
        } else {
          if (k === 'id' && typeof x === 'string' && (field === 'outcomes' || field === 'events'))
            found.add(x);
          stack.push([x, k]);
        }
      }
    }
  }
  return [...found].sort();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `from` as a whole token (not inside a longer id or word) everywhere in `text`. */
export function renameToken(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRegex(from)}(?![A-Za-z0-9_-])`, 'g'), to);
}

/**
 * A control name for `name`: as long, absent from the file, and with no token of the file sorting between
 * the two, so canonical key order is the same in both games. Null when none is found.
 */
export function controlFor(name: string, tokens: readonly string[], text: string): string | null {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let cut = name.length - 1; cut >= 0; cut--) {
    for (const ch of letters) {
      const candidate = name.slice(0, cut) + ch + name.slice(cut + 1);
      if (candidate === name || !ID_RULE.test(candidate)) continue;
      if (new RegExp(`(?<![A-Za-z0-9_-])${escapeRegex(candidate)}(?![A-Za-z0-9_-])`).test(text)) continue;
      const [lo, hi] = candidate < name ? [candidate, name] : [name, candidate];
      if (tokens.some((t) => t > lo && t < hi)) continue;
      return candidate;
    }
  }
  return null;
}

/** One renaming: in file `source`, id `token` becomes `name` (and `control` in the twin). */
export interface Renaming {
  source: number;
  token: number;
  /** The prototype name the id becomes (one of PROTOTYPE_NAMES). */
  name: string;
  seed: number;
}

export const renamingArb: fc.Arbitrary<Renaming> = fc.record({
  source: fc.nat(),
  token: fc.nat(),
  // `constructor` (the one Object.prototype name the id rule allows) half the time, the others otherwise.
  name: fc.oneof(fc.constant('constructor'), fc.constantFrom(...PROTOTYPE_NAMES)),
  seed: fc.nat(),
});

/** What to run on each of the two files. */
export interface TraceOptions {
  /** Seeded games played move by move. */
  games: number;
  /** A three-game `envoy simulate` summary. */
  simulate: boolean;
  /** `envoy check` with a small search budget. */
  lint: boolean;
}

/** What one file does, in words that can be compared after mapping the control name back. */
export interface Trace {
  validation: string;
  games: string[];
  simulation: string;
  lint: string;
}

/** Plays a seeded game choosing menu entries by index from a small PRNG; returns its trace text. */
function playTrace(game: Game, seed: number, turns: number): string {
  let s: GameState = createGame(game, `ids-${seed}`);
  const lines: string[] = [];
  let x = seed >>> 0 || 1;
  const record = (state: GameState) => {
    // Plain JSON only: a function (or its text, or NaN) in a state is a defect in itself.
    const json = JSON.stringify(state, (key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`a state holds ${v} at "${key}"`);
      if (typeof v === 'function') throw new Error(`a state holds a function at "${key}"`);
      if (typeof v === 'string' && v.includes('[native code]'))
        throw new Error(`a state holds function text at "${key}"`);
      return v;
    });
    stateHash(state);
    lines.push(
      json,
      describeLog(game, state)
        .map((l) => `${l.code} ${l.text}`)
        .join('\n'),
    );
  };
  record(s);
  for (let t = 0; t < turns && !s.over; t++) {
    const menu = availableActions(game, s);
    lines.push(JSON.stringify(menu));
    if (menu.length === 0) break;
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const action = menu[x % menu.length] as Action;
    const r = applyAction(game, s, action);
    if ('error' in r) throw new Error(`a menu action was refused: ${r.error.message}`);
    s = r.state;
    record(s);
  }
  lines.push(`outcome ${s.outcome}`);
  return lines.join('\n');
}

export function traceOf(text: string, file: string, seed: number, opts: TraceOptions): Trace {
  const parsed = parseScenario(text, file);
  if ('errors' in parsed)
    return {
      validation: parsed.errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'),
      games: [],
      simulation: '',
      lint: '',
    };
  const game = compileGame(parsed.scenario);
  const games: string[] = [];
  for (let g = 0; g < opts.games; g++) games.push(playTrace(game, seed + g, 40));
  const simulation = opts.simulate ? JSON.stringify(simulateRange(game, `ids-${seed}`, 'random', 0, 3)) : '';
  const lint = opts.lint
    ? checkScenarioText(text, file, { actions: 400, seed: `ids-${seed}` })
        .diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`)
        .join('\n')
    : '';
  return { validation: `ok ${parsed.warnings.length}`, games, simulation, lint };
}

/** The result of one renaming: null when the two files behave alike, else what differs. */
export interface RenamingResult {
  file: string;
  token: string;
  name: string;
  control: string | null;
  /** False when the renaming was skipped (the control file does not validate, or no control name fits). */
  compared: boolean;
  problem: string | null;
}

/** Runs one renaming and compares the two files' traces. */
export function checkRenaming(
  { sources, tokensOf, outcomeIdsOf }: Prepared,
  r: Renaming,
  opts: TraceOptions = { games: 2, simulate: true, lint: false },
): RenamingResult {
  const si = r.source % sources.length;
  const src = sources[si] as { name: string; text: string };
  const tokens = tokensOf(si);
  const token = tokens[r.token % tokens.length] as string;
  const name = r.name;
  const base = { file: src.name, token, name };
  if (tokens.includes(name)) return { ...base, control: null, compared: false, problem: null };
  const control = controlFor(name, tokens, src.text);
  if (control === null) return { ...base, control, compared: false, problem: null };
  const mapBack = (s: string) => renameToken(s, control, name);
  let a: Trace;
  let b: Trace;
  try {
    b = traceOf(renameToken(src.text, token, control), src.name, r.seed, opts);
  } catch (e) {
    return { ...base, control, compared: true, problem: `control threw: ${String(e)}` };
  }
  if (!b.validation.startsWith('ok')) return { ...base, control, compared: false, problem: null };
  try {
    a = traceOf(renameToken(src.text, token, name), src.name, r.seed, opts);
  } catch (e) {
    return {
      ...base,
      control,
      compared: true,
      problem: `threw: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  // The lint's outcome-directed search seeds each outcome's games with its id (so that reordering outcomes
  // changes nothing): renaming an outcome legitimately changes which games it explores.
  const outcomeId = outcomeIdsOf(si).includes(token);
  for (const key of outcomeId
    ? (['validation', 'simulation'] as const)
    : (['validation', 'simulation', 'lint'] as const)) {
    if (a[key] !== mapBack(b[key]))
      return {
        ...base,
        control,
        compared: true,
        problem: `${key} differs: ${firstDifference(a[key], mapBack(b[key]))}`,
      };
  }
  for (let g = 0; g < b.games.length; g++) {
    const want = mapBack(b.games[g] as string);
    if (a.games[g] !== want)
      return {
        ...base,
        control,
        compared: true,
        problem: `game ${g} differs: ${firstDifference(a.games[g] ?? '', want)}`,
      };
  }
  return { ...base, control, compared: true, problem: null };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/** The scenario files with their id tokens and outcome ids, computed once. */
export interface Prepared {
  sources: { name: string; text: string }[];
  tokensOf: (i: number) => readonly string[];
  outcomeIdsOf: (i: number) => readonly string[];
}

export function prepare(): Prepared {
  const sources = loadScenarioTexts();
  const tokens = sources.map((s) => idTokens(s.text, s.name));
  const outcomes = sources.map((s) => {
    const parsed = parseScenario(s.text, s.name);
    return 'errors' in parsed ? [] : parsed.scenario.outcomes.map((o) => o.id);
  });
  return { sources, tokensOf: (i) => tokens[i] as string[], outcomeIdsOf: (i) => outcomes[i] as string[] };
}

/** `npm run fuzz -- --only ids`: many renamings, with lints; prints a summary, exit code 1 on any difference. */
export function runIdsFuzz(
  runs: number,
  seed: number,
): { compared: number; skipped: number; failures: string[] } {
  const prepared = prepare();
  const failures: string[] = [];
  let compared = 0;
  let skipped = 0;
  for (const r of fc.sample(renamingArb, { seed, numRuns: runs })) {
    const res = checkRenaming(prepared, r, { games: 3, simulate: true, lint: true });
    if (res.compared) compared++;
    else skipped++;
    if (res.problem)
      failures.push(`${res.file}: ${res.token} → ${res.name} (control ${res.control}): ${res.problem}`);
  }
  return { compared, skipped, failures };
}

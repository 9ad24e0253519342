/**
 * Limits on what a scenario may hold. A small file can describe a huge game: a 4 KB move whose parameters
 * multiply to 10^9 menu entries, 3,000 parties, 1,000 issues. Every command (validate, check, play, replay,
 * diff, simulate) and the page must answer any accepted file within seconds and a bounded amount of memory,
 * so the format caps every count the engine and the lints iterate over, and the size of each move's menu
 * (computed here without listing it). The caps leave ample room over the built-in scenarios (see the
 * figures in `npm run bench`, which plays the largest file these limits accept).
 */

import { own } from '../core/own.ts';
import type { CheckContext } from './check-context.ts';
import { report } from './check-context.ts';
import type { PathSegment } from './locate.ts';
import { kindOf } from './move-kinds.ts';
import type { Condition, Move, PositionMachine, Scenario } from './schema.ts';
import { allStates } from './state-paths.ts';

/** Every count limit of the format, in one place (the docs and the bench read them from here). */
export const SCENARIO_LIMITS = {
  parties: 100,
  blocs: 30,
  meters: 16,
  issues: 24,
  optionsPerIssue: 12,
  moves: 60,
  paramsPerMove: 4,
  optionsPerParam: 24,
  /** Entries one move adds to the menu: its targets × issues' options × parameter choices. */
  menuPerMove: 500,
  /** Entries of the whole menu (all moves). */
  menu: 1_000,
  templates: 30,
  statesPerMachine: 60,
  /** Transitions of one machine (every handler of every state). */
  transitionsPerMachine: 400,
  events: 200,
  outcomes: 40,
  /** Condition tests in the whole file (every `when`, nested `all`/`any`/`not` included). */
  conditions: 4_000,
  sources: 300,
  glossary: 300,
  questions: 30,
  redLinesPerParty: 24,
} as const;

export type LimitName = keyof typeof SCENARIO_LIMITS;

/** How many menu entries a move can offer: what the engine lists before checking what is legal now. */
export function menuSize(s: Scenario, move: Move): number {
  const tos = move.choose && move.to ? move.to.length : 1;
  let rest = 1;
  for (const p of Object.values(move.params ?? {})) rest *= Object.keys(p.options).length;
  if (!kindOf(move).takesTerm) return tos * rest;
  let options = 0;
  for (const i of move.issues ?? Object.keys(s.issues)) {
    options += Object.keys(own(s.issues, i)?.options ?? {}).length;
  }
  return tos * options * rest;
}

/** Condition tests in one condition, counted without recursion (conditions nest through `all`/`any`/`not`). */
function conditionCount(c: Condition | undefined): number {
  let n = 0;
  const stack: Condition[] = c ? [c] : [];
  while (stack.length > 0) {
    const x = stack.pop() as Condition;
    n++;
    if (x.all) stack.push(...x.all);
    if (x.any) stack.push(...x.any);
    if (x.not) stack.push(x.not);
  }
  return n;
}

/** Condition tests in the whole file: moves, events, outcomes, the vote, transitions. */
export function conditionTests(s: Scenario): number {
  let n = 0;
  for (const m of Object.values(s.moves)) n += conditionCount(m.when);
  for (const e of s.events ?? []) n += conditionCount(e.when);
  for (const o of s.outcomes) n += conditionCount(o.when);
  const callAtEnd = s.vote?.callAtEnd;
  if (typeof callAtEnd === 'object') n += conditionCount(callAtEnd.when);
  const machines = [
    ...Object.values(s.parties).flatMap((p) => (p.position ? [p.position] : [])),
    ...Object.values(s.templates ?? {}),
  ];
  for (const m of machines)
    for (const { state: st } of allStates(m))
      for (const list of Object.values(st.on ?? {})) for (const t of list) n += conditionCount(t.when);
  return n;
}

/**
 * Checks every limit; reports each one exceeded at the collection that exceeds it. Returns true when the
 * scenario is within all of them, so that the other checks (and everything after) stay cheap.
 */
export function checkLimits(ctx: CheckContext): boolean {
  const { s } = ctx;
  const before = ctx.out.length;
  const over = (path: readonly PathSegment[], what: LimitName, count: number, noun: string, hint: string) => {
    const max = SCENARIO_LIMITS[what];
    if (count <= max) return;
    report(
      ctx,
      path,
      'key',
      'error',
      `limit/${what.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      `${count.toLocaleString('en-US')} ${noun}; a scenario may have at most ${max.toLocaleString('en-US')}`,
      hint,
    );
  };
  over(
    ['parties'],
    'parties',
    Object.keys(s.parties).length,
    'parties',
    'group parties that act alike into blocs',
  );
  over(['blocs'], 'blocs', Object.keys(s.blocs ?? {}).length, 'blocs', 'merge blocs');
  over(['meters'], 'meters', Object.keys(s.meters).length, 'meters', 'keep the meters the rules read');
  over(
    ['issues'],
    'issues',
    Object.keys(s.issues).length,
    'issues',
    'merge issues that are decided together',
  );
  for (const [id, issue] of Object.entries(s.issues))
    over(
      ['issues', id, 'options'],
      'optionsPerIssue',
      Object.keys(issue.options).length,
      `options in issue "${id}"`,
      'offer the options that matter',
    );
  over(['moves'], 'moves', Object.keys(s.moves).length, 'moves', 'merge moves into one with a parameter');
  let menu = 0;
  for (const [id, move] of Object.entries(s.moves)) {
    const params = Object.entries(move.params ?? {});
    over(
      ['moves', id, 'params'],
      'paramsPerMove',
      params.length,
      `parameters of move "${id}"`,
      'split the move',
    );
    for (const [name, p] of params)
      over(
        ['moves', id, 'params', name, 'options'],
        'optionsPerParam',
        Object.keys(p.options).length,
        `options of parameter "${name}"`,
        'offer fewer choices',
      );
    const size = menuSize(s, move);
    menu += size;
    over(
      ['moves', id],
      'menuPerMove',
      size,
      `menu entries from move "${id}" (its targets × options × parameter choices)`,
      'split the move, or give it fewer targets, issues or choices',
    );
  }
  over(
    ['moves'],
    'menu',
    menu,
    'menu entries in all (every move, every choice)',
    'give the moves fewer choices',
  );
  over(
    ['templates'],
    'templates',
    Object.keys(s.templates ?? {}).length,
    'templates',
    'share templates between parties',
  );
  const machines: [PathSegment[], PositionMachine][] = [];
  for (const [id, p] of Object.entries(s.parties))
    if (p.position) machines.push([['parties', id, 'position', 'states'], p.position]);
  for (const [id, t] of Object.entries(s.templates ?? {})) machines.push([['templates', id, 'states'], t]);
  for (const [path, m] of machines) {
    over(
      path,
      'statesPerMachine',
      allStates(m).length,
      'position states in this machine (nested ones included)',
      'merge states',
    );
    let transitions = 0;
    for (const { state: st } of allStates(m))
      for (const list of Object.values(st.on ?? {})) transitions += list.length;
    over(
      path,
      'transitionsPerMachine',
      transitions,
      'transitions in this machine',
      'merge transitions with `when` conditions',
    );
  }
  over(
    ['events'],
    'events',
    (s.events ?? []).length,
    'events',
    'use an event with a window (`at: { from, to }`) instead of copies',
  );
  over(['outcomes'], 'outcomes', s.outcomes.length, 'outcomes', 'merge outcomes');
  over(
    ['outcomes'],
    'conditions',
    conditionTests(s),
    'condition tests in the file',
    'simplify the conditions',
  );
  over(['sources'], 'sources', Object.keys(s.sources ?? {}).length, 'sources', 'cite fewer sources');
  over(
    ['glossary'],
    'glossary',
    Object.keys(s.glossary ?? {}).length,
    'glossary terms',
    'keep the terms students need',
  );
  over(['questions'], 'questions', (s.questions ?? []).length, 'questions', 'ask fewer questions');
  for (const [id, p] of Object.entries(s.parties))
    over(
      ['parties', id, 'prefers', 'redLines'],
      'redLinesPerParty',
      p.prefers?.redLines?.length ?? 0,
      `red lines of party "${id}"`,
      'keep the red lines that bind',
    );
  return ctx.out.length === before;
}

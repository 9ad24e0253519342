/**
 * A scenario condition as words a student can read ("verdict is accept and 60% chance, 10% per point of
 * trust"), from the message catalogue in the active language: what the machine diagrams print on their
 * arrows and in their text alternative.
 */
import { own } from '../core/own.ts';
import type { Game } from '../engine/index.ts';
import type { Condition, Range } from '../scenario/schema.ts';
import { ENGLISH, type Messages } from './i18n/messages.ts';
import { targetName } from './labels.ts';

const num = (n: number): string => String(Math.round(n * 1000) / 1000);
const pct = (p: number): string => String(Math.round(p * 1000) / 10);

/** A range in words: `= 2`, `≥ 1 and ≤ 3`. */
export function rangeText(r: Range, m: Messages = ENGLISH): string {
  if (typeof r === 'number') return m.t('range-equals', { n: num(r) });
  const parts: string[] = [];
  if (r.atLeast !== undefined) parts.push(m.t('range-at-least', { n: num(r.atLeast) }));
  if (r.atMost !== undefined) parts.push(m.t('range-at-most', { n: num(r.atMost) }));
  if (r.above !== undefined) parts.push(m.t('range-above', { n: num(r.above) }));
  if (r.below !== undefined) parts.push(m.t('range-below', { n: num(r.below) }));
  return joinAnd(parts, m);
}

function joinAnd(parts: readonly string[], m: Messages): string {
  return parts.reduce((a, b) => (a === '' ? b : m.t('cond-and', { a, b })), '');
}

function oneOf(
  values: string | readonly string[],
  m: Messages,
  word: (v: string) => string = (v) => v,
): string {
  const list = typeof values === 'string' ? [values] : values;
  return list.map(word).reduce((a, b) => (a === '' ? b : m.t('or-list', { a, b })), '');
}

function meterLabel(game: Game, id: string): string {
  return own(game.scenario.meters, id)?.label ?? id;
}

/** Every test of a condition in words, joined with "and"; `always` for an empty condition. */
export function conditionText(game: Game, c: Condition | undefined, m: Messages = ENGLISH): string {
  if (!c) return m.t('cond-always');
  const parts: string[] = [];
  if (c.chance !== undefined) {
    if (typeof c.chance === 'number') parts.push(m.t('cond-chance', { percent: pct(c.chance) }));
    else
      for (const [meter, per] of Object.entries(c.chance.per))
        parts.push(
          m.t('cond-chance-per', {
            percent: pct(c.chance.base),
            per: `${per >= 0 ? '+' : ''}${pct(per)}%`,
            meter: meterLabel(game, meter),
          }),
        );
  }
  for (const [param, values] of Object.entries(c.param ?? {}))
    parts.push(m.t('cond-param', { param, values: oneOf(values, m) }));
  for (const [meter, r] of Object.entries(c.meters ?? {}))
    parts.push(m.t('cond-meter', { meter: meterLabel(game, meter), range: rangeText(r, m) }));
  if (c.position !== undefined) parts.push(m.t('cond-position', { values: oneOf(c.position, m) }));
  if (c.verdict !== undefined) parts.push(m.t('cond-verdict', { values: oneOf(c.verdict, m) }));
  if (c.utility !== undefined) parts.push(m.t('cond-utility', { range: rangeText(c.utility, m) }));
  if (c.margin !== undefined) parts.push(m.t('cond-margin', { range: rangeText(c.margin, m) }));
  for (const [party, test] of Object.entries(c.parties ?? {})) {
    const name = targetName(game, party);
    const sub: string[] = [];
    if (test.position !== undefined) sub.push(m.t('cond-position', { values: oneOf(test.position, m) }));
    for (const [meter, r] of Object.entries(test.meters ?? {}))
      sub.push(m.t('cond-meter', { meter: meterLabel(game, meter), range: rangeText(r, m) }));
    if (test.agreed !== undefined)
      sub.push(m.t(test.agreed ? 'cond-agreed-party' : 'cond-not-agreed-party', { party: name }));
    parts.push(m.t('cond-party', { party: name, test: joinAnd(sub, m) }));
  }
  for (const [flag, value] of Object.entries(c.flags ?? {}))
    parts.push(m.t('cond-flag', { flag, value: String(value) }));
  if (c.round !== undefined) parts.push(m.t('cond-round', { range: rangeText(c.round, m) }));
  for (const [issue, values] of Object.entries(c.table ?? {}))
    parts.push(
      m.t('cond-table', {
        issue: own(game.scenario.issues, issue)?.label ?? issue,
        values: oneOf(values, m),
      }),
    );
  for (const [party, terms] of Object.entries(c.agreed ?? {})) {
    const t = Object.entries(terms).map(
      ([i, v]) => `${own(game.scenario.issues, i)?.label ?? i}: ${oneOf(v, m)}`,
    );
    parts.push(
      m.t('cond-agreed', {
        party: targetName(game, party),
        terms: t.length ? t.join(m.t('list-separator')) : 'none',
      }),
    );
  }
  if (c.vote) {
    const { ballots, ...rest } = c.vote;
    const v = Object.entries(rest).map(([k, x]) =>
      typeof x === 'boolean' ? `${k}: ${String(x)}` : `${k} ${rangeText(x as Range, m)}`,
    );
    for (const [member, b] of Object.entries(ballots ?? {}))
      v.push(`${targetName(game, member)}: ${oneOf(b, m)}`);
    parts.push(m.t('cond-vote', { test: v.join(m.t('list-separator')) }));
  }
  for (const [move, r] of Object.entries(c.used ?? {}))
    parts.push(
      m.t('cond-used', { move: own(game.scenario.moves, move)?.label ?? move, range: rangeText(r, m) }),
    );
  for (const sub of c.all ?? []) parts.push(conditionText(game, sub, m));
  if (c.any) parts.push(m.t('cond-any', { list: c.any.map((x) => conditionText(game, x, m)).join(' | ') }));
  if (c.not) parts.push(m.t('cond-not', { c: conditionText(game, c.not, m) }));
  return parts.length === 0 ? m.t('cond-always') : joinAnd(parts, m);
}

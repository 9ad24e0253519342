/**
 * Zone of agreement: is there any package (one option per issue, among those a `propose` move can put
 * on the table) that a counterpart accepts — no red line crossed, value at least its reservation at the
 * most favourable meters? And do the player's own red lines (when written as data, in the player's
 * `prefers.redLines`) or an outcome's required terms leave one? Judged with the engine's own
 * `utilityOf`, so the lint and the game can never disagree on a package's value.
 */

import { effectiveReservation, own, utilityOf } from '../engine/index.ts';
import type { PathSegment } from '../scenario/locate.ts';
import { kindOf } from '../scenario/move-kinds.ts';
import type { Condition, Preferences } from '../scenario/schema.ts';
import { walkScenario } from '../scenario/walk.ts';
import { grouped, type LintContext, listing, num, warn } from './context.ts';
import { seededDraw } from './prng.ts';

type Terms = Record<string, string>;
/** Above this many packages the space is sampled (deterministically) instead of enumerated. */
const ENUMERATE_LIMIT = 50_000;
const SAMPLES = 20_000;

/** Per issue, the options a package can hold: all of them if a propose move may change it, else the default. */
function packageSpace(ctx: LintContext): [string, string[]][] {
  const open = new Set<string>();
  for (const move of Object.values(ctx.s.moves)) {
    if (kindOf(move).takesTerm) for (const i of move.issues ?? Object.keys(ctx.s.issues)) open.add(i);
  }
  return Object.entries(ctx.s.issues).map(([id, issue]) => [
    id,
    open.has(id) ? Object.keys(issue.options) : [issue.default],
  ]);
}

/**
 * Utility evaluations (one per issue of a package, per party) the lint may spend. The package list is built
 * once and shared by every party, and a file with many judging parties and issues gets a smaller sample, so
 * the lint stays within seconds and a few hundred MB on the largest file the format accepts.
 */
const ZONE_WORK = 4_000_000;

/** Every package of the space, or a fixed-seed sample of `samples` when there are too many. */
function* packages(
  space: [string, string[]][],
  samples = SAMPLES,
  enumerateUpTo = ENUMERATE_LIMIT,
): Generator<Terms> {
  const size = space.reduce((n, [, options]) => n * options.length, 1);
  if (size <= enumerateUpTo) {
    const idx = space.map(() => 0);
    for (let k = 0; k < size; k++) {
      const terms: Terms = {};
      for (const [j, [issue, options]] of space.entries()) terms[issue] = options[idx[j] as number] as string;
      yield terms;
      for (let j = 0; j < idx.length; j++) {
        idx[j] = (idx[j] as number) + 1;
        if ((idx[j] as number) < (space[j]?.[1].length ?? 0)) break;
        idx[j] = 0;
      }
    }
    return;
  }
  const draw = seededDraw('check/zone');
  for (let k = 0; k < samples; k++) {
    const terms: Terms = {};
    for (const [issue, options] of space) terms[issue] = options[draw.below(options.length)] as string;
    yield terms;
  }
}

/** The lowest reservation a party can reach: every `flex` meter at the end of its range that helps most. */
function lowestReservation(ctx: LintContext, prefs: Preferences): { value: number; meters: string[] } {
  const meters: string[] = [];
  // Each flex meter at the end of its range that lowers the reservation most, through the engine's formula.
  const best = (m: string): number => {
    const def = own(ctx.s.meters, m);
    const k = own(prefs.flex, m) ?? 0;
    return !def || k === 0 ? 0 : k > 0 ? def.max : def.min;
  };
  for (const m of Object.keys(prefs.flex ?? {}))
    if (own(ctx.s.meters, m) && own(prefs.flex, m)) meters.push(`${m} ${num(best(m))}`);
  return { value: effectiveReservation(prefs, best), meters };
}

const crosses = (prefs: Preferences | undefined, terms: Terms) =>
  prefs?.redLines?.find((l) => own(terms, l.issue) === l.option);

/** Whether a party's machine ever looks at its verdict, utility or margin (else its preferences are inert). */
function judges(ctx: LintContext, party: string): boolean {
  const p = own(ctx.s.parties, party);
  const prefix = p?.position ? `parties/${party}/` : p?.template ? `templates/${p.template}/` : null;
  if (prefix === null) return false;
  let found = false;
  walkScenario(ctx.s, {
    condition(c, at) {
      if (found || !`${at.path.join('/')}/`.startsWith(prefix)) return;
      found = c.verdict !== undefined || c.utility !== undefined || c.margin !== undefined;
    },
  });
  return found;
}

const show = (terms: Terms) =>
  Object.entries(terms)
    .map(([i, o]) => `${i}=${o}`)
    .join(', ');

/** The agreement terms a condition requires of each party (top level and `all`; `any`/`not` are skipped). */
function requiredTerms(c: Condition | undefined, out: Map<string, Record<string, string[]>>): void {
  if (!c) return;
  for (const [party, terms] of Object.entries(c.agreed ?? {})) {
    const merged = out.get(party) ?? {};
    for (const [issue, want] of Object.entries(terms)) merged[issue] = Array.isArray(want) ? want : [want];
    out.set(party, merged);
  }
  for (const [party, test] of Object.entries(c.parties ?? {}))
    if (test.agreed) out.set(party, out.get(party) ?? {});
  for (const sub of c.all ?? []) requiredTerms(sub, out);
}

interface PartyZone {
  accepted: Terms[];
  reservation: { value: number; meters: string[] };
  best: { terms: Terms; utility: number } | null;
}

function zoneOf(ctx: LintContext, party: string, prefs: Preferences, all: readonly Terms[]): PartyZone {
  const reservation = lowestReservation(ctx, prefs);
  const accepted: Terms[] = [];
  let best: PartyZone['best'] = null;
  for (const terms of all) {
    if (crosses(prefs, terms)) continue;
    const u = utilityOf(ctx.game, party, terms);
    if (best === null || u > best.utility) best = { terms, utility: u };
    if (u - reservation.value >= 0) accepted.push(terms);
  }
  return { accepted, reservation, best };
}

function explainNoZone(ctx: LintContext, party: string, prefs: Preferences, zone: PartyZone): void {
  const path: PathSegment[] = ['parties', party, 'prefers'];
  if (zone.best === null) {
    const isLine = (issue: string, o: string) =>
      prefs.redLines?.some((l) => l.issue === issue && l.option === o);
    const blocked = packageSpace(ctx).find(([issue, options]) => options.every((o) => isLine(issue, o)));
    const issue = blocked?.[0] ?? '';
    const index = Math.max(0, prefs.redLines?.findIndex((l) => l.issue === issue) ?? 0);
    const options = listing((blocked?.[1] ?? []).map((o) => `\`${o}\``));
    warn(
      ctx,
      [...path, 'redLines', index],
      'value',
      'lint/no-zone-of-agreement',
      `party \`${party}\` has no zone of agreement: every package crosses one of its red lines, because every option of issue \`${issue}\` the table can hold (${options}) is a red line`,
      'remove a red line, or add a `propose` move that can change this issue to an option it accepts',
    );
    return;
  }
  const r = zone.reservation;
  const lowered =
    r.meters.length > 0
      ? ` even with ${listing(r.meters)} (its reservation ${num(prefs.reservation)} lowered by \`flex\`)`
      : '';
  warn(
    ctx,
    [...path, 'reservation'],
    'value',
    'lint/no-zone-of-agreement',
    `party \`${party}\` has no zone of agreement: no package reaches its reservation ${num(r.value)}${lowered}; the best package without a red line (${show(zone.best.terms)}) is worth only ${num(zone.best.utility)} to it`,
    'lower `reservation`, raise the values of options the player can offer, or let a meter lower it through `flex`',
  );
}

/** The zone-of-agreement lint over every counterpart that judges offers, the player's red lines and outcome terms. */
export function lintZones(ctx: LintContext): void {
  const space = packageSpace(ctx);
  const player = ctx.s.player.party;
  const playerPrefs = own(ctx.s.parties, player)?.prefers;
  const zones = new Map<string, PartyZone>();
  const judging = Object.entries(ctx.s.parties).filter(
    ([id, party]) => id !== player && party.prefers !== undefined && judges(ctx, id),
  );
  // Utility evaluations per package: one per issue, per judging party.
  const work = Math.max(1, judging.length * space.length);
  const samples = Math.min(SAMPLES, Math.max(500, Math.floor(ZONE_WORK / work)));
  const enumerateUpTo = Math.min(ENUMERATE_LIMIT, Math.max(samples, Math.floor((2 * ZONE_WORK) / work)));
  const all = [...packages(space, samples, enumerateUpTo)];
  for (const [id, party] of judging) {
    if (!party.prefers) continue;
    const zone = zoneOf(ctx, id, party.prefers, all);
    zones.set(id, zone);
    if (zone.accepted.length === 0) explainNoZone(ctx, id, party.prefers, zone);
  }
  const required = new Map<string, { outcome: number; terms: Record<string, string[]> }[]>();
  for (const [i, o] of ctx.s.outcomes.entries()) {
    if (o.tier === 'failure') continue;
    const terms = new Map<string, Record<string, string[]>>();
    requiredTerms(o.when, terms);
    for (const [party, t] of terms)
      required.set(party, [...(required.get(party) ?? []), { outcome: i, terms: t }]);
  }
  if ((playerPrefs?.redLines ?? []).length > 0) {
    const needed = required.size > 0 ? [...required.keys()] : [...zones.keys()];
    for (const party of needed) {
      const zone = zones.get(party);
      if (!zone || zone.accepted.length === 0) continue;
      const ok = zone.accepted.filter((t) => !crosses(playerPrefs, t));
      if (ok.length > 0) continue;
      const hits = new Map<string, number>();
      for (const t of zone.accepted) {
        const line = crosses(playerPrefs, t);
        if (line)
          hits.set(`${line.issue}=${line.option}`, (hits.get(`${line.issue}=${line.option}`) ?? 0) + 1);
      }
      const why = listing([...hits].map(([l, n]) => `${l} (${grouped(n)})`));
      warn(
        ctx,
        ['parties', player, 'prefers', 'redLines'],
        'key',
        'lint/no-zone-of-agreement',
        `your red lines leave no zone of agreement with \`${party}\`: each of the ${grouped(zone.accepted.length)} packages it accepts crosses one of them: ${why}`,
        `drop or soften a red line of \`${player}\`, or make \`${party}\` value other options`,
      );
    }
  }
  for (const [party, list] of required) {
    const zone = zones.get(party);
    if (!zone || zone.accepted.length === 0) continue;
    for (const { outcome, terms } of list) {
      if (Object.keys(terms).length === 0) continue; // any agreement: covered by the checks above
      const fits = zone.accepted.some(
        (t) =>
          !crosses(playerPrefs, t) &&
          Object.entries(terms).every(([i, want]) => want.includes(t[i] as string)),
      );
      if (fits) continue;
      const o = ctx.s.outcomes.at(outcome);
      const wanted = Object.entries(terms).map(([i, w]) => `${i}=${w.join('|')}`);
      const fixed = Object.keys(terms).filter((i) => (space.find(([id]) => id === i)?.[1].length ?? 0) === 1);
      const note =
        fixed.length > 0 ? `; no propose move can change ${listing(fixed.map((i) => `\`${i}\``))}` : '';
      warn(
        ctx,
        ['outcomes', outcome, 'when', 'agreed', party],
        'key',
        'lint/no-zone-of-agreement',
        `outcome \`${o?.id}\` needs \`${party}\` to agree to ${wanted.join(', ')}, but no such package is acceptable to it${playerPrefs?.redLines ? ' within your red lines' : ''} (it accepts ${grouped(zone.accepted.length)} package${zone.accepted.length === 1 ? '' : 's'}, none with these terms${note})`,
        `check \`parties.${party}.prefers\` against the terms this outcome requires`,
      );
    }
  }
}

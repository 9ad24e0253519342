/**
 * Cross-checks of one party: its meters, preferences and how it answers (an inline machine or a
 * template). Preferences name issues and options declared elsewhere, so typos there would silently
 * change how a party judges every package.
 */
import { own } from '../core/own.ts';
import { type CheckContext, checkOptions, checkRef, report } from './check-context.ts';
import type { Party } from './schema.ts';

function checkMeterValues(
  ctx: CheckContext,
  values: Record<string, number>,
  path: (string | number)[],
  ranged: boolean,
): void {
  for (const [meter, value] of Object.entries(values)) {
    if (!checkRef(ctx, [...path, meter], 'key', meter, ctx.meters, 'meter')) continue;
    const m = own(ctx.s.meters, meter);
    if (ranged && m && (value < m.min || value > m.max)) {
      report(
        ctx,
        [...path, meter],
        'value',
        'error',
        'check/meter-range',
        `${value} is outside the range of meter "${meter}" (${m.min} to ${m.max})`,
      );
    }
  }
}

function checkPreferences(ctx: CheckContext, party: Party, path: (string | number)[]): void {
  const prefers = party.prefers;
  if (!prefers) return;
  const at = [...path, 'prefers'];
  for (const issue of Object.keys(prefers.weights)) {
    if (!checkRef(ctx, [...at, 'weights', issue], 'key', issue, ctx.issues, 'issue')) continue;
    if (own(prefers.values, issue) === undefined) {
      report(
        ctx,
        [...at, 'weights', issue],
        'key',
        'warning',
        'check/weight-without-values',
        `issue "${issue}" has a weight but no \`values\`, so it adds nothing to the party's judgement`,
        `add \`values: { ${issue}: { … } }\``,
      );
    }
  }
  for (const [issue, values] of Object.entries(prefers.values)) {
    if (!checkRef(ctx, [...at, 'values', issue], 'key', issue, ctx.issues, 'issue')) continue;
    for (const option of Object.keys(values))
      checkOptions(ctx, issue, option, [...at, 'values', issue, option], 'key');
  }
  for (const meter of Object.keys(prefers.flex ?? {}))
    checkRef(ctx, [...at, 'flex', meter], 'key', meter, ctx.meters, 'meter');
  (prefers.redLines ?? []).forEach((line, i) => {
    const linePath = [...at, 'redLines', i];
    if (!checkRef(ctx, [...linePath, 'issue'], 'value', line.issue, ctx.issues, 'issue')) return;
    checkOptions(ctx, line.issue, line.option, [...linePath, 'option']);
  });
}

function checkAnswering(ctx: CheckContext, id: string, party: Party, path: (string | number)[]): void {
  if (party.position && party.template !== undefined) {
    report(
      ctx,
      [...path, 'template'],
      'key',
      'error',
      'check/position-and-template',
      `party "${id}" has both \`position\` and \`template\``,
      'keep one: an inline machine or a template',
    );
  }
  if (party.template !== undefined) {
    const templates = Object.keys(ctx.s.templates ?? {});
    if (
      checkRef(ctx, [...path, 'template'], 'value', party.template, templates, 'template') &&
      party.initial !== undefined
    ) {
      const states = Object.keys(own(ctx.s.templates, party.template)?.states ?? {});
      checkRef(
        ctx,
        [...path, 'initial'],
        'value',
        party.initial,
        states,
        `state % of template "${party.template}"`,
        'ref/unknown-state',
      );
    }
  } else if (party.initial !== undefined) {
    const hint = party.position ? 'set `position.initial` instead' : 'add `template:`, or remove `initial`';
    report(
      ctx,
      [...path, 'initial'],
      'key',
      'error',
      'check/initial-without-template',
      '`initial` only applies to a party that uses a `template`',
      hint,
    );
  }
  if (!party.position && party.template === undefined && id !== ctx.s.player.party) {
    report(
      ctx,
      path,
      'key',
      'warning',
      'check/no-machine',
      `party "${id}" has no \`position\` or \`template\`, so it never responds to moves`,
      'give it a position machine, or a `template`',
    );
  }
}

/** Checks every party: meters, drift, preferences, machine choice and veto. */
export function checkParties(ctx: CheckContext): void {
  for (const [id, party] of Object.entries(ctx.s.parties)) {
    const path = ['parties', id];
    checkMeterValues(ctx, party.meters ?? {}, [...path, 'meters'], true);
    checkMeterValues(ctx, party.drift ?? {}, [...path, 'drift'], false);
    checkPreferences(ctx, party, path);
    checkAnswering(ctx, id, party, path);
    const members = ctx.s.vote?.members ?? [];
    const inBloc = members.some((m) => own(ctx.s.blocs, m)?.members.includes(id) === true);
    if (party.veto && !members.includes(id) && !inBloc) {
      const why = ctx.s.vote
        ? 'but is not a member of the vote (nor of a bloc in it)'
        : 'but the scenario has no `vote` block';
      report(
        ctx,
        [...path, 'veto'],
        'key',
        'error',
        'check/veto-not-member',
        `party "${id}" holds a veto, ${why}`,
        ctx.s.vote ? `add "${id}" to \`vote.members\`` : undefined,
      );
    }
  }
}

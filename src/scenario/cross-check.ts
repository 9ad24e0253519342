/**
 * Cross-reference checks on a scenario that already matches the schema: every id used somewhere is
 * declared, ranges make sense, and the game can actually be played to an outcome. All problems are
 * collected in one pass, each at the node to edit (architecture rule 7).
 */

import { checkCondition } from './check-conditions.ts';
import {
  type CheckContext,
  checkNoDuplicates,
  checkOptions,
  checkRef,
  checkRefs,
  checkUniqueIds,
  makeContext,
  report,
} from './check-context.ts';
import { checkLimits } from './check-limits.ts';
import { checkMachine, sentEvents } from './check-machines.ts';
import { checkEvents, checkMoves } from './check-moves.ts';
import { checkParties } from './check-parties.ts';
import type { Problem } from './locate.ts';
import type { Scenario } from './schema.ts';

function checkMeters(ctx: CheckContext): void {
  for (const [id, m] of Object.entries(ctx.s.meters)) {
    const path = ['meters', id];
    if (m.min > m.max) {
      report(
        ctx,
        [...path, 'min'],
        'value',
        'error',
        'check/meter-range',
        `min (${m.min}) is greater than max (${m.max})`,
      );
    } else if (m.initial < m.min || m.initial > m.max) {
      report(
        ctx,
        [...path, 'initial'],
        'value',
        'error',
        'check/meter-range',
        `initial value ${m.initial} is outside ${m.min} to ${m.max}`,
      );
    }
  }
}

function checkIssues(ctx: CheckContext): void {
  for (const [id, issue] of Object.entries(ctx.s.issues)) {
    checkOptions(ctx, id, issue.default, ['issues', id, 'default']);
    if (issue.historical !== undefined) checkOptions(ctx, id, issue.historical, ['issues', id, 'historical']);
    if (issue.order) checkOptions(ctx, id, issue.order, ['issues', id, 'order']);
    checkNoDuplicates(ctx, issue.order, ['issues', id, 'order'], 'option', 'warning');
  }
}

function checkBlocsAndVote(ctx: CheckContext): void {
  const { s } = ctx;
  for (const [id, bloc] of Object.entries(s.blocs ?? {})) {
    if (ctx.parties.has(id)) {
      report(
        ctx,
        ['blocs', id],
        'key',
        'error',
        'check/bloc-is-party',
        `bloc "${id}" has the same id as a party`,
        'rename the bloc',
      );
    }
    checkRefs(ctx, bloc.members, ['blocs', id, 'members'], ctx.parties, 'party');
  }
  if (!s.vote) return;
  checkRefs(ctx, s.vote.members, ['vote', 'members'], ctx.parties, 'party');
  if (s.vote.threshold > s.vote.members.length) {
    report(
      ctx,
      ['vote', 'threshold'],
      'value',
      'error',
      'check/threshold',
      `${s.vote.threshold} yes votes are needed but there are only ${s.vote.members.length} members`,
    );
  }
}

/**
 * Seats: each a party other than the player's; `turns` lists every seat once; every seat has moves of its
 * own; outcome tiers and seat debriefs name seats.
 */
function checkSeats(ctx: CheckContext): void {
  const { s } = ctx;
  const seats = new Set([s.player.party]);
  for (const id of Object.keys(s.seats ?? {})) {
    const path = ['seats', id];
    if (!checkRef(ctx, path, 'key', id, ctx.parties, 'party')) continue;
    if (id === s.player.party) {
      report(
        ctx,
        path,
        'key',
        'error',
        'check/seat-is-player',
        `"${id}" is the player's party, whose seat is the \`player\` block`,
        'remove it from `seats`, or move its brief into `player`',
      );
      continue;
    }
    seats.add(id);
  }
  for (const seat of seats) {
    const moves = Object.values(s.moves).filter((m) => (m.by ?? s.player.party) === seat);
    if (moves.length === 0) {
      report(
        ctx,
        seat === s.player.party ? ['player', 'party'] : ['seats', seat],
        seat === s.player.party ? 'value' : 'key',
        'error',
        'check/seat-without-moves',
        `seat "${seat}" has no moves of its own`,
        `give it moves with \`by: ${seat}\``,
      );
    }
  }
  if (s.turns) {
    checkRefs(ctx, s.turns, ['turns'], seats, 'seat', 'ref/unknown-seat');
    for (const seat of seats) {
      if (!s.turns.includes(seat)) {
        report(
          ctx,
          ['turns'],
          'value',
          'error',
          'check/seat-never-moves',
          `seat "${seat}" is not in \`turns\`, so it never moves`,
          `add ${seat} to \`turns\``,
        );
      }
    }
  }
  for (const [i, o] of s.outcomes.entries()) {
    for (const seat of Object.keys(o.tiers ?? {}))
      checkRef(ctx, ['outcomes', i, 'tiers', seat], 'key', seat, seats, 'seat', 'ref/unknown-seat');
    for (const seat of Object.keys(o.debrief.seats ?? {}))
      checkRef(
        ctx,
        ['outcomes', i, 'debrief', 'seats', seat],
        'key',
        seat,
        seats,
        'seat',
        'ref/unknown-seat',
      );
  }
}

/** `menu` names moves, each once. */
function checkMenu(ctx: CheckContext): void {
  const menu = ctx.s.menu ?? [];
  checkRefs(ctx, menu, ['menu'], ctx.moves, 'move');
  checkNoDuplicates(ctx, menu, ['menu'], 'move', 'warning', 'check/duplicate-menu');
}

function checkOutcomes(ctx: CheckContext): void {
  const { s } = ctx;
  checkUniqueIds(ctx, s.outcomes, 'outcomes', 'outcome');
  const last = s.outcomes.length - 1;
  for (const [i, outcome] of s.outcomes.entries()) {
    const path = ['outcomes', i];
    if (i === last && outcome.when !== undefined) {
      report(
        ctx,
        [...path, 'when'],
        'key',
        'error',
        'check/catch-all',
        'the last outcome has a `when`, so a game can end with no outcome',
        'add a catch-all outcome without `when` at the end',
      );
    } else if (i < last && outcome.when === undefined) {
      report(
        ctx,
        path,
        'value',
        'error',
        'check/catch-all',
        `outcome "${outcome.id}" has no \`when\`, so it always matches and the outcomes after it can never be chosen`,
        'only the last outcome may omit `when`',
      );
    }
    if (outcome.when) checkCondition(ctx, outcome.when, [...path, 'when'], { kind: 'outcome' });
    for (const party of Object.keys(outcome.debrief.parties ?? {})) {
      checkRef(ctx, [...path, 'debrief', 'parties', party], 'key', party, ctx.parties, 'party');
    }
    checkRefs(ctx, outcome.debrief.sources, [...path, 'debrief', 'sources'], ctx.sources, 'source');
  }
  const callAtEnd = s.vote?.callAtEnd;
  if (typeof callAtEnd === 'object') {
    // Judged like an outcome's condition: the shared game state when the rounds run out.
    checkCondition(ctx, callAtEnd.when, ['vote', 'callAtEnd', 'when'], { kind: 'outcome' });
  }
  if (!s.outcomes.some((o) => o.historical)) {
    report(
      ctx,
      ['outcomes'],
      'key',
      'warning',
      'check/no-historical-outcome',
      'no outcome is marked `historical: true`',
      'mark the outcome that matches what really happened',
    );
  }
}

/** Every cross-reference problem of a schema-valid scenario (errors and warnings, unlocated; at most about `limit`). */
export function crossCheck(s: Scenario, limit = Number.POSITIVE_INFINITY): Problem[] {
  const ctx = makeContext(s, limit);
  // Past a limit the file is refused, and nothing else is checked: the other checks grow with the counts.
  if (!checkLimits(ctx)) return ctx.out;
  checkRef(ctx, ['player', 'party'], 'value', s.player.party, ctx.parties, 'party');
  checkMeters(ctx);
  checkIssues(ctx);
  checkParties(ctx);
  const sent = sentEvents(ctx);
  for (const [id, party] of Object.entries(s.parties)) {
    if (party.position) checkMachine(ctx, party.position, ['parties', id, 'position'], sent);
  }
  for (const [id, template] of Object.entries(s.templates ?? {}))
    checkMachine(ctx, template, ['templates', id], sent);
  checkBlocsAndVote(ctx);
  checkMoves(ctx);
  checkEvents(ctx);
  checkOutcomes(ctx);
  checkSeats(ctx);
  checkMenu(ctx);
  return ctx.out;
}

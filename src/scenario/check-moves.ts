/**
 * Cross-checks of the player's moves and of scripted events: who they reach, what they change, the
 * placeholders in their log text, and the conditions that gate them.
 */

import { checkCondition } from './check-conditions.ts';
import {
  type CheckContext,
  checkNoDuplicates,
  checkRef,
  checkRefs,
  checkUniqueIds,
  machineOf,
  report,
} from './check-context.ts';
import { checkEffects } from './check-machines.ts';
import { kindOf } from './move-kinds.ts';
import { positionNames } from './state-paths.ts';

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Checks every move. */
export function checkMoves(ctx: CheckContext): void {
  const { s } = ctx;
  const seats = new Set([s.player.party, ...Object.keys(s.seats ?? {})]);
  for (const [id, move] of Object.entries(s.moves)) {
    const path = ['moves', id];
    // A move's conditions and effects read the seat that makes it (`meters:`, `position:`).
    const seat = move.by ?? s.player.party;
    if (move.by !== undefined)
      checkRef(ctx, [...path, 'by'], 'value', move.by, seats, 'seat', 'ref/unknown-seat');
    const mover = machineOf(ctx, seat);
    const playerStates = mover && positionNames(mover);
    if (move.self !== undefined && !mover) {
      report(
        ctx,
        [...path, 'self'],
        'value',
        'error',
        'check/self-without-machine',
        `\`self\` sends "${move.self}" to the mover's own position machine, but "${seat}" has none`,
        'give the party a `position` (or a `template`), or remove `self`',
      );
    }
    checkRefs(ctx, move.to, [...path, 'to'], ctx.targets, 'party or bloc %', 'ref/unknown-party');
    if (move.choose && (move.to ?? []).length === 0) {
      report(
        ctx,
        [...path, 'choose'],
        'key',
        'error',
        'check/choose-needs-to',
        '`choose: true` needs a `to` list to choose from',
      );
    }
    const kind = kindOf(move);
    if (kind.takesTerm) {
      checkRefs(ctx, move.issues, [...path, 'issues'], ctx.issues, 'issue');
    }
    if (kind.holdsVote && !s.vote) {
      report(
        ctx,
        [...path, 'kind'],
        'value',
        'error',
        'ref/no-vote',
        'a `vote` move needs a top-level `vote` block',
        'add `vote: { members: […], threshold: … }`',
      );
    }
    // A seat other than the player's may well have a move that only waits ("Hear Amber out").
    if (
      kind.sends(move) === null &&
      !kind.takesTerm &&
      move.effects === undefined &&
      move.self === undefined &&
      seat === s.player.party
    ) {
      report(
        ctx,
        path,
        'key',
        'warning',
        'check/move-does-nothing',
        `move "${id}" has neither \`sends\` nor \`effects\`, so it does nothing`,
      );
    }
    if (move.effects) checkEffects(ctx, move.effects, [...path, 'effects']);
    for (const [name, param] of Object.entries(move.params ?? {})) {
      const valid = new Set(Object.keys(param.options));
      checkRefs(ctx, param.order, [...path, 'params', name, 'order'], valid, `option of "${name}"`);
      checkNoDuplicates(ctx, param.order, [...path, 'params', name, 'order'], 'option', 'warning');
    }
    if (move.when) checkCondition(ctx, move.when, [...path, 'when'], { kind: 'move', playerStates });
    if (move.text !== undefined) {
      const names = [...Object.keys(move.params ?? {}), 'to', 'issue', 'option'];
      for (const match of move.text.matchAll(PLACEHOLDER)) {
        const name = match[1] ?? '';
        checkRef(ctx, [...path, 'text'], 'value', name, names, 'placeholder', 'ref/unknown-placeholder');
      }
    }
  }
}

/** Checks every scripted or random event. */
export function checkEvents(ctx: CheckContext): void {
  const { s } = ctx;
  checkUniqueIds(ctx, s.events ?? [], 'events', 'event');
  for (const [i, event] of (s.events ?? []).entries()) {
    const path = ['events', i];
    const first = typeof event.at === 'number' ? event.at : event.at.from;
    if (typeof event.at !== 'number' && event.at.to < event.at.from) {
      const message = `the window ends (round ${event.at.to}) before it starts (round ${event.at.from})`;
      report(ctx, [...path, 'at', 'to'], 'value', 'error', 'check/empty-window', message);
    }
    if (first > s.rounds) {
      report(
        ctx,
        [...path, 'at'],
        'value',
        'warning',
        'check/after-last-round',
        `round ${first} never comes: the scenario has ${s.rounds} rounds`,
      );
    }
    checkRefs(
      ctx,
      event.send?.to,
      [...path, 'send', 'to'],
      ctx.targets,
      'party or bloc %',
      'ref/unknown-party',
    );
    checkNoDuplicates(ctx, event.send?.to, [...path, 'send', 'to'], 'party or bloc');
    checkRefs(ctx, event.sources, [...path, 'sources'], ctx.sources, 'source');
    if (event.effects) checkEffects(ctx, event.effects, [...path, 'effects']);
    if (event.when) checkCondition(ctx, event.when, [...path, 'when'], { kind: 'event' });
  }
}

/**
 * Turns the compact log of a turn into sentences a student can read. The state keeps ids; the words
 * come from the scenario, so one state can be shown in any language a scenario is written in.
 */

import { own } from '../core/own.ts';
import type { Game } from './game.ts';
import { positionState, transitionAt } from './game.ts';
import type { GameState, LogEntry } from './types.ts';

/** One readable line of the dialogue log, with the machine-readable code kept beside it. */
export interface LogLine {
  kind: LogEntry['kind'];
  party?: string;
  code: string;
  text: string;
}

/** A label used inside a sentence: "The bases" → "the bases", but "UN front" stays as written. */
export function inSentence(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

function partyName(game: Game, id: string): string {
  return own(game.scenario.parties, id)?.name ?? id;
}

function fill(template: string, labels: Record<string, string>): string {
  return template.replace(/\{([a-z0-9-]+)\}/g, (m, k: string) => own(labels, k) ?? m);
}

function paramLabels(game: Game, moveId: string, params: Record<string, string>): Record<string, string> {
  const move = own(game.scenario.moves, moveId);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const { parties, blocs, issues } = game.scenario;
    if (k === 'to') labels[k] = own(parties, v)?.name ?? own(blocs, v)?.name ?? v;
    else if (k === 'issue') labels[k] = own(issues, v)?.label ?? v;
    else if (k === 'option') labels[k] = own(own(issues, params.issue ?? '')?.options, v) ?? v;
    else labels[k] = own(own(move?.params, k)?.options, v) ?? v;
  }
  return labels;
}

type Response = Extract<LogEntry, { kind: 'response' }>;

function transitionOf(game: Game, e: Response) {
  return e.via !== null
    ? transitionAt(game, e.party, { state: e.from, event: e.event, index: e.via })
    : undefined;
}

/** The machine-readable reason: the transition's `code`, else one derived from the verdict or the move. */
export function responseCode(game: Game, e: Response): string {
  const code = transitionOf(game, e)?.code;
  if (code) return code;
  if (e.verdict)
    return e.verdict === 'red-line'
      ? 'offer/red-line'
      : e.verdict === 'accept'
        ? 'offer/acceptable'
        : 'offer/too-little';
  if (e.to !== e.from) return `position/${e.to}`;
  return e.event === 'round.ended' ? 'round/steady' : 'position/holds';
}

/** The sentence for a party's response, from the transition's reason or from the verdict. */
function responseText(game: Game, e: Extract<LogEntry, { kind: 'response' }>): string {
  const name = partyName(game, e.party);
  const t =
    e.via !== null ? transitionAt(game, e.party, { state: e.from, event: e.event, index: e.via }) : undefined;
  if (t?.reason) return `${name}: ${t.reason}`;
  if (e.verdict === 'red-line') {
    const issue = inSentence(own(game.scenario.issues, e.issue ?? '')?.label ?? e.issue ?? '');
    const line = own(game.scenario.parties, e.party)?.prefers?.redLines?.find((r) => r.issue === e.issue);
    return `${name} rejects: the package crosses its red line on ${issue}${line?.reason ? ` (${line.reason})` : ''}.`;
  }
  if (e.verdict === 'reject') return `${name} rejects: the package gives it too little.`;
  if (e.verdict === 'accept') return `${name} could accept the package as it stands.`;
  const to = positionState(game, e.party, e.to);
  if (e.to !== e.from) return `${name} moves: ${to?.label ?? e.to}.`;
  return `${name} holds its position${to?.label ? ` (${to.label})` : ''}.`;
}

/** Describes one log entry. */
export function describeEntry(game: Game, e: LogEntry, viewer: string = game.playerId): LogLine {
  switch (e.kind) {
    case 'round':
      return { kind: e.kind, code: 'round/start', text: `Round ${e.round} of ${game.scenario.rounds}.` };
    case 'event': {
      const ev = game.scenario.events?.find((x) => x.id === e.event);
      return {
        kind: e.kind,
        code: `event/${e.event}`,
        text: ev ? `${ev.title}: ${ev.text.trim()}` : e.event,
      };
    }
    case 'move': {
      const move = own(game.scenario.moves, e.move);
      const labels = paramLabels(game, e.move, e.params);
      const seat = e.seat ?? game.playerId;
      // A move's `text` speaks to the seat that makes it ("You speak…"); everyone else reads who did what.
      const who = seat === viewer ? 'You' : partyName(game, seat);
      const text =
        move?.text && seat === viewer
          ? fill(move.text, labels)
          : `${who}: ${move?.label ?? e.move}${Object.keys(labels).length ? ` (${Object.values(labels).join(', ')})` : ''}.`;
      return { kind: e.kind, party: seat, code: `move/${e.move}`, text };
    }
    case 'pass':
      return {
        kind: e.kind,
        party: e.seat,
        code: 'move/pass',
        text: `${partyName(game, e.seat)} has no move to make and passes.`,
      };
    case 'response':
      return { kind: e.kind, party: e.party, code: responseCode(game, e), text: responseText(game, e) };
    case 'vote': {
      const veto = e.vetoedBy.length
        ? `; vetoed by ${e.vetoedBy.map((p) => partyName(game, p)).join(', ')}`
        : '';
      const result = e.adopted ? 'adopted' : 'not adopted';
      return {
        kind: e.kind,
        code: e.adopted ? 'vote/adopted' : 'vote/failed',
        text: `The vote: ${e.yes} yes, ${e.no} no, ${e.abstain} ${e.abstain === 1 ? 'abstention' : 'abstentions'}${veto} — ${result}.`,
      };
    }
    case 'end': {
      const o = game.scenario.outcomes.find((x) => x.id === e.outcome);
      return { kind: e.kind, code: `end/${e.reason}`, text: `The talks end: ${o?.title ?? e.outcome}.` };
    }
  }
}

/** The readable log of the latest turn of a state. */
export function describeLog(game: Game, state: GameState, viewer: string = game.playerId): LogLine[] {
  return state.log.map((e) => describeEntry(game, e, viewer));
}

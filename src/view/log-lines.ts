/**
 * The log of a turn as sentences a seat can read, in the active language. The engine keeps only codes and
 * ids; the words come from the scenario (or its translation) and the sentences from the message catalogue,
 * so one state reads in any language, and each seat reads "You …" for its own moves.
 */
import { own } from '../core/own.ts';
import {
  type Game,
  type GameState,
  type LogEntry,
  positionText,
  responseCode,
  transitionAt,
} from '../engine/index.ts';
import { ENGLISH, type Messages } from './i18n/messages.ts';
import { paramPhrases, paramWords, positionWords, targetName } from './labels.ts';

/** One readable line of the dialogue log, with the machine-readable code kept beside it. */
export interface LogLine {
  kind: LogEntry['kind'];
  party?: string;
  code: string;
  text: string;
}

/** A label used inside an English sentence: "The bases" → "the bases", but "UN front" stays as written. */
export function inSentence(label: string, messages: Messages = ENGLISH): string {
  if (messages.lang !== 'en') return label;
  const second = label.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** A party's (or bloc's) name in the scenario's words (kept under this name for the diagram's import). */
export const partyName = targetName;

function fill(template: string, labels: Record<string, string>): string {
  return template.replace(/\{([a-z0-9-]+)\}/g, (m, k: string) => own(labels, k) ?? m);
}

type Response = Extract<LogEntry, { kind: 'response' }>;

/** The sentence for a party's response, from the transition's reason or from the verdict. */
function responseText(game: Game, e: Response, m: Messages): string {
  const name = targetName(game, e.party);
  const t =
    e.via !== null
      ? transitionAt(game, e.party, { state: e.at ?? positionText(e.from), event: e.event, index: e.via })
      : undefined;
  if (t?.reason) return m.t('log-reason', { name, reason: t.reason });
  if (e.verdict === 'red-line') {
    const issue = inSentence(own(game.scenario.issues, e.issue ?? '')?.label ?? e.issue ?? '', m);
    const line = own(game.scenario.parties, e.party)?.prefers?.redLines?.find((r) => r.issue === e.issue);
    return line?.reason
      ? m.t('log-red-line-why', { name, issue, why: line.reason })
      : m.t('log-red-line', { name, issue });
  }
  if (e.verdict === 'reject') return m.t('log-reject', { name });
  if (e.verdict === 'accept') return m.t('log-accept', { name });
  const to = positionWords(game, e.party, e.to);
  if (positionText(e.to) !== positionText(e.from)) return m.t('log-moves', { name, position: to.label });
  return to.label ? m.t('log-holds-at', { name, position: to.label }) : m.t('log-holds', { name });
}

function moveText(game: Game, e: Extract<LogEntry, { kind: 'move' }>, viewer: string, m: Messages): string {
  const move = own(game.scenario.moves, e.move);
  const words = paramWords(game, e.move, e.params);
  const labels = Object.fromEntries(words.map((w) => [w.key, w.word]));
  // A move's `text` speaks to the seat that makes it ("You speak…"); everyone else reads who did what.
  if (move?.text && e.seat === viewer) return m.t('log-move-own', { text: fill(move.text, labels) });
  const label = move?.label ?? e.move;
  const params = paramPhrases(words, m).join(m.t('list-separator'));
  const you = e.seat === viewer;
  const name = targetName(game, e.seat);
  if (params === '') return you ? m.t('log-move-you', { label }) : m.t('log-move-other', { name, label });
  return you
    ? m.t('log-move-you-params', { label, params })
    : m.t('log-move-other-params', { name, label, params });
}

/** Describes one log entry for a seat (default the player's), in a language (default English). */
export function describeEntry(
  game: Game,
  e: LogEntry,
  viewer: string = game.playerId,
  m: Messages = ENGLISH,
): LogLine {
  switch (e.kind) {
    case 'round':
      return {
        kind: e.kind,
        code: 'round/start',
        text: m.t('log-round', { round: e.round, rounds: game.scenario.rounds }),
      };
    case 'event': {
      const ev = game.scenario.events?.find((x) => x.id === e.event);
      return {
        kind: e.kind,
        code: `event/${e.event}`,
        text: ev ? m.t('log-event', { title: ev.title, text: ev.text.trim() }) : e.event,
      };
    }
    case 'move':
      return { kind: e.kind, party: e.seat, code: `move/${e.move}`, text: moveText(game, e, viewer, m) };
    case 'pass':
      return {
        kind: e.kind,
        party: e.seat,
        code: 'move/pass',
        text: m.t('log-pass', { name: targetName(game, e.seat) }),
      };
    case 'response':
      return { kind: e.kind, party: e.party, code: responseCode(game, e), text: responseText(game, e, m) };
    case 'vote': {
      const vetoed = e.vetoedBy.map((p) => targetName(game, p)).join(m.t('list-separator'));
      return {
        kind: e.kind,
        code: e.adopted ? 'vote/adopted' : 'vote/failed',
        text: m.t('log-vote', {
          yes: e.yes,
          no: e.no,
          abstain: e.abstain,
          vetoed: vetoed === '' ? 'none' : vetoed,
          adopted: e.adopted ? 'yes' : 'no',
        }),
      };
    }
    case 'end': {
      const o = game.scenario.outcomes.find((x) => x.id === e.outcome);
      return {
        kind: e.kind,
        code: `end/${e.reason}`,
        text: m.t('log-end', { outcome: o?.title ?? e.outcome }),
      };
    }
  }
}

/** The readable log of the latest turn of a state, for a seat, in a language. */
export function describeLog(
  game: Game,
  state: GameState,
  viewer: string = game.playerId,
  m: Messages = ENGLISH,
): LogLine[] {
  return state.log.map((e) => describeEntry(game, e, viewer, m));
}

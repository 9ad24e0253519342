/**
 * Words for ids: what a move button, a position or a tier is called. The state holds ids only; every
 * word a player reads comes from the scenario (or, for tiers, from here), so renderers never show an id.
 */

import {
  type Action,
  type Game,
  type GameState,
  type OutcomeResult,
  own,
  type PositionValue,
  positionText,
} from '../engine/index.ts';
import { stateAt } from '../scenario/state-paths.ts';
import { activeLang, t } from './i18n/active.ts';
import { type Messages, pseudo } from './i18n/messages.ts';

/** A move's label split in two: the move's name and the chosen options, e.g. "Tone: Conciliatory". */
export interface ActionLabel {
  move: string;
  detail: string;
  /** "Make a public statement — Tone: Conciliatory": the button's accessible name. */
  full: string;
}

/** The name of a party or bloc, for `to` parameters and log lines. */
export function targetName(game: Game, id: string): string {
  return own(game.scenario.parties, id)?.name ?? own(game.scenario.blocs, id)?.name ?? id;
}

/** Every party, the seat's own first (default the player's): the order the briefing, the table and the party list use. */
export function playerFirst(game: Game, seat: string = game.playerId): string[] {
  return [seat, ...game.partyIds.filter((id) => id !== seat)];
}

/** A party's short name where space is tight (tables, the log), else its full name. */
export function displayName(game: Game, id: string): string {
  const party = own(game.scenario.parties, id);
  return party?.short ?? party?.name ?? own(game.scenario.blocs, id)?.name ?? id;
}

/**
 * The short name on a button only when the full name contains it ("Korea" in "Republic of Korea"), so the
 * visible label stays part of the button's accessible name (speech users say what they see).
 */
export function buttonName(game: Game, id: string): string {
  const full = targetName(game, id);
  const short = own(game.scenario.parties, id)?.short;
  return short && full.toLowerCase().includes(short.toLowerCase()) ? short : full;
}

/**
 * One chosen parameter of a move in words: `word` is what was chosen (a party's name, an issue, an option),
 * `name` what the choice is about when a reader needs it ("Tone" for "Conciliatory", the issue for its
 * option), null for whom a move reaches. Every place that turns a move's parameters into words (buttons,
 * the log, the package lines) starts here, so a label is written once.
 */
export interface ParamWord {
  key: string;
  name: string | null;
  word: string;
}

/** An option of an issue in words (its id when the scenario has no such option). */
export function optionWord(game: Game, issueId: string, optionId: string): string {
  return own(own(game.scenario.issues, issueId)?.options, optionId) ?? optionId;
}

/**
 * The words of each parameter of a move, in one order wherever they are read (whom it reaches, the term,
 * then the move's own parameters as the scenario lists them), however the action's keys were ordered.
 */
export function paramWords(game: Game, moveId: string, params: Record<string, string>): ParamWord[] {
  const move = own(game.scenario.moves, moveId);
  const { issues } = game.scenario;
  const order = ['to', 'issue', 'option', ...Object.keys(move?.params ?? {})];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const entries = Object.entries(params).sort(([a], [b]) => rank(a) - rank(b));
  return entries.map(([key, value]): ParamWord => {
    if (key === 'to') return { key, name: null, word: targetName(game, value) };
    if (key === 'issue') return { key, name: null, word: own(issues, value)?.label ?? value };
    if (key === 'option') {
      const issue = params.issue ?? '';
      return { key, name: own(issues, issue)?.label ?? issue, word: optionWord(game, issue, value) };
    }
    const param = own(move?.params, key);
    return { key, name: param?.label ?? key, word: own(param?.options, value) ?? value };
  });
}

/** A term in words, "Bases: Lease", in the given catalogue's punctuation (default the active language's). */
export function termWords(
  game: Game,
  issueId: string,
  optionId: string,
  m: Pick<Messages, 't'> = { t },
): string {
  const name = own(game.scenario.issues, issueId)?.label ?? issueId;
  return m.t('term-pair', { name, word: optionWord(game, issueId, optionId) });
}

/**
 * The phrases of a move's parameters as a reader meets them: "Tone: Conciliatory", "Bases: Lease", a
 * party's name. The issue is said with its option, so it is not a phrase of its own.
 */
export function paramPhrases(words: ParamWord[], m: Pick<Messages, 't'> = { t }): string[] {
  return words
    .filter((w) => w.key !== 'issue')
    .map((w) => (w.name === null ? w.word : m.t('term-pair', { name: w.name, word: w.word })));
}

/** Labels an available action from the scenario's move label and its parameters' words. */
export function actionLabel(game: Game, action: Action): ActionLabel {
  const name = own(game.scenario.moves, action.move)?.label ?? action.move;
  const detail = paramPhrases(paramWords(game, action.move, action.params)).join(t('list-separator'));
  return { move: name, detail, full: detail ? t('action-full', { move: name, detail }) : name };
}

/** A party's position as the scenario names and explains it, or null for parties without a machine. */
export function positionOf(
  game: Game,
  state: GameState,
  party: string,
): { label: string; describe: string; final: boolean } | null {
  const value = own(state.parties, party)?.position?.value;
  if (!value) return null;
  return positionWords(game, party, value);
}

/**
 * A position's words: its state's label and description, or for a machine with regions the labels of
 * every active state (`Bases: open · Strikes: reduced`), each found by its path.
 */
export function positionWords(
  game: Game,
  party: string,
  value: PositionValue,
): { label: string; describe: string; final: boolean } {
  const machine = own(game.machines, party);
  const paths = positionText(value).split(',');
  const labels: string[] = [];
  const describes: string[] = [];
  for (const path of paths) {
    const def = machine ? stateAt(machine.def, path) : undefined;
    labels.push(def?.label ?? path);
    if (def?.describe) describes.push(def.describe);
  }
  return {
    label: labels.join(' · '),
    describe: describes.join(' '),
    final: machine?.isFinal(value) === true,
  };
}

/** A tier in words (in the active language), so the result never rests on colour alone. */
export function tierWord(tier: OutcomeResult['tier'] | string): string {
  return tier === 'success' || tier === 'partial' || tier === 'failure' ? t(`tier-${tier}`) : tier;
}

/** The round line of the header: where the game stands, in words. */
export function roundStatus(game: Game, state: GameState): string {
  const { rounds } = game.scenario;
  if (state.over) return t('round-over', { round: Math.min(state.round, rounds), rounds });
  // Each seat has its own moves per round (the tutorial's Amber two, the cooperative one).
  const perRound =
    (state.mover !== null ? own(game.seatMovesPerRound, state.mover) : undefined) ?? game.movesPerRound;
  return perRound > 1
    ? t('round-status-moves', { round: state.round, rounds, move: state.step + 1, moves: perRound })
    : t('round-status', { round: state.round, rounds });
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2024-12-06" → "6 December 2024" (dates are written YYYY-MM-DD in scenario files). */
export function longDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  // Month names are words: the pseudo-locale marks them as it marks every other word.
  return activeLang() === 'en-XA' ? pseudo(DATE.format(parsed)) : DATE.format(parsed);
}

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
import { pseudo } from './i18n/messages.ts';

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

/** Labels an available action from the scenario's move label and its parameters' option labels. */
export function actionLabel(game: Game, action: Action): ActionLabel {
  const move = own(game.scenario.moves, action.move);
  const name = move?.label ?? action.move;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(action.params)) {
    if (key === 'to') parts.push(targetName(game, value));
    else if (key === 'issue') {
      const issue = own(game.scenario.issues, value);
      const option = own(issue?.options, action.params.option ?? '') ?? action.params.option ?? '';
      parts.push(`${issue?.label ?? value}: ${option}`);
    } else if (key === 'option') {
      // shown together with its issue
    } else {
      const param = own(move?.params, key);
      parts.push(`${param?.label ?? key}: ${own(param?.options, value) ?? value}`);
    }
  }
  const detail = parts.join(', ');
  return { move: name, detail, full: detail ? `${name} — ${detail}` : name };
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

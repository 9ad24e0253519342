/**
 * Which seats people hold in a headless game, from `--as SEAT` or `--seats a=random,b=greedy`: shared by
 * `play`, `simulate` and `check`, so the three read the flags, refuse unknown seats (exit 2, with a
 * "did you mean") and name the seats they played the same way.
 */
import { type Game, own, STRATEGIES, type StrategyName } from '../engine/index.ts';
import { closest } from '../scenario/suggest.ts';
import { type Parsed, stringFlag, UsageError } from './args.ts';

/** The flags every seat-aware command accepts. */
export const SEAT_FLAGS = { as: { type: 'string' }, seats: { type: 'string' } } as const;

/** What the command line asked for, before the scenario is read: seats in the order written. */
export interface SeatRequest {
  /** Seat ids as written (`--as S` is one), or null for the player's seat alone. */
  seats: string[] | null;
  /** Seat id → strategy given after `=`, for the seats that name one. */
  named: Record<string, StrategyName>;
  /** The strategy of every held seat that names none (`--strategy`, default random). */
  strategy: StrategyName;
  /** The flag the seats came from, for messages. */
  flag: '--as' | '--seats';
}

/** The seats a game is played with, checked against the scenario. */
export interface SeatChoice {
  /** The held seats in seat order (what createGame and the replay file keep). */
  seats: string[];
  /** Held seat → the strategy that plays it (what playGame takes). */
  strategies: Record<string, StrategyName>;
  /** The seat whose tier is reported: the first held seat in seat order. */
  played: string;
}

const SEAT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** `--strategy NAME` checked (default random). */
export function strategyFlag(command: string, value: string | undefined, flag = '--strategy'): StrategyName {
  const name = value ?? 'random';
  if ((STRATEGIES as readonly string[]).includes(name)) return name as StrategyName;
  const guess = closest(name, STRATEGIES);
  throw new UsageError(
    `${flag} must be one of ${STRATEGIES.join(', ')} (got '${name}'${guess ? `; did you mean '${guess}'?` : ''})`,
    command,
  );
}

/**
 * Reads `--as` and `--seats` (syntax only; seat ids are checked against the scenario by `chooseSeats`).
 * `--seats` is a comma-separated list of `SEAT` or `SEAT=STRATEGY`; a seat without `=` plays by `--strategy`.
 */
export function seatRequest(command: string, args: Parsed): SeatRequest {
  const strategy = strategyFlag(command, stringFlag(args, 'strategy'));
  const as = stringFlag(args, 'as');
  const list = stringFlag(args, 'seats');
  if (as !== undefined && list !== undefined)
    throw new UsageError('give --as SEAT or --seats LIST, not both (--as S is --seats S)', command);
  const named: Record<string, StrategyName> = {};
  if (as !== undefined) {
    if (!SEAT_ID.test(as)) throw new UsageError(`--as needs a seat id (got '${as}')`, command);
    return { seats: [as], named, strategy, flag: '--as' };
  }
  if (list === undefined) return { seats: null, named, strategy, flag: '--as' };
  const seats: string[] = [];
  for (const [i, raw] of list.split(',').entries()) {
    const entry = raw.trim();
    const [seat = '', strat, extra] = entry.split('=').map((p) => p.trim());
    if (!SEAT_ID.test(seat) || extra !== undefined || strat === '') {
      throw new UsageError(
        `--seats: entry ${i + 1} ('${entry}') must be SEAT or SEAT=STRATEGY, e.g. --seats amber=greedy,valley=random`,
        command,
      );
    }
    if (seats.includes(seat)) throw new UsageError(`--seats: seat '${seat}' is listed twice`, command);
    seats.push(seat);
    if (strat !== undefined) named[seat] = strategyFlag(command, strat, `--seats: the strategy of ${seat}`);
  }
  return { seats, named, strategy, flag: '--seats' };
}

/** A UsageError for a seat the scenario does not have, with the closest seat and the list of seats. */
export function unknownSeat(command: string, game: Game, seat: string, flag: string): UsageError {
  const guess = closest(seat, game.seatIds);
  return new UsageError(
    `${flag}: scenario ${game.scenario.id} has no seat '${seat}'${guess ? ` (did you mean '${guess}'?)` : ''}; its seats are ${game.seatIds.join(', ')} (envoy seats FILE lists them)`,
    command,
  );
}

/** Checks the request against the scenario: the held seats, each one's strategy, and the seat reported. */
export function chooseSeats(command: string, game: Game, request: SeatRequest): SeatChoice {
  const asked = request.seats ?? [game.playerId];
  for (const seat of asked) {
    if (!game.seatIds.includes(seat)) throw unknownSeat(command, game, seat, request.flag);
  }
  const seats = game.seatIds.filter((s) => asked.includes(s));
  const strategies: Record<string, StrategyName> = {};
  for (const seat of seats) strategies[seat] = own(request.named, seat) ?? request.strategy;
  return { seats, strategies, played: seats[0] as string };
}

/** `valley (greedy)`, `amber (random), valley (greedy)`: the held seats and their strategies, in words. */
export function seatsText(choice: SeatChoice): string {
  return choice.seats.map((s) => `${s} (${own(choice.strategies, s)})`).join(', ');
}

/** `amber by its auto policy (greedy)`: how the seats nobody holds play, or null when every seat is held. */
export function autoText(game: Game, choice: SeatChoice): string | null {
  const others = game.seatIds.filter((s) => !choice.seats.includes(s));
  if (others.length === 0) return null;
  return others.map((s) => `${s} by its auto policy (${own(game.auto, s) ?? 'greedy'})`).join(', ');
}

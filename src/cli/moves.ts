/**
 * The `--moves` line of `envoy play`: an instructor's scripted line of play, checked move by move against
 * the engine without a browser. Grammar (docs/cli.md):
 *
 *   LINE  = ENTRY { (";" | ",") ENTRY }       empty entries are skipped
 *   ENTRY = [ SEAT ":" ] MOVE { NAME "=" VALUE }
 *
 * Words are ids (letters, digits, `-`, `_`, `.`), separated by spaces. A missing `SEAT:` means the seat
 * to move. Given parameters must match one legal action; any left out must leave only one.
 */
import {
  type Action,
  applyAction,
  availableActions,
  type Game,
  type GameState,
  own,
} from '../engine/index.ts';
import { closest } from '../scenario/suggest.ts';

/** One entry of the line, with where it starts in the string (1-based column). */
export interface MoveEntry {
  column: number;
  seat: string | null;
  move: string;
  params: Record<string, string>;
  /** The entry as written (trimmed), for messages. */
  text: string;
}

/** A malformed line: what is wrong and at which column (1-based). */
export interface MovesSyntaxError {
  column: number;
  message: string;
}

const WORD = /[A-Za-z0-9_.-]/;

/** Reads the `--moves` string into entries, or the first syntax error with its column. */
export function parseMoves(line: string): MoveEntry[] | MovesSyntaxError {
  const entries: MoveEntry[] = [];
  let i = 0;
  const at = (message: string, col = i + 1): MovesSyntaxError => ({ column: col, message });
  const skipSpace = () => {
    while (i < line.length && /[ \t\r\n]/.test(line[i] as string)) i++;
  };
  const word = (): string => {
    const start = i;
    while (i < line.length && WORD.test(line[i] as string)) i++;
    return line.slice(start, i);
  };
  while (i <= line.length) {
    skipSpace();
    if (i >= line.length) break;
    if (line[i] === ';' || line[i] === ',') {
      i++;
      continue;
    }
    const start = i;
    let first = word();
    if (first === '') return at(`expected a move id, found '${line[i]}'`);
    let seat: string | null = null;
    skipSpace();
    if (line[i] === ':') {
      seat = first;
      i++;
      skipSpace();
      const col = i + 1;
      first = word();
      if (first === '')
        return at(`expected a move id after '${seat}:'${i < line.length ? `, found '${line[i]}'` : ''}`, col);
    }
    const params: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (i >= line.length || line[i] === ';' || line[i] === ',') break;
      const col = i + 1;
      const name = word();
      if (name === '') return at(`expected NAME=VALUE or ';', found '${line[i]}'`);
      if (line[i] !== '=') {
        return at(
          `expected '=' after '${name}' (parameters are written NAME=VALUE, e.g. tone=firm; entries are separated by ';')`,
          col,
        );
      }
      i++;
      const value = word();
      if (value === '') return at(`expected a value after '${name}='`);
      if (Object.hasOwn(params, name)) return at(`parameter '${name}' is given twice`, col);
      params[name] = value;
    }
    entries.push({ column: start + 1, seat, move: first, params, text: line.slice(start, i).trim() });
  }
  return entries;
}

/** An action as the grammar spells it, so it can be pasted back: `valley: counter issue=schedule option=dry-season`. */
export function spellAction(a: Action): string {
  const params = Object.entries(a.params ?? {}).map(([k, v]) => `${k}=${v}`);
  return `${a.seat}: ${[a.move, ...params].join(' ')}`;
}

/** Why an entry names something the scenario does not have (an unknown move or seat), or null. */
export function unknownInEntry(game: Game, e: MoveEntry): string | null {
  if (e.seat !== null && !game.seatIds.includes(e.seat)) {
    const guess = closest(e.seat, game.seatIds);
    return `no seat '${e.seat}'${guess ? ` (did you mean '${guess}'?)` : ''}; the seats are ${game.seatIds.join(', ')}`;
  }
  if (!game.moveIds.includes(e.move)) {
    const guess = closest(e.move, game.moveIds);
    return `no move '${e.move}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
  }
  const seat = e.seat ?? null;
  const owner = own(game.moveSeat, e.move);
  if (seat !== null && owner !== undefined && owner !== seat)
    return `'${e.move}' is a move of ${owner}, not of ${seat}`;
  return null;
}

/** The legal action an entry names in a state, or why it names none (and the legal ones there). */
export function matchEntry(
  game: Game,
  state: GameState,
  e: MoveEntry,
): { action: Action } | { problem: string; legal: Action[] } {
  const legal = availableActions(game, state);
  const mover = state.mover;
  if (e.seat !== null && e.seat !== mover)
    return { problem: `it is ${mover}'s turn, not ${e.seat}'s`, legal };
  const given = Object.entries(e.params);
  const same = legal.filter((a) => a.move === e.move);
  const fits = same.filter((a) => given.every(([k, v]) => own(a.params, k) === v));
  if (fits.length === 1) return { action: fits[0] as Action };
  if (fits.length > 1) {
    const names = [...new Set(fits.flatMap((a) => Object.keys(a.params)))].filter(
      (k) => !Object.hasOwn(e.params, k),
    );
    return {
      problem: `it matches ${fits.length} legal actions: say which with ${names.map((n) => `${n}=…`).join(' ')}`,
      legal: fits,
    };
  }
  if (same.length > 0) {
    const known = new Set(same.flatMap((a) => Object.keys(a.params)));
    const bad = given.find(([k]) => !known.has(k));
    if (bad) {
      const list = [...known];
      return {
        problem: list.length
          ? `'${e.move}' has no parameter '${bad[0]}' (its parameters: ${list.join(', ')})`
          : `'${e.move}' takes no parameters`,
        legal,
      };
    }
    return {
      problem: `'${e.move}' is legal here, but not with ${given.map(([k, v]) => `${k}=${v}`).join(' ')}`,
      legal,
    };
  }
  const owner = own(game.moveSeat, e.move);
  if (owner !== undefined && owner !== mover)
    return { problem: `'${e.move}' is a move of ${owner}, and it is ${mover}'s turn`, legal };
  // The engine says why (used up, its `when` does not hold, the vote was held…); its word on the
  // parameters is beside the point for a move that is not in the menu at all.
  const r = applyAction(game, state, { seat: mover ?? undefined, move: e.move, params: e.params });
  const why = 'error' in r && r.error.code !== 'action/bad-param' ? r.error.message : 'it is not in the menu';
  return { problem: `'${e.move}' is not available now: ${why}`, legal };
}

/**
 * `envoy seats FILE`: the seats a person may hold, one id per line, the player's first: what `--as` and
 * `--seats` accept, in a form scripts can loop over. `--json` gives each seat's party, role, auto policy,
 * moves per round and moves.
 */
import { own } from '../../engine/index.ts';
import { boolFlag, parseCommand } from '../args.ts';
import { type Io, printJson } from '../io.ts';
import { loadPlayable } from './validate.ts';

/** Runs `envoy seats`: exit 0 with the seat ids, 1 when the scenario has errors. */
export function runSeats(argv: string[], io: Io): number {
  const args = parseCommand(
    'seats',
    argv,
    { json: { type: 'boolean' } },
    { name: 'scenario FILE', min: 1, max: 1 },
  );
  const json = boolFlag(args, 'json');
  const loaded = loadPlayable(io, args.positionals[0] as string, json);
  if (!loaded) return 1;
  const { game } = loaded;
  const s = game.scenario;
  if (!json) {
    for (const seat of game.seatIds) io.out(seat);
    return 0;
  }
  const seats = game.seatIds.map((id) => {
    const def = id === game.playerId ? s.player : own(s.seats, id);
    return {
      id,
      name: own(s.parties, id)?.name ?? id,
      role: def?.role ?? null,
      player: id === game.playerId,
      auto: own(game.auto, id) ?? 'greedy',
      movesPerRound: own(game.seatMovesPerRound, id) ?? 1,
      moves: own(game.seatMoves, id) ?? [],
    };
  });
  printJson(io, {
    ok: true,
    scenario: { id: s.id, version: s.version, hash: game.scenarioHash },
    turns: game.turnOrder,
    seats,
    ...(loaded.diagnostics.length ? { warnings: loaded.diagnostics } : {}),
  });
  return 0;
}

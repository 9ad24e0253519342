/**
 * Version 1 of the game state, as a projection of today's. A version-1 game had one seat, the player's;
 * played with that seat held, today's engine makes the same moves, rolls and log, and its states differ
 * from version 1's only by what seats added (the format number, the held seats, the seat to move, the
 * strategy stream, the seat named in each move's log entry). Removing those gives back the version-1
 * state, hash for hash: that is how version-1 replays, codes and saves are still checked.
 */
import { stateHash } from '../core/hash.ts';
import type { Checkpoint } from './checkpoint.ts';
import { checkpointOf } from './checkpoint.ts';
import type { GameState } from './types.ts';

/** The state as version 1 of the engine built it. */
export function legacyState(state: GameState): unknown {
  const { format: _f, seats: _s, mover: _m, strategy: _g, log, ...rest } = state;
  return {
    ...rest,
    format: 1,
    log: log.map((e) => {
      if (e.kind !== 'move') return e;
      const { seat: _seat, auto: _auto, ...v1 } = e;
      return v1;
    }),
  };
}

/** The version-1 hash of a state: what a version-1 replay, code or save recorded for it. */
export function legacyStateHash(state: GameState): string {
  return stateHash(legacyState(state));
}

/** The version-1 checkpoint of a state (it had no seat to move). */
export function legacyCheckpoint(state: GameState): Omit<Checkpoint, 'mover'> {
  const { mover: _m, ...v1 } = checkpointOf(state);
  return v1;
}

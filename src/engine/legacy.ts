/**
 * Version 1 of the game state, as a projection of today's. A version-1 game had one seat, the player's;
 * played with that seat held, today's engine makes the same moves, rolls and log, and its states differ
 * from version 1's only by what seats added (the format number, the held seats, the seat to move, the
 * strategy stream, the seat named in each move's log entry) and by where a party's variables live (in its
 * machine's context; version 1 kept meters on the party, agreements in one map, and an empty context).
 * Mapping those back gives the version-1 state, hash for hash: that is how version-1 replays, codes and
 * saves are still checked.
 */
import { stateHash } from '../core/hash.ts';
import type { Checkpoint } from './checkpoint.ts';
import { checkpointOf } from './checkpoint.ts';
import { agreementsOf, metersOf } from './party-state.ts';
import type { GameState, PositionValue } from './types.ts';

/** The state as version 1 of the engine built it. */
export function legacyState(state: GameState): unknown {
  const { format: _f, seats: _s, mover: _m, strategy: _g, log, parties, ...rest } = state;
  const v1Parties: Record<
    string,
    { meters: unknown; position: { context: object; value: PositionValue } | null }
  > = {};
  for (const [id, p] of Object.entries(parties)) {
    v1Parties[id] = {
      meters: metersOf(state, id),
      position: p.position ? { context: {}, value: p.position.value } : null,
    };
  }
  return {
    ...rest,
    agreements: agreementsOf(state),
    parties: v1Parties,
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

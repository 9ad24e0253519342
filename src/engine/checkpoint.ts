/**
 * Compact per-turn summaries kept in replay files, so a divergence can be shown (which party, which
 * meter or position, recorded vs recomputed), not only detected by a hash mismatch.
 */
import { agreementsOf, metersOf } from './party-state.ts';
import type { GameState, PositionValue } from './types.ts';

/** A summary of one turn: positions, meters, the package, agreements, flags, the vote and the end. */
export interface Checkpoint {
  round: number;
  step: number;
  /** The seat to move (not in version-1 files). */
  mover?: string | null;
  positions: Record<string, PositionValue | null>;
  meters: Record<string, Record<string, number>>;
  table: Record<string, string>;
  agreements: Record<string, Record<string, string>>;
  flags: Record<string, boolean>;
  vote: { yes: number; no: number; abstain: number; adopted: boolean } | null;
  outcome: string | null;
}

/** Summarises a state for a replay file. */
export function checkpointOf(state: GameState): Checkpoint {
  const positions: Record<string, PositionValue | null> = {};
  const meters: Record<string, Record<string, number>> = {};
  for (const [id, p] of Object.entries(state.parties)) {
    positions[id] = p.position?.value ?? null;
    meters[id] = metersOf(state, id) as Record<string, number>;
  }
  const v = state.vote;
  return {
    round: state.round,
    step: state.step,
    mover: state.mover,
    positions,
    meters,
    table: state.table,
    agreements: agreementsOf(state),
    flags: state.flags,
    vote: v ? { yes: v.yes, no: v.no, abstain: v.abstain, adopted: v.adopted } : null,
    outcome: state.outcome,
  };
}

/** One difference between two summaries, e.g. `russia position: recorded listening, recomputed hostile`. */
export interface Difference {
  path: string;
  recorded: unknown;
  recomputed: unknown;
}

/** Lists every leaf that differs between two JSON values, with dotted paths. */
export function diffValues(recorded: unknown, recomputed: unknown, path = ''): Difference[] {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  if (isObj(recorded) && isObj(recomputed) && Array.isArray(recorded) === Array.isArray(recomputed)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(recomputed)])].sort();
    return keys.flatMap((k) => diffValues(recorded[k], recomputed[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(recorded) === JSON.stringify(recomputed) ? [] : [{ path, recorded, recomputed }];
}

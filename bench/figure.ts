/**
 * The figure shape, clock and quantile the bench files share, so bench/run.ts prints and writes every
 * measurement the same way whichever file made it.
 */
import { hrtime } from 'node:process';

/** One measured figure with its targets (reported, never asserted in unit tests). */
export interface Figure {
  name: string;
  unit: string;
  p50: number;
  p99: number;
  target?: { p50?: number; p99?: number };
  extra?: Record<string, number | string>;
}

/** A ratio of two measurements taken in the same run, with its ceiling; skipped says why it was not measured. */
export interface Ratio {
  name: string;
  ratio: number;
  target: number;
  extra?: Record<string, number | string>;
  skipped?: string;
}

/** Microseconds from a monotonic clock. */
export const now = (): number => Number(hrtime.bigint()) / 1000;

/** The q-quantile of xs (nearest rank, no interpolation); NaN when empty. */
export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

/** The arithmetic mean of xs; NaN when empty. */
export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Each lint against a fixture that breaks scenarios/tutorial.yaml on purpose (test/fixtures/lint/), with
 * the exact `file:line:col` of the finding and the text found there, so a lint that drifts off its node
 * fails here. The search is seeded, so the same warnings come back on every run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioText } from '../src/lint/index.ts';
import { type Diagnostic, formatDiagnostic } from '../src/scenario/index.ts';

const DIR = 'test/fixtures/lint';
const text = (name: string) => readFileSync(`${DIR}/${name}.yaml`, 'utf8');

const cache = new Map<string, Diagnostic[]>();

function check(name: string): Diagnostic[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const r = checkScenarioText(text(name), `${DIR}/${name}.yaml`);
  cache.set(name, r.diagnostics);
  expect(r.ok, r.diagnostics.map(formatDiagnostic).join('\n')).toBe(true);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.diagnostics;
}

/** The source text at a diagnostic's position (to show the lint points at the right node). */
function at(name: string, d: Diagnostic): string {
  const line = text(name).split('\n')[d.line - 1] ?? '';
  return line.slice(d.col - 1);
}

const CASES: [string, string, number, number, string, RegExp][] = [
  [
    'unreachable-state',
    'lint/unreachable-state',
    270,
    9,
    'sulking:',
    /position state `sulking` of party `valley` can never be entered/,
  ],
  [
    'unreached-outcome',
    'lint/unreached-outcome',
    416,
    9,
    'late-deal',
    /outcome `late-deal` was not reached in [\d,]+ games \/ 9,000 actions/,
  ],
  [
    'move-never-available',
    'lint/move-never-available',
    335,
    3,
    'appeal:',
    /move `appeal` was never available .*flag `governor-in-town` to be true, but no effect sets it/,
  ],
  [
    'dead-end',
    'lint/dead-end',
    295,
    1,
    'moves:',
    /dead end: in [\d,]+ of [\d,]+ games .* no legal move in round 4 of 6 .*`statement` used up \(limit 1\)/,
  ],
  [
    'missing-debrief',
    'lint/missing-debrief',
    384,
    5,
    'debrief:',
    /outcome `accord-ratified` is what really happened but its debrief cites no source/,
  ],
  [
    'missing-debrief',
    'lint/missing-debrief',
    395,
    5,
    'debrief:',
    /outcome `accord-unratified` depends on `valley`/,
  ],
  [
    'no-zone',
    'lint/no-zone-of-agreement',
    173,
    20,
    '0.97',
    /party `valley` has no zone of agreement: no package reaches its reservation 0\.92 even with trust 5.*worth only 0\.88/,
  ],
  [
    'player-red-lines',
    'lint/no-zone-of-agreement',
    135,
    7,
    'redLines:',
    /your red lines leave no zone of agreement with `valley`: each of the 12 packages it accepts crosses one of them/,
  ],
  [
    'player-red-lines',
    'lint/no-zone-of-agreement',
    385,
    17,
    'valley:',
    /outcome `accord-ratified` needs `valley` to agree to monitoring=joint\|independent, water-share=even-split, but no such package is acceptable to it within your red lines/,
  ],
  [
    'unused-meter',
    'lint/unused-meter',
    52,
    3,
    'morale:',
    /meter `morale` is never read: 1 effect changes it/,
  ],
  [
    'unused-meter',
    'lint/unused-meter',
    58,
    3,
    'prestige:',
    /meter `prestige` is unused: nothing reads it and nothing changes it/,
  ],
];

describe('each lint finds its problem, located', () => {
  it.each(CASES)(
    '%s: %s at %i:%i',
    (name, code, line, col, token, message) => {
      const found = check(name).filter((d) => d.code === code && d.line === line && d.col === col);
      expect(found, check(name).map(formatDiagnostic).join('\n')).toHaveLength(1);
      const d = found[0] as Diagnostic;
      expect(d.severity).toBe('warning');
      expect(d.message).toMatch(message);
      expect(at(name, d).startsWith(token)).toBe(true);
      expect(formatDiagnostic(d)).toMatch(new RegExp(`^${DIR}/${name}\\.yaml:${line}:${col}: warning: `));
    },
    90_000,
  );

  it('finds nothing of the kind where the tutorial is sound', () => {
    const codes = new Set(check('unused-meter').map((d) => d.code));
    for (const code of [
      'lint/unreachable-state',
      'lint/dead-end',
      'lint/no-zone-of-agreement',
      'lint/unreached-outcome',
    ])
      expect(codes.has(code)).toBe(false);
  }, 90_000);

  it('gives the same warnings on every run (seeded search)', () => {
    const a = checkScenarioText(text('dead-end'), 'a.yaml');
    const b = checkScenarioText(text('dead-end'), 'a.yaml');
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(a.search).toEqual(b.search);
  }, 90_000);
});

/**
 * Hardening class 8: `envoy diff` and `envoy replay` agree on every field `replay` checks. A valid replay is
 * edited in one generated place (its outcome, a hash, a checkpoint value, the scenario's identity, the seed,
 * an action, the number of actions); whenever `replay` refuses the edited file, `diff` against the original
 * must refuse it too (never `SAME`), and when `replay` accepts it, so must `diff`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { buildReplay, playGame } from '../src/engine/index.ts';
import { loadGame } from './helpers/scenarios.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'envoy-agree-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const game = loadGame('tutorial');
const played = playGame(game, 'agree', 'random');
const good = buildReplay(game, 'agree', played.actions, played.states);
const goodFile = join(tmp, 'good.json');
writeFileSync(goodFile, JSON.stringify(good));

type Replay = Record<string, unknown> & {
  outcome: Record<string, unknown> | null;
  hashes: string[];
  checkpoints: Record<string, unknown>[];
  actions: { move: string; params: Record<string, string> }[];
  scenario: Record<string, unknown>;
};

/** One edit of a replay, in a generated place. */
const EDITS: [string, (r: Replay, n: number) => void][] = [
  [
    'outcome.id',
    (r) => {
      if (r.outcome) r.outcome.id = 'accord-ratified';
    },
  ],
  [
    'outcome.tier',
    (r) => {
      if (r.outcome) r.outcome.tier = r.outcome.tier === 'success' ? 'failure' : 'success';
    },
  ],
  [
    'outcome.historical',
    (r) => {
      if (r.outcome) r.outcome.historical = !r.outcome.historical;
    },
  ],
  ['outcome', (r) => (r.outcome = null)],
  ['hash', (r, n) => (r.hashes[n % r.hashes.length] = '0'.repeat(64))],
  [
    'checkpoint round',
    (r, n) => ((r.checkpoints[n % r.checkpoints.length] as Record<string, unknown>).round = 99),
  ],
  [
    'checkpoint table',
    (r, n) => ((r.checkpoints[n % r.checkpoints.length] as Record<string, unknown>).table = {}),
  ],
  [
    'checkpoint flags',
    (r, n) => ((r.checkpoints[n % r.checkpoints.length] as Record<string, unknown>).flags = { x: true }),
  ],
  ['scenario.hash', (r) => (r.scenario.hash = 'f'.repeat(64))],
  ['seed', (r) => (r.seed = 'another')],
  ['action move', (r, n) => ((r.actions[n % r.actions.length] as { move: string }).move = 'consult')],
  [
    'drop last action',
    (r) => {
      r.actions.pop();
      r.hashes.pop();
      r.checkpoints.pop();
    },
  ],
];

async function status(...args: string[]): Promise<{ status: number; text: string }> {
  const lines: string[] = [];
  const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: ROOT };
  const s = await main(args, io);
  return { status: s, text: lines.join('\n') };
}

describe('diff agrees with replay', () => {
  it('refuses whatever replay refuses, in every checked field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EDITS), fc.nat(), async ([what, edit], n) => {
        const r = structuredClone(good) as unknown as Replay;
        edit(r, n);
        const file = join(tmp, 'edited.json');
        writeFileSync(file, JSON.stringify(r));
        const replay = await status('replay', file);
        const diff = await status('diff', goodFile, file);
        if (replay.status !== 0) {
          expect(diff.status, `${what}: replay refused (${replay.text}) but diff said ${diff.text}`).not.toBe(
            0,
          );
          expect(diff.text).not.toMatch(/^SAME/m);
        } else expect(diff.status, `${what}: ${diff.text}`).toBe(0);
      }),
      { numRuns: 60, seed: 4 },
    );
  }, 120_000);

  it('every edit above is refused by replay', async () => {
    for (const [what, edit] of EDITS) {
      const r = structuredClone(good) as unknown as Replay;
      edit(r, 3);
      const file = join(tmp, 'edited-all.json');
      writeFileSync(file, JSON.stringify(r));
      expect((await status('replay', file)).status, what).not.toBe(0);
    }
  });
});

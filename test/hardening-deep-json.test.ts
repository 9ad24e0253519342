/**
 * Hardening class 6: deeply nested JSON. Replay files with arrays or objects nested to a generated depth (up
 * to 200,000 levels) at generated places (a checkpoint, the outcome, an action's params, the hashes, the top
 * level) must be refused by `envoy replay` and `envoy diff` at the line and column where the nesting goes too
 * deep, with `--json` still printing exactly one JSON document; the engine's `readReplay` (used by the page)
 * refuses the parsed data by path. Nothing may overflow the stack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { buildReplay, playGame, readReplay } from '../src/engine/index.ts';
import { loadGame } from './helpers/scenarios.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'envoy-deep-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const game = loadGame('tutorial');
const played = playGame(game, 'deep', 'random');
const good = JSON.stringify(buildReplay(game, 'deep', played.actions, played.states));
const goodFile = join(tmp, 'good.json');
writeFileSync(goodFile, good);

/** Where the nesting goes: a marker value in the replay replaced by the nested text. */
const PLACES: [string, (r: Record<string, unknown>) => void][] = [
  ['checkpoints[0]', (r) => ((r.checkpoints as unknown[])[0] = 'MARK')],
  [
    'checkpoints[2].table',
    (r) => (((r.checkpoints as Record<string, unknown>[])[2] as Record<string, unknown>).table = 'MARK'),
  ],
  ['outcome.id', (r) => ((r.outcome as Record<string, unknown>).id = 'MARK')],
  [
    'actions[1].params',
    (r) => (((r.actions as Record<string, unknown>[])[1] as Record<string, unknown>).params = 'MARK'),
  ],
  ['hashes[3]', (r) => ((r.hashes as unknown[])[3] = 'MARK')],
  ['top level', (r) => (r.extra = 'MARK')],
];

function nested(depth: number, kind: 'array' | 'object' | 'mixed'): string {
  const open: string[] = [];
  for (let i = 0; i < depth; i++)
    open.push(kind === 'array' || (kind === 'mixed' && i % 2 === 0) ? '[' : '{"k":');
  const close = open.map((o) => (o === '[' ? ']' : '}')).reverse();
  return `${open.join('')}1${close.join('')}`;
}

async function run(...args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  const status = await main(args, io);
  return { status, out, err };
}

describe('deeply nested replay files', () => {
  it('are refused where the nesting goes too deep, by replay and diff, with and without --json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PLACES),
        fc.oneof(fc.integer({ min: 65, max: 400 }), fc.integer({ min: 1000, max: 200_000 })),
        fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>,
        async ([place, mark], depth, kind) => {
          const r = JSON.parse(good) as Record<string, unknown>;
          mark(r);
          const text = JSON.stringify(r).replace('"MARK"', nested(depth, kind));
          const file = join(tmp, 'deep.json');
          writeFileSync(file, text);
          const before = text.slice(0, text.indexOf(nested(depth, kind)));
          for (const args of [
            ['replay', file],
            ['diff', goodFile, file],
          ]) {
            const plain = await run(...args);
            expect(plain.status, `${place} ${depth}`).toBe(1);
            expect(plain.err.join('\n')).toMatch(/deep\.json:1:\d+: error: .*nested more than 64 levels/);
            const col = Number(/deep\.json:1:(\d+)/.exec(plain.err.join('\n'))?.[1]);
            expect(col).toBeGreaterThan(before.length);
            const json = await run(...args, '--json');
            expect(json.status).toBe(1);
            const doc = JSON.parse(json.out.join('\n')) as { ok: boolean; message: string };
            expect(doc.ok).toBe(false);
            expect(doc.message).toMatch(/nested more than 64 levels/);
          }
          // The page reads parsed data: refused by path, not by a stack overflow.
          if (depth <= 5000) {
            const verdict = readReplay(JSON.parse(text));
            expect('error' in verdict && verdict.error).toMatch(/nested more than 64 levels deep/);
          }
        },
      ),
      { numRuns: 30, seed: 6 },
    );
  }, 120_000);
});

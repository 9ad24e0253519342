/**
 * Hardening class 7 (the CLI): text from files must not be able to spoof the CLI's own output. Generated
 * payloads (line breaks followed by a forged verdict, carriage returns, ANSI escapes, C1 controls, line
 * separators, bidirectional overrides) are put into a replay's move and parameters, its scenario id, and a
 * replay code's id; every command that reads them must print each payload escaped, never raw, and no line
 * may start with a verdict the command did not give.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Io, terminalSafe } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { fromBase64Url, toBase64Url, writeVarint } from '../src/engine/code-bytes.ts';
import { buildReplay, encodeReplayCode, playGame, REPLAY_CODE_PREFIX } from '../src/engine/index.ts';
import { loadGame } from './helpers/scenarios.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'envoy-spoof-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const game = loadGame('tutorial');
const played = playGame(game, 'spoof', 'random');
const replay = buildReplay(game, 'spoof', played.actions, played.states);
const code = (() => {
  const r = encodeReplayCode(game, 'spoof', played.actions);
  if (!r.ok) throw new Error(r.message);
  return r.code;
})();

/** Characters a terminal must never receive raw from a file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const FORGED = 'OK: 12 turns, all 13 hashes match; outcome accord-ratified (success)';

const payload = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(
      '\n',
      '\n\n',
      '\r',
      '\r\n',
      '\u001b[2K\r',
      '\u009b2K',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u2066',
      '\u200f',
      '\u061c',
      '\u0085',
    ),
    fc.constantFrom(FORGED, 'SAME: both replays are the same game', 'valid', ''),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, bad, forged, b]) => `${a}${bad}${forged}${b}`);

async function run(...args: string[]): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const io: Io = { out: (l) => lines.push(`out ${l}`), err: (l) => lines.push(`err ${l}`), cwd: ROOT };
  const status = await main(args, io);
  return { status, lines };
}

/** A code whose scenario id is `id` (checksum recomputed, so only the id is odd). */
function codeWithId(id: string): string {
  const bytes = fromBase64Url(code.slice(REPLAY_CODE_PREFIX.length));
  if (!('bytes' in bytes)) throw new Error('bad code');
  const all = Array.from(bytes.bytes).slice(0, -2);
  let n = 0;
  let shift = 0;
  let at = 0;
  for (;;) {
    const b = all[at++] as number;
    n |= (b & 0x7f) << shift;
    shift += 7;
    if (b < 0x80) break;
  }
  const head: number[] = [];
  const text = Array.from(new TextEncoder().encode(id));
  writeVarint(head, text.length);
  const payloadBytes = [...head, ...text, ...all.slice(at + n)];
  const check = Array.from(sha256(Uint8Array.from(payloadBytes))).slice(0, 2);
  return REPLAY_CODE_PREFIX + toBase64Url(Uint8Array.from([...payloadBytes, ...check]));
}

function expectSafe(lines: string[], bad: string, context: string, json: boolean): void {
  for (const line of lines) {
    expect(UNSAFE.test(line.slice(4)), `${context}: raw control in ${JSON.stringify(line)}`).toBe(false);
    expect(line.slice(4).startsWith(FORGED), `${context}: forged line ${JSON.stringify(line)}`).toBe(false);
  }
  // In text, the payload is shown escaped where the command quotes it (JSON escapes it its own way).
  if (!json && UNSAFE.test(bad) && lines.some((l) => l.includes(terminalSafe(bad).slice(0, 12))))
    expect(lines.join('\n')).toContain(terminalSafe(bad));
}

describe('CLI output cannot be spoofed by file text', () => {
  it('terminalSafe escapes every unsafe character and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const safe = terminalSafe(s);
        expect(UNSAFE.test(safe)).toBe(false);
        expect(safe.replace(/\\u[0-9a-f]{4}/g, '')).toBe(s.replace(new RegExp(UNSAFE.source, 'g'), ''));
      }),
      { numRuns: 300 },
    );
  });

  it('a payload in a move, a parameter or the scenario id of a replay, and in a code id, stays escaped', async () => {
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.constantFrom('move', 'param', 'scenario', 'code'),
        fc.boolean(),
        async (bad, where, json) => {
          const r = structuredClone(replay) as unknown as {
            actions: { move: string; params: Record<string, string> }[];
            scenario: { id: string };
          };
          const flags = json ? ['--json'] : [];
          let result: { status: number; lines: string[] };
          if (where === 'code') {
            result = await run('replay', '--code', codeWithId(bad), ...flags);
          } else {
            if (where === 'move') (r.actions[1] as { move: string }).move = bad;
            if (where === 'param')
              (r.actions[0] as { params: Record<string, string> }).params = { tone: bad };
            if (where === 'scenario') r.scenario.id = bad;
            const file = join(tmp, `r-${where}.json`);
            writeFileSync(file, JSON.stringify(r));
            result = await run('replay', file, ...flags);
            const other = join(tmp, 'good.json');
            writeFileSync(other, JSON.stringify(replay));
            const diff = await run('diff', other, file, ...flags);
            expectSafe(diff.lines, bad, `diff ${where}`, json);
            expect(diff.status).not.toBe(0);
          }
          expect(result.status, `${where}: ${result.lines.join('\n')}`).not.toBe(0);
          expectSafe(result.lines, bad, `replay ${where}`, json);
          if (json) {
            const stdout = result.lines.filter((l) => l.startsWith('out ')).map((l) => l.slice(4));
            expect(() => JSON.parse(stdout.join('\n'))).not.toThrow();
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});

/**
 * Replays, replay codes, saves and result files from elsewhere: truncated, reordered, type-confused,
 * oversized or of another version, each is refused with a clear message, nothing is applied partly, and
 * `__proto__`/`constructor` keys change nothing. Covers the engine (readReplay, verifyReplay,
 * decodeReplayCode), the CLI (`envoy replay`), the page's "Open a replay" loader (loadReplayText), the save
 * store and result files; and the frozen version-1 fixtures still load under the current code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import {
  buildReplay,
  compileGame,
  decodeReplayCode,
  encodeReplayCode,
  type Game,
  playGame,
  type ReplayFile,
  readReplay,
  verifyReplay,
} from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { buildResult, readResult } from '../src/session/result.ts';
import { createSaveStore, saveKeys } from '../src/session/save.ts';
import { parseSave } from '../src/session/save-record.ts';
import { memoryStorage } from '../src/session/storage.ts';
import { loadGame } from './helpers/scenarios.ts';

// The page's catalog is built by Vite (import.meta.glob); here it holds the tutorial, loaded by the real loader.
vi.mock('../src/session/catalog.ts', async () => {
  const { loadGame: load } = await import('./helpers/scenarios.ts');
  const g = load('tutorial');
  return {
    CATALOG: new Map([
      [
        'tutorial',
        {
          id: 'tutorial',
          file: 'tutorial.yaml',
          load: async () => ({ hash: g.scenarioHash, scenario: g.scenario }),
        },
      ],
    ]),
  };
});
const { loadReplayText } = await import('../src/ui/screens/replay-open.ts');

const ROOT = new URL('../', import.meta.url).pathname;
const game = loadGame('tutorial');
const SEED = 'hardening';
const played = playGame(game, SEED, 'random');
const good: ReplayFile = buildReplay(game, SEED, played.actions, played.states);
const goodText = JSON.stringify(good);
const clone = (): Record<string, unknown> & ReplayFile => JSON.parse(goodText);

const tmp = mkdtempSync(join(tmpdir(), 'envoy-hardening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cliReplay(text: string): Promise<{ status: number; out: string; err: string }> {
  const file = join(tmp, `r${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  const status = await main(['replay', file, '--scenario', 'scenarios/tutorial.yaml'], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** Damaged replays, each with the words its refusal must contain (engine reader or verification). */
function damaged(): [string, string, RegExp][] {
  const cases: [string, (r: Record<string, unknown> & ReplayFile) => unknown, RegExp][] = [
    ['version 3', (r) => ({ ...r, version: 3 }), /version 3 is not supported.*reads versions 1 and 2/],
    ['version "1" (a string)', (r) => ({ ...r, version: '1' }), /version "1" is not supported/],
    ['another format', (r) => ({ ...r, format: 'envoy-save' }), /not a replay file/],
    ['seed as a number', (r) => ({ ...r, seed: 42 }), /seed/],
    ['actions as an object', (r) => ({ ...r, actions: { 0: r.actions[0] } }), /actions/],
    [
      'an action without params',
      (r) => ({ ...r, actions: [{ move: r.actions[0]?.move }, ...r.actions.slice(1)] }),
      /action|move|params/,
    ],
    [
      'a param as a number',
      (r) => ({ ...r, actions: [{ move: 'statement', params: { tone: 1 } }] }),
      /action|params/,
    ],
    ['hashes as numbers', (r) => ({ ...r, hashes: r.hashes.map((_, i) => i) }), /hash/],
    ['scenario version as text', (r) => ({ ...r, scenario: { ...r.scenario, version: '1' } }), /scenario/],
    ['scenario as a list', (r) => ({ ...r, scenario: [r.scenario] }), /scenario/],
    ['10,001 actions', (r) => ({ ...r, actions: Array(10_001).fill(r.actions[0]) }), /actions|10000|10,000/],
    ['a 201-character seed', (r) => ({ ...r, seed: 's'.repeat(201) }), /seed/],
    ['a null', () => null, /not a replay file/],
    ['a list', () => [], /not a replay file/],
  ];
  return cases.map(([name, edit, words]) => [name, JSON.stringify(edit(clone())), words]);
}

describe('replay files from elsewhere', () => {
  it.each(damaged())('the engine refuses %s with a clear message', (_name, text, words) => {
    const read = readReplay(JSON.parse(text));
    if ('error' in read) {
      expect(read.error).toMatch(words);
      return;
    }
    // Shapes that read must fail verification, never verify as another game.
    const v = verifyReplay(game, read.replay);
    expect(v.ok).toBe(false);
  });

  it('refuses reordered moves and every truncated file, naming the turn or the JSON problem', async () => {
    const r = clone();
    const i = r.actions.findIndex((a, k) => k > 0 && JSON.stringify(a) !== JSON.stringify(r.actions[k - 1]));
    [r.actions[i - 1], r.actions[i]] = [r.actions[i] as never, r.actions[i - 1] as never];
    const reread = readReplay(r);
    if ('error' in reread) throw new Error(reread.error);
    const v = verifyReplay(game, reread.replay);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toMatch(/turn \d+|not available|not allowed/);
    for (const cut of [1, 10, 100, goodText.length >> 1, goodText.length - 1]) {
      const text = goodText.slice(0, cut);
      expect(() => JSON.parse(text)).toThrow();
      const opened = await loadReplayText(text, 'cut.json');
      expect(opened).toEqual({ error: expect.stringMatching(/^cut\.json is not valid JSON/) });
    }
  });

  it('ignores __proto__ and constructor keys: same verdict, no prototype touched', async () => {
    const body = goodText.slice(1);
    const text = `{"__proto__":{"polluted":1,"format":"x"},"constructor":{"prototype":{"polluted":1}},${body}`;
    const read = readReplay(JSON.parse(text));
    if ('error' in read) throw new Error(read.error);
    expect(verifyReplay(game, read.replay)).toEqual(verifyReplay(game, good));
    const params = JSON.parse(goodText.replace('"params":{', '"params":{"__proto__":{"polluted":1},'));
    const v = readReplay(params);
    if (!('error' in v)) expect(verifyReplay(game, v.replay).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const opened = await loadReplayText(text, 'proto.json');
    expect('viewer' in opened).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the page loader refuses damaged files whole (no viewer), and oversized text unread', async () => {
    for (const [name, text] of damaged()) {
      const opened = await loadReplayText(text, `${name}.json`);
      expect(opened, name).not.toHaveProperty('viewer');
      expect(opened).toEqual({ error: expect.any(String) });
    }
    const v2 = await loadReplayText(JSON.stringify({ ...clone(), version: 3 }), 'v3.json');
    expect(v2).toEqual({ error: expect.stringMatching(/version 3 .*reads versions 1 and 2/) });
    expect(await loadReplayText(`${goodText}${' '.repeat(5 * 1024 * 1024)}`, 'big.json')).toEqual({
      error: 'big.json is too large to be a replay (over 5 MB).',
    });
    expect(await loadReplayText('envoy9-abc', 'code')).toEqual({
      error: expect.stringMatching(/envoy9|version|prefix/i),
    });
    expect('viewer' in (await loadReplayText(goodText, 'good.json'))).toBe(true);
  });

  it('the CLI refuses each damaged file with one line, exit 1 and no stack trace', async () => {
    for (const [name, text] of [
      ...damaged().filter(([n]) => !n.startsWith('10,001')),
      ['truncated', goodText.slice(0, goodText.length >> 1)] as const,
    ]) {
      const r = await cliReplay(text);
      expect(r.status, name).toBe(1);
      expect(r.err, name).not.toMatch(/^\s+at /m);
      expect(r.err.length, name).toBeGreaterThan(10);
    }
    const v2 = await cliReplay(JSON.stringify({ ...clone(), version: 3 }));
    expect(v2.err).toMatch(/version 3 is not supported.*reads versions 1 and 2/);
    expect((await cliReplay(goodText)).status).toBe(0);
  });

  it('replay codes: cut, changed or of another version are refused; proto-like params do nothing', () => {
    const encoded = encodeReplayCode(game, SEED, played.actions);
    if (!encoded.ok) throw new Error(encoded.message);
    const { code } = encoded;
    for (const cut of [8, 20, code.length - 1])
      expect(decodeReplayCode(game, code.slice(0, cut)).ok).toBe(false);
    const v2 = decodeReplayCode(game, code.replace(/^envoy2-/, 'envoy3-'));
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.message).toMatch(/envoy3|version 3/);
    const back = decodeReplayCode(game, code);
    expect(back.ok && back.actions).toEqual(played.actions);
  });
});

describe('version 1 and 2 files keep loading; version 3 is refused naming the versions read', () => {
  const v1Yaml = readFileSync(new URL('./fixtures/v1/tutorial.yaml', import.meta.url), 'utf8');
  const parsed = parseScenario(v1Yaml, 'v1/tutorial.yaml');
  if ('errors' in parsed) throw new Error('the v1 tutorial fixture no longer validates');
  const v1Game: Game = compileGame(parsed.scenario);
  const saveText = readFileSync(new URL('./fixtures/v1/save-tutorial.json', import.meta.url), 'utf8');

  it('the version-1 replay verifies', () => {
    const data = JSON.parse(
      readFileSync(new URL('./fixtures/v1/replay-tutorial.json', import.meta.url), 'utf8'),
    );
    const read = readReplay(data);
    if ('error' in read) throw new Error(read.error);
    expect(verifyReplay(v1Game, read.replay).ok).toBe(true);
  });

  it('the version-1 save resumes whole, with its answers', () => {
    const r = createSaveStore(memoryStorage([[saveKeys('tutorial').main, saveText]])).load(v1Game);
    expect(r.status).toBe('resumed');
    if (r.status !== 'resumed') return;
    expect(r.seed).toBe('v1-save');
    expect(r.actions).toHaveLength(5);
    expect(r.states).toHaveLength(6);
    expect(r.answers).toEqual({ '0': 'Trust mattered.' });
  });

  it('a version-2 save is refused naming 2 and 1, and the store offers nothing half-loaded', () => {
    const v2 = JSON.stringify({ ...JSON.parse(saveText), version: 3 });
    expect(parseSave(v2)).toEqual({
      error: expect.stringMatching(/format version 3, .* reads versions 1 and 2/),
    });
    const storage = memoryStorage([[saveKeys('tutorial').main, v2]]);
    const r = createSaveStore(storage).load(v1Game);
    expect(r).toEqual({
      status: 'corrupt',
      which: 'main',
      message: expect.stringMatching(/version 3.*versions 1 and 2/),
    });
    expect(storage.map.get(saveKeys('tutorial').main)).toBe(v2); // nothing deleted unasked
  });

  it('type-confused and reordered saves are refused; a good backup is resumed whole instead', () => {
    const base = { ...JSON.parse(saveText), generation: 9 };
    const swapped = { ...base, actions: [base.actions[1], base.actions[0], ...base.actions.slice(2)] };
    const edits: unknown[] = [
      { ...base, generation: '9' },
      { ...base, seed: 7 },
      { ...base, actions: 'lobby' },
      { ...base, answers: ['x'] },
      { ...base, scenario: { ...base.scenario, version: '1' } },
      { ...base, hash: 42 },
      swapped,
    ];
    for (const edit of edits) {
      const keys = saveKeys('tutorial');
      const storage = memoryStorage([
        [keys.main, JSON.stringify(edit)],
        [keys.backup, saveText],
      ]);
      const r = createSaveStore(storage).load(v1Game);
      expect(r.status).toBe('resumed');
      if (r.status !== 'resumed') continue;
      expect(r.from, JSON.stringify(edit).slice(0, 200)).toBe('backup');
      // A version-1 save resumes with each action named by its seat (the player's).
      expect(r.actions).toEqual(
        (base.actions as { move: string; params: object }[]).map((a) => ({ seat: 'amber', ...a })),
      );
      expect(r.note).toMatch(/could not be read/);
    }
  });

  it('a version-3 result file is refused naming the versions read', () => {
    const r = buildResult(game, SEED, played.actions, played.states, {}, 'A');
    expect(readResult({ ...JSON.parse(JSON.stringify(r)), version: 3 })).toEqual({
      error: expect.stringMatching(/version 3 .*versions 1 and 2/),
    });
    const cut = JSON.parse(JSON.stringify(r));
    cut.replay.actions = cut.replay.actions.slice(0, 2);
    const read = readResult(cut);
    if ('error' in read) return;
    expect(verifyReplay(game, read.result.replay).ok).toBe(false);
  });
});

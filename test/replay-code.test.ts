/**
 * Replay codes (`envoy2-…`): a whole game in one pasteable line. They must round-trip every built-in
 * scenario exactly, and every kind of damage must be refused with a message that says what is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../src/engine/code-bytes.ts';
import {
  type Action,
  decodeReplayCode,
  encodeReplayCode,
  type Game,
  playGame,
  REPLAY_CODE_PREFIX,
  type ReplayCodeError,
  readReplayCode,
  stateHash,
} from '../src/engine/index.ts';
import { forgeCode } from './helpers/replay-codes.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

function codeOf(game: Game, seed: string, strategy: 'random' | 'greedy' | 'first' = 'random') {
  const played = playGame(game, seed, strategy);
  return { played, code: encoded(game, seed, played.actions) };
}

function encoded(game: Game, seed: string, actions: readonly Action[]): string {
  const r = encodeReplayCode(game, seed, actions);
  if (!r.ok) throw new Error(r.message);
  return r.code;
}

function refused(result: { ok: boolean }): ReplayCodeError {
  expect(result.ok).toBe(false);
  return result as ReplayCodeError;
}

describe.each(SCENARIO_IDS)('replay codes of %s', (id) => {
  const game = loadGame(id);

  it('decode to the same actions and the same per-turn hashes, for every strategy', () => {
    for (const strategy of ['random', 'greedy', 'first'] as const) {
      const { played, code } = codeOf(game, `code-${strategy}`, strategy);
      expect(code.startsWith(REPLAY_CODE_PREFIX)).toBe(true);
      expect(code).toMatch(/^envoy2-[A-Za-z0-9_-]+$/);
      const decoded = decodeReplayCode(game, code);
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.seed).toBe(`code-${strategy}`);
      expect(decoded.actions).toEqual(played.actions);
      expect(decoded.states.map(stateHash)).toEqual(played.states.map(stateHash));
    }
  });

  it('stay short: a few characters per turn', () => {
    const { played, code } = codeOf(game, 'short');
    expect(code.length).toBeLessThan(80 + 3 * played.actions.length);
  });
});

describe('replay codes', () => {
  const game = loadGame('tutorial');
  const { played, code } = codeOf(game, 'tutorial-code');

  it('can be read without the game, to find the scenario first', () => {
    const parsed = decodeReplayCode(null, code);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.scenario).toEqual({
      id: 'tutorial',
      version: game.scenario.version,
      hashPrefix: game.scenarioHash.slice(0, 12),
    });
    expect(parsed.seed).toBe('tutorial-code');
    expect(parsed.indexes.length).toBe(played.actions.length);
    expect(parsed.actions).toBeNull();
  });

  it('ignore spaces and line breaks pasted into them', () => {
    const wrapped = `  ${code.slice(0, 20)}\n${code.slice(20, 41)} \r\n${code.slice(41)}\n`;
    const decoded = decodeReplayCode(game, wrapped);
    expect(decoded.ok).toBe(true);
  });

  it('keep unicode seeds', () => {
    const seed = 'séance — 東京 🎲';
    const run = playGame(game, seed, 'first');
    const decoded = decodeReplayCode(game, encoded(game, seed, run.actions));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.seed).toBe(seed);
  });

  it('encode a game that has not started or not finished', () => {
    for (const n of [0, 1, 3]) {
      const decoded = decodeReplayCode(game, encoded(game, 'partial', played.actions.slice(0, n)));
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.actions.length).toBe(n);
    }
  });

  it('refuse to encode an illegal action or a bad seed, naming the turn', () => {
    const bad = refused(encodeReplayCode(game, 'x', [{ move: 'no-such-move', params: {} }]));
    expect(bad).toMatchObject({ kind: 'invalid-game', turn: 1 });
    expect(bad.message).toContain('action 1: There is no move "no-such-move"');
    expect(refused(encodeReplayCode(game, '', [])).kind).toBe('invalid-game');
  });

  it('refuse a wrong prefix, naming an unknown version', () => {
    expect(refused(readReplayCode('hello')).message).toContain('not a replay code');
    expect(refused(readReplayCode(`envoy3-${code.slice(7)}`)).message).toBe(
      'replay code version 3 is not supported; this engine reads envoy2- and envoy1- codes',
    );
  });

  it('refuse foreign characters, saying where', () => {
    const bad = `${code.slice(0, 12)}!${code.slice(13)}`;
    const e = refused(readReplayCode(bad));
    expect(e.kind).toBe('bad-characters');
    expect(e.message).toContain('"!" at position 13');
  });

  it('refuse every truncation of a code as truncated or damaged, never as a game', () => {
    for (let n = REPLAY_CODE_PREFIX.length; n < code.length; n++) {
      const e = refused(decodeReplayCode(game, code.slice(0, n)));
      expect(['truncated', 'damaged'], `cut at ${n}`).toContain(e.kind);
    }
    // Cut at a whole base64 group (four characters), so the text itself is well formed and only short.
    const whole =
      REPLAY_CODE_PREFIX.length + Math.floor((code.length - REPLAY_CODE_PREFIX.length - 6) / 4) * 4;
    expect(refused(readReplayCode(code.slice(0, whole))).message).toContain('cut off');
  });

  it('refuse any changed character (checksum), and extra data at the end', () => {
    const body = code.slice(REPLAY_CODE_PREFIX.length);
    for (let i = 0; i < body.length; i++) {
      const c = body[i] === 'A' ? 'B' : 'A';
      const changed = REPLAY_CODE_PREFIX + body.slice(0, i) + c + body.slice(i + 1);
      const r = decodeReplayCode(game, changed);
      expect(r.ok, `character ${i}`).toBe(false);
    }
    expect(refused(readReplayCode(`${code}AAAA`)).message).toContain('extra data');
  });

  it('refuse a code of another scenario, or of another version of it', () => {
    const other = loadGame('bab-al-hawa');
    const e = refused(decodeReplayCode(other, code));
    expect(e.kind).toBe('scenario-mismatch');
    expect(e.message).toContain('this code is of scenario tutorial');
    const changed = { ...game, scenarioHash: `ffffffffffff${game.scenarioHash.slice(12)}` };
    expect(refused(decodeReplayCode(changed, code)).message).toMatch(
      /^this code is of scenario tutorial v1 \(rules [0-9a-f]{12}…\), not tutorial v1 \(rules ffffffffffff…\)$/,
    );
  });

  it('refuse a move index out of range, naming the turn', () => {
    const bytes = forgeCode(code, (indexes) => {
      indexes[1] = 120;
    });
    const e = refused(decodeReplayCode(game, bytes));
    expect(e).toMatchObject({ kind: 'bad-index', turn: 2 });
    expect(e.message).toMatch(/^turn 2: move number 120 is out of range \(only \d+ moves were available\)$/);
  });

  it('refuse a code whose moves are valid but lead to another final state', () => {
    const forged = forgeCode(code, (indexes) => {
      indexes[0] = indexes[0] === 0 ? 1 : 0;
    });
    const e = refused(decodeReplayCode(game, forged));
    expect(['hash-mismatch', 'bad-index']).toContain(e.kind);
    const reordered = forgeCode(code, (indexes) => indexes.reverse());
    expect(decodeReplayCode(game, reordered).ok).toBe(false);
  });

  it("refuse a code whose final hash is not the replayed game's", () => {
    const forged = forgeCode(code, () => undefined, [0, 0, 0, 0, 0, 0, 0, 0]);
    const e = refused(decodeReplayCode(game, forged));
    expect(e).toMatchObject({ kind: 'hash-mismatch', turn: played.actions.length });
    expect(e.message).toMatch(
      /^the replayed game ends in state [0-9a-f]{16}…, not 0000000000000000… as the code says/,
    );
  });

  it('refuse an oversized code before decoding it', () => {
    expect(refused(readReplayCode(`envoy2-${'A'.repeat(70_000)}`)).kind).toBe('too-long');
  });

  it('never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        const r = decodeReplayCode(game, REPLAY_CODE_PREFIX + tail);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        const back = fromBase64Url(text);
        expect('bytes' in back && Array.from(back.bytes)).toEqual(Array.from(bytes));
      }),
    );
  });
});

describe('pasted codes with invisible and foreign characters (hardening class 8)', () => {
  const game = loadGame('tutorial');
  const { code } = codeOf(game, 'pasted');
  const want = readReplayCode(code);
  const INVISIBLES = [
    ' ',
    '\n',
    '\r\n',
    '\t',
    '\u00a0',
    '\u00ad',
    '\u180e',
    '\u2002',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202e',
    '\u2060',
    '\u2066',
    '\u2069',
    '\u3000',
    '\ufeff',
  ];

  it('ignores whitespace and zero-width or direction characters pasted anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { minLength: 1, maxLength: 6 }),
        (inserts) => {
          let text = code;
          for (const [at, ch] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ch + text.slice(i);
          }
          expect(readReplayCode(text)).toEqual(want);
        },
      ),
      { numRuns: 200, seed: 8 },
    );
  });

  it('names any other foreign character by its code point, never printing it raw', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0x21, max: 0x10ffff }), (at, cp) => {
        if (cp >= 0xd800 && cp <= 0xdfff) return;
        const ch = String.fromCodePoint(cp);
        if (/[A-Za-z0-9_-]/.test(ch) || /[\s\p{Cf}]/u.test(ch)) return;
        const i = REPLAY_CODE_PREFIX.length + (at % (code.length - REPLAY_CODE_PREFIX.length));
        const r = readReplayCode(code.slice(0, i) + ch + code.slice(i));
        const e = refused(r as { ok: boolean });
        expect(e.kind).toBe('bad-characters');
        expect(e.message).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
        if (cp > 0x7e) expect(e.message).not.toContain(ch);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, stateHash } from '../src/core/hash.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const nodeSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// Keys whose UTF-16 code-unit order differs from code-point order: a surrogate
// pair (U+1F600 -> \ud83d\ude00) sorts *before* U+FB01/U+FFFD by code unit.
const trickyKey = fc.constantFrom(
  '\u20ac',
  '\r',
  '\ud83d\ude00',
  '\ufb01',
  '\ufffd',
  '1',
  '10',
  '2',
  '\u0080',
  '\u00f6',
  'A',
  'a',
  '',
  '\u0000',
  '"',
  '\\',
  '\u2028',
  '\ud800\udc00',
);
const unicodeKey = fc.oneof(
  trickyKey,
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ maxLength: 4 }),
);
const unicodeValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(unicodeKey, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('matches the canonicalize package on fc.jsonValue()', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 500 },
    );
  });

  it('matches canonicalize on full-unicode JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 300 },
    );
  });

  it('matches canonicalize on objects with tricky unicode keys and doubles', () => {
    fc.assert(
      fc.property(unicodeValue, (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 500 },
    );
  });

  it('matches canonicalize on frozen values too', () => {
    fc.assert(
      fc.property(unicodeValue, (v) => {
        const expected = canonicalize(v);
        deepFreeze(v);
        expect(canonicalJson(v)).toBe(expected);
        expect(canonicalJson(v)).toBe(expected); // and again: no stale result
      }),
      { numRuns: 300 },
    );
  });

  it('stays correct past the internal string-cache size', () => {
    const big: Record<string, number | string> = {};
    for (let i = 0; i < 20000; i++) big[`k\u00e9${i}`] = i % 3 === 0 ? `v\n${i}` : i - 10000;
    expect(canonicalJson(big)).toBe(canonicalize(big));
    expect(canonicalJson(deepFreeze(big))).toBe(canonicalize(big));
  });

  it('serialises numbers as RFC 8785 requires', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [-0, '0'],
      [1e21, '1e+21'],
      [1e-7, '1e-7'],
      [0.000001, '0.000001'],
      [333333333.3333333, '333333333.3333333'],
      [1e23, '1e+23'],
      [9007199254740992, '9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [4.5, '4.5'],
      [2e-3, '0.002'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e20, '100000000000000000000'],
      [5e-324, '5e-324'],
      [-5e-324, '-5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [123456789012345680000, '123456789012345680000'],
    ];
    for (const [n, text] of cases) {
      expect(canonicalJson(n)).toBe(text);
      expect(canonicalJson([n])).toBe(`[${text}]`);
    }
  });

  it('reproduces the RFC 8785 sorting example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('reproduces the RFC 8785 main example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('omits undefined object properties and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [1, { z: null, y: 'x' }] })).toBe(
      '{"b":1,"c":[1,{"y":"x","z":null}]}',
    );
    expect(canonicalJson(Object.create(null))).toBe('{}');
  });

  it('throws clear errors on non-JSON values', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
    expect(() => canonicalJson({ a: [1, Number.POSITIVE_INFINITY] })).toThrow(/Infinity.*\.a\[1\]/);
    expect(() => canonicalJson(Number.NEGATIVE_INFINITY)).toThrow(/-Infinity/);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/Map.*\.m/);
    expect(() => canonicalJson(new Set([1]))).toThrow(/Set/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson([Symbol('s')])).toThrow(/symbol/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined.*\[1\]/);
    // biome-ignore lint/suspicious/noSparseArray: testing holes on purpose
    expect(() => canonicalJson([1, , 3])).toThrow(/undefined/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    class Point {
      x = 1;
    }
    expect(() => canonicalJson({ p: new Point() })).toThrow(/Point/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });
});

describe('sha256Hex', () => {
  it('matches known vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto on random (non-ASCII) strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (s) => {
          expect(sha256Hex(s)).toBe(nodeSha(s));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches node:crypto at every padding boundary (lengths 0-300 bytes, 1-3 byte characters)', () => {
    for (let n = 0; n <= 300; n++) {
      for (const unit of ['a', 'é', '€']) {
        const s =
          unit.repeat(Math.floor(n / Buffer.byteLength(unit))) + 'a'.repeat(n % Buffer.byteLength(unit));
        expect(sha256Hex(s)).toBe(nodeSha(s));
      }
    }
  });

  it('matches node:crypto on long strings (scratch buffer growth)', () => {
    const long = 'é€😀abc'.repeat(20000);
    expect(sha256Hex(long)).toBe(nodeSha(long));
    expect(sha256Hex('short after long')).toBe(nodeSha('short after long'));
    const huge = 'ü'.repeat(400_000); // above the scratch-buffer cap
    expect(sha256Hex(huge)).toBe(nodeSha(huge));
  });
});

describe('stateHash', () => {
  it('is sha256Hex of the canonical JSON', () => {
    const s = { b: [1, 2], a: 'x' };
    expect(stateHash(s)).toBe(nodeSha('{"a":"x","b":[1,2]}'));
  });

  it('stays correct when frozen subtrees are shared across states', () => {
    const base = deepFreeze({
      turn: 1,
      rng: { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 },
      actors: [
        { id: 'a', trust: 3, tags: ['x', 'y'] },
        { id: 'b', trust: -1, tags: [] },
      ],
      log: [{ t: 0, text: 'start' }],
    });
    const h0 = stateHash(base);
    expect(h0).toBe(stateHash(JSON.parse(JSON.stringify(base))));

    let state = base;
    for (let i = 0; i < 50; i++) {
      // Immer-style update: new root and changed path, other subtrees shared.
      const actors = [state.actors[0], deepFreeze({ ...state.actors[1], trust: i })];
      state = deepFreeze({ ...state, turn: i + 2, actors: actors as typeof base.actors });
      expect(state.actors[0]).toBe(base.actors[0]);
      expect(stateHash(state)).toBe(stateHash(JSON.parse(JSON.stringify(state))));
    }
    expect(stateHash(base)).toBe(h0);
  });

  it('never returns stale text for a frozen object whose child changed', () => {
    const inner = { v: 1 };
    const outer = Object.freeze({ inner });
    expect(canonicalJson(outer)).toBe('{"inner":{"v":1}}');
    inner.v = 2;
    expect(canonicalJson(outer)).toBe('{"inner":{"v":2}}');
  });

  it('hashes the current contents of a mutated object', () => {
    const s = JSON.parse('{"a":{"b":1}}') as { a: { b: number } };
    const h1 = stateHash(s);
    s.a.b = 2;
    expect(stateHash(s)).not.toBe(h1);
    expect(stateHash(s)).toBe(stateHash({ a: { b: 2 } }));
  });
});

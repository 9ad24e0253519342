/**
 * Issue 17, classes 2, 3 and 8 (format side): reserved XState event names, bounded numbers, replay codes that
 * carry every accepted version and ignore invisible characters, and duplicate ids in set-like lists. Each
 * property generates the class, not one example.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ByteReader, writeVarint } from '../src/engine/code-bytes.ts';
import {
  applyAction,
  availableActions,
  compileGame,
  createGame,
  encodeReplayCode,
  readReplayCode,
} from '../src/engine/index.ts';
import { utilityOf } from '../src/engine/parties.ts';
import { MAX_MAGNITUDE } from '../src/scenario/bounds.ts';
import { type Diagnostic, parseScenario, type Scenario } from '../src/scenario/index.ts';

const base = parse(
  readFileSync(new URL('./fixtures/valid-minimal.yaml', import.meta.url), 'utf8'),
) as Scenario;

function load(change: (s: Scenario) => void): { errors: Diagnostic[] } | { scenario: Scenario } {
  const data = structuredClone(base);
  change(data);
  const r = parseScenario(stringify(data), 'v.yaml');
  return 'errors' in r ? { errors: r.errors.filter((d) => d.severity === 'error') } : r;
}

function refused(r: ReturnType<typeof load>, text: RegExp): void {
  expect('errors' in r, 'should be refused').toBe(true);
  if (!('errors' in r)) return;
  const d = r.errors.find((e) => text.test(e.message));
  expect(d, r.errors.map((e) => e.message).join('\n')).toBeDefined();
  expect(d?.line).toBeGreaterThan(0);
  expect(d?.code).toMatch(/^[a-z]+\/[a-z-]+$/);
}

const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const reserved = fc
  .array(segment, { minLength: 1, maxLength: 3 })
  .map((rest) => `xstate.${rest.join('.')}`)
  .filter((n) => n.length <= 80);

describe('class 2: XState reserved event names', () => {
  it('are refused, located, wherever an event name can appear', () => {
    fc.assert(
      fc.property(reserved, fc.constantFrom('sends', 'on', 'send'), (name, spot) => {
        const r = load((s) => {
          if (spot === 'sends') (s.moves.statement as { sends?: string }).sends = name;
          if (spot === 'on') {
            const st = s.parties.south?.position?.states.wary;
            if (st?.on) st.on[name] = st.on['statement.public'] ?? [];
          }
          if (spot === 'send')
            s.events = [{ id: 'e', title: 'E', text: 'E', at: 1, send: { to: ['south'], event: name } }];
        });
        refused(r, /xstate\./);
      }),
      { numRuns: 60 },
    );
  });

  it('any event name the validator accepts moves the party (XState delivers it)', () => {
    const accepted = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.array(segment, { minLength: 1, maxLength: 3 }))
      .map(([a, rest]) => [a, ...rest].join('.'));
    fc.assert(
      fc.property(accepted, (name) => {
        const r = load((s) => {
          (s.moves.statement as { sends?: string }).sends = name;
          const st = s.parties.south?.position?.states.wary;
          if (st) st.on = { [name]: [{ to: 'listening', reason: 'Heard.' }] };
        });
        if ('errors' in r) return; // refused names are the other property's business
        const game = compileGame(r.scenario);
        const m = game.machines.south;
        const at = { context: { meters: {} }, value: 'wary' };
        expect(m?.step(at, { type: name, ctx: {} } as never).position.value, name).toBe('listening');
      }),
      { numRuns: 100 },
    );
  });
});

describe('class 3: numbers are bounded', () => {
  const over = fc.oneof(
    fc.double({ min: MAX_MAGNITUDE * 1.000001, max: 1e308, noNaN: true }),
    fc.constant(1e308),
  );
  const spots: [string, (s: Scenario, v: number) => void][] = [
    ['weight', (s, v) => Object.assign(s.parties.south?.prefers?.weights ?? {}, { crossing: v })],
    ['meter max', (s, v) => Object.assign(s.meters.trust ?? {}, { max: v })],
    ['meter min', (s, v) => Object.assign(s.meters.trust ?? {}, { min: -v })],
    ['effect', (s, v) => Object.assign(s.moves.statement ?? {}, { effects: { meters: { trust: v } } })],
    ['drift', (s, v) => Object.assign(s.parties.south ?? {}, { drift: { trust: -v } })],
    ['flex', (s, v) => Object.assign(s.parties.south?.prefers ?? {}, { flex: { trust: v } })],
    ['score', (s, v) => Object.assign(s.parties.south?.position?.states.wary ?? {}, { score: v })],
    ['range', (s, v) => Object.assign(s.moves.statement ?? {}, { when: { round: { atMost: v } } })],
    ['limit', (s, v) => Object.assign(s.moves.statement ?? {}, { limit: Math.round(v) })],
  ];
  it('over-bound values are refused with a location, at every spot', () => {
    fc.assert(
      fc.property(fc.constantFrom(...spots), over, ([, put], v) => {
        refused(
          load((s) => put(s, v)),
          /must be (at most|at least)/,
        );
      }),
      { numRuns: 120 },
    );
  });

  it('with every number at its bound, utility, meters and the state stay finite', () => {
    const r = load((s) => {
      Object.assign(s.meters.trust ?? {}, {
        min: -MAX_MAGNITUDE,
        max: MAX_MAGNITUDE,
        initial: MAX_MAGNITUDE,
      });
      const prefs = s.parties.south?.prefers;
      if (prefs) {
        prefs.weights = { crossing: MAX_MAGNITUDE };
        prefs.flex = { trust: MAX_MAGNITUDE };
      }
      Object.assign(s.parties.south ?? {}, {
        meters: { trust: MAX_MAGNITUDE },
        drift: { trust: MAX_MAGNITUDE },
      });
      Object.assign(s.moves.statement ?? {}, { effects: { meters: { trust: MAX_MAGNITUDE } } });
    });
    if ('errors' in r) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const game = compileGame(r.scenario);
    let state = createGame(game, 'x');
    const finite = (v: unknown): boolean =>
      typeof v === 'number'
        ? Number.isFinite(v)
        : v === null || typeof v !== 'object' || Object.values(v).every(finite);
    for (let turn = 0; turn < 6 && !state.over; turn++) {
      const actions = availableActions(game, state);
      const next =
        actions[turn % actions.length] && applyAction(game, state, actions[turn % actions.length] as never);
      if (!next || 'error' in next) break;
      state = next.state;
      expect(finite(state)).toBe(true);
      expect(Number.isFinite(utilityOf(game, 'south', state.table))).toBe(true);
    }
    expect(finite(state)).toBe(true);
  });

  it('every accepted version round-trips through a replay code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (version) => {
        const r = load((s) => {
          s.version = version;
        });
        if ('errors' in r) throw new Error(r.errors.map((e) => e.message).join('\n'));
        const enc = encodeReplayCode(compileGame(r.scenario), 'seed', []);
        if (!enc.ok) throw new Error(enc.message);
        const dec = readReplayCode(enc.code);
        expect(dec.ok && dec.scenario.version).toBe(version);
      }),
      { numRuns: 60 },
    );
    refused(
      load((s) => {
        s.version = Number.MAX_SAFE_INTEGER + 1;
      }),
      /at most/,
    );
  });

  it('varints: every safe integer round-trips; overlong and oversized ones are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const out: number[] = [];
        writeVarint(out, n);
        const r = new ByteReader(Uint8Array.from(out));
        expect(r.varint()).toBe(n);
        expect(r.invalid).toBe(false);
      }),
    );
    const padded = new ByteReader(Uint8Array.from([0x81, 0x00]));
    expect(padded.varint()).toBeNull();
    expect(padded.invalid).toBe(true);
    const big = new ByteReader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    expect(big.varint()).toBeNull();
  });
});

describe('class 8: replay codes, duplicate members, wording', () => {
  const r = load(() => {});
  if ('errors' in r) throw new Error('fixture');
  const game = compileGame(r.scenario);
  const enc = encodeReplayCode(game, 'seed', []);
  const code = enc.ok ? enc.code : '';
  const invisible = fc.constantFrom(
    '\u200b',
    '\u200c',
    '\u200d',
    '\u2060',
    '\ufeff',
    '\u00a0',
    '\u00ad',
    '\u200e',
    '\u200f',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u3000',
    ' ',
    '\n',
    '\r\n',
    '\t',
  );
  it('invisible characters anywhere in a code are ignored', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), invisible), { minLength: 1, maxLength: 6 }), (edits) => {
        let c = code;
        for (const [at, ch] of edits) {
          const i = at % (c.length + 1);
          c = c.slice(0, i) + ch + c.slice(i);
        }
        expect(readReplayCode(c).ok, JSON.stringify(c)).toBe(true);
      }),
    );
  });

  it('a foreign character is named by code point, never printed raw', () => {
    const foreign = fc
      .integer({ min: 0x80, max: 0x10ffff })
      .filter((cp) => (cp < 0xd800 || cp > 0xdfff) && !/[\s\p{Cf}]/u.test(String.fromCodePoint(cp)));
    fc.assert(
      fc.property(foreign, fc.nat(), (cp, at) => {
        const i = 7 + (at % (code.length - 7));
        const bad = readReplayCode(code.slice(0, i) + String.fromCodePoint(cp) + code.slice(i));
        expect(bad.ok).toBe(false);
        if (bad.ok) return;
        expect(bad.message).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
        expect(bad.message).not.toContain(String.fromCodePoint(cp));
      }),
    );
  });

  // Repeated ids in set-like lists and the veto wording: test/hardening-id-lists.test.ts, scenario-cross-check.
});

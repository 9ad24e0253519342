/**
 * Hardening class 2: event names XState keeps for itself. XState swallows every event whose name starts
 * with `xstate.` (`xstate.init`, `xstate.stop`…), so a party would silently hold its position. Generated
 * dotted names replace an event the tutorial's machines handle: every name the validator accepts must play
 * exactly like the original name (XState delivers it), and every name it refuses must be a reserved one,
 * refused at the line and column where it is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioTexts, renameToken, traceOf } from '../scripts/fuzz-ids.ts';
import { parseScenario } from '../src/scenario/index.ts';

const tutorial = loadScenarioTexts().find((s) => s.name === 'scenarios/tutorial.yaml') as {
  name: string;
  text: string;
};
const ORIGINAL = 'statement.public';
const opts = { games: 2, simulate: false, lint: false };
const reference = traceOf(tutorial.text, tutorial.name, 7, opts);

const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const eventName = fc.oneof(
  // Any dotted name; and names in XState's own family, or close to it.
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/), fc.array(segment, { minLength: 1, maxLength: 3 })),
  fc.tuple(
    fc.constantFrom('xstate', 'xstatex', 'xstate-', 'xstat'),
    fc.array(segment, { minLength: 1, maxLength: 3 }),
  ),
  fc.tuple(
    fc.constant('xstate'),
    fc.constantFrom(
      ['init'],
      ['stop'],
      ['done', 'actor', 'x'],
      ['error', 'actor', 'x'],
      ['after', '1', 'x'],
      ['snapshot', 'x'],
    ),
  ),
);

describe('event names', () => {
  it('a name the validator accepts is delivered; a reserved one is refused where it is written', () => {
    fc.assert(
      fc.property(eventName, ([head, rest]) => {
        const name = [head, ...rest].join('.');
        if (/(?<![A-Za-z0-9_-])statement\.public(?![A-Za-z0-9_-])/.test(name) || tutorial.text.includes(name))
          return;
        const text = renameToken(tutorial.text, ORIGINAL, name);
        const parsed = parseScenario(text, 'renamed.yaml');
        if ('errors' in parsed) {
          expect(name.startsWith('xstate.'), `${name} refused: ${parsed.errors[0]?.message}`).toBe(true);
          const lines = text.split('\n');
          for (const d of parsed.errors) {
            expect(d.message).toMatch(/reserved/);
            expect(lines[d.line - 1]?.includes(name), `${d.line}:${d.col}`).toBe(true);
          }
          return;
        }
        expect(name.startsWith('xstate.')).toBe(false);
        const trace = traceOf(text, 'renamed.yaml', 7, opts);
        expect(trace.games).toEqual(reference.games.map((g) => renameToken(g, ORIGINAL, name)));
      }),
      { numRuns: 120, seed: 2 },
    );
    // Each run validates (and plays) a whole scenario: a minute is the budget, on a busy two-core machine.
  }, 60_000);
});

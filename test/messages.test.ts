/**
 * The message catalogue and the pseudo-locale, at the level of the log: every sentence of every turn of
 * random games reads from the catalogue and the scenario's words, so in `en-XA` no plain English is left;
 * the rules hash does not move with the words; English plurals come from the catalogue's selectors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Action, applyAction, availableActions, compileGame, createGame } from '../src/engine/index.ts';
import { isPseudo, messagesFor, pseudo, scenarioIn } from '../src/view/i18n/messages.ts';
import { describeLog } from '../src/view/log-lines.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

const XA = messagesFor('en-XA');
const EN = messagesFor('en');

describe('the pseudo-locale', () => {
  it('accents, brackets and lengthens text by about 30 %, and leaves numbers alone', () => {
    const text = 'The cooperative signs the package on the table.';
    const p = pseudo(text);
    expect(isPseudo(p)).toBe(true);
    expect(isPseudo(text)).toBe(false);
    expect(p.length / text.length).toBeGreaterThan(1.25);
    expect(pseudo('2799')).toBe('2799');
  });

  it.each(SCENARIO_IDS)('writes every log line of random %s games without plain English', (id) => {
    const english = loadGame(id);
    const game = compileGame(scenarioIn(english.scenario, 'en-XA'));
    expect(game.scenarioHash).toBe(english.scenarioHash);
    expect(game.textHash).not.toBe(english.textHash);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (seed, picks) => {
          let state = createGame(game, seed, { seats: [...game.seatIds] });
          for (let turn = 0; ; turn++) {
            for (const seat of game.seatIds)
              for (const line of describeLog(game, state, seat, XA))
                if (!isPseudo(line.text)) throw new Error(`turn ${turn}, ${line.code}: "${line.text}"`);
            if (state.over) break;
            const menu = availableActions(game, state);
            const r = applyAction(game, state, menu[(picks[turn] ?? 0) % menu.length] as Action);
            if ('error' in r) throw new Error(r.error.message);
            state = r.state;
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('the English catalogue', () => {
  it('says one abstention and several abstentions, and names a veto only when there is one', () => {
    const args = { yes: 9, no: 0, vetoed: 'none', adopted: 'yes' };
    expect(EN.t('log-vote', { ...args, abstain: 1 })).toBe('The vote: 9 yes, 0 no, 1 abstention — adopted.');
    expect(EN.t('log-vote', { ...args, abstain: 4 })).toBe('The vote: 9 yes, 0 no, 4 abstentions — adopted.');
    expect(EN.t('log-vote', { ...args, abstain: 0, vetoed: 'China', adopted: 'no' })).toBe(
      'The vote: 9 yes, 0 no, 0 abstentions; vetoed by China — not adopted.',
    );
  });

  it('names a missing message instead of throwing', () => {
    expect(EN.t('no-such-message')).toBe('{no-such-message}');
  });
});

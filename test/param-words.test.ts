/**
 * One place turns a move's parameters into words (`paramWords` in src/view/labels.ts): the move button, the
 * log and the package lines say a chosen term alike. Before, the button said "Bases: Lease" while the log
 * said "Bases, Lease", from two copies of the same lookup.
 */
import { describe, expect, it } from 'vitest';
import { applyAction, availableActions, createGame } from '../src/engine/index.ts';
import { actionLabel, paramWords, termWords } from '../src/view/labels.ts';
import { describeEntry } from '../src/view/log-lines.ts';
import { loadGame, SCENARIO_IDS } from './helpers/scenarios.ts';

describe('parameter words', () => {
  for (const id of SCENARIO_IDS) {
    it(`say every first move of ${id} alike on its button and in the log`, () => {
      const game = loadGame(id);
      const start = createGame(game, 'words');
      for (const action of availableActions(game, start)) {
        const label = actionLabel(game, action);
        const result = applyAction(game, start, action);
        if ('error' in result) throw new Error(result.error.code);
        const entry = result.state.log.find((e) => e.kind === 'move');
        if (!entry) throw new Error(`no move entry for ${action.move}`);
        // Read by someone who did not make the move: "Name: Move (params)".
        const line = describeEntry(game, entry, '(someone else)').text;
        expect(line).toContain(label.move);
        if (label.detail) expect(line).toContain(label.detail);
      }
    });
  }

  it('name a term by its issue and option, and a party by its name', () => {
    const game = loadGame('tutorial');
    const propose = availableActions(game, createGame(game, 's')).find((a) => a.params.issue !== undefined);
    if (!propose) throw new Error('the tutorial has a proposal');
    const { issue = '', option = '' } = propose.params;
    const words = paramWords(game, propose.move, propose.params);
    const issueDef = game.scenario.issues[issue];
    expect(words.find((w) => w.key === 'option')).toEqual({
      key: 'option',
      name: issueDef?.label,
      word: issueDef?.options[option],
    });
    expect(actionLabel(game, propose).detail).toBe(termWords(game, issue, option));
  });
});

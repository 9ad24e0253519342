/**
 * Issue 17, class 8: a save's generation counter near (or at) the top of the safe-integer range, in any
 * slot, must never make a later save fail or a reload lose a move: the counter renumbers instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSaveStore } from '../src/session/save.ts';
import { ACTIONS, game, HASHES, KEYS, resumed, savedGame } from './helpers/saves.ts';

const SLOT_KEYS = [KEYS.main, KEYS.backup, KEYS.temp] as const;

describe('save generations near the safe-integer limit', () => {
  it('every later save succeeds and every reload resumes the newest move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...SLOT_KEYS),
        fc.integer({ min: 1, max: Math.min(3, ACTIONS.length) }),
        (below, slot, start) => {
          const { storage, text } = savedGame(start);
          storage.map.delete(KEYS.main);
          const record = JSON.parse(text) as Record<string, unknown>;
          record.generation = Number.MAX_SAFE_INTEGER - below;
          storage.map.set(slot, JSON.stringify(record));
          expect(resumed(createSaveStore(storage).load(game)).actions).toHaveLength(start);
          for (let turn = start + 1; turn <= Math.min(start + 6, ACTIONS.length); turn++) {
            // A fresh store each time, as a page reload between moves would be.
            const store = createSaveStore(storage);
            store.load(game);
            const status = store.save(game, {
              seed: 'save-test',
              actions: ACTIONS.slice(0, turn),
              hash: HASHES[turn] as string,
              answers: {},
            });
            expect(status).toBe('saved');
            const back = resumed(createSaveStore(storage).load(game));
            expect(back.actions).toHaveLength(turn);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * Browser saves: the action log is the save. A reload must resume at the same turn with the same state
 * hash, and a damaged, edited or foreign save must be refused whole, with a message that says why.
 * Full or missing storage, and pages killed in the middle of a write: session-save-crash.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type ActionInput as Action, playGame, stateHash } from '../src/engine/index.ts';
import { createSaveStore, FILE_SAVE_PREFIX } from '../src/session/save.ts';
import { SAVE_LIMITS } from '../src/session/save-record.ts';
import { createSession } from '../src/session/session.ts';
import { type KeyValueStorage, memoryStorage } from '../src/session/storage.ts';
import {
  ACTIONS,
  corrupt,
  editSave,
  game,
  HASHES,
  KEYS,
  loadText,
  resumed,
  savedGame,
} from './helpers/saves.ts';
import { loadGame } from './helpers/scenarios.ts';

describe('saving and resuming', () => {
  it('resumes after every move at the same turn with the same per-turn hashes and answers', () => {
    const storage = memoryStorage();
    const store = createSaveStore(storage);
    for (let turn = 0; turn <= ACTIONS.length; turn++) {
      const answers: Record<string, string> =
        turn === ACTIONS.length ? { '0': 'We conceded too early.', '1': 'ربما' } : {};
      const status = store.save(game, {
        seed: 'save-test',
        actions: ACTIONS.slice(0, turn),
        hash: HASHES[turn] as string,
        answers,
      });
      expect(status).toBe('saved');
      const reloaded = resumed(createSaveStore(memoryStorage(storage.map)).load(game));
      expect(reloaded).toMatchObject({ from: 'main', seed: 'save-test', answers, note: null });
      expect(reloaded.actions).toEqual(ACTIONS.slice(0, turn));
      expect(reloaded.states.map(stateHash)).toEqual(HASHES.slice(0, turn + 1));
      const session = createSession(game, reloaded.seed);
      for (const action of reloaded.actions) expect(session.dispatch(action)).toBe(true);
      expect(session.hashes()).toEqual(HASHES.slice(0, turn + 1));
    }
    expect(storage.map.has(KEYS.temp)).toBe(false);
  });

  it('keeps the previous save as the backup, and resumes from it when the main copy is damaged', () => {
    const { storage } = savedGame(3);
    const store = createSaveStore(storage);
    expect(store.save(game, { seed: 'save-test', actions: ACTIONS.slice(0, 4) })).toBe('saved');
    expect(JSON.parse(storage.map.get(KEYS.backup) as string).actions).toEqual(ACTIONS.slice(0, 3));
    storage.map.set(KEYS.main, (storage.map.get(KEYS.main) as string).slice(0, 100));
    const r = resumed(createSaveStore(storage).load(game));
    expect(r.from).toBe('backup');
    expect(r.actions).toEqual(ACTIONS.slice(0, 3));
    expect(r.note).toMatch(/^Your latest save could not be read \(the save is not valid JSON/);
  });

  it('keeps saves of different scenarios apart, and clears only the one asked', () => {
    const { storage } = savedGame(2);
    const other = loadGame('beijing-terms');
    const store = createSaveStore(storage);
    const run = playGame(other, 'other', 'first');
    expect(store.save(other, { seed: 'other', actions: run.actions.slice(0, 2) })).toBe('saved');
    expect(store.clear('tutorial')).toBe('saved');
    expect(store.load(game)).toEqual({ status: 'none' });
    expect(resumed(store.load(other)).actions).toEqual(run.actions.slice(0, 2));
  });

  it("keeps a scenario file's save apart from the built-in scenario with the same id", () => {
    const { storage } = savedGame(2);
    const files = createSaveStore(storage, FILE_SAVE_PREFIX);
    expect(files.load(game)).toEqual({ status: 'none' });
    expect(files.save(game, { seed: 'file', actions: ACTIONS.slice(0, 1) })).toBe('saved');
    expect(storage.map.has(`${FILE_SAVE_PREFIX}tutorial`)).toBe(true);
    expect(files.clear('tutorial')).toBe('saved');
    expect(resumed(createSaveStore(storage).load(game)).actions).toEqual(ACTIONS.slice(0, 2));
  });

  it('refuses to write a game whose moves do not replay', () => {
    const storage = memoryStorage();
    const bad: Action[] = [{ move: 'no-such-move', params: {} }];
    expect(createSaveStore(storage).save(game, { seed: 'x', actions: bad })).toBe('failed');
    expect(storage.map.size).toBe(0);
  });
});

describe('refusing bad saves with a clear message', () => {
  const refusals: [string, string, RegExp][] = [
    [
      'corrupt JSON',
      '{"format": "envoy-save", oops',
      /^The save is not valid JSON; it may have been cut off/,
    ],
    ['an empty text', '', /not valid JSON/],
    ['not an object', '[1, 2, 3]', /^The stored text is not an Envoy save\.$/],
    [
      'another format',
      editSave((r) => {
        r.format = 'envoy-replay';
      }),
      /not an Envoy save/,
    ],
    [
      'another version',
      editSave((r) => {
        r.version = 3;
      }),
      /^The save is format version 3, and this version of Envoy \(\d+\.\d+\.\d+\) reads versions 1 and 2\.$/,
    ],
    [
      'a string version',
      editSave((r) => {
        r.version = '1';
      }),
      /format version "1"/,
    ],
    [
      'a numeric seed',
      editSave((r) => {
        r.seed = 42;
      }),
      /"seed" must be a text/,
    ],
    [
      'actions as an object',
      editSave((r) => {
        r.actions = {};
      }),
      /"actions" must be a list/,
    ],
    [
      'an action as text',
      editSave((r) => {
        r.actions = ['gesture'];
      }),
      /move 1 must be \{ "seat": text, "move": text/,
    ],
    [
      'a numeric param',
      editSave((r) => {
        r.actions = [{ move: 'gesture', params: { x: 1 } }];
      }),
      /move 1 must be/,
    ],
    [
      'a numeric hash',
      editSave((r) => {
        r.hash = 123;
      }),
      /"hash" must be a SHA-256/,
    ],
    [
      'answers as a list',
      editSave((r) => {
        r.answers = ['a'];
      }),
      /"answers" must be an object/,
    ],
    [
      'a numeric answer',
      editSave((r) => {
        r.answers = { '0': 5 };
      }),
      /saved answer to "0" must be a text/,
    ],
    [
      'a string generation',
      editSave((r) => {
        r.generation = '3';
      }),
      /"generation" must be a whole number/,
    ],
    [
      'scenario as text',
      editSave((r) => {
        r.scenario = 'tutorial';
      }),
      /"scenario" must be \{ id, version, hash, text \}/,
    ],
    [
      'another scenario id',
      editSave((r) => {
        r.scenario = { ...(r.scenario as object), id: 'bab-al-hawa' };
      }),
      /^The save is of scenario "bab-al-hawa", not "tutorial"\.$/,
    ],
    [
      'another scenario hash',
      editSave((r) => {
        r.scenario = { ...(r.scenario as object), hash: 'a'.repeat(64) };
      }),
      /made with other rules of this scenario \(v1, aaaaaaaaaaaa…; this is v1, [0-9a-f]{12}…\)/,
    ],
    [
      'reordered moves',
      editSave((r) => {
        r.actions = [...(r.actions as unknown[])].reverse();
      }),
      /^The save's (move \d+ is not allowed|moves do not lead to the state it recorded)/,
    ],
    [
      'an edited final hash',
      editSave((r) => {
        r.hash = 'b'.repeat(64);
      }),
      /moves do not lead to the state it recorded, so it was changed or damaged/,
    ],
    [
      'a move with a __proto__ param',
      editSave((r) => {
        r.actions = [JSON.parse('{"seat":"amber","move":"gesture","params":{"__proto__":"x"}}')];
      }),
      /move 1 is not allowed/,
    ],
  ];

  it.each(refusals)('refuses %s', (_name, text, message) => {
    const r = corrupt(loadText(text));
    expect(r.which).toBe('main');
    expect(r.message).toMatch(message);
  });

  it('refuses every truncation of a save, and never resumes part of it', () => {
    const { text } = savedGame();
    for (let n = 0; n < text.length; n++) {
      const r = loadText(text.slice(0, n));
      expect(r.status, `cut at ${n}`).toBe('corrupt');
    }
  });

  it('refuses an oversized save before parsing it', () => {
    const huge = `{"format":"envoy-save","pad":"${'x'.repeat(SAVE_LIMITS.characters)}"}`;
    expect(corrupt(loadText(huge)).message).toMatch(
      /^The save is too large \(\d+ characters; the limit is 2097152\)\.$/,
    );
  });

  it('ignores __proto__ and constructor keys: same game, same answers, no prototype touched', () => {
    const { text } = savedGame(ACTIONS.length, { '0': 'fine' });
    const hostile = text
      .replace(
        /^\{/,
        '{"__proto__":{"polluted":"yes","seed":"evil"},"constructor":{"prototype":{"polluted":"yes"}},',
      )
      .replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes"},"constructor":"x","prototype":"y",');
    expect(hostile).not.toBe(text);
    const r = resumed(loadText(hostile));
    expect(r.seed).toBe('save-test');
    expect(r.answers).toEqual({ '0': 'fine' });
    expect(Object.getPrototypeOf(r.answers)).toBe(Object.prototype);
    expect(r.states.map(stateHash)).toEqual(HASHES);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says so when nothing can be read at all, and reports no save when there is none', () => {
    expect(createSaveStore(memoryStorage()).load(game)).toEqual({ status: 'none' });
    const locked: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const store = createSaveStore(locked);
    expect(store.load(game)).toMatchObject({ status: 'unavailable' });
    expect(store.save(game, { seed: 's', actions: [] })).toBe('unavailable');
  });
});

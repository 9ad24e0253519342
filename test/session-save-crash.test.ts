/**
 * Saves under hostile conditions: a full storage, no storage at all, a storage that hands back something
 * else, and a page killed after any number of writes (cleanly or half-way through one). Play must never
 * break, and a reload must resume the newest save whose temporary copy was completely written.
 */
import { describe, expect, it, vi } from 'vitest';
import { type GameState, replay, stateHash } from '../src/engine/index.ts';
import { createSaveStore, type SaveStatus } from '../src/session/save.ts';
import {
  browserStorage,
  type KeyValueStorage,
  memoryStorage,
  storageFailure,
} from '../src/session/storage.ts';
import { ACTIONS, game, HASHES, KEYS, resumed, savedGame } from './helpers/saves.ts';

describe('storage that is full or missing never breaks play', () => {
  it('reports a full storage as quota, without throwing or touching the existing save', () => {
    const { storage } = savedGame(2);
    const before = new Map(storage.map);
    const full: KeyValueStorage = {
      getItem: (k) => storage.getItem(k),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: (k) => storage.removeItem(k),
    };
    const store = createSaveStore(full);
    expect(store.save(game, { seed: 'save-test', actions: ACTIONS.slice(0, 3) })).toBe('quota');
    expect(storage.map.get(KEYS.main)).toBe(before.get(KEYS.main));
    expect(resumed(store.load(game)).actions).toEqual(ACTIONS.slice(0, 2));
  });

  it('drops the old backup to make room when that is enough', () => {
    const { storage } = savedGame(1);
    createSaveStore(storage).save(game, { seed: 'save-test', actions: ACTIONS.slice(0, 2) });
    const limit = [...storage.map.values()].reduce((n, v) => n + v.length, 0) + 200;
    const tight: KeyValueStorage = {
      getItem: (k) => storage.getItem(k),
      setItem: (k, v) => {
        const used = [...storage.map].reduce((n, [key, text]) => n + (key === k ? 0 : text.length), 0);
        if (used + v.length > limit) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
      removeItem: (k) => storage.removeItem(k),
    };
    expect(createSaveStore(tight).save(game, { seed: 'save-test', actions: ACTIONS.slice(0, 3) })).toBe(
      'saved',
    );
    expect(resumed(createSaveStore(storage).load(game)).actions).toEqual(ACTIONS.slice(0, 3));
  });

  it('plays on without storage: every call is a harmless no-op', () => {
    const store = createSaveStore(null);
    expect(store.save(game, { seed: 's', actions: [] })).toBe('unavailable');
    expect(store.load(game)).toMatchObject({ status: 'unavailable' });
    expect(store.clear('tutorial')).toBe('unavailable');
  });

  it('fails quietly when the storage gives back something else than was written', () => {
    const { storage } = savedGame(2);
    const main = storage.map.get(KEYS.main);
    const lossy: KeyValueStorage = {
      getItem: (k) => storage.getItem(k),
      setItem: (k, v) => storage.setItem(k, k === KEYS.temp ? v.slice(0, -1) : v),
      removeItem: (k) => storage.removeItem(k),
    };
    expect(createSaveStore(lossy).save(game, { seed: 'save-test', actions: ACTIONS.slice(0, 3) })).toBe(
      'failed',
    );
    expect(storage.map.get(KEYS.main)).toBe(main);
    expect(storage.map.has(KEYS.temp)).toBe(false);
  });

  it('gets no storage when the browser refuses it, and classifies storage errors', () => {
    expect(browserStorage()).toBeNull();
    try {
      vi.stubGlobal('window', {
        get localStorage() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      expect(browserStorage()).toBeNull();
      const fake = memoryStorage();
      vi.stubGlobal('window', { localStorage: fake });
      expect(browserStorage()).toBe(fake);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(storageFailure(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(storageFailure({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe('quota');
    expect(storageFailure(new DOMException('x', 'SecurityError'))).toBe('unavailable');
    expect(storageFailure(new Error('disk on fire'))).toBe('failed');
  });
});

/**
 * A storage on which the page dies after `budget` writes: the next write is lost (or, `torn`, half
 * written) and every later call throws, as nothing runs after a killed page.
 */
function dyingStorage(map: Map<string, string>, budget: number, torn: boolean) {
  let writes = 0;
  let dead = false;
  const alive = () => {
    if (dead) throw new Error('the page is gone');
  };
  const write = (apply: () => void, tear: () => void) => {
    alive();
    if (writes >= budget) {
      dead = true;
      if (torn) tear();
      throw new Error('killed');
    }
    writes++;
    apply();
  };
  const storage: KeyValueStorage = {
    getItem: (k) => {
      alive();
      return map.get(k) ?? null;
    },
    setItem: (k, v) =>
      write(
        () => map.set(k, v),
        () => map.set(k, v.slice(0, Math.floor(v.length / 2))),
      ),
    removeItem: (k) =>
      write(
        () => map.delete(k),
        () => undefined,
      ),
  };
  return { storage, writes: () => writes, dead: () => dead };
}

describe('a page killed in the middle of a save', () => {
  const hashAfter = (n: number) => {
    const run = replay(game, 'save-test', ACTIONS.slice(0, n));
    if ('error' in run) throw new Error(run.error.message);
    return stateHash(run.states[n] as GameState);
  };

  it('resumes the new save from its temporary copy when the page dies right after writing it', () => {
    const { storage } = savedGame(3);
    const dying = dyingStorage(storage.map, 1, false);
    const status = createSaveStore(dying.storage).save(game, {
      seed: 'save-test',
      actions: ACTIONS.slice(0, 4),
    });
    expect(status).toBe('failed');
    expect(storage.map.has(KEYS.temp)).toBe(true);
    const r = resumed(createSaveStore(memoryStorage(storage.map)).load(game));
    expect(r).toMatchObject({ from: 'temp', note: null });
    expect(r.states.map(stateHash)).toEqual(HASHES.slice(0, 5));
  });

  it.each([false, true])('resumes the newest good save, whichever write was the last (torn: %s)', (torn) => {
    const failures: string[] = [];
    let trials = 0;
    for (let budget = 0; ; budget++) {
      const map = new Map<string, string>();
      const dying = dyingStorage(map, budget, torn);
      const store = createSaveStore(dying.storage);
      let lastSaved = -1;
      let expected = -1;
      for (let turn = 0; turn <= ACTIONS.length && !dying.dead(); turn++) {
        const before = dying.writes();
        const status: SaveStatus = store.save(game, {
          seed: 'save-test',
          actions: ACTIONS.slice(0, turn),
          hash: HASHES[turn] as string,
        });
        if (status === 'saved') lastSaved = turn;
        // Once the temporary copy is complete (the first write of a save), that save is the newest good one.
        expected = dying.dead() && dying.writes() === before ? lastSaved : turn;
      }
      trials++;
      const reloaded = createSaveStore(memoryStorage(map)).load(game);
      const got = reloaded.status === 'resumed' ? reloaded.actions.length : -1;
      if (got !== expected) failures.push(`budget ${budget}: resumed ${got}, expected ${expected}`);
      if (reloaded.status === 'resumed' && stateHash(reloaded.states[got] as GameState) !== hashAfter(got)) {
        failures.push(`budget ${budget}: wrong state hash`);
      }
      // Play goes on after the reload: the next save outranks anything the dead page left behind.
      if (expected >= 0 && expected < ACTIONS.length) {
        const after = memoryStorage(map);
        const next = createSaveStore(after);
        next.load(game);
        next.save(game, { seed: 'save-test', actions: ACTIONS.slice(0, expected + 1) });
        const again = createSaveStore(memoryStorage(after.map)).load(game);
        if (again.status !== 'resumed' || again.actions.length !== expected + 1) {
          failures.push(`budget ${budget}: the save after the reload was not resumed`);
        }
      }
      if (!dying.dead()) break;
    }
    expect(failures).toEqual([]);
    expect(trials).toBeGreaterThan(3 * ACTIONS.length);
  });
});

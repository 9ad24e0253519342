/**
 * Autosaves in browser storage. The action log is the save; state is replayed from it. Each scenario has
 * three slots, `envoy:save:<id>` (main), `.bak` (the previous save) and `.tmp` (a save being written):
 *
 *   write: tmp ← new; read tmp back and check it; bak ← main (if main reads as a save); main ← new;
 *          remove tmp.
 *   load:  read all three, verify each fully (shape, scenario, replay, final hash), resume the verified
 *          one with the highest generation (ties: main, then bak, then tmp).
 *
 * localStorage writes one key at a time, whole; so wherever the page dies, some slot holds the newest
 * save whose tmp write finished, or the one before, and a half-written value never verifies. Saving
 * never throws: the caller gets a status to show as a quiet notice, and play goes on.
 */
import { type Action, type Game, type GameState, seatedActions } from '../engine/index.ts';
import { buildSaveRecord, parseSave, SAVE_LIMITS, type SaveInput, verifySave } from './save-record.ts';
import { type KeyValueStorage, storageFailure } from './storage.ts';

export type { SaveInput } from './save-record.ts';

/** What a write achieved, for a quiet notice: saved, no storage at all, storage full, or another failure. */
export type SaveStatus = 'saved' | 'unavailable' | 'quota' | 'failed';

/** Which copy a save was read from; the UI may mention a recovery from the backup. */
export type SaveSlot = 'main' | 'backup' | 'temp';

/**
 * What loading found: nothing, a game to resume, or a save that cannot be used. For `corrupt`, the UI
 * says "Your saved game could not be read", shows `message` (a sentence) and offers to start over.
 */
export type LoadResult =
  | { status: 'none' }
  | { status: 'unavailable'; message: string }
  | {
      status: 'resumed';
      from: SaveSlot;
      seed: string;
      /** The seats people hold in the saved game. */
      seats: string[];
      actions: Action[];
      answers: Record<string, string>;
      /** Every state, initial first, already replayed while verifying. */
      states: GameState[];
      /** Set when a newer copy was unreadable and an older one was used, e.g. to tell the player. */
      note: string | null;
    }
  | { status: 'corrupt'; which: SaveSlot; message: string };

/** Saves per scenario; one store per page, over one storage. */
export interface SaveStore {
  /** Finds the newest good save of this game's scenario; never throws. */
  load(game: Game): LoadResult;
  /** Writes the game as the scenario's save, keeping the previous one as backup; never throws. */
  save(game: Game, input: SaveInput): SaveStatus;
  /** Removes every slot of a scenario's save ("start over"); never throws. */
  clear(scenarioId: string): SaveStatus;
}

/** Where a built-in scenario's save is kept; files an instructor opens keep theirs apart (FILE_SAVE_PREFIX). */
export const SAVE_PREFIX = 'envoy:save:';
/** The prefix of a save of a scenario file opened in the page, so it never mixes with a built-in's save. */
export const FILE_SAVE_PREFIX = 'envoy:file-save:';

/** The storage keys of a scenario's save: stable, so a later build finds an earlier build's saves. */
export function saveKeys(scenarioId: string, prefix = SAVE_PREFIX): Record<SaveSlot, string> {
  const main = `${prefix}${scenarioId}`;
  return { main, backup: `${main}.bak`, temp: `${main}.tmp` };
}

const SLOTS: readonly SaveSlot[] = ['main', 'backup', 'temp'];

/** A reason clause as a sentence, for a UI that shows it under "Your saved game could not be read". */
function problemSentence(why: string): string {
  return `${why.charAt(0).toUpperCase()}${why.slice(1)}.`;
}

type Read = { text: string | null } | { thrown: unknown };

function readSlot(storage: KeyValueStorage, key: string): Read {
  try {
    const text = storage.getItem(key);
    return { text: typeof text === 'string' ? text : null };
  } catch (thrown) {
    return { thrown };
  }
}

/** Generations stay below this, so `generation + 1` is always exact; the counter renumbers past it. */
export const MAX_GENERATION = Number.MAX_SAFE_INTEGER - 1;

/** A stored save text with another generation (the generation is not part of the verified hash). */
function restamp(text: string, generation: number): string {
  return JSON.stringify({ ...(JSON.parse(text) as object), generation });
}

/** The generation a stored text claims, without verifying it (used only to keep generations growing). */
function claimedGeneration(text: string | null): number {
  if (text === null || text.length > SAVE_LIMITS.characters) return 0;
  try {
    const g = (JSON.parse(text) as { generation?: unknown } | null)?.generation;
    return Number.isSafeInteger(g) && (g as number) > 0 ? (g as number) : 0;
  } catch {
    return 0;
  }
}

/**
 * A save store over a storage; null (no storage in this browser) makes every call a harmless no-op. `prefix`
 * names its keys (SAVE_PREFIX for the built-in scenarios).
 */
export function createSaveStore(storage: KeyValueStorage | null, prefix = SAVE_PREFIX): SaveStore {
  const keysOf = (id: string) => saveKeys(id, prefix);
  /** Highest generation seen or written per scenario, so every write outranks everything stored. */
  const generations = new Map<string, number>();

  const highestStored = (id: string): number => {
    if (!storage) return 0;
    const keys = keysOf(id);
    return Math.max(
      0,
      ...SLOTS.map((slot) => {
        const r = readSlot(storage, keys[slot]);
        return 'text' in r ? claimedGeneration(r.text) : 0;
      }),
    );
  };

  const write = (key: string, text: string): SaveStatus => {
    try {
      storage?.setItem(key, text);
      return 'saved';
    } catch (e) {
      return storageFailure(e);
    }
  };
  const remove = (key: string): SaveStatus => {
    try {
      storage?.removeItem(key);
      return 'saved';
    } catch (e) {
      return storageFailure(e);
    }
  };

  return {
    load(game) {
      if (!storage) return { status: 'unavailable', message: 'This browser does not allow saving games.' };
      const keys = keysOf(game.scenario.id);
      let best: Extract<LoadResult, { status: 'resumed' }> | null = null;
      let bestGeneration = -1;
      let firstProblem: { which: SaveSlot; why: string } | null = null;
      let unreadable = 0;
      let highest = generations.get(game.scenario.id) ?? 0;
      for (const slot of SLOTS) {
        const read = readSlot(storage, keys[slot]);
        if ('thrown' in read) {
          unreadable++;
          firstProblem ??= { which: slot, why: 'the browser refused to read it' };
          continue;
        }
        if (read.text === null) continue;
        highest = Math.max(highest, claimedGeneration(read.text));
        const parsed = parseSave(read.text);
        const verified = 'record' in parsed ? verifySave(game, parsed.record) : parsed;
        if (!('record' in parsed) || !('states' in verified)) {
          firstProblem ??= {
            which: slot,
            why: 'error' in verified ? verified.error : 'it could not be checked',
          };
          continue;
        }
        const { record } = parsed;
        if (record.generation > bestGeneration) {
          bestGeneration = record.generation;
          best = {
            status: 'resumed',
            from: slot,
            seed: record.seed,
            seats: [...(verified.states[0]?.seats ?? [])],
            actions: seatedActions(record.actions, verified.states),
            answers: record.answers,
            states: verified.states,
            note: null,
          };
        }
      }
      generations.set(game.scenario.id, highest);
      if (best) {
        if (firstProblem?.which === 'main' && best.from === 'backup') {
          best.note = `Your latest save could not be read (${firstProblem.why}); the game resumes from the save before it.`;
        }
        return best;
      }
      if (unreadable === SLOTS.length) {
        return { status: 'unavailable', message: 'The browser refused to read saved games.' };
      }
      if (!firstProblem) return { status: 'none' };
      return { status: 'corrupt', which: firstProblem.which, message: problemSentence(firstProblem.why) };
    },

    save(game, input) {
      if (!storage) return 'unavailable';
      const id = game.scenario.id;
      const keys = keysOf(id);
      // Stored slots are read too: another tab of the same scenario may have saved since.
      const reached = Math.max(generations.get(id) ?? 0, highestStored(id));
      // A counter at the top of the safe range cannot grow: renumber (backup 1, this save 2) rather than fail.
      const renumber = reached >= MAX_GENERATION;
      const generation = renumber ? 2 : reached + 1;
      // Claimed before writing: even a failed attempt may have left a tmp with this generation.
      generations.set(id, generation);
      let text: string;
      try {
        const built = buildSaveRecord(game, input, generation);
        if ('error' in built) return 'failed';
        text = JSON.stringify(built.record);
      } catch {
        return 'failed';
      }
      if (text.length > SAVE_LIMITS.characters) return 'failed';

      let status = write(keys.temp, text);
      if (status === 'quota') {
        // Room for the new copy matters more than the old backup.
        remove(keys.backup);
        status = write(keys.temp, text);
      }
      if (status !== 'saved') return status;
      const back = readSlot(storage, keys.temp);
      if (!('text' in back) || back.text !== text || 'error' in parseSave(back.text)) {
        remove(keys.temp);
        return 'failed';
      }
      const current = readSlot(storage, keys.main);
      if ('text' in current && current.text !== null && 'record' in parseSave(current.text)) {
        // A failed backup must not stop the save itself: main is still the previous good copy.
        write(keys.backup, renumber ? restamp(current.text, 1) : current.text);
      } else if (renumber) {
        // An old backup with a huge generation would outrank the renumbered save.
        remove(keys.backup);
      }
      status = write(keys.main, text);
      if (status !== 'saved') return status;
      remove(keys.temp);
      return 'saved';
    },

    clear(scenarioId) {
      if (!storage) return 'unavailable';
      const keys = keysOf(scenarioId);
      const results = SLOTS.map((slot) => remove(keys[slot]));
      generations.delete(scenarioId);
      return results.find((r) => r !== 'saved') ?? 'saved';
    },
  };
}

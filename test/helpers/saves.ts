/** A played tutorial game and save-store helpers shared by the save tests. */
import { expect } from 'vitest';
import { playGame, stateHash } from '../../src/engine/index.ts';
import { createSaveStore, type LoadResult, saveKeys } from '../../src/session/save.ts';
import { memoryStorage } from '../../src/session/storage.ts';
import { loadGame } from './scenarios.ts';

/** One random tutorial game: its actions and per-turn hashes are what every save test saves and expects. */
export const game = loadGame('tutorial');
export const played = playGame(game, 'save-test', 'random');
export const ACTIONS = played.actions;
export const HASHES = played.states.map(stateHash);
export const KEYS = saveKeys('tutorial');

/** The result shapes a test narrows to, failing with what it got instead. */
export type Resumed = Extract<LoadResult, { status: 'resumed' }>;
export type Corrupt = Extract<LoadResult, { status: 'corrupt' }>;

/** Narrows a load result to a resumed save, or fails the test showing what loading found. */
export function resumed(result: LoadResult): Resumed {
  if (result.status !== 'resumed') throw new Error(`expected a resumed save, got ${JSON.stringify(result)}`);
  return result;
}

/** Narrows a load result to a refused save, or fails the test. */
export function corrupt(result: LoadResult): Corrupt {
  if (result.status !== 'corrupt') throw new Error(`expected a corrupt save, got ${result.status}`);
  return result;
}

/** A storage holding one good save of the first `turns` actions; returns it and the stored text. */
export function savedGame(turns = ACTIONS.length, answers: Record<string, string> = {}) {
  const storage = memoryStorage();
  const status = createSaveStore(storage).save(game, {
    seed: 'save-test',
    actions: ACTIONS.slice(0, turns),
    answers,
  });
  expect(status).toBe('saved');
  return { storage, text: storage.map.get(KEYS.main) as string };
}

/** Loads `text` as the only (main) save, through a fresh store, as a page reload would. */
export const loadText = (text: string): LoadResult =>
  createSaveStore(memoryStorage([[KEYS.main, text]])).load(game);

/** A good save's text after editing its parsed record: for refusal tests. */
export const editSave = (edit: (record: Record<string, unknown>) => void): string => {
  const record = JSON.parse(savedGame().text) as Record<string, unknown>;
  edit(record);
  return JSON.stringify(record);
};

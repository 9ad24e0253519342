/** Loads built-in scenarios for tests through the real loader, failing loudly on any diagnostic. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ActionInput,
  applyAction,
  compileGame,
  type Game,
  type GameState,
} from '../../src/engine/index.ts';
import { formatDiagnostic, parseScenario } from '../../src/scenario/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = new Map<string, Game>();

/** The compiled built-in scenario `scenarios/<id>.yaml`. */
export function loadGame(id: string): Game {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = `scenarios/${id}.yaml`;
  const result = parseScenario(readFileSync(root + file, 'utf8'), file);
  if ('errors' in result) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  const game = compileGame(result.scenario);
  cache.set(id, game);
  return game;
}

/** Every built-in scenario (`scenarios/*.yaml`): engine, balance and golden tests run over all of them. */
export const SCENARIO_IDS = readdirSync(`${root}scenarios`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

/** Applies actions that must all be legal, failing with the move's name and the engine's message. */
export function playActions(game: Game, state: GameState, actions: readonly ActionInput[]): GameState {
  let s = state;
  for (const a of actions) {
    const r = applyAction(game, s, a);
    if ('error' in r) throw new Error(`${a.move}: ${r.error.message}`);
    s = r.state;
  }
  return s;
}

/** The last of a game's states (a game always has at least its initial one). */
export function lastState(states: readonly GameState[]): GameState {
  const last = states[states.length - 1];
  if (!last) throw new Error('a game has at least its initial state');
  return last;
}

/** Loads built-in scenarios for tests through the real loader, failing loudly on any diagnostic. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileGame, type Game } from '../../src/engine/index.ts';
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

/**
 * Cross-runtime determinism: the engine bundled into the page and the engine in Node must produce the same
 * per-turn state hashes for the same seeds and actions — for strategy-played games and for a game a
 * keyboard user plays through the DOM.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Action, playGame, replay, stateHash } from '../../src/engine/index.ts';
import { loadGame } from '../helpers/scenarios.ts';
import { collectProblems, type LaunchedBrowser, type StaticServer } from './helpers/browser.ts';
import { startHarness, stopHarness } from './helpers/harness.ts';
import { playFirstMovesByKeyboard } from './helpers/page-driver.ts';

const game = loadGame('tutorial');
const SEEDS = Array.from({ length: 30 }, (_, i) => `xrt/${i}`);
let site: StaticServer;
let browser: LaunchedBrowser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ site, browser } = await startHarness('determinism'));
  page = await browser.context.newPage();
  problems = collectProblems(page);
  await page.goto(`${site.url}?scenario=tutorial&seed=xrt-keyboard`);
  await page.locator('button.move').first().waitFor();
});

afterAll(() => stopHarness({ site, browser }));

/** Node's side: whole games by a strategy, with the hash of every state (initial first). */
function nodeGames(seeds: string[], strategy: 'random' | 'greedy') {
  return seeds.map((seed) => {
    const played = playGame(game, seed, strategy);
    return { actions: played.actions, hashes: played.states.map(stateHash) };
  });
}

describe('the engine in Chromium and in Node', () => {
  it('compiles the same scenario', async () => {
    expect(await page.evaluate(() => window.envoy?.scenarioHash())).toBe(game.scenarioHash);
  });

  it('gives identical per-turn hashes for 30 random-strategy games', async () => {
    const inNode = nodeGames(SEEDS, 'random');
    const inPage = await page.evaluate((seeds) => window.envoy?.simulate(seeds, 'random'), SEEDS);
    expect(inPage).toHaveLength(SEEDS.length);
    inPage?.forEach((played, i) => {
      expect(played.hashes, `seed ${SEEDS[i]}`).toEqual(inNode[i]?.hashes);
      expect(played.actions, `seed ${SEEDS[i]}`).toEqual(inNode[i]?.actions);
    });
    const turns = inNode.reduce((n, g) => n + g.hashes.length, 0);
    expect(turns).toBeGreaterThan(SEEDS.length * 2);
  });

  it('gives identical per-turn hashes for greedy games', async () => {
    const seeds = SEEDS.slice(0, 5);
    const inPage = await page.evaluate((s) => window.envoy?.simulate(s, 'greedy'), seeds);
    expect(inPage).toEqual(nodeGames(seeds, 'greedy'));
  });

  it('replays a keyboard-played page game to the same hashes in Node', async () => {
    await playFirstMovesByKeyboard(page);
    const seed = (await page.evaluate(() => window.envoy?.seed())) ?? '';
    expect(seed).toBe('xrt-keyboard');
    const actions = (await page.evaluate(() => window.envoy?.actions())) as Action[];
    const pageHashes = await page.evaluate(() => window.envoy?.hashes());
    const replayed = replay(game, seed, actions);
    if ('error' in replayed)
      throw new Error(`replay failed at turn ${replayed.turn}: ${replayed.error.message}`);
    expect(pageHashes).toEqual(replayed.states.map(stateHash));
    // Always choosing the first button is the engine's `first` strategy: the menu lists availableActions in order.
    expect(actions).toEqual(playGame(game, seed, 'first').actions);
    expect(await page.evaluate((a) => window.envoy?.replay('xrt-keyboard', a), actions)).toEqual({
      hashes: pageHashes,
    });
    expect(problems).toEqual([]);
  });
});

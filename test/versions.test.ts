/**
 * Version 1 beside version 2. Version-1 files (replays, `envoy1-` codes, saves, result files) were made before
 * seats and before the rules hash: each is checked through the version-1 projection of today's states, or
 * refused with a message naming version 1 and what to do; never dropped silently. Version-2 files carry the
 * rules hash: rewording a text breaks none of them, changing a rule breaks each with a clear message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildReplay,
  compileGame,
  decodeReplayCode,
  encodeReplayCode,
  type Game,
  playGame,
  type ReplayFileV1,
  readReplay,
  replay,
  verifyReplay,
} from '../src/engine/index.ts';
import { parseScenario, type Scenario, withWords } from '../src/scenario/index.ts';
import { readResult } from '../src/session/result.ts';
import { createSaveStore, saveKeys } from '../src/session/save.ts';
import { memoryStorage } from '../src/session/storage.ts';
import { loadGame } from './helpers/scenarios.ts';

const V1 = new URL('./fixtures/v1/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, V1), 'utf8');

function gameOf(text: string, edit: (s: Scenario) => Scenario = (s) => s): Game {
  const p = parseScenario(text, 'tutorial.yaml');
  if ('errors' in p) throw new Error(p.errors.map((e) => e.message).join('\n'));
  return compileGame(edit(structuredClone(p.scenario)));
}

const v1Game = gameOf(read('tutorial.yaml'));
/** The version-1 tutorial with one debrief reworded: same rules, other words (and another legacy hash). */
const reworded = gameOf(read('tutorial.yaml'), (s) =>
  withWords(s, (path, text) => (path === 'outcomes.no-deal.debrief.you' ? `${text} (reworded)` : text)),
);
/** The version-1 tutorial with one weight changed: other rules. */
const reweighted = gameOf(read('tutorial.yaml'), (s) => {
  (
    (s.parties.valley as { prefers: unknown }).prefers as { weights: Record<string, number> }
  ).weights.schedule = 0.25;
  return s;
});
const v1Replay = readReplay(JSON.parse(read('replay-tutorial.json')));
if ('error' in v1Replay) throw new Error(v1Replay.error);
const v1File = v1Replay.replay as ReplayFileV1;

describe('the version-1 tutorial file', () => {
  it('validates and plays unchanged, one seat, as its version-1 replay recorded', () => {
    expect(v1Game.seatIds).toEqual([v1Game.playerId]);
    const v = verifyReplay(v1Game, v1File);
    expect(v).toMatchObject({ ok: true, note: expect.stringMatching(/version-1 replay/) });
  });
});

describe('version-1 replays', () => {
  it('are refused against any other file, naming version 1 and what to do', () => {
    for (const game of [reworded, reweighted, loadGame('tutorial')]) {
      const v = verifyReplay(game, v1File);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.message).toMatch(/version-1 replay.*exact scenario file.*version-2 replay/);
    }
  });

  it('are checked through their actions, hashes, checkpoints and outcome', () => {
    const tampered = structuredClone(v1File);
    tampered.actions[1] = { move: 'gesture', params: {} };
    expect(verifyReplay(v1Game, tampered)).toMatchObject({ ok: false });
    const outcome = structuredClone(v1File);
    outcome.outcome = { id: 'vetoed', tier: 'failure', historical: false };
    expect(verifyReplay(v1Game, outcome)).toMatchObject({ ok: false, kind: 'outcome-mismatch' });
    const checkpoint = structuredClone(v1File);
    (checkpoint.checkpoints[2] as { round: number }).round = 9;
    expect(verifyReplay(v1Game, checkpoint)).toMatchObject({ ok: false, kind: 'checkpoint-mismatch' });
  });
});

describe('version-1 codes (envoy1-)', () => {
  const code = read('code-tutorial.txt').trim();
  it('decode against their own file, to the version-1 replay’s actions', () => {
    const d = decodeReplayCode(v1Game, code);
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.actions.map(({ move, params }) => ({ move, params }))).toEqual(v1File.actions);
  });
  it('are refused against another file, naming version 1', () => {
    const d = decodeReplayCode(reworded, code);
    expect(d).toMatchObject({
      ok: false,
      kind: 'scenario-mismatch',
      message: expect.stringMatching(/version-1 code/),
    });
  });
});

describe('version-1 saves', () => {
  const text = read('save-tutorial.json');
  const load = (game: Game, saved = text) =>
    createSaveStore(memoryStorage([[saveKeys('tutorial').main, saved]])).load(game);
  it('resume against their own file, and against a reworded one while their moves stay legal', () => {
    expect(load(v1Game).status).toBe('resumed');
    expect(load(reworded).status).toBe('resumed');
  });
  it('are refused, naming version 1, once a move is no longer legal', () => {
    const stricter = gameOf(read('tutorial.yaml'), (s) => {
      delete s.moves.lobby;
      s.menu = s.menu?.filter((m) => m !== 'lobby');
      return s;
    });
    const r = load(stricter);
    expect(r).toMatchObject({
      status: 'corrupt',
      message: expect.stringMatching(/save version 1.*no longer allowed/),
    });
  });
});

describe('version-1 result files', () => {
  it('are read, and their replay verifies against their own file', () => {
    const r = readResult(JSON.parse(read('result-tutorial.json')));
    if ('error' in r) throw new Error(r.error);
    expect(r.result.version).toBe(1);
    expect(verifyReplay(v1Game, r.result.replay)).toMatchObject({ ok: true });
    expect(verifyReplay(loadGame('tutorial'), r.result.replay)).toMatchObject({ ok: false });
  });
});

describe('version-2 files and the rules hash', () => {
  const game = loadGame('tutorial');
  const wordsOnly = compileGame(
    withWords(structuredClone(game.scenario) as Scenario, (path, text) =>
      path.includes('debrief') || path.endsWith('.reason') ? `${text}!` : text,
    ),
  );
  const played = playGame(game, 'v2-words', 'random', 'v2-words/s', { seats: ['amber', 'valley'] });
  const file = buildReplay(game, 'v2-words', played.actions, played.states);

  it('a reworded scenario has the same rules hash and another text hash', () => {
    expect(wordsOnly.scenarioHash).toBe(game.scenarioHash);
    expect(wordsOnly.textHash).not.toBe(game.textHash);
  });

  it('a replay verifies against reworded words, with a note naming the other wording', () => {
    expect(verifyReplay(game, file)).toMatchObject({ ok: true, note: null });
    expect(verifyReplay(wordsOnly, file)).toMatchObject({
      ok: true,
      note: expect.stringMatching(/other wording/),
    });
  });

  it('a code and a save survive the rewording too', () => {
    const code = encodeReplayCode(game, 'v2-words', played.actions, { seats: ['amber', 'valley'] });
    if (!code.ok) throw new Error(code.message);
    expect(decodeReplayCode(wordsOnly, code.code).ok).toBe(true);
    const storage = memoryStorage();
    const store = createSaveStore(storage);
    expect(store.save(game, { seed: 'v2-words', seats: ['amber', 'valley'], actions: played.actions })).toBe(
      'saved',
    );
    const resumed = createSaveStore(storage).load(wordsOnly);
    expect(resumed).toMatchObject({ status: 'resumed', seats: ['amber', 'valley'] });
  });

  it('a changed weight invalidates the replay, the code and the save, each with a clear message', () => {
    const s = structuredClone(game.scenario) as Scenario;
    (
      (s.parties.valley as { prefers: unknown }).prefers as { weights: Record<string, number> }
    ).weights.schedule = 0.25;
    const other = compileGame(s);
    expect(other.scenarioHash).not.toBe(game.scenarioHash);
    expect(verifyReplay(other, file)).toMatchObject({
      ok: false,
      kind: 'scenario-mismatch',
      message: expect.stringMatching(/the rules differ/),
    });
    const code = encodeReplayCode(game, 'v2-words', played.actions, { seats: ['amber', 'valley'] });
    if (!code.ok) throw new Error(code.message);
    expect(decodeReplayCode(other, code.code)).toMatchObject({ ok: false, kind: 'scenario-mismatch' });
    const storage = memoryStorage();
    createSaveStore(storage).save(game, {
      seed: 'v2-words',
      seats: ['amber', 'valley'],
      actions: played.actions,
    });
    expect(createSaveStore(storage).load(other)).toMatchObject({
      status: 'corrupt',
      message: expect.stringMatching(/other rules of this scenario/),
    });
  });

  it('the held seats are part of the game: the same actions with other seats are another game', () => {
    const run = replay(game, 'v2-words', played.actions, { seats: ['amber'] });
    expect('error' in run || run.states.at(-1)?.seats.join() !== 'amber,valley').toBe(true);
  });
});

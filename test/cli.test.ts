/**
 * The `envoy` CLI, run for real as a child process (`node bin/envoy.js …`) where the process boundary
 * matters (exit codes, stdout vs stderr, no stack traces), and in-process through `main()` for the
 * rest, which is much faster.
 *
 * test/fixtures/v1/replay-tutorial.json is a version-1 replay that later versions must keep loading. It
 * is verified against a frozen copy of the tutorial (test/fixtures/v1/tutorial.yaml), so editing the
 * real tutorial never breaks it. Never regenerate it: a failure means old replays stopped verifying,
 * which needs a migration (or an honest version bump of the replay format), not a new fixture.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePath } from '../src/cli/commands/replay.ts';
import { type Io, prettyJson } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import {
  buildReplay,
  compileGame,
  encodeReplayCode,
  playGame,
  type ReplayFile,
} from '../src/engine/index.ts';
import { forgeCode } from './helpers/replay-codes.ts';
import { loadGame } from './helpers/scenarios.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TUTORIAL = 'scenarios/tutorial.yaml';
const FIXTURE = 'test/fixtures/v1/replay-tutorial.json';
const FIXTURE_SCENARIO = 'test/fixtures/v1/tutorial.yaml';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process from the repository root. */
function envoy(...args: string[]): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, ['bin/envoy.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main()` in this process with captured output. */
async function inProcess(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`), cwd: ROOT };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** No Node stack frames ("    at fn (file:1:2)") may ever reach the user. */
function expectNoStack(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
}

let tmp: string;
let replayA: string;
let replayText: string;
const tmpFile = (name: string) => join(tmp, name);
const writeReplay = (name: string, replay: unknown) => {
  writeFileSync(tmpFile(name), JSON.stringify(replay));
  return tmpFile(name);
};
const cloneReplay = (): ReplayFile => JSON.parse(replayText) as ReplayFile;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'envoy-cli-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('envoy (child process)', () => {
  it('validates the tutorial: exit 0 and an ok line', () => {
    const r = envoy('validate', TUTORIAL);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^scenarios\/tutorial\.yaml: ok \(scenario tutorial v\d+, hash [0-9a-f]{12}\)\n$/,
    );
    expect(r.status).toBe(0);
  });

  it('reports a broken scenario as file:line:col errors with exit 1', () => {
    const broken = tmpFile('broken.yaml');
    writeFileSync(broken, 'id: broken\nversion: 1\ntitle: [unclosed\n');
    const r = envoy('validate', broken, 'no-such-file.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${broken}:`);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error: /);
    expect(r.stderr).toContain('no-such-file.yaml:1:1: error: cannot read file (ENOENT)');
    expect(r.stdout).toBe('');
    expectNoStack(r);
  });

  it('exits 2 on an unknown command and on a missing --seed', () => {
    const unknown = envoy('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("envoy: error: unknown command 'frobnicate'");
    const noSeed = envoy('play', TUTORIAL);
    expect(noSeed.status).toBe(2);
    expect(noSeed.stderr).toContain('missing --seed');
    expect(noSeed.stdout).toBe('');
  });

  it('plays a game into a replay file, identically for the same seed', () => {
    replayA = tmpFile('a.json');
    const a = envoy('play', TUTORIAL, '--seed', 'cli-test', '--out', replayA);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/^Outcome: .+ \((success|partial|failure)\)$/m);
    expect(a.stdout).toMatch(/^Turns played: \d+$/m);
    expect(a.stdout).toMatch(/^Final state hash: [0-9a-f]{64}$/m);
    replayText = readFileSync(replayA, 'utf8');
    expect(replayText.endsWith('}\n')).toBe(true);
    const replay = JSON.parse(replayText) as ReplayFile;
    expect(replay.format).toBe('envoy-replay');
    expect(replay.version).toBe(2);
    expect(replay.seed).toBe('cli-test');
    expect(replay.hashes.length).toBe(replay.actions.length + 1);
    expect(replay.checkpoints.length).toBe(replay.hashes.length);

    const b = envoy('play', TUTORIAL, '--seed', 'cli-test', '--out', tmpFile('b.json'));
    expect(b.status).toBe(0);
    expect(readFileSync(tmpFile('b.json'), 'utf8')).toBe(replayText);
  });

  it('verifies the replay it wrote', () => {
    const r = envoy('replay', replayA);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^OK: (\d+) turns, all \d+ hashes match; outcome [a-z0-9-]+ \((success|partial|failure)\)\nSeats held: amber\n$/,
    );
    const [, turns, hashes] = /OK: (\d+) turns, all (\d+)/.exec(r.stdout) ?? [];
    expect(Number(hashes)).toBe(Number(turns) + 1);
    expect(r.status).toBe(0);
  });

  it('fails on a tampered hash, naming the turn', () => {
    const replay = cloneReplay();
    const turn = Math.min(2, replay.actions.length);
    replay.hashes[turn] = '0'.repeat(64);
    const r = envoy('replay', writeReplay('hash.json', replay));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`DIVERGED at turn ${turn}`);
    expect(r.stdout).toContain('a part of the state the summary does not show');
    expectNoStack(r);
  });

  it('refuses malformed JSON with a message and no stack trace', () => {
    const bad = tmpFile('bad.json');
    writeFileSync(bad, '{"format": "envoy-replay",\n  "version": 1,\n}\n');
    const r = envoy('replay', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+: error: not valid JSON/);
    expect(r.stdout).toBe('');
    expectNoStack(r);
  });

  it('prints the JSON Schema', () => {
    const r = envoy('schema');
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toEqual(expect.any(String));
  });

  it('verifies the committed version-1 fixture (old replays keep loading)', () => {
    const r = envoy('replay', FIXTURE, '--scenario', FIXTURE_SCENARIO, '--json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { ok: boolean; turns: number };
    expect(result).toMatchObject({ ok: true });
    expect(result.turns).toBe(
      (JSON.parse(readFileSync(join(ROOT, FIXTURE), 'utf8')) as ReplayFile).actions.length,
    );
    expect(r.status).toBe(0);
  });
});

describe('envoy (in process)', () => {
  it('prints help and the version with exit 0', async () => {
    for (const args of [['--help'], ['help', 'play'], ['replay', '--help'], ['validate', '-h']]) {
      const r = await inProcess(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: envoy/);
    }
    const v = await inProcess('--version');
    expect(v.stdout).toMatch(/^envoy \d+\.\d+\.\d+\n$/);
  });

  it('exits 2 on wrong usage: bad strategy, empty seed, unknown flag, extra arguments', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['play', TUTORIAL, '--seed', 'x', '--strategy', 'smart'],
        /--strategy must be one of random, greedy, first/,
      ],
      [['play', TUTORIAL, '--seed', ''], /--seed must not be empty/],
      [['play', TUTORIAL, '--sed', 'x'], /unknown option '--sed' \(did you mean --seed\?\)/],
      [['play', TUTORIAL, '--seed'], /option '--seed' needs a value/],
      [['replay', 'a.json', 'b.json'], /unexpected argument 'b\.json'/],
      [['validate'], /missing FILE/],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--json prints one JSON document for validate, play and replay', async () => {
    const v = await inProcess('validate', TUTORIAL, '--json');
    expect(v.status).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({
      ok: true,
      files: [{ file: TUTORIAL, ok: true, id: 'tutorial' }],
    });

    const p = await inProcess('play', TUTORIAL, '--seed', 'cli-test', '--json', '--strategy', 'first');
    expect(p.status).toBe(0);
    const played = JSON.parse(p.stdout) as { turns: number; hashes: string[]; strategySeed: string };
    expect(played).toMatchObject({ scenario: { id: 'tutorial' }, seed: 'cli-test', strategy: 'first' });
    expect(played.strategySeed).toBe('cli-test/strategy');
    expect(played.hashes.length).toBe(played.turns + 1);

    const r = await inProcess('replay', replayA, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, outcome: { id: expect.any(String) } });
  });

  it('prints the turn-by-turn log with --log', async () => {
    const r = await inProcess('play', TUTORIAL, '--seed', 'cli-test', '--log');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Turn 0 \(opening\)\n {2}\S/);
    expect(r.stdout).toMatch(/^Turn 1\n/m);
  });

  it('reports a changed action as a failure at its turn', async () => {
    const replay = cloneReplay();
    const action = replay.actions[0];
    if (!action) throw new Error('the test game has no actions');
    const key = Object.keys(action.params)[0];
    if (key) action.params[key] = 'not-an-option';
    else action.move = 'not-a-move';
    const r = await inProcess('replay', writeReplay('action.json', replay));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^(ILLEGAL ACTION|DIVERGED) at turn 1\b/);
  });

  it('shows what differs when a checkpoint and its hash were changed', async () => {
    const replay = cloneReplay();
    const turn = replay.actions.length;
    const cp = replay.checkpoints[turn];
    if (!cp) throw new Error('missing checkpoint');
    const [party, meters] = Object.entries(cp.meters).find(([, m]) => Object.keys(m).length > 0) ?? [];
    const meter = Object.keys(meters ?? {})[0];
    if (!party || !meters || !meter) throw new Error('the tutorial has no meters');
    const recomputed = meters[meter] as number;
    meters[meter] = recomputed + 1;
    replay.hashes[turn] = 'f'.repeat(64);
    const r = await inProcess('replay', writeReplay('checkpoint.json', replay), '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      kind: 'divergence',
      turn,
      differences: [{ path: `meters.${party}.${meter}`, recorded: recomputed + 1, recomputed }],
    });
    const human = await inProcess('replay', tmpFile('checkpoint.json'));
    expect(human.stdout).toContain(`DIVERGED at turn ${turn}`);
    expect(human.stdout).toContain(
      `  ${party} ${meter} meter: recorded ${recomputed + 1}, recomputed ${recomputed}`,
    );
  });

  it('refuses a replay of another scenario hash, and an outcome that does not match', async () => {
    const replay = cloneReplay();
    replay.scenario.hash = 'a'.repeat(64);
    const r = await inProcess('replay', writeReplay('other.json', replay));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^REFUSED: this replay is of scenario tutorial/);

    const lie = cloneReplay();
    lie.outcome = { id: 'made-up', tier: 'success', historical: true };
    const l = await inProcess('replay', writeReplay('lie.json', lie));
    expect(l.status).toBe(1);
    expect(l.stderr).toContain('the file\'s "outcome" says made-up (success)');
  });

  it('refuses replay files that are not replays, too large, or of an unknown scenario', async () => {
    const notReplay = await inProcess('replay', writeReplay('array.json', [1, 2]));
    expect(notReplay.status).toBe(1);
    expect(notReplay.stderr).toContain('not a replay file');

    const big = tmpFile('big.json');
    writeFileSync(big, `"${'x'.repeat(5 * 1024 * 1024)}"`);
    const tooBig = await inProcess('replay', big);
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toContain('file is too large');

    const replay = cloneReplay();
    replay.scenario.id = 'no-such-scenario';
    const missing = await inProcess('replay', writeReplay('missing.json', replay));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot find scenario 'no-such-scenario'");
    expect(missing.stderr).toContain('--scenario');
  });

  it('names checkpoint paths in words', () => {
    expect(describePath('positions.russia')).toBe('russia position');
    expect(describePath('meters.valley.trust')).toBe('valley trust meter');
    expect(describePath('table.water-share')).toBe('table water-share');
    expect(describePath('agreements.valley.water-share')).toBe('valley agreement on water-share');
    expect(describePath('flags.ceasefire')).toBe('flag ceasefire');
    expect(describePath('round')).toBe('round');
  });
});

describe('envoy replay with a replay code', () => {
  const game = loadGame('tutorial');
  const played = playGame(game, 'cli-code', 'random');
  const encoded = encodeReplayCode(game, 'cli-code', played.actions);
  if (!encoded.ok) throw new Error(encoded.message);
  const code = encoded.code;
  const replayFile = prettyJson(buildReplay(game, 'cli-code', played.actions, played.states));
  const turns = played.actions.length;

  it('verifies a code given with --code (child process)', () => {
    const r = envoy('replay', '--code', code);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      new RegExp(`^OK: ${turns} turns replayed from the code, final state hash [0-9a-f]{16}… matches; `),
    );
    expect(r.status).toBe(0);
  });

  it('verifies a file holding a code (BOM, line breaks and all) and writes the rebuilt replay with --out', async () => {
    const codeFile = tmpFile('game.code');
    writeFileSync(codeFile, `\uFEFF${code.slice(0, 30)}\r\n${code.slice(30)}\r\n`);
    const out = tmpFile('rebuilt.json');
    const r = await inProcess('replay', codeFile, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`OK: ${turns} turns replayed from the code`);
    expect(r.stdout).toContain(`Replay written to ${out}`);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(replayFile);
    const again = await inProcess('replay', out);
    expect(again.stdout).toMatch(new RegExp(`^OK: ${turns} turns, all ${turns + 1} hashes match`));
  });

  it('prints the code of a verified replay file, and of a verified code, with --json', async () => {
    const file = writeReplay('for-code.json', JSON.parse(replayFile));
    const fromFile = await inProcess('replay', file, '--json');
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ ok: true, turns, code });
    const fromCode = await inProcess('replay', '--code', code, '--json');
    expect(fromCode.status).toBe(0);
    expect(JSON.parse(fromCode.stdout)).toMatchObject({ ok: true, turns, code });
  });

  it('refuses a damaged, cut or foreign code with one line and exit 1', async () => {
    const cases: [string, RegExp, string][] = [
      // A cut code is named as cut when its structure shows it, else as damaged or incomplete.
      [
        code.slice(0, 25),
        /^--code: error: the code is (incomplete: it was cut off|damaged or incomplete)/,
        'invalid-code',
      ],
      [
        `${code.slice(0, 20)}${code[20] === 'A' ? 'B' : 'A'}${code.slice(21)}`,
        /the code is damaged/,
        'invalid-code',
      ],
      [
        `${code.slice(0, 20)}*${code.slice(21)}`,
        /a character no code has: U\+002A "\*" at position 21/,
        'invalid-code',
      ],
      [`envoy9-${code.slice(7)}`, /replay code version 9 is not supported/, 'invalid-code'],
    ];
    for (const [bad, message, kind] of cases) {
      const r = await inProcess('replay', '--code', bad);
      expect(r.status, bad).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      const j = await inProcess('replay', '--code', bad, '--json');
      expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, kind });
      expect(j.stderr).toBe('');
    }
    const other = await inProcess('replay', '--code', code, '--scenario', 'scenarios/bab-al-hawa.yaml');
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(
      /^REFUSED: this code is of scenario tutorial v\d+ \((rules )?[0-9a-f]{12}…\), not bab-al-hawa/,
    );
    expect(other.stderr).toContain('hint: pass --scenario with the file of scenario tutorial');
  });

  it('names the turn of a move out of range, and a final hash that does not match', async () => {
    const outOfRange = forgeCode(code, (indexes) => {
      indexes[1] = 120;
    });
    const r = await inProcess('replay', '--code', outOfRange);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ILLEGAL ACTION at turn 2: move number 120 is out of range \(only \d+ moves/);
    const j = await inProcess('replay', '--code', outOfRange, '--json');
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, kind: 'illegal-action', turn: 2 });

    const wrongEnd = forgeCode(code, () => undefined, [1, 2, 3, 4, 5, 6, 7, 8]);
    const d = await inProcess('replay', '--code', wrongEnd);
    expect(d.status).toBe(1);
    expect(d.stdout).toMatch(
      new RegExp(
        `^DIVERGED at turn ${turns} \\(the end of the code\\): the replayed game ends in state [0-9a-f]{16}…, not 0102030405060708…`,
      ),
    );
    const dj = await inProcess('replay', '--code', wrongEnd, '--json');
    expect(JSON.parse(dj.stdout)).toMatchObject({
      ok: false,
      kind: 'divergence',
      turn: turns,
      differences: [],
    });
  });

  it('says which scenario a code needs when it cannot be found', async () => {
    const elsewhere = compileGame({ ...game.scenario, id: 'no-such-scenario' });
    const foreign = encodeReplayCode(elsewhere, 'x', []);
    if (!foreign.ok) throw new Error(foreign.message);
    const r = await inProcess('replay', '--code', foreign.code);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot find scenario 'no-such-scenario' v1 that the code was recorded with");
  });

  it('exits 2 without FILE or --code, with both, or with an empty --code', async () => {
    const cases: [string[], RegExp][] = [
      [['replay'], /missing FILE \(a replay file, or a file holding a replay code\) or --code CODE/],
      [['replay', 'a.json', '--code', code], /give FILE or --code, not both/],
      [['replay', '--code', ''], /--code needs a replay code/],
      [['replay', '--code'], /option '--code' needs a value/],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

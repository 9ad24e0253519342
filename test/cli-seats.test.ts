/**
 * The CLI's seats: `envoy seats`, `--as` and `--seats` on play, simulate and check, the scripted `--moves`
 * line of play, and replay/diff naming each action's seat, run in-process through `main()` as in
 * test/cli.test.ts. test/fixtures/seats/two-seats.yaml is the tutorial with the cooperative as a second
 * seat (its own moves, tiers per seat), kept apart from scenarios/tutorial.yaml so editing that never moves
 * these tests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { compileGame, playGame, type ReplayFile, tierFor } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TWO = 'test/fixtures/seats/two-seats.yaml';
const V1 = 'test/fixtures/v1/replay-tutorial.json';
const V1_SCENARIO = 'test/fixtures/v1/tutorial.yaml';
const dir = mkdtempSync(join(tmpdir(), 'envoy-seats-'));
const tmp = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function envoy(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`), cwd: ROOT };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

async function json(...args: string[]): Promise<Record<string, unknown> & { status: number }> {
  const r = await envoy(...args, '--json');
  return { ...JSON.parse(r.stdout), status: r.status };
}

const game = (() => {
  const r = parseScenario(readFileSync(join(ROOT, TWO), 'utf8'), TWO);
  if ('errors' in r) throw new Error('the two-seat fixture does not validate');
  return compileGame(r.scenario);
})();

describe('envoy seats', () => {
  it('prints only the seat ids, the player first', async () => {
    const r = await envoy('seats', TWO);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('amber\nvalley\n');
    // A one-seat scenario has its player alone (the tutorial may gain seats: its player stays first).
    expect((await envoy('seats', 'scenarios/beijing-terms.yaml')).stdout).toMatch(/^[a-z0-9-]+\n$/);
    expect((await envoy('seats', 'scenarios/tutorial.yaml')).stdout).toMatch(/^amber\n/);
  });

  it('gives the details of each seat with --json', async () => {
    const r = await json('seats', TWO);
    expect(r.status).toBe(0);
    expect(r.turns).toEqual(['amber', 'valley']);
    expect(r.seats).toEqual([
      expect.objectContaining({
        id: 'amber',
        name: 'Town of Amber',
        player: true,
        auto: 'greedy',
        movesPerRound: 2,
      }),
      {
        id: 'valley',
        name: expect.any(String),
        role: 'Spokesperson of the Valley Cooperative',
        player: false,
        auto: 'first',
        movesPerRound: 1,
        moves: ['listen', 'open-talks', 'counter', 'sign', 'walk-out'],
      },
    ]);
  });

  it('is a registered command, with help, and fails like the others', async () => {
    expect((await envoy('--help')).stdout).toMatch(/^ {2}seats +list the seats/m);
    expect((await envoy('seats', '--help')).stdout).toContain('Usage: envoy seats FILE [--json]');
    expect((await envoy('seats')).status).toBe(2);
    expect((await envoy('seats', 'no-such.yaml')).status).toBe(1);
  });
});

describe('--as and --seats', () => {
  it('play --as valley: the strategy plays the cooperative, Amber plays by its auto policy', async () => {
    const r = await json(
      'play',
      TWO,
      '--seed',
      's1',
      '--as',
      'valley',
      '--strategy',
      'random',
      '--out',
      tmp('as.json'),
    );
    expect(r).toMatchObject({
      ok: true,
      seats: ['valley'],
      seat: 'valley',
      strategies: { valley: 'random' },
    });
    const replay = JSON.parse(readFileSync(tmp('as.json'), 'utf8')) as ReplayFile;
    expect(replay.seats).toEqual(['valley']);
    // Only the people's actions are recorded: every one is the cooperative's.
    expect(replay.actions.length).toBeGreaterThan(0);
    expect(replay.actions.every((a) => a.seat === 'valley')).toBe(true);
    const outcome = r.outcome as { id: string; tier: string };
    expect(outcome.tier).toBe(tierFor(game, outcome.id, 'valley'));
    const text = await envoy('play', TWO, '--seed', 's1', '--as', 'valley');
    expect(text.stdout).toMatch(/^Seats: valley \(random\); amber by its auto policy \(greedy\)$/m);
    expect(text.stdout).toMatch(/^Tiers: valley (success|partial|failure)$/m);
  });

  it('play --seats gives each held seat its own strategy', async () => {
    const r = await json(
      'play',
      TWO,
      '--seed',
      's2',
      '--seats',
      'valley=random,amber=greedy',
      '--out',
      tmp('both.json'),
    );
    expect(r).toMatchObject({
      seats: ['amber', 'valley'],
      seat: 'amber',
      strategies: { amber: 'greedy', valley: 'random' },
    });
    const replay = JSON.parse(readFileSync(tmp('both.json'), 'utf8')) as ReplayFile;
    const expected = playGame(game, 's2', { amber: 'greedy', valley: 'random' }, 's2/strategy', {
      seats: ['amber', 'valley'],
    });
    expect(replay.actions).toEqual(expected.actions);
    expect(new Set(replay.actions.map((a) => a.seat))).toEqual(new Set(['amber', 'valley']));
    expect(Object.keys(r.tiers as object)).toEqual(['amber', 'valley']);
  });

  it('simulate --as valley keeps the outcomes shape, with the tiers of the seat played, on any number of workers', async () => {
    const one = await json('simulate', TWO, '--runs', '120', '--as', 'valley', '--workers', '1');
    const two = await json('simulate', TWO, '--runs', '120', '--as', 'valley', '--workers', '2');
    expect(one).toMatchObject({
      ok: true,
      seat: 'valley',
      seats: ['valley'],
      strategies: { valley: 'random' },
    });
    const rows = one.outcomes as { id: string; tier: string }[];
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['id', 'tier', 'historical', 'games', 'share']);
      expect(row.tier).toBe(tierFor(game, row.id, 'valley'));
    }
    // no-deal is a failure for Amber and only partial for the cooperative.
    expect(rows.find((o) => o.id === 'no-deal')?.tier).toBe('partial');
    expect(two.outcomes).toEqual(one.outcomes);
    expect(two.summary).toEqual(one.summary);
    const player = await json('simulate', TWO, '--runs', '120', '--workers', '1');
    expect(player.summary).not.toEqual(one.summary);
    const text = await envoy(
      'simulate',
      TWO,
      '--runs',
      '20',
      '--workers',
      '1',
      '--seats',
      'amber=first,valley=greedy',
    );
    expect(text.stdout).toContain('seats: amber (first), valley (greedy); tiers for amber');
  });

  it('check --as valley searches with the cooperative held', async () => {
    const r = await json('check', TWO, '--as', 'valley', '--budget', '1500');
    const file = (r.files as { seats: string[]; ok: boolean; search: { games: number } }[])[0];
    expect(file?.ok).toBe(true);
    expect(file?.seats).toEqual(['valley']);
    const player = await json('check', TWO, '--budget', '1500');
    const pfile = (player.files as { seats: string[]; search: { games: number } }[])[0];
    expect(pfile?.seats).toEqual(['amber']);
    expect(pfile?.search).not.toEqual(file?.search);
    const text = await envoy('check', TWO, '--seats', 'amber,valley', '--budget', '1500');
    expect(text.stdout).toMatch(/actions as amber, valley\)$/m);
  });

  it('exits 2 on an unknown seat or strategy, with a did-you-mean', async () => {
    for (const args of [
      ['play', TWO, '--seed', '1', '--as', 'valey'],
      ['simulate', TWO, '--runs', '5', '--as', 'valey'],
      ['check', TWO, '--as', 'valey'],
      ['play', TWO, '--seed', '1', '--seats', 'amber=first,valey=greedy'],
    ]) {
      const r = await envoy(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /has no seat 'valey' \(did you mean 'valley'\?\); its seats are amber, valley/,
      );
      expect(r.stderr).toMatch(/^usage: envoy /m);
    }
    const bad = await envoy('play', TWO, '--seed', '1', '--seats', 'valley=gredy');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      "the strategy of valley must be one of random, greedy, first (got 'gredy'; did you mean 'greedy'?)",
    );
    expect((await envoy('play', TWO, '--seed', '1', '--as', 'valley', '--seats', 'amber')).status).toBe(2);
    expect((await envoy('play', TWO, '--seed', '1', '--seats', 'amber,amber')).status).toBe(2);
  });
});

describe('play --moves', () => {
  const both = ['--seats', 'amber,valley', '--strategy', 'first'];

  it('plays a legal line, the seat defaulting to the seat to move', async () => {
    const r = await json(
      'play',
      TWO,
      '--seed',
      'm',
      ...both,
      '--moves',
      'statement tone=firm; gesture; open-talks',
      '--out',
      tmp('line.json'),
    );
    expect(r.status).toBe(0);
    expect(r.moves).toMatchObject({ entries: 3, from: 1, to: 3 });
    const replay = JSON.parse(readFileSync(tmp('line.json'), 'utf8')) as ReplayFile;
    expect(replay.actions.slice(0, 3)).toEqual([
      { seat: 'amber', move: 'statement', params: { tone: 'firm' } },
      { seat: 'amber', move: 'gesture', params: {} },
      { seat: 'valley', move: 'open-talks', params: {} },
    ]);
    expect((await envoy('replay', tmp('line.json'), '--scenario', TWO)).status).toBe(0);
  });

  it('lets the strategy play on when the line runs out, and says when the game ended on it', async () => {
    const r = await envoy('play', TWO, '--seed', 'm', ...both, '--moves', 'gesture');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Line: 1 move played \(turn 1\); then the strategies played on to turn \d+$/m);
    const turns = Number(/^Turns played: (\d+)$/m.exec(r.stdout)?.[1]);
    expect(turns).toBeGreaterThan(1);
    const ended = await envoy(
      'play',
      TWO,
      '--seed',
      'm',
      ...both,
      '--moves',
      'gesture; consult; valley: walk-out',
    );
    expect(ended.stdout).toContain('Line: 3 moves played (turns 1–3); the game ended on the line');
    expect(ended.stdout).toMatch(/^Turns played: 3$/m);
  });

  it('exits 1 on an illegal entry, naming its position and the legal moves there, spelled to paste back', async () => {
    const r = await envoy(
      'play',
      TWO,
      '--seed',
      'm',
      ...both,
      '--moves',
      'statement tone=firm; valley: sign',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "--moves: entry 2 ('valley: sign', column 22) is not legal at turn 2 (round 1, amber to move): it is amber's turn, not valley's",
    );
    expect(r.stderr).toContain(
      '\nlegal moves at turn 2 (amber to move):\n  amber: statement tone=conciliatory\n',
    );
    expect(r.stderr).toContain('\n  amber: gesture\n');
    const pasted = /^ {2}(amber: propose .+)$/m.exec(r.stderr)?.[1] as string;
    expect(
      (await envoy('play', TWO, '--seed', 'm', ...both, '--moves', `statement tone=firm; ${pasted}`)).status,
    ).toBe(0);
    const j = await json('play', TWO, '--seed', 'm', ...both, '--moves', 'statement tone=firm; valley: sign');
    expect(j).toMatchObject({ ok: false, kind: 'illegal-move', entry: 2, turn: 2, round: 1, seat: 'amber' });
    expect(j.legal).toContain('amber: gesture');
    const over = await envoy(
      'play',
      TWO,
      '--seed',
      'm',
      ...both,
      '--moves',
      'gesture; consult; walk-out; gesture',
    );
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/entry 4 .* turn 4 .*the game is over/);
  });

  it('exits 2 on a syntax error with its column, and on an unknown move or a seat nobody holds', async () => {
    const col = await envoy('play', TWO, '--seed', 'm', '--moves', 'gesture; statement tone=');
    expect(col.status).toBe(2);
    expect(col.stderr).toContain("--moves: column 25: expected a value after 'tone='");
    const word = await envoy('play', TWO, '--seed', 'm', '--moves', 'statement firm');
    expect(word.stderr).toContain("--moves: column 11: expected '=' after 'firm'");
    const typo = await envoy('play', TWO, '--seed', 'm', '--moves', 'gesture; statment');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(
      "entry 2 ('statment', column 10): no move 'statment' (did you mean 'statement'?)",
    );
    const unheld = await envoy('play', TWO, '--seed', 'm', '--moves', 'gesture; consult; valley: sign');
    expect(unheld.status).toBe(2);
    expect(unheld.stderr).toContain('nobody holds seat valley in this game');
    expect(unheld.stderr).toContain('--seats amber,valley');
  });

  it('combines with --from: a fork keeps the seats its replay was played with', async () => {
    const r = await json('play', TWO, '--from', tmp('line.json'), '--turn', '3', '--moves', 'gesture');
    expect(r).toMatchObject({ ok: true, seats: ['amber', 'valley'], forkTurn: 3, moves: { from: 4, to: 4 } });
    expect((await envoy('play', TWO, '--from', tmp('line.json'), '--as', 'valley')).status).toBe(2);
  });
});

describe('replay and diff name each action seat', () => {
  it('replay prints the seats held, and names the seat of an illegal action', async () => {
    await envoy(
      'play',
      TWO,
      '--seed',
      'd',
      '--seats',
      'amber,valley',
      '--strategy',
      'first',
      '--moves',
      'gesture; consult; listen',
      '--out',
      tmp('a.json'),
    );
    await envoy(
      'play',
      TWO,
      '--seed',
      'd',
      '--seats',
      'amber,valley',
      '--strategy',
      'first',
      '--moves',
      'gesture; consult; open-talks',
      '--out',
      tmp('b.json'),
    );
    const ok = await envoy('replay', tmp('a.json'), '--scenario', TWO);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Seats held: amber, valley\n');
    expect((await json('replay', tmp('a.json'), '--scenario', TWO)).seats).toEqual(['amber', 'valley']);
    const bad = JSON.parse(readFileSync(tmp('a.json'), 'utf8')) as ReplayFile;
    (bad.actions[2] as { params: Record<string, string> }).params = { tone: 'firm' };
    writeFileSync(tmp('bad.json'), JSON.stringify(bad));
    const r = await envoy('replay', tmp('bad.json'), '--scenario', TWO);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ILLEGAL ACTION at turn 3 \(valley: listen tone=firm\): /);
    const j = await json('replay', tmp('bad.json'), '--scenario', TWO);
    expect(j).toMatchObject({ kind: 'illegal-action', turn: 3, action: { seat: 'valley', move: 'listen' } });
  });

  it('diff names the seat of each differing move, in text and JSON', async () => {
    const r = await envoy('diff', tmp('a.json'), tmp('b.json'), '--scenario', TWO);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  A's move 3: valley: listen\n  B's move 3: valley: open-talks\n");
    expect(r.stdout).toContain('  seats held: amber, valley\n');
    const j = await json('diff', tmp('a.json'), tmp('b.json'), '--scenario', TWO);
    expect(j).toMatchObject({
      turn: 3,
      seats: { a: ['amber', 'valley'], b: ['amber', 'valley'] },
      moves: { a: { seat: 'valley', move: 'listen' }, b: { seat: 'valley', move: 'open-talks' } },
      notes: { a: null, b: null },
    });
  });

  it('a version-1 replay shows the player seat and its note, exit 0', async () => {
    const r = await envoy('replay', V1, '--scenario', V1_SCENARIO);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Seats held: amber\nNote: a version-1 replay');
    expect(await json('replay', V1, '--scenario', V1_SCENARIO)).toMatchObject({
      ok: true,
      seats: ['amber'],
      note: expect.stringMatching(/version-1/),
    });
    const v1 = JSON.parse(readFileSync(join(ROOT, V1), 'utf8'));
    v1.actions[1].params = { nope: 'x' };
    writeFileSync(tmp('v1-bad.json'), JSON.stringify(v1));
    const bad = await envoy('replay', tmp('v1-bad.json'), '--scenario', V1_SCENARIO);
    expect(bad.stdout).toMatch(/^ILLEGAL ACTION at turn 2 \(amber: [a-z-]+ nope=x\)/);
    const d = await envoy('diff', V1, V1, '--scenario', V1_SCENARIO);
    expect(d.stdout).toContain('Note: A: a version-1 replay');
    expect(d.stdout).toContain('  seats held: amber\n');
  });

  it('a replay played with other wording of the same rules verifies with a note', async () => {
    const text = readFileSync(join(ROOT, TWO), 'utf8').replace(
      'title: The River Accord (two seats)',
      'title: The River Accord, reworded',
    );
    writeFileSync(tmp('reworded.yaml'), text);
    const r = await envoy('replay', tmp('a.json'), '--scenario', tmp('reworded.yaml'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Note: played with other wording of the same rules/m);
    const d = await json('diff', tmp('a.json'), tmp('b.json'), '--scenario', tmp('reworded.yaml'));
    expect((d.notes as { a: string }).a).toMatch(/other wording/);
  });
});

describe('the built-in tutorial, headless, in both seats', () => {
  it('plays pass-and-play with --seats and a --moves line for both seats, and the replay verifies', async () => {
    const out = tmp('tutorial-pass-and-play.json');
    const line =
      'statement tone=conciliatory; gesture; valley: open-talks; propose issue=water-share option=even-split; propose issue=monitoring option=joint; valley: sign';
    const r = await envoy(
      'play',
      'scenarios/tutorial.yaml',
      '--seed',
      'class-1',
      '--seats',
      'amber,valley',
      '--moves',
      line,
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Seats: amber \(random\), valley \(random\)$/m);
    expect(r.stdout).toMatch(/^Line: 6 moves played/m);
    expect(r.stdout).toMatch(/^Tiers: amber \w+, valley \w+$/m);
    const file = JSON.parse(readFileSync(out, 'utf8')) as ReplayFile;
    expect(file.seats).toEqual(['amber', 'valley']);
    expect(file.actions.slice(0, 6).map((a) => `${a.seat}:${a.move}`)).toEqual([
      'amber:statement',
      'amber:gesture',
      'valley:open-talks',
      'amber:propose',
      'amber:propose',
      'valley:sign',
    ]);
    const v = await envoy('replay', out, '--scenario', 'scenarios/tutorial.yaml');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^Seats held: amber, valley$/m);
  });

  it('plays the cooperative alone with --as valley, Amber played by its auto policy', async () => {
    const r = await json(
      'play',
      'scenarios/tutorial.yaml',
      '--seed',
      'class-1',
      '--as',
      'valley',
      '--moves',
      'listen; open-talks',
    );
    expect(r.status).toBe(0);
    expect(r.seats).toEqual(['valley']);
  });
});

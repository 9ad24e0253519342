/** The tester's commands: fork a replay (`play --from --turn`), compare two replays (`diff`), and `simulate`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

const ROOT = new URL('..', import.meta.url).pathname;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'envoy-tools-'));
const tmp = (name: string) => join(dir, name);

describe('envoy play --from --turn (fork)', () => {
  it('keeps the first N+1 hashes of the replay and plays on', async () => {
    expect(
      (await run(['play', 'scenarios/tutorial.yaml', '--seed', 'fork-1', '--out', tmp('a.json')])).code,
    ).toBe(0);
    const r = await run([
      'play',
      'scenarios/tutorial.yaml',
      '--from',
      tmp('a.json'),
      '--turn',
      '3',
      '--strategy',
      'first',
      '--out',
      tmp('b.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Forked from');
    const a = JSON.parse(readFileSync(tmp('a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(tmp('b.json'), 'utf8'));
    expect(b.seed).toBe(a.seed);
    expect(b.hashes.slice(0, 4)).toEqual(a.hashes.slice(0, 4));
    expect(b.actions.slice(0, 3)).toEqual(a.actions.slice(0, 3));
    expect((await run(['replay', tmp('b.json')])).code).toBe(0);
  });

  it('refuses a turn beyond the replay, a tampered replay and --seed with --from', async () => {
    const a = JSON.parse(readFileSync(tmp('a.json'), 'utf8'));
    const beyond = await run([
      'play',
      'scenarios/tutorial.yaml',
      '--from',
      tmp('a.json'),
      '--turn',
      String(a.actions.length + 1),
    ]);
    expect(beyond.code).toBe(1);
    expect(beyond.err).toMatch(/--turn must be a whole number from 0 to/);
    const tampered = {
      ...a,
      hashes: a.hashes.map((h: string, i: number) =>
        i === 2 ? h.replace(/^./, h[0] === '0' ? '1' : '0') : h,
      ),
    };
    writeFileSync(tmp('t.json'), JSON.stringify(tampered));
    const t = await run(['play', 'scenarios/tutorial.yaml', '--from', tmp('t.json'), '--turn', '3']);
    expect(t.code).toBe(1);
    // Named at turn 2 whichever check finds it first (the whole replay is verified before the fork).
    expect(t.err).toMatch(/turn 2(:| does not replay to its recorded hash)/);
    expect(
      (await run(['play', 'scenarios/tutorial.yaml', '--from', tmp('a.json'), '--seed', 'x'])).code,
    ).toBe(2);
    expect((await run(['play', 'scenarios/tutorial.yaml', '--seed', 'x', '--turn', '2'])).code).toBe(2);
  });
});

describe('envoy replay names the first divergent turn', () => {
  it('reports a changed seed as a divergence at turn 0, not as a later illegal action', async () => {
    const a = JSON.parse(readFileSync(tmp('a.json'), 'utf8'));
    writeFileSync(tmp('seed.json'), JSON.stringify({ ...a, seed: 'another-seed' }));
    const r = await run(['replay', tmp('seed.json'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, kind: 'divergence', turn: 0 });
  });
});

describe('envoy diff', () => {
  it('names the first differing turn, the moves and what differs', async () => {
    await run([
      'play',
      'scenarios/tutorial.yaml',
      '--from',
      tmp('a.json'),
      '--turn',
      '2',
      '--strategy',
      'first',
      '--out',
      tmp('c.json'),
    ]);
    const a = JSON.parse(readFileSync(tmp('a.json'), 'utf8'));
    const c = JSON.parse(readFileSync(tmp('c.json'), 'utf8'));
    const expected = a.hashes.findIndex((h: string, i: number) => h !== c.hashes[i]);
    const r = await run(['diff', tmp('a.json'), tmp('c.json'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.same).toBe(false);
    expect(doc.turn).toBe(expected);
    expect(doc.turn).toBeGreaterThanOrEqual(3);
    expect(doc.moves.a).toEqual(a.actions[doc.turn - 1]);
    const text = await run(['diff', tmp('a.json'), tmp('c.json')]);
    expect(text.out).toContain(`DIFFER from turn ${expected}`);
  });

  it('says SAME for the same game, and refuses replays of different scenarios', async () => {
    const same = await run(['diff', tmp('a.json'), tmp('a.json')]);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/^SAME/);
    await run(['play', 'scenarios/beijing-terms.yaml', '--seed', 'd', '--out', tmp('d.json')]);
    const other = await run(['diff', tmp('a.json'), tmp('d.json')]);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/only games of the same scenario/);
  });
});

describe('envoy simulate', () => {
  it('gives the same numbers whatever the number of workers', async () => {
    const one = await run([
      'simulate',
      'scenarios/tutorial.yaml',
      '--runs',
      '250',
      '--seed',
      'w',
      '--workers',
      '1',
      '--json',
    ]);
    const three = await run([
      'simulate',
      'scenarios/tutorial.yaml',
      '--runs',
      '250',
      '--seed',
      'w',
      '--workers',
      '3',
      '--json',
    ]);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    const a = JSON.parse(one.out);
    const b = JSON.parse(three.out);
    expect(b.summary).toEqual(a.summary);
    expect(a.summary.games).toBe(250);
    expect(Object.values(a.summary.outcomes as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(250);
  }, 60_000);

  it('writes an HTML report with the outcomes, escaped', async () => {
    const r = await run([
      'simulate',
      'scenarios/tutorial.yaml',
      '--runs',
      '120',
      '--workers',
      '1',
      '--report',
      tmp('r.html'),
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(tmp('r.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Moves and outcomes');
    expect(html).not.toContain('<script');
  });

  it('refuses bad numbers as usage errors', async () => {
    expect((await run(['simulate', 'scenarios/tutorial.yaml', '--runs', '0'])).code).toBe(2);
    expect((await run(['simulate', 'scenarios/tutorial.yaml', '--runs', 'ten'])).code).toBe(2);
    expect((await run(['simulate', 'scenarios/tutorial.yaml', '--strategy', 'clever'])).code).toBe(2);
  });
});

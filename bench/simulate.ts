/**
 * `envoy simulate --runs 10000` on the UN vote, timed as a user runs it (a child process, all cores,
 * start-up included), against "today's code": the tree before issue 11, commit 75fd117, extracted from git
 * into a temporary folder and run the same way in the same bench run (issue 11: no slower, ≤ 1.0×).
 * Why alternate old, new, old, new and take medians: the machine is shared and its load drifts; runs side
 * by side see the same drift. When git or that commit is missing (a shallow clone, a tarball), the
 * comparison is skipped with the reason and the current code is still timed: the bench never fails for it.
 * Beside the wall clock: the children's CPU seconds, and the games alone timed in process (see perGame).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, now, quantile, type Ratio } from './figure.ts';

/** The commit issue 11 started from: the code the simulate target compares against. */
export const BASELINE_COMMIT = '75fd117';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARGS = ['simulate', 'scenarios/un-sanctions-vote.yaml', '--runs', '10000', '--json'];

/**
 * CPU seconds used by this process's finished children (Linux /proc: cutime + cstime, at 100 ticks a second),
 * NaN elsewhere. Printed beside wall clock because other processes' load inflates wall clock, not CPU time.
 */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Wall-clock and CPU seconds of one `envoy simulate` run of the tree at `dir`. */
function timeSimulate(dir: string): { wall: number; cpu: number } {
  const c0 = childCpu();
  const t0 = now();
  execFileSync(process.execPath, [join(dir, 'bin/envoy.js'), ...ARGS], {
    cwd: dir,
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { wall: (now() - t0) / 1e6, cpu: childCpu() - c0 };
}

/** The baseline tree in a temporary folder with node_modules linked in, or why it cannot be made. */
function extractBaseline(): { dir: string } | { skipped: string } {
  try {
    execFileSync('git', ['-C', ROOT, 'cat-file', '-e', `${BASELINE_COMMIT}^{commit}`], { stdio: 'ignore' });
  } catch {
    let shallow = '';
    try {
      shallow = execFileSync('git', ['-C', ROOT, 'rev-parse', '--is-shallow-repository'], {
        encoding: 'utf8',
      });
    } catch {
      return {
        skipped: `git or this repository's history is not available, so commit ${BASELINE_COMMIT} cannot be extracted`,
      };
    }
    return {
      skipped:
        shallow.trim() === 'true'
          ? `this is a shallow clone without commit ${BASELINE_COMMIT}; run \`git fetch --unshallow\` to compare`
          : `commit ${BASELINE_COMMIT} is not in this repository`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'envoy-baseline-'));
  const paths = ['src', 'bin', 'scenarios', 'package.json', 'tsconfig.json'];
  execFileSync('sh', [
    '-c',
    `git -C "$0" archive ${BASELINE_COMMIT} ${paths.join(' ')} | tar -x -C "$1"`,
    ROOT,
    dir,
  ]);
  const modules = join(ROOT, 'node_modules');
  if (!existsSync(modules)) return { skipped: 'node_modules is missing, so the baseline cannot run' };
  symlinkSync(realpathSync(modules), join(dir, 'node_modules'), 'dir');
  return { dir };
}

type Play = (from: number, to: number) => unknown;

/** simulateRange of the UN vote compiled by the tree at `dir`, imported into this process (tsx compiles it). */
async function loadSimulation(dir: string): Promise<Play> {
  const scenario = await import(join(dir, 'src/scenario/index.ts'));
  const engine = await import(join(dir, 'src/engine/index.ts'));
  const sim = await import(join(dir, 'src/sim/aggregate.ts'));
  const file = join(dir, 'scenarios/un-sanctions-vote.yaml');
  const parsed = scenario.parseScenario(readFileSync(file, 'utf8'), 'un-sanctions-vote.yaml');
  if ('errors' in parsed) throw new Error(`${file} does not validate in ${dir}`);
  const game = engine.compileGame(parsed.scenario);
  return (from, to) => sim.simulateRange(game, 'bench', 'random', from, to);
}

/**
 * The games `envoy simulate` plays, without start-up or workers: both trees in this one process, chunks of
 * 250 games alternated (order swapped every round), median ms per game. A diagnostic beside wall clock:
 * far less sensitive to other processes' load, so it shows whether the engine itself got slower.
 */
async function perGame(dir: string): Promise<{ fresh: number; old: number }> {
  const sides = { fresh: await loadSimulation(ROOT), old: await loadSimulation(dir) };
  const times = { fresh: [] as number[], old: [] as number[] };
  const chunk = 250;
  for (let r = 0; r < 24; r++) {
    for (const k of r % 2 === 0 ? (['old', 'fresh'] as const) : (['fresh', 'old'] as const)) {
      const t0 = now();
      sides[k](r * chunk, (r + 1) * chunk);
      if (r >= 4) times[k].push((now() - t0) / 1000 / chunk);
    }
  }
  return { fresh: quantile(times.fresh, 0.5), old: quantile(times.old, 0.5) };
}

/**
 * `runs` timings of the current code (its figure, with issue 5's 10 s target) and, when the baseline can be
 * extracted, as many of commit 75fd117 alternating with them (old first), and the ratio of the medians.
 */
export async function benchSimulate(runs = 3): Promise<{ figures: Figure[]; ratio: Ratio }> {
  const base = extractBaseline();
  const fresh: { wall: number; cpu: number }[] = [];
  const old: { wall: number; cpu: number }[] = [];
  let games = { fresh: Number.NaN, old: Number.NaN };
  try {
    if ('dir' in base) timeSimulate(base.dir); // the first run of a tree warms the disk cache: not counted
    timeSimulate(ROOT);
    for (let i = 0; i < runs; i++) {
      if ('dir' in base) old.push(timeSimulate(base.dir));
      fresh.push(timeSimulate(ROOT));
    }
    if ('dir' in base) games = await perGame(base.dir);
  } finally {
    if ('dir' in base) rmSync(base.dir, { recursive: true, force: true });
  }
  const cores = availableParallelism();
  const wall = (xs: typeof fresh): number[] => xs.map((x) => x.wall);
  const cpu = (xs: typeof fresh): number =>
    quantile(
      xs.map((x) => x.cpu),
      0.5,
    );
  const show = (xs: typeof fresh): string =>
    xs.map((x) => `${x.wall.toFixed(2)} (cpu ${x.cpu.toFixed(2)})`).join(', ');
  const name = 'un-sanctions-vote: envoy simulate --runs 10000 (wall clock, all cores, start-up included)';
  const figures: Figure[] = [
    {
      name,
      unit: 's',
      p50: quantile(wall(fresh), 0.5),
      p99: quantile(wall(fresh), 0.99),
      target: { p50: 10 },
      extra: { runs, cores, times: show(fresh), cpuMedian: `${cpu(fresh).toFixed(2)} s` },
    },
  ];
  if ('skipped' in base) {
    return {
      figures,
      ratio: {
        name: `envoy simulate, this tree / ${BASELINE_COMMIT}`,
        ratio: Number.NaN,
        target: 1,
        skipped: base.skipped,
      },
    };
  }
  figures.push({
    name: `${name}, commit ${BASELINE_COMMIT} (before issue 11)`,
    unit: 's',
    p50: quantile(wall(old), 0.5),
    p99: quantile(wall(old), 0.99),
    extra: { runs, cores, times: show(old), cpuMedian: `${cpu(old).toFixed(2)} s` },
  });
  return {
    figures,
    ratio: {
      name: `envoy simulate, this tree / ${BASELINE_COMMIT} (medians, runs alternated)`,
      ratio: quantile(wall(fresh), 0.5) / quantile(wall(old), 0.5),
      target: 1,
      extra: {
        medians: `${quantile(wall(fresh), 0.5).toFixed(2)} / ${quantile(wall(old), 0.5).toFixed(2)} s`,
        cpuRatio: (cpu(fresh) / cpu(old)).toFixed(3),
        inProcessPerGame: `${games.fresh.toFixed(3)} / ${games.old.toFixed(3)} ms`,
        inProcessRatio: (games.fresh / games.old).toFixed(3),
      },
    },
  };
}

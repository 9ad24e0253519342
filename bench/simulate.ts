/**
 * `envoy simulate --runs 10000` on the UN vote, timed as a user runs it (a child process, all cores,
 * start-up included), against "today's code": the tree before issue 11, commit 75fd117, extracted from git
 * into a temporary folder and run the same way in the same bench run (issue 11: no slower, ≤ 1.0×).
 * Why alternate old, new, old, new and take medians: the machine is shared and its load drifts; runs side
 * by side see the same drift. When git or that commit is missing (a shallow clone, a tarball), the
 * comparison is skipped with the reason and the current code is still timed: the bench never fails for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, now, quantile, type Ratio } from './figure.ts';

/** The commit issue 11 started from: the code the simulate target compares against. */
export const BASELINE_COMMIT = '75fd117';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARGS = ['simulate', 'scenarios/un-sanctions-vote.yaml', '--runs', '10000', '--json'];

/** Seconds of one `envoy simulate` run of the tree at `dir`. */
function timeSimulate(dir: string): number {
  const t0 = now();
  execFileSync(process.execPath, [join(dir, 'bin/envoy.js'), ...ARGS], {
    cwd: dir,
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (now() - t0) / 1e6;
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

/**
 * `runs` timings of the current code (its figure, with issue 5's 10 s target) and, when the baseline can be
 * extracted, as many of commit 75fd117 alternating with them (old first), and the ratio of the medians.
 */
export function benchSimulate(runs = 3): { figures: Figure[]; ratio: Ratio } {
  const base = extractBaseline();
  const fresh: number[] = [];
  const old: number[] = [];
  try {
    if ('dir' in base) timeSimulate(base.dir); // the first run of a tree warms the disk cache: not counted
    timeSimulate(ROOT);
    for (let i = 0; i < runs; i++) {
      if ('dir' in base) old.push(timeSimulate(base.dir));
      fresh.push(timeSimulate(ROOT));
    }
  } finally {
    if ('dir' in base) rmSync(base.dir, { recursive: true, force: true });
  }
  const cores = availableParallelism();
  const name = 'un-sanctions-vote: envoy simulate --runs 10000 (wall clock, all cores, start-up included)';
  const figures: Figure[] = [
    {
      name,
      unit: 's',
      p50: quantile(fresh, 0.5),
      p99: quantile(fresh, 0.99),
      target: { p50: 10 },
      extra: { runs, cores, times: fresh.map((t) => t.toFixed(2)).join(' ') },
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
    p50: quantile(old, 0.5),
    p99: quantile(old, 0.99),
    extra: { runs, cores, times: old.map((t) => t.toFixed(2)).join(' ') },
  });
  return {
    figures,
    ratio: {
      name: `envoy simulate, this tree / ${BASELINE_COMMIT} (medians, runs alternated)`,
      ratio: quantile(fresh, 0.5) / quantile(old, 0.5),
      target: 1,
      extra: { medians: `${quantile(fresh, 0.5).toFixed(2)} / ${quantile(old, 0.5).toFixed(2)} s` },
    },
  };
}

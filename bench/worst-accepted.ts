/**
 * The largest files the format accepts, through every command. For each count limit of the format
 * (scripts/limit-files.ts) the file at that limit, and one file with every limit at once as far as they
 * combine, are run through `validate`, `check`, `play`, `replay`, `diff` and `simulate`, each in a child
 * process of its own, timing it and reading its peak memory. The target (issue 17): every command finishes
 * within 10 s and 1 GB on this machine.
 *
 *   tsx bench/worst-accepted.ts            the table (also part of `npm run bench`)
 *   tsx bench/worst-accepted.ts --child …  one command (internal)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIMENSIONS, limitFile, widestFile } from '../scripts/limit-files.ts';
import { SCENARIO_LIMITS } from '../src/scenario/check-limits.ts';

export interface WorstFigure {
  file: string;
  command: string;
  seconds: number;
  peakMB: number;
  status: number | null;
  ok: boolean;
}

const TARGET = { seconds: 10, peakMB: 1024 };

/** The command lines, given the scenario file and two replay files made by `play`. */
const COMMANDS: [string, (f: string, a: string, b: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['check', (f) => ['check', f]],
  ['play', (f, a) => ['play', f, '--seed', 'worst', '--strategy', 'greedy', '--out', a]],
  ['replay', (f, a) => ['replay', a, '--scenario', f]],
  ['diff', (f, a, b) => ['diff', a, b, '--scenario', f]],
  ['simulate', (f) => ['simulate', f, '--runs', '200']],
];

function child(args: string[]): Promise<{ seconds: number; peakMB: number; status: number | null }> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((done) => {
    const started = performance.now();
    execFile(
      process.execPath,
      ['--import', 'tsx', self, '--child', ...args],
      { cwd: fileURLToPath(new URL('../', import.meta.url)), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, _stdout, stderr) => {
        const seconds = (performance.now() - started) / 1000;
        const m = /peak-rss-kb (\d+) status (-?\d+)/.exec(stderr);
        done({
          seconds,
          peakMB: m ? Number(m[1]) / 1024 : Number.NaN,
          status: m ? Number(m[2]) : ((error?.code as number | undefined) ?? null),
        });
      },
    );
  });
}

/** Every file, every command: the figures, in order. */
export async function benchWorstAccepted(): Promise<WorstFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'envoy-worst-'));
  const out: WorstFigure[] = [];
  try {
    const files: [string, string][] = DIMENSIONS.map((d) => [
      `${d.limit} ${d.largest ?? SCENARIO_LIMITS[d.limit]}`,
      limitFile(d, d.largest ?? SCENARIO_LIMITS[d.limit]),
    ]);
    files.push(['every limit at once', widestFile()]);
    for (const [name, text] of files) {
      const f = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(f, text);
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      for (const [command, args] of COMMANDS) {
        const r = await child(args(f, a, b));
        if (command === 'play') writeFileSync(b, (await import('node:fs')).readFileSync(a));
        out.push({
          file: name,
          command,
          ...r,
          ok: r.seconds <= TARGET.seconds && r.peakMB <= TARGET.peakMB && r.status !== null && r.status <= 1,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function runChild(args: string[]): Promise<void> {
  const { main } = await import('../src/cli/main.ts');
  const status = await main(args, { out: () => undefined, err: () => undefined, cwd: process.cwd() });
  // Worker threads (simulate) count toward the process's peak: resourceUsage covers the whole process.
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS} status ${status}\n`);
  process.exit(0);
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await runChild(argv.slice(1));
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchWorstAccepted();
  for (const f of figures)
    process.stdout.write(
      `${f.ok ? 'ok  ' : 'OVER'} ${f.file.padEnd(24)} ${f.command.padEnd(9)} ${f.seconds.toFixed(2).padStart(6)} s ${f.peakMB.toFixed(0).padStart(5)} MB  exit ${f.status}\n`,
    );
  process.exitCode = figures.every((f) => f.ok) ? 0 : 1;
}

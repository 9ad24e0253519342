/**
 * `envoy simulate FILE --runs N`: plays N seeded games (`BASE/0` … `BASE/N-1`) on all cores and prints the
 * outcome distribution; `--report` writes an HTML page with charts. Games go to worker threads in fixed
 * chunks and summaries merge by chunk index, so the numbers never depend on how many workers ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Game, own, tierFor } from '../../engine/index.ts';
import { chunksOf, mergeSummaries, type SimSummary, simulateRange } from '../../sim/aggregate.ts';
import { simulationReport } from '../../sim/report-html.ts';
import { boolFlag, intFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, printJson, writeText } from '../io.ts';
import { autoText, chooseSeats, SEAT_FLAGS, type SeatChoice, seatRequest, seatsText } from '../seats.ts';
import { loadPlayable } from './validate.ts';

const FLAGS = {
  runs: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  strategy: { type: 'string' },
  workers: { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  ...SEAT_FLAGS,
} as const;

/** More games than this is a typo, not a study (and would take hours). */
export const MAX_RUNS = 1_000_000;

/** Plays every chunk on `workers` threads (in-process when 1), returning summaries in chunk order. */
async function playChunks(
  game: Game,
  base: string,
  choice: SeatChoice,
  runs: number,
  workers: number,
  onProgress: (done: number) => void,
): Promise<SimSummary[]> {
  const chunks = chunksOf(runs);
  const results: SimSummary[] = new Array(chunks.length);
  if (workers <= 1) {
    let done = 0;
    chunks.forEach(([from, to], index) => {
      results[index] = simulateRange(game, base, choice.strategies, from, to, choice.seats);
      done += to - from;
      onProgress(done);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  const bundle = await workerBundle();
  const pool = Array.from(
    { length: Math.min(workers, chunks.length) },
    // No execArgv: a worker must not inherit the TypeScript loader of the process that started it.
    () =>
      new Worker(bundle.file, {
        execArgv: [],
        workerData: { scenario: game.scenario, base, strategy: choice.strategies, seats: choice.seats },
      }),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const index = next++;
              const chunk = chunks[index];
              if (!chunk) {
                resolve();
                return;
              }
              worker.postMessage({ index, from: chunk[0], to: chunk[1] });
            };
            worker.on(
              'message',
              (msg: { ready?: true; index?: number; summary?: SimSummary; error?: string }) => {
                if (msg.error !== undefined) {
                  reject(new Error(`a game failed in chunk ${msg.index}: ${msg.error}`));
                  return;
                }
                if (msg.summary && msg.index !== undefined) {
                  results[msg.index] = msg.summary;
                  done += msg.summary.games;
                  onProgress(done);
                }
                give();
              },
            );
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a simulation worker stopped (exit code ${code})`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    bundle.remove();
  }
  return results;
}

/**
 * The worker's code as one plain-JS file. Workers would otherwise each start the TypeScript loader and
 * compile the engine module by module (seconds per worker on a busy machine); esbuild bundles it once in
 * ~0.1 s, and each worker then starts like any small script.
 */
async function workerBundle(): Promise<{ file: string; remove(): void }> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'envoy-sim-'));
  const file = join(dir, 'worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../sim/worker-entry.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
    // Libraries' production builds (immer's skips its development-time checks).
    define: { 'process.env.NODE_ENV': '"production"' },
    // seedrandom is CommonJS; the bundle needs a require for Node built-ins it references.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A one-line progress bar for terminals. */
function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} games`;
}

export async function runSimulate(argv: string[], io: Io): Promise<number> {
  const args = parseCommand('simulate', argv, FLAGS, { name: 'scenario FILE', min: 1, max: 1 });
  const file = args.positionals[0] as string;
  const runs = intFlag('simulate', args, 'runs', 1, MAX_RUNS, 1000);
  const base = stringFlag(args, 'seed') ?? 'sim';
  if (base === '' || base.length > 150)
    throw new UsageError('--seed must be 1 to 150 characters', 'simulate');
  const request = seatRequest('simulate', args);
  const workers = intFlag('simulate', args, 'workers', 1, 64, availableParallelism());
  const report = stringFlag(args, 'report');
  if (report === '') throw new UsageError('--report needs a file name', 'simulate');
  const json = boolFlag(args, 'json');

  const loaded = loadPlayable(io, file, json);
  if (!loaded) return 1;
  const { game } = loaded;
  const choice = chooseSeats('simulate', game, request);
  const strategy = own(choice.strategies, choice.played) as string;
  const started = Date.now();
  const parts = await playChunks(game, base, choice, runs, workers, (done) =>
    io.progress?.(progressBar(done, runs)),
  );
  io.progress?.('');
  const total = mergeSummaries(game, parts);
  const seconds = (Date.now() - started) / 1000;
  const rows = game.scenario.outcomes.map((o) => ({
    id: o.id,
    tier: tierFor(game, o.id, choice.played) ?? o.tier,
    historical: o.historical === true,
    games: own(total.outcomes, o.id) ?? 0,
    share: (own(total.outcomes, o.id) ?? 0) / total.games,
  }));
  if (report !== undefined)
    writeText(report, io.cwd, simulationReport(game, total, { base, strategy: seatsText(choice), runs }));
  if (json) {
    printJson(io, {
      ok: true,
      scenario: game.scenario.id,
      runs,
      seed: base,
      strategy,
      seat: choice.played,
      seats: choice.seats,
      strategies: choice.strategies,
      outcomes: rows,
      summary: total,
    });
    return 0;
  }
  io.out(
    `${game.scenario.id}: ${runs.toLocaleString('en')} games, seeds ${base}/0 … ${base}/${runs - 1}, strategy ${strategy}`,
  );
  const others = autoText(game, choice);
  io.out(`  seats: ${seatsText(choice)}${others ? `; ${others}` : ''}; tiers for ${choice.played}`);
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    const bar = '█'.repeat(Math.round(r.share * 40));
    io.out(
      `  ${r.id.padEnd(width)}  ${(r.share * 100).toFixed(1).padStart(5)}%  ${String(r.games).padStart(7)}  ${r.tier}${r.historical ? ', historical' : ''}  ${bar}`,
    );
  }
  io.out(
    `  average ${(total.turns / total.games).toFixed(1)} moves per game; ${seconds.toFixed(1)} s on ${Math.min(workers, chunksOf(runs).length)} worker(s)`,
  );
  if (report !== undefined) io.out(`report written to ${report}`);
  return 0;
}

/**
 * `npm run fuzz`: feeds generated and mutated scenario files to the loader (`parseScenarioBytes`) and, for
 * those that validate, compiles the game and plays a short one. Scenario files come from other people, so
 * the loader must answer every input with a scenario or with located diagnostics: never a throw, never an
 * internal error, never a hang. The mutants start from the real `scenarios/*.yaml` files and apply what an
 * author (or an attacker) might do: delete, swap and duplicate lines, type characters, change a scalar's
 * type, nest deeply, insert aliases, splice in random bytes, cut the file short.
 *
 *   npm run fuzz -- [--runs 100000] [--seed 1] [--workers N] [--timeout 5000] [--only mutants|ids|…]
 *
 * After the mutation fuzz come the other fuzzers of FUZZERS below (ids named after prototype properties…);
 * `--only <name>` runs one of them alone.
 *
 * Work is spread over worker threads; each reports every file before and after it, and a file that takes
 * longer than `--timeout` ms is a hang: its worker is stopped, the file is written to test-results/fuzz/
 * and the run carries on with a fresh worker. Exit code 1 on any crash, unlocated diagnostic or hang.
 * The mutation code is exported for the sampled test in test/hardening-fuzz.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type Action,
  applyAction,
  availableActions,
  compileGame,
  createGame,
  type GameState,
} from '../src/engine/index.ts';
import { type Diagnostic, parseScenarioBytes } from '../src/scenario/index.ts';

const root = new URL('../', import.meta.url);

/** The real scenarios, as lines: the seeds of every mutant. */
export function loadSources(): { name: string; lines: string[] }[] {
  const dir = new URL('scenarios/', root);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, lines: readFileSync(new URL(f, dir), 'utf8').split('\n') }));
}

/** Characters that mean something to YAML, typed at random places. */
const TYPED = [
  ':',
  ': ',
  '- ',
  '-',
  '\t',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '!!binary ',
  '!x ',
  '#',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '  ',
  '\n',
  '\r',
  '\\',
  '\u00a0',
  '\u202e',
  '\ufeff',
  '<<: ',
  '__proto__: ',
  'constructor: ',
  '---\n',
  '...\n',
];

/** Values of other types put where a scalar was. */
const SCALARS = [
  '42',
  '-1',
  '0',
  '1e309',
  '-1.5e-320',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  'true',
  'false',
  'yes',
  'null',
  '~',
  '""',
  "''",
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '2025-01-01',
  '2025-01-01T00:00:00Z',
  '!!str 5',
  '!!int x',
  '!!float x',
  '|\n  block',
  '"\\u0000"',
  '"\\uD800"',
  'x'.repeat(400),
  '💥'.repeat(50),
  '<script>alert(1)</script>',
];

const line = fc.nat({ max: 5000 });

/** One edit to a scenario file. */
export const mutationArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: line }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete-block' as const), at: line, count: fc.nat(60) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: line, with: line }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: line }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      at: line,
      col: fc.nat(200),
      text: fc.oneof(
        fc.constantFrom(...TYPED),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('scalar' as const),
      at: line,
      value: fc.oneof(fc.constantFrom(...SCALARS), fc.integer().map(String), fc.double().map(String)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('indent' as const),
      at: line,
      by: fc.integer({ min: -4, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nest' as const),
      at: line,
      depth: fc.integer({ min: 1, max: 300 }),
      flow: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('alias' as const),
      from: line,
      to: line,
      name: fc.constantFrom('a', 'x1', 'bomb'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** A whole test input: a real scenario with edits, or (sometimes) a file generated from nothing. */
export const specArb = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('mutant' as const),
      source: fc.nat(),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
      play: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.string({ unit: 'binary', maxLength: 400 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }) }),
  },
);
export type Spec = typeof specArb extends fc.Arbitrary<infer S> ? S : never;

const encoder = new TextEncoder();

/** Applies one line-level edit (byte-level edits are applied after encoding). */
function editLines(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return lines;
  const out = [...lines];
  const pick = (n: number) => n % out.length;
  switch (m.kind) {
    case 'delete':
      out.splice(pick(m.at), 1);
      break;
    case 'delete-block':
      out.splice(pick(m.at), m.count + 1);
      break;
    case 'swap': {
      const i = pick(m.at);
      const j = pick(m.with);
      [out[i], out[j]] = [out[j] as string, out[i] as string];
      break;
    }
    case 'duplicate': {
      const i = pick(m.at);
      out.splice(i, 0, out[i] as string);
      break;
    }
    case 'type': {
      const i = pick(m.at);
      const l = out[i] as string;
      const col = m.col % (l.length + 1);
      out[i] = l.slice(0, col) + m.text + l.slice(col);
      break;
    }
    case 'scalar': {
      // The next line at or after `at` that holds `key: value`: its value becomes another type.
      for (let k = 0; k < out.length; k++) {
        const i = (m.at + k) % out.length;
        const match = /^(\s*(?:- )?[^#:\s][^:]*:\s)(.+)$/.exec(out[i] as string);
        if (match) {
          out[i] = `${match[1]}${m.value}`;
          break;
        }
      }
      break;
    }
    case 'indent': {
      const i = pick(m.at);
      const l = out[i] as string;
      out[i] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    }
    case 'nest': {
      const i = pick(m.at);
      const l = out[i] as string;
      const indent = /^\s*/.exec(l)?.[0] ?? '';
      if (m.flow) {
        out[i] = `${indent}deep: ${'['.repeat(m.depth)}1${']'.repeat(m.depth)}`;
      } else {
        const nested: string[] = [];
        for (let d = 0; d < m.depth; d++) nested.push(`${indent}${'  '.repeat(d)}k${d}:`);
        nested.push(`${indent}${'  '.repeat(m.depth)}v`);
        out.splice(i, 1, ...nested);
      }
      break;
    }
    case 'alias': {
      // Anchor one value and refer to it elsewhere (which may be before the anchor, or inside it).
      const from = pick(m.from);
      const to = pick(m.to);
      out[from] = (out[from] as string).replace(/:(\s)/, `: &${m.name}$1`);
      out[to] = (out[to] as string).replace(/:\s.*$/, `: *${m.name}`);
      break;
    }
    default:
      break;
  }
  return out;
}

/** The bytes of one test input. */
export function buildInput(sources: readonly { lines: string[] }[], spec: Spec): Uint8Array {
  if (spec.kind === 'text') return encoder.encode(spec.text);
  if (spec.kind === 'bytes') return spec.bytes;
  const source = sources[spec.source % sources.length] as { lines: string[] };
  let lines = source.lines;
  for (const m of spec.mutations)
    if (m.kind !== 'bytes' && m.kind !== 'truncate') lines = editLines(lines, m);
  let bytes = encoder.encode(lines.join('\n'));
  for (const m of spec.mutations) {
    if (m.kind === 'bytes') {
      const at = m.at % (bytes.length + 1);
      const next = new Uint8Array(bytes.length + m.bytes.length);
      next.set(bytes.subarray(0, at), 0);
      next.set(m.bytes, at);
      next.set(bytes.subarray(at), at + m.bytes.length);
      bytes = next;
    } else if (m.kind === 'truncate') {
      bytes = bytes.subarray(0, m.at % (bytes.length + 1));
    }
  }
  return bytes;
}

/** What one input did. `problem` is set for a crash, an unlocated diagnostic or an engine failure. */
export interface Checked {
  /** Milliseconds spent in `parseScenarioBytes`. */
  ms: number;
  valid: boolean;
  /** Moves played when it validated. */
  moves: number;
  problem: string | null;
}

/** Why a diagnostic does not meet the loader's promise (a located, coded, non-internal problem), or null. */
export function diagnosticProblem(d: Diagnostic): string | null {
  if (!Number.isInteger(d.line) || d.line < 1) return `line ${d.line} is not ≥ 1`;
  if (!Number.isInteger(d.col) || d.col < 1) return `col ${d.col} is not ≥ 1`;
  if (typeof d.code !== 'string' || !/^[a-z]+\/[a-z0-9-]+$/.test(d.code)) return `bad code ${String(d.code)}`;
  if (d.code.startsWith('internal/')) return `internal error: ${d.message}`;
  if (typeof d.message !== 'string' || d.message === '') return 'empty message';
  return null;
}

/** Plays up to `limit` moves of a compiled game, choosing by `pick`; fails on any engine error. */
function shortGame(scenario: Parameters<typeof compileGame>[0], pick: number, limit: number): number {
  const game = compileGame(scenario);
  let state: GameState = createGame(game, `fuzz/${pick}`);
  let moves = 0;
  for (; moves < limit && !state.over; moves++) {
    const actions = availableActions(game, state);
    if (actions.length === 0) break;
    const action = actions[(pick + moves * 7919) % actions.length] as Action;
    const r = applyAction(game, state, action);
    if ('error' in r) throw new Error(`an available action was refused: ${r.error.message}`);
    state = r.state;
  }
  return moves;
}

/** Loads one input and, when it validates, plays a short game; never throws. */
export function checkInput(bytes: Uint8Array, pick = 0, moves = 12): Checked {
  const t0 = performance.now();
  let result: ReturnType<typeof parseScenarioBytes>;
  try {
    result = parseScenarioBytes(bytes, 'fuzz.yaml');
  } catch (err) {
    return { ms: performance.now() - t0, valid: false, moves: 0, problem: `loader threw: ${String(err)}` };
  }
  const ms = performance.now() - t0;
  const list = 'errors' in result ? result.errors : result.warnings;
  for (const d of list) {
    const why = diagnosticProblem(d);
    if (why) return { ms, valid: false, moves: 0, problem: `${why} (${d.code} ${d.message})` };
  }
  if ('errors' in result) {
    if (!result.errors.some((d) => d.severity === 'error'))
      return { ms, valid: false, moves: 0, problem: 'refused without an error' };
    return { ms, valid: false, moves: 0, problem: null };
  }
  try {
    return { ms, valid: true, moves: shortGame(result.scenario, pick, moves), problem: null };
  } catch (err) {
    return {
      ms,
      valid: true,
      moves: 0,
      problem: `engine: ${err instanceof Error ? err.stack : String(err)}`,
    };
  }
}

/** The q-quantile of a list of numbers. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------------------
// The command: a pool of worker threads, each taking chunks of inputs, with a per-file watchdog.

/** Inputs per chunk: a chunk's inputs are `fc.sample(specArb, { seed: seed + chunk, numRuns: CHUNK })`. */
export const CHUNK = 250;

/** The inputs of one chunk, regenerated identically wherever they are needed. */
export function chunkSpecs(seed: number, chunk: number): Spec[] {
  return fc.sample(specArb, { seed: seed + chunk, numRuns: CHUNK });
}

interface Job {
  seed: number;
  chunk: number;
  from: number;
  to: number;
}
type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; index: number; checked: Checked }
  | { type: 'chunk-done'; chunk: number };

async function workerMain(): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  const sources = loadSources();
  parentPort?.postMessage({ type: 'ready' } satisfies WorkerMessage);
  parentPort?.on('message', (job: Job) => {
    const specs = chunkSpecs(job.seed, job.chunk);
    for (let i = job.from; i < job.to; i++) {
      const spec = specs[i] as Spec;
      const checked = checkInput(buildInput(sources, spec), spec.kind === 'mutant' ? spec.play : i);
      parentPort?.postMessage({
        type: 'result',
        index: job.chunk * CHUNK + i,
        checked,
      } satisfies WorkerMessage);
    }
    parentPort?.postMessage({ type: 'chunk-done', chunk: job.chunk } satisfies WorkerMessage);
  });
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
}

/**
 * The fuzzers besides the loader mutation fuzz, by name: each takes the command-line arguments and returns
 * its failures. `npm run fuzz` runs the mutation fuzz and then each of these; `--only <name>` runs one.
 */
interface Fuzzer {
  /** The flag that sets how many inputs it tries, and the default. */
  runsFlag: string;
  runs: number;
  /** The default seed (`--seed` overrides it). */
  seed: number;
  /** Runs it; the failures in words, and figures for the summary line. */
  run(runs: number, seed: number): Promise<{ failures: string[]; figures?: Record<string, number> }>;
}

const FUZZERS: Record<string, Fuzzer> = {
  /** Class 1: ids named after prototype properties (scripts/fuzz-ids.ts). */
  ids: {
    runsFlag: 'id-runs',
    runs: 400,
    seed: 20_251_106,
    async run(runs, seed) {
      const r = (await import('./fuzz-ids.ts')).runIdsFuzz(runs, seed);
      return { failures: r.failures, figures: { compared: r.compared, skipped: r.skipped } };
    },
  },
  /** Class 4: files stretched around each count limit (scripts/fuzz-limits.ts). */
  limits: {
    runsFlag: 'limit-runs',
    runs: 40,
    seed: 4,
    run: async (runs, seed) => ({ failures: (await import('./fuzz-limits.ts')).fuzzLimits(runs, seed) }),
  },
  /** Class 3: numbers at and past their bounds (scripts/fuzz-numbers.ts). */
  numbers: {
    runsFlag: 'number-runs',
    runs: 1500,
    seed: 17,
    run: async (runs, seed) => ({ failures: (await import('./fuzz-numbers.ts')).fuzzNumbers(runs, seed) }),
  },
};

/** Runs one of FUZZERS with its flags; prints its summary; returns its failures. */
async function runFuzzer(name: string, f: Fuzzer, args: string[]): Promise<string[]> {
  const runs = option(args, f.runsFlag, f.runs);
  const started = performance.now();
  const { failures, figures } = await f.run(runs, option(args, 'seed', f.seed));
  const seconds = (performance.now() - started) / 1000;
  const summary = { fuzzer: name, inputs: runs, ...figures, failures: failures.length, seconds };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return failures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--only');
  const only = at >= 0 ? args[at + 1] : undefined;
  if (only !== undefined && only !== 'mutants' && !Object.hasOwn(FUZZERS, only))
    throw new Error(`--only takes mutants, ${Object.keys(FUZZERS).join(', ')}; not "${only}"`);
  let failed = false;
  if (only === undefined || only === 'mutants') failed = !(await mutationFuzz(args));
  for (const [name, run] of Object.entries(FUZZERS)) {
    if (only !== undefined && only !== name) continue;
    const failures = await runFuzzer(name, run, args);
    for (const f of failures.slice(0, 50)) process.stdout.write(`FAIL ${name}: ${f}\n`);
    if (failures.length > 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

/** The loader mutation fuzz; true when it found nothing. */
async function mutationFuzz(args: string[]): Promise<boolean> {
  const { Worker } = await import('node:worker_threads');
  const { availableParallelism } = await import('node:os');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const runs = option(args, 'runs', 100_000);
  const seed = option(args, 'seed', 20_251_106);
  const workers = Math.max(1, option(args, 'workers', availableParallelism()));
  const timeout = option(args, 'timeout', 5000);
  const chunks = Math.ceil(runs / CHUNK);
  const sources = loadSources();
  const times: number[] = [];
  const failures: string[] = [];
  let valid = 0;
  let played = 0;
  let moves = 0;
  let hangs = 0;
  let nextChunk = 0;
  const started = performance.now();
  const outDir = new URL('test-results/fuzz/', root);
  const keep = (index: number, why: string) => {
    const chunk = Math.floor(index / CHUNK);
    const spec = chunkSpecs(seed, chunk)[index % CHUNK] as Spec;
    mkdirSync(outDir, { recursive: true });
    const file = new URL(`input-${index}.yaml`, outDir);
    writeFileSync(file, buildInput(sources, spec));
    failures.push(`#${index} (${file.pathname}): ${why.slice(0, 600)}`);
  };

  const summarise = () => ({
    inputs: times.length,
    valid,
    played,
    moves,
    refused: times.length - valid,
    failures: failures.length,
    hangs,
    validateMs: {
      p50: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      max: times.reduce((a, b) => Math.max(a, b), 0),
    },
    seconds: (performance.now() - started) / 1000,
    seed,
    workers,
    complete: times.length >= runs,
  });
  function writeSummary(): void {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(
      new URL('summary.json', outDir),
      `${JSON.stringify({ ...summarise(), failures }, null, 2)}\n`,
    );
  }
  // Workers load this TypeScript file through tsx's API (a worker does not inherit tsx's loader hooks).
  const boot = `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; await tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)});`;
  let deaths = 0;
  await new Promise<void>((done) => {
    let running = 0;
    const spawn = (job: Job | null) => {
      if (!job) {
        if (nextChunk >= chunks) {
          if (running === 0) done();
          return;
        }
        const chunk = nextChunk++;
        job = { seed, chunk, from: 0, to: Math.min(CHUNK, runs - chunk * CHUNK) };
      }
      running++;
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
        workerData: { fuzzWorker: true },
      });
      let current: Job = job;
      let last = job.chunk * CHUNK + job.from - 1;
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          // The file after the last reported one has run too long: a hang. Skip it, carry on.
          const hung = last + 1;
          hangs++;
          keep(hung, `no answer within ${timeout} ms (hang)`);
          void worker.terminate();
          running--;
          const offset = hung - current.chunk * CHUNK + 1;
          spawn(offset < current.to ? { ...current, from: offset } : null);
        }, timeout);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          // The watchdog starts once the worker has loaded: start-up time is not a file's time.
          worker.postMessage(current);
          arm();
          return;
        }
        if (m.type === 'result') {
          last = m.index;
          times.push(m.checked.ms);
          if (m.checked.valid) {
            valid++;
            if (m.checked.problem === null) {
              played++;
              moves += m.checked.moves;
            }
          }
          if (m.checked.problem) keep(m.index, m.checked.problem);
          const done = times.length;
          if (done % 2500 === 0) {
            writeSummary();
            const s = (performance.now() - started) / 1000;
            process.stdout.write(
              `  ${done}/${runs} inputs, ${valid} valid, ${failures.length} failures, ${s.toFixed(0)} s\n`,
            );
          }
          arm();
          return;
        }
        if (nextChunk < chunks) {
          const chunk = nextChunk++;
          current = { seed, chunk, from: 0, to: Math.min(CHUNK, runs - chunk * CHUNK) };
          last = chunk * CHUNK - 1;
          worker.postMessage(current);
          arm();
        } else {
          clearTimeout(timer);
          void worker.terminate();
          running--;
          if (running === 0) done();
        }
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        if (++deaths > 20) throw new Error(`fuzz workers keep dying: ${err.stack ?? err.message}`);
        keep(last + 1, `worker died: ${err.stack ?? err.message}`);
        running--;
        const offset = last + 1 - current.chunk * CHUNK + 1;
        spawn(offset < current.to ? { ...current, from: offset } : null);
      });
    };
    for (let w = 0; w < Math.min(workers, chunks); w++) spawn(null);
  });

  const summary = summarise();
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  for (const f of failures.slice(0, 50)) process.stdout.write(`FAIL ${f}\n`);
  writeSummary();
  return failures.length === 0;
}

const { isMainThread, workerData } = await import('node:worker_threads');
if (!isMainThread && (workerData as { fuzzWorker?: boolean } | null)?.fuzzWorker) await workerMain();
else if (
  isMainThread &&
  process.argv[1] &&
  new URL(import.meta.url).pathname === (await import('node:fs')).realpathSync(process.argv[1])
)
  await main();

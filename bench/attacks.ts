/**
 * Resource attacks on the scenario loader: inputs built to exhaust memory or time (an alias bomb, deep
 * nesting, a huge file, a huge line, masses of duplicate keys, invalid UTF-8). Each must be refused with a
 * clear, located message in bounded time and memory.
 *
 * `benchAttacks()` runs every attack in a child process of its own (so its peak memory is its own) and
 * returns the time and memory figures; `npm run bench` can call it, and test/hardening-attacks.test.ts
 * asserts loose ceilings on the same numbers. `tsx bench/attacks.ts` prints them; `--one NAME` is the
 * child's entry point.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, parseScenarioBytes } from '../src/scenario/index.ts';

const encoder = new TextEncoder();
const tutorial = (): string => readFileSync(new URL('../scenarios/tutorial.yaml', import.meta.url), 'utf8');

/** The attacks by name: each builds its input (outside the measured time). */
export const ATTACKS: Record<string, () => Uint8Array> = {
  /** "Billion laughs": ten levels of ten aliases each, 10^10 strings if expanded. */
  'alias-bomb': () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return encoder.encode(`${tutorial()}\n${lines.join('\n')}\nbomb: *a9\n`);
  },
  /** 10,000 levels of flow sequences: `[[[[…]]]]`. */
  'nesting-10k-flow': () => encoder.encode(`id: deep\nx: ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n`),
  /** 10,000 levels of flow mappings on one line: `{a: {a: …}}`. */
  'nesting-10k-map': () => encoder.encode(`id: deep\nx: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
  /** 10,000 levels of block sequences on one line: `- - - - … x`. */
  'nesting-10k-block': () => encoder.encode(`x:\n  ${'- '.repeat(10_000)}x\n`),
  /** A 20 MB file (a valid scenario padded with comments). */
  'file-20mb': () => {
    const head = tutorial();
    const pad = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil((20 * 1024 * 1024 - head.length) / 101));
    return encoder.encode(head + pad);
  },
  /** A single line of 1 MB (just under the size limit), as the value of a text field. */
  'line-1mb': () => encoder.encode(tutorial().replace(/^title: .*$/m, `title: ${'x'.repeat(1_000_000)}`)),
  /** 50,000 duplicate keys in one mapping (the library's own check is quadratic). */
  'duplicate-keys': () => {
    const lines = [tutorial(), 'glossary2:'];
    for (let i = 0; i < 50_000; i++) lines.push(`  k${i % 25_000}: v`);
    return encoder.encode(lines.join('\n'));
  },
  /** A real scenario with a Latin-1 byte in a text, then 1 MB of bytes that are not UTF-8 at all. */
  'invalid-utf8': () => {
    const good = encoder.encode(tutorial());
    const bytes = new Uint8Array(good.length + 1 + 1_000_000).fill(0xff);
    bytes.set(good.subarray(0, 200), 0);
    bytes[200] = 0xe9; // é in Latin-1
    bytes.set(good.subarray(200), 201);
    return bytes.subarray(0, good.length + 1);
  },
  'invalid-utf8-1mb': () => new Uint8Array(1_000_000).fill(0xc3),
};

/** What one attack did: its time, its memory growth, and the diagnostics it got. */
export interface AttackFigure {
  name: string;
  /** Input size in bytes. */
  bytes: number;
  /** Time in `parseScenarioBytes`. */
  ms: number;
  /** Peak resident memory of the child over its memory just before parsing, in MB. */
  peakGrowthMB: number;
  /** Peak resident memory of the child, in MB. */
  peakRssMB: number;
  refused: boolean;
  first: Pick<Diagnostic, 'line' | 'col' | 'code' | 'message'> | null;
}

/** Runs one attack in this process (the child's job). */
export function runAttack(name: string): AttackFigure {
  const build = ATTACKS[name];
  if (!build) throw new Error(`unknown attack ${name}`);
  const bytes = build();
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = parseScenarioBytes(bytes, `${name}.yaml`);
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
  const first = 'errors' in result ? result.errors[0] : undefined;
  return {
    name,
    bytes: bytes.length,
    ms,
    peakGrowthMB: Math.max(0, peak - before) / 1048576,
    peakRssMB: peak / 1048576,
    refused: 'errors' in result,
    first: first ? { line: first.line, col: first.col, code: first.code, message: first.message } : null,
  };
}

/** Runs one attack in a fresh child process (tsx), so its peak memory is measured alone. */
export function runAttackInChild(name: string): Promise<AttackFigure> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--expose-gc', self, '--one', name],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 60_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`attack ${name} failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as AttackFigure);
      },
    );
  });
}

/** Every attack, each in its own child process, one after another; for `npm run bench`. */
export async function benchAttacks(): Promise<AttackFigure[]> {
  const figures: AttackFigure[] = [];
  for (const name of Object.keys(ATTACKS)) figures.push(await runAttackInChild(name));
  return figures;
}

const argv = process.argv;
if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) {
  const i = argv.indexOf('--one');
  if (i >= 0) process.stdout.write(JSON.stringify(runAttack(argv[i + 1] ?? '')));
  else {
    for (const f of await benchAttacks()) {
      process.stdout.write(
        `${f.name.padEnd(18)} ${(f.bytes / 1048576).toFixed(2).padStart(6)} MB  ${f.ms.toFixed(1).padStart(8)} ms  peak +${f.peakGrowthMB.toFixed(1)} MB (rss ${f.peakRssMB.toFixed(0)} MB)  ${f.first ? `${f.first.line}:${f.first.col} ${f.first.code}: ${f.first.message}` : 'ACCEPTED'}\n`,
      );
    }
  }
}

/**
 * Hardening class 5: inputs with no size. `stat` says 0 bytes for devices, pipes and FIFOs, so the size
 * caps must count the bytes read. Every command that reads a file is given endless or oversized sources
 * (/dev/zero, /dev/urandom, an endless pipe on /dev/stdin, a FIFO, a regular file just over the cap) in a
 * child process: each must refuse at once, naming the file and the limit, with bounded memory. Generated
 * sizes around each cap check that the cap is exact (at the cap: read; one byte over: refused).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readBytes } from '../src/cli/io.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'envoy-unbounded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Each command with the arguments that make it read FILE (a scenario, or a replay). */
const READERS: [string, (file: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['check', (f) => ['check', f]],
  ['play', (f) => ['play', f, '--seed', '1']],
  ['simulate', (f) => ['simulate', f, '--runs', '2']],
  ['replay', (f) => ['replay', f]],
  ['diff', (f) => ['diff', f, f]],
];

/** Runs the CLI; `feed` writes endlessly to its stdin. Peak memory comes from GNU time when present. */
function envoy(args: string[], feed = false): Promise<{ status: number | null; stderr: string; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/envoy.js', ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    if (feed) {
      const line = Buffer.from('id: x\n'.repeat(10_000));
      const pump = () => {
        while (child.stdin.writable && child.stdin.write(line));
      };
      child.stdin.on('drain', pump);
      child.stdin.on('error', () => undefined);
      pump();
    } else child.stdin.end();
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stderr, ms: Date.now() - started });
    });
  });
}

describe('inputs with no size', () => {
  for (const [name, args] of READERS) {
    it(`${name} refuses /dev/zero, /dev/urandom and an endless pipe, naming the file and the limit`, async () => {
      for (const [file, feed] of [
        ['/dev/zero', false],
        ['/dev/urandom', false],
        ['/dev/stdin', true],
      ] as const) {
        const r = await envoy(args(file), feed);
        expect(r.status, `${name} ${file}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(file);
        expect(r.stderr).toMatch(/too large \(more than \d+ bytes; the limit is \d+ MiB\)/);
        expect(r.ms).toBeLessThan(20_000);
      }
    }, 120_000);
  }

  it('refuses a FIFO that never ends', () => {
    const fifo = join(tmp, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    const r = spawnSync(
      'sh',
      [
        '-c',
        `yes 'id: x' > '${fifo}' & node bin/envoy.js validate '${fifo}'; s=$?; kill $! 2>/dev/null; exit $s`,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/fifo:1:1: error: file is too large/);
  });

  it('reads exactly up to the cap and refuses one byte more, from files and from pipes (generated sizes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: -3, max: 3 }), (cap, delta) => {
        const size = Math.max(0, cap + delta);
        const file = join(tmp, 'sized');
        writeFileSync(file, Buffer.alloc(size, 0x61));
        const r = readBytes(file, tmp, cap);
        if (size <= cap) expect('bytes' in r && r.bytes.length).toBe(size);
        else expect('problem' in r && r.problem).toMatch(/too large/);
        const piped = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            '-e',
            `import('./src/cli/io.ts').then((m) => { const r = m.readBytes('/dev/stdin', '.', ${cap}); process.stdout.write('bytes' in r ? String(r.bytes.length) : r.problem); })`,
          ],
          { cwd: ROOT, input: Buffer.alloc(size, 0x62), encoding: 'utf8', timeout: 30_000 },
        );
        if (size <= cap) expect(piped.stdout).toBe(String(size));
        else expect(piped.stdout).toMatch(/too large/);
      }),
      { numRuns: 6, seed: 5 },
    );
  }, 120_000);
});

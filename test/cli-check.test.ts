/**
 * `envoy check`: output format, exit codes (0 with warnings, 1 with --strict or errors, 2 on bad usage),
 * --json, and the help. In process through `main()`, plus one real child process for the streams.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { DEFAULT_BUDGET } from '../src/lint/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(`${l}\n`), err: (l) => err.push(`${l}\n`), cwd: ROOT };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

const METER = 'test/fixtures/lint/unused-meter.yaml';
const CLEAN = 'test/fixtures/authoring/two-party.yaml';

describe('envoy check', () => {
  it('passes a clean scenario with no warnings: exit 0, one ok line naming the search', async () => {
    const r = await run('check', CLEAN);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^test\/fixtures\/authoring\/two-party\.yaml: ok \(scenario harbour-berths v1, hash [0-9a-f]{12}; 0 warnings; searched [\d,]+ games \/ 9,000 actions\)\n$/,
    );
    expect(r.status).toBe(0);
  }, 90_000);

  it('prints warnings as file:line:col and still exits 0', async () => {
    const r = await run('check', METER);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${METER}:52:3: warning: meter \`morale\` is never read`);
    expect(r.stderr).toContain(`${METER}:58:3: warning: meter \`prestige\` is unused`);
    expect(r.stdout).toMatch(/: ok \(.*; 4 warnings; searched/);
  }, 90_000);

  it('fails on warnings with --strict (exit 1)', async () => {
    const r = await run('check', METER, '--strict');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/: failed \(--strict\) \(/);
    expect((await run('check', CLEAN, '--strict')).status).toBe(0);
  }, 90_000);

  it('reports validation errors exactly as validate does (exit 1)', async () => {
    const bad = 'test/fixtures/malformed/catch-all-missing.yaml';
    const checked = await run('check', bad);
    const validated = await run('validate', bad);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toBe(validated.stderr);
    const missing = await run('check', 'no-such-file.yaml');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^no-such-file\.yaml:1:1: error: cannot read file \(ENOENT\)/);
  }, 90_000);

  it('prints one JSON document with --json', async () => {
    const r = await run('check', METER, CLEAN, '--json', '--budget', '500');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.strict).toBe(false);
    expect(doc.files).toHaveLength(2);
    const [meter, clean] = doc.files;
    expect(meter.warnings).toBeGreaterThanOrEqual(2);
    expect(meter.diagnostics.some((d: { code: string }) => d.code === 'lint/unused-meter')).toBe(true);
    expect(meter.search).toMatchObject({ budget: 500, actions: 500 });
    expect(clean).toMatchObject({ ok: true, id: 'harbour-berths', warnings: 0, errors: 0, diagnostics: [] });
  }, 90_000);

  it('refuses a bad --budget (exit 2) and documents itself', async () => {
    const r = await run('check', CLEAN, '--budget', 'lots');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--budget must be a whole number/);
    const help = await run('help', 'check');
    expect(help.stdout).toContain(
      'envoy check FILE... [--as SEAT | --seats A,B] [--strict] [--budget N] [--json]',
    );
    expect(help.stdout).toContain(`(default ${DEFAULT_BUDGET.actions})`);
    expect((await run('--help')).stdout).toMatch(/^ {2}check +validate scenario files, then lint them/m);
  }, 90_000);

  it('runs as a real process: warnings on stderr, the verdict on stdout', () => {
    const r = spawnSync(process.execPath, ['bin/envoy.js', 'check', METER, '--budget', '300'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^test\/fixtures\/lint\/unused-meter\.yaml:52:3: warning: /m);
    expect(r.stdout).toMatch(/unused-meter\.yaml: ok \(/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 90_000);
});

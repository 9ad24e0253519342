#!/usr/bin/env node
/**
 * `npm test`: the Node unit tests, then the browser tests against the system Chromium.
 * A missing browser is an error, never a silent skip: a green run must mean the game was tested in a browser.
 * Extra arguments are forwarded to both Vitest runs (e.g. `npm test -- --reporter=verbose`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_CANDIDATES, findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const extraArgs = process.argv.slice(2);

const chrome = findChrome();
if (!chrome) {
  process.stderr.write(
    [
      '',
      'npm test: no Chromium/Chrome found, and the browser tests cannot be skipped.',
      '  Install it:       sudo apt-get install -y chromium      (Debian/Ubuntu)',
      '  or point at one:  CHROME_PATH=/path/to/chrome npm test',
      `  Looked for: $CHROME_PATH${process.env.CHROME_PATH ? ` (${process.env.CHROME_PATH}: not executable)` : ' (unset)'},`,
      `    ${CHROME_CANDIDATES.join(', ')}`,
      '  Unit tests alone: npm run test:unit',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** Runs one Vitest invocation with inherited stdio; returns true when it passed. */
function vitest(label, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(process.execPath, [vitestBin, 'run', ...args, ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chrome },
  });
  if (result.error) {
    process.stderr.write(`npm test: could not start Vitest (${vitestBin}): ${result.error.message}\n`);
    return false;
  }
  if (result.signal) {
    process.stderr.write(`npm test: Vitest was killed by ${result.signal}\n`);
    return false;
  }
  return result.status === 0;
}

// A file filter aimed at one project must not fail the other for having no matching files.
const filterArgs = extraArgs.length > 0 ? ['--passWithNoTests'] : [];
const unitOk = vitest('unit tests (node)', filterArgs);
const browserOk = vitest(`browser tests (${chrome})`, ['--config', 'vitest.browser.config.ts']);

if (!unitOk || !browserOk) {
  const failed = [!unitOk && 'unit', !browserOk && 'browser'].filter(Boolean).join(' and ');
  process.stderr.write(`\nnpm test: ${failed} tests failed.\n`);
  process.exit(1);
}

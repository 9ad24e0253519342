#!/usr/bin/env node
/**
 * Locates a system Chromium/Chrome for the browser tests. Downloaded test browsers do not work on the
 * project's machines, so tests use whatever the OS provides, or CHROME_PATH.
 *
 * As a CLI (`node scripts/find-chrome.mjs`): prints the path and exits 0, or exits 1 printing nothing on stdout.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Standard install locations on Debian/Ubuntu and Google's packages, in order of preference. */
export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Whether a path is an executable regular file (or a symlink to one). */
function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns CHROME_PATH when it is set and executable, else the first installed candidate, else null.
 * @returns {string | null}
 */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  return CHROME_CANDIDATES.find(isExecutable) ?? null;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const envPath = process.env.CHROME_PATH;
  if (envPath && !isExecutable(envPath)) {
    process.stderr.write(`find-chrome: CHROME_PATH=${envPath} is not an executable file; ignoring it.\n`);
  }
  const found = findChrome();
  if (found) {
    process.stdout.write(`${found}\n`);
  } else {
    process.stderr.write('find-chrome: no Chromium/Chrome found.\n');
    process.exitCode = 1;
  }
}

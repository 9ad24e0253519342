#!/usr/bin/env node
// The `envoy` command. The CLI is TypeScript run through tsx (no build step): register the loader,
// import src/cli/main.ts and run it. Any failure becomes one line on stderr, never a stack trace.
import { fileURLToPath } from 'node:url';

function fail(error) {
  process.stderr.write(`envoy: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

// A reader that stops early (`envoy play … --log | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const argv = process.argv.slice(2);

// Startup speed: every module imported after `register` goes through tsx's loader thread (~4 ms each),
// and zod alone is ~95 modules. Loading the plain-JS dependencies natively first halves the start-up of
// the commands that use them; the .ts files later get these same module instances from Node's cache.
// Best effort: a dependency that is missing or renamed is simply loaded later through tsx.
const first = argv[0] ?? '';
if (
  ['validate', 'check', 'play', 'replay', 'diff', 'simulate', 'schema'].includes(first) &&
  !argv.includes('--help') &&
  !argv.includes('-h')
) {
  await Promise.allSettled(
    ['zod', 'yaml', 'xstate', 'immer', 'seedrandom', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'].map(
      (m) => import(m),
    ),
  );
}

try {
  const { register } = await import('tsx/esm/api');
  // Our own tsconfig, whatever the current directory holds.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(argv);
} catch (error) {
  fail(error);
}

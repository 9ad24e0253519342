#!/usr/bin/env node
// The `envoy` command. The CLI is TypeScript run through tsx (no build step): register the loader,
// import src/cli/main.ts and run it. Any failure becomes one line on stderr, never a stack trace.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

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

try {
  // Our own tsconfig, whatever the current directory holds.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  fail(error);
}

/**
 * Vitest global setup for the browser tests: builds the shipped site once (Vite's own `build()`, the same
 * config as `npm run build`) and hands its folder to every test file, instead of one build per file. The
 * folder is this run's own, so two runs at once (two terminals, an editor's runner) never rebuild each
 * other's site mid-test; it is removed afterwards.
 */
import { mkdir, rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildSite, SCREENSHOT_DIR } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the production build the browser tests serve. */
    envoyDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Screenshots of this run only: a stale one from an older test must not be mistaken for the page now.
  await rm(SCREENSHOT_DIR, { recursive: true, force: true });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const dir = await buildSite(`run-${process.pid}`);
  project.provide('envoyDist', dir);
  return () => rm(dir, { recursive: true, force: true });
}

/**
 * Builds the shipped site with Vite's own `build()` into a throwaway folder, so the browser tests exercise
 * exactly what `npm run build` ships, without touching (or racing over) the real `dist/`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds into `outDir` (emptied first) with the project's own Vite config. */
export async function buildSiteInto(outDir: string): Promise<void> {
  await build({
    configFile: `${root}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Builds into `test-results/dist/<name>` and returns that folder. */
export async function buildSite(name: string): Promise<string> {
  const outDir = `${root}test-results/dist/${name}`;
  await buildSiteInto(outDir);
  return outDir;
}

/** Where the tests save screenshots for people to look at. */
export const SCREENSHOT_DIR = `${root}test-results/screenshots`;

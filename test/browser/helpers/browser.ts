/**
 * Shared plumbing for the end-to-end tests: a headless system Chromium driven by playwright-core, and a static
 * server for the built `dist/`. Build first (`npm run build`); these helpers do not build.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChrome } from '../../../scripts/find-chrome.mjs';

/** Flags measured to work for headless Chromium on the project's machines (see stack-notes). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running browser context plus the cleanup that also removes its throwaway profile. */
export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts the system Chromium with a fresh profile. A persistent context is used because playwright-core rejects
 * a `--user-data-dir` argument, and a temp profile keeps runs independent of each other. `extraArgs` go after the
 * standard flags (the heap bench passes `--js-flags=…`).
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<LaunchedBrowser> {
  const executablePath = findChrome();
  if (!executablePath) {
    throw new Error('No Chromium/Chrome found: install chromium or set CHROME_PATH=/path/to/chrome.');
  }
  const profile = await mkdtemp(join(tmpdir(), 'envoy-chrome-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROME_ARGS, ...extraArgs],
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Console noise from SwiftShader that says nothing about the game. */
const BENIGN_CONSOLE = [/GPU stall due to ReadPixels/i];

/** Collects page errors and console errors/warnings (minus known-benign ones) so a test can assert none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    if (!BENIGN_CONSOLE.some((pattern) => pattern.test(text))) problems.push(`${type}: ${text}`);
  });
  return problems;
}

/**
 * A fresh page at a viewport size that records console errors, page errors and failed or 4xx/5xx
 * requests, so a test can assert that a whole playthrough caused none.
 */
export async function openPage(
  browser: LaunchedBrowser,
  width: number,
  height: number,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = collectProblems(page);
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
};

/** A static server and the base URL it listens on (always ends with `/`). */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built directory on 127.0.0.1 at a random free port, the way any static host would (the build uses
 * `base: './'`), so the tests exercise the shipped files rather than the dev server.
 */
export async function startServer(dir: string): Promise<StaticServer> {
  const rootDir = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(rootDir, pathname));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      else if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

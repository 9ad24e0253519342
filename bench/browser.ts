/**
 * `npm run bench` (browser part): the page's performance figures the issues set targets for, measured in the
 * system's headless Chromium against the production build (the same Vite config as `npm run build`, built
 * into a throwaway folder). Prints a table and writes bench/results/browser.json. Every figure is reported
 * with its target; a miss sets the exit code, as the Node bench does. `tsx bench/browser.ts heap` runs one part.
 *
 *   download   gzip size of the JavaScript the title page loads before it is interactive   ≤ 260 kB
 *   startup    navigation → interactive title, median of LOADS, vs stock Phaser's empty game  ≤ 1.3×
 *   fps        median frame rate while the Council's roll call and the table's tweens run    ≥ 60 (±2)
 *   longtask   longest main-thread task while rounds resolve (moves by keyboard)            ≤ 50 ms
 *   heap       JS objects kept after ten games in one page vs after the first (GC forced)   ≤ +10 %
 *              (and DOM nodes/listeners flat, and the whole heap with V8's compilers off ≤ +10 %)
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { playGame } from '../src/engine/index.ts';
import { launchBrowser, startServer } from '../test/browser/helpers/browser.ts';
import { buildSiteInto } from '../test/browser/helpers/build-site.ts';
import { growth, readHeap } from '../test/browser/helpers/heap.ts';
import {
  focused,
  isButton,
  onScreen,
  openDebrief,
  playFirstMovesByKeyboard,
  pressButton,
  tabTo,
} from '../test/browser/helpers/page-driver.ts';
import { loadGame } from '../test/helpers/scenarios.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Page loads per variant for the start-up medians. */
const LOADS = 10;
/** Games played in one page for the heap figure. */
const GAMES = Number(process.env.ENVOY_BENCH_GAMES ?? 10);
/** Games the heap page plays on to, so the report shows where V8's compiled code levels off. */
const PLATEAU = Number(process.env.ENVOY_BENCH_PLATEAU ?? 20);
const VIEWPORT = { width: 1280, height: 720 };
/** `tsx bench/browser.ts heap fps` measures only those parts (startup, fps, longtask, heap); none: all. */
const PARTS = process.argv.slice(2);
const wanted = (part: string) => PARTS.length === 0 || PARTS.includes(part);

interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  /** Reported for context, not a target: never sets the exit code. */
  info?: boolean;
  extra?: Record<string, number | string>;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** A blank page running stock Phaser (the full package's dist build) with one empty scene. */
async function stockPhaserSite(dir: string, type: 'CANVAS' | 'AUTO'): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(join(root, 'node_modules/phaser/dist/phaser.min.js'), join(dir, 'phaser.min.js'));
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stock Phaser</title></head>
<body><div id="stage"></div>
<script src="phaser.min.js"></script>
<script>
  new Phaser.Game({
    type: Phaser.${type}, parent: 'stage', width: 960, height: 540, banner: false,
    scene: { create() { window.__readyAt = performance.now(); } },
  });
</script></body></html>
`,
  );
}

/**
 * Marks the moment our title is interactive: `main[data-screen=title]` with a "Choose a scenario" button that
 * is rendered, enabled and in the tab order. Runs before the page's own scripts. A string, not a function:
 * tsx's transform would add helpers to a function's source that do not exist in the page.
 */
const MARK_TITLE_READY = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__readyAt !== undefined) return;
    const main = document.querySelector('main#app[data-screen="title"]');
    const button = [...(main ? main.querySelectorAll('button') : [])].find((b) => b.textContent === 'Choose a scenario');
    if (button && !button.disabled && button.tabIndex >= 0 && button.getClientRects().length > 0) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** One fresh load; returns ms from navigation start to ready, and the resources fetched before it. */
async function timedLoad(
  context: BrowserContext,
  url: string,
  ours: boolean,
): Promise<{ ms: number; resources: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  if (ours) await page.addInitScript(MARK_TITLE_READY);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (window as unknown as { __readyAt?: number }).__readyAt !== undefined,
    null,
    {
      polling: 10,
      timeout: 30_000,
    },
  );
  const result = await page.evaluate(() => {
    const at = (window as unknown as { __readyAt: number }).__readyAt;
    const resources = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= at)
      .map((e) => e.name);
    return { ms: at, resources: [location.href, ...resources] };
  });
  await page.close();
  return result;
}

/** Initial download and start-up time, ours against stock Phaser, loads interleaved so noise hits both alike. */
async function startup(context: BrowserContext, ours: string, dist: string, stock: Record<string, string>) {
  const times: Record<string, number[]> = { ours: [] };
  for (const name of Object.keys(stock)) times[name] = [];
  let resources: string[] = [];
  // One warm-up load of each: the first launch of a renderer and the disk cache skew the first figure.
  await timedLoad(context, ours, true);
  for (const url of Object.values(stock)) await timedLoad(context, url, false);
  for (let i = 0; i < LOADS; i++) {
    const mine = await timedLoad(context, ours, true);
    times.ours?.push(mine.ms);
    resources = mine.resources;
    for (const [name, url] of Object.entries(stock))
      times[name]?.push((await timedLoad(context, url, false)).ms);
  }
  const files = await Promise.all(
    [...new Set(resources)].map(async (href) => {
      const path = new URL(href).pathname;
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      const bytes = await readFile(file);
      return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
    }),
  );
  const js = files.filter((f) => f.path.endsWith('.js'));
  const sum = (xs: { gzip: number }[]) => xs.reduce((n, f) => n + f.gzip, 0);
  const jsGzip = sum(js);
  const download: Figure = {
    name: 'title page: JavaScript loaded before interactive (gzip)',
    value: round(jsGzip / 1000),
    unit: 'kB',
    target: '≤ 260 kB',
    pass: jsGzip <= 260_000,
    extra: {
      files: js.map((f) => `${f.path.replace(/^.*\//, '')} ${round(f.gzip / 1000)}`).join(', '),
      'raw kB': round(js.reduce((n, f) => n + f.raw, 0) / 1000),
      'all files gzip kB': round(sum(files) / 1000),
    },
  };
  const oursMs = median(times.ours ?? []);
  const stockMs = median(times['stock-canvas'] ?? []);
  const ratio = oursMs / stockMs;
  const start: Figure = {
    name: `navigation → interactive title, median of ${LOADS} (vs stock Phaser, empty scene, CANVAS)`,
    value: round(ratio, 2),
    unit: '×',
    target: '≤ 1.3×',
    pass: ratio <= 1.3,
    extra: {
      'ours ms': round(oursMs),
      'stock CANVAS ms': round(stockMs),
      'stock AUTO (WebGL) ms': round(median(times['stock-auto'] ?? [])),
      'ours min–max ms': `${round(Math.min(...(times.ours ?? [])))}–${round(Math.max(...(times.ours ?? [])))}`,
    },
  };
  return [download, start];
}

/** A page with no saves, at an address of our site. */
async function gamePage(context: BrowserContext, url: string, search: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(url);
  await onScreen(page, 'title');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${url}${search}`);
  await onScreen(page, 'briefing');
  await pressButton(page, 'Begin negotiating');
  await onScreen(page, 'play');
  return page;
}

/** Starts sampling requestAnimationFrame deltas in the page for `ms`; resolves with them (a string: see above). */
function sampleFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const deltas = [];
    let last = -1;
    let start = -1;
    const tick = (t) => {
      if (start < 0) start = t;
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (t - start < ${ms}) requestAnimationFrame(tick);
      else done(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

const fpsFigure = (name: string, deltas: number[]): Figure => {
  const fps = 1000 / median(deltas);
  return {
    name,
    value: round(fps),
    unit: 'fps',
    target: '60 (≥ 58)',
    pass: fps >= 58,
    extra: {
      frames: deltas.length,
      'p95 frame ms': round(quantile(deltas, 0.95)),
      'worst frame ms': round(Math.max(...deltas)),
    },
  };
};

/** Frame rate during the Council roll call (15 seats, ~6 s) and during the table's meter tweens. */
async function frameRates(context: BrowserContext, url: string): Promise<Figure[]> {
  const un = loadGame('un-sanctions-vote');
  const seed = 'bench-fps';
  const moves = playGame(un, seed, 'first').actions.length;
  const council = await gamePage(context, url, `?scenario=un-sanctions-vote&seed=${seed}`);
  await tabTo(council, (f) => f.firstMove, 'the first move');
  for (let i = 0; i < moves - 1; i++) await council.keyboard.press('Enter');
  await council.waitForTimeout(800);
  // The last move calls the vote: the roll call starts 300 ms later and lasts 15 × 380 ms.
  const rollCall = sampleFrames(council, 2300);
  await council.keyboard.press('Enter');
  const deltas = (await rollCall).slice(20); // from ~330 ms in: the roll call itself
  if (!isButton('See the debrief')(await focused(council))) throw new Error('the Council game did not end');
  await council.close();

  // The table: a move every 300 ms for 2 s, so the meters and bubbles are always tweening.
  const table = await gamePage(context, url, '?scenario=bab-al-hawa&seed=bench-fps');
  await tabTo(table, (f) => f.firstMove, 'the first move');
  const tweens = sampleFrames(table, 2000);
  for (let i = 0; i < 6; i++) {
    await table.keyboard.press('Enter');
    await table.waitForTimeout(300);
  }
  const tableDeltas = await tweens;
  await table.close();
  return [
    fpsFigure('frame rate during the Council roll call (median)', deltas),
    fpsFigure('frame rate during table moves and meter tweens (median)', tableDeltas),
  ];
}

/** Longest main-thread task while the rounds of a whole game resolve, moves made by keyboard, every scenario. */
async function longTasks(context: BrowserContext, url: string): Promise<Figure> {
  const perScenario: Record<string, number> = {};
  let events = 0;
  let worstEvent = 0;
  let tasks = 0;
  for (const id of ['tutorial', 'bab-al-hawa', 'un-sanctions-vote', 'beijing-terms']) {
    const page = await gamePage(context, url, `?scenario=${id}&seed=bench-longtask`);
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __events: number[] };
      w.__long = [];
      w.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask' });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name === 'keydown' || e.name === 'click') w.__events.push(e.duration);
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    await playFirstMovesByKeyboard(page);
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __events: number[] };
      return { long: w.__long, events: w.__events };
    });
    perScenario[id] = round(Math.max(0, ...seen.long));
    tasks += seen.long.length;
    events += seen.events.length;
    worstEvent = Math.max(worstEvent, ...seen.events);
    await page.close();
  }
  const worst = Math.max(...Object.values(perScenario));
  return {
    name: 'longest task while rounds resolve (whole games by keyboard, 4 scenarios)',
    value: worst,
    unit: 'ms',
    target: '≤ 50 ms (no long task)',
    pass: worst <= 50,
    extra: {
      ...Object.fromEntries(Object.entries(perScenario).map(([k, v]) => [`${k} ms`, v])),
      'long tasks': tasks,
      'slowest keydown→paint ms': round(worstEvent),
      'keydowns over 16 ms': events,
    },
  };
}

/** Plays one game of the loaded scenario from the table to the debrief by keyboard. */
async function playToDebrief(page: Page): Promise<void> {
  await playFirstMovesByKeyboard(page);
  await openDebrief(page);
}

/** Starts another game of the same scenario from the debrief and plays it to its debrief by keyboard. */
async function playAgain(page: Page): Promise<void> {
  await pressButton(page, 'Play again with a new seed');
  await onScreen(page, 'briefing');
  await pressButton(page, 'Begin negotiating');
  await onScreen(page, 'play');
  await playToDebrief(page);
}

const mb = (bytes: number) => round(bytes / 1e6, 2);

/**
 * The heap after ten games in one page against the heap after the first (Council, by keyboard; see
 * test/browser/helpers/heap.ts for the two readings). The page plays on to PLATEAU games so the report shows
 * where V8's compiled code levels off.
 *
 * Gates: the objects the page keeps (heap snapshot, V8's code excluded) within +10 %, and DOM nodes and
 * listeners not growing. The whole heap, code included, is reported beside them: it grows as functions
 * called once per game are optimised (renderBriefing, renderDebrief, Phaser's constructors...), which is
 * V8 warming up, not the page keeping data. `heapInterpreted` measures the whole heap again with V8's
 * compilers off, where that warm-up does not happen.
 */
async function heap(context: BrowserContext, url: string): Promise<Figure[]> {
  const page = await gamePage(context, url, '?scenario=un-sanctions-vote&seed=bench-heap');
  const cdp = await context.newCDPSession(page);
  await playToDebrief(page);
  // Let the debrief's scene finish before each reading.
  await page.waitForTimeout(300);
  const first = await readHeap(cdp);
  const series = [first.used];
  let tenth = first;
  let last = first;
  for (let g = 2; g <= Math.max(GAMES, PLATEAU); g++) {
    await playAgain(page);
    await page.waitForTimeout(300);
    const reading = await readHeap(cdp, { snapshot: g === GAMES });
    series.push(reading.used);
    if (g === GAMES) tenth = reading;
    last = reading;
  }
  await page.close();
  const kept = growth(first.kept, tenth.kept);
  const used = growth(first.used, tenth.used);
  const plateau = growth(tenth.used, last.used);
  return [
    {
      name: `JS objects the page keeps after ${GAMES} games in one page vs after the first (heap snapshot; V8's compiled code excluded)`,
      value: round(100 * kept),
      unit: '%',
      target: '≤ +10 %',
      pass: kept <= 0.1,
      extra: {
        'first MB': mb(first.kept),
        [`after ${GAMES} MB`]: mb(tenth.kept),
        'V8 code MB': `${mb(first.code)} → ${mb(tenth.code)}`,
      },
    },
    {
      // Each game has its own seed, so its debrief may hold a few more or fewer nodes (a longer log); a leak
      // grows game after game. test/browser/leaks.test.ts replays fixed seeds and wants no growth at all.
      name: `DOM nodes and JS event listeners after ${GAMES} games in one page vs after the first`,
      value: tenth.nodes - first.nodes + (tenth.listeners - first.listeners),
      unit: 'more',
      target: 'listeners ≤ 0, nodes ≤ +5 %',
      pass: tenth.nodes <= first.nodes * 1.05 && tenth.listeners <= first.listeners,
      extra: {
        'DOM nodes': `${first.nodes} → ${tenth.nodes}`,
        listeners: `${first.listeners} → ${tenth.listeners}`,
      },
    },
    {
      name: `Whole JS heap after ${GAMES} games in one page vs after the first (V8 default; compiled code included)`,
      value: round(100 * used),
      unit: '%',
      target: 'report (see note)',
      pass: true,
      info: true,
      extra: {
        'first MB': mb(first.used),
        [`after ${GAMES} MB`]: mb(tenth.used),
        [`game ${GAMES} → ${PLATEAU}`]: `${round(100 * plateau)} %`,
        'MB after each game': series.map(mb).join(' '),
      },
    },
  ];
}

/** V8 flags that turn off its compilers (Sparkplug, Maglev, TurboFan): functions run in the interpreter. */
const INTERPRETER_ONLY = '--js-flags=--no-sparkplug --no-maglev --no-turbofan';

/** The whole JS heap after ten games vs after the first, in a browser whose V8 compiles no machine code. */
async function heapInterpreted(url: string): Promise<Figure> {
  const browser = await launchBrowser([INTERPRETER_ONLY]);
  try {
    const page = await gamePage(browser.context, url, '?scenario=un-sanctions-vote&seed=bench-heap');
    const cdp = await browser.context.newCDPSession(page);
    await playToDebrief(page);
    await page.waitForTimeout(300);
    const first = await readHeap(cdp, { snapshot: false });
    const series = [first.used];
    for (let g = 2; g <= GAMES; g++) {
      await playAgain(page);
      await page.waitForTimeout(300);
      series.push((await readHeap(cdp, { snapshot: false })).used);
    }
    const tenth = series[series.length - 1] as number;
    const used = growth(first.used, tenth);
    return {
      name: `Whole JS heap after ${GAMES} games in one page vs after the first (V8's compilers off: ${INTERPRETER_ONLY})`,
      value: round(100 * used),
      unit: '%',
      target: '≤ +10 %',
      pass: used <= 0.1,
      extra: {
        'first MB': mb(first.used),
        [`after ${GAMES} MB`]: mb(tenth),
        'MB after each game': series.map(mb).join(' '),
      },
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'envoy-bench-'));
  const dist = join(work, 'dist');
  const browser = await launchBrowser();
  const servers: { close(): Promise<void> }[] = [];
  try {
    process.stdout.write('building the production site…\n');
    // The production build, into a temp folder (the real dist/ is left alone).
    await buildSiteInto(dist);
    await stockPhaserSite(join(work, 'stock-canvas'), 'CANVAS');
    await stockPhaserSite(join(work, 'stock-auto'), 'AUTO');
    const ours = await startServer(dist);
    const stockCanvas = await startServer(join(work, 'stock-canvas'));
    const stockAuto = await startServer(join(work, 'stock-auto'));
    servers.push(ours, stockCanvas, stockAuto);
    const { context } = browser;
    const figures: Figure[] = [];
    if (wanted('startup')) {
      process.stdout.write('start-up…\n');
      const stock = { 'stock-canvas': stockCanvas.url, 'stock-auto': stockAuto.url };
      figures.push(...(await startup(context, ours.url, dist, stock)));
    }
    if (wanted('fps')) {
      process.stdout.write('frame rates…\n');
      figures.push(...(await frameRates(context, ours.url)));
    }
    if (wanted('longtask')) {
      process.stdout.write('long tasks…\n');
      figures.push(await longTasks(context, ours.url));
    }
    if (wanted('heap')) {
      process.stdout.write(`heap over ${Math.max(GAMES, PLATEAU)} games…\n`);
      figures.push(...(await heap(context, ours.url)));
      process.stdout.write(`heap over ${GAMES} games with V8's compilers off…\n`);
      figures.push(await heapInterpreted(ours.url));
    }

    const rows = figures.map((f) => [
      f.info ? 'INFO' : f.pass ? 'PASS' : 'MISS',
      f.name,
      `${f.value} ${f.unit}`,
      f.target,
    ]);
    const widths = [4, 0, 0, 0].map((w, i) => Math.max(w, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    console.log(`\n${line(['', 'browser figure (headless Chromium, production build)', 'value', 'target'])}`);
    for (const [i, r] of rows.entries()) {
      console.log(line(r));
      const extra = figures[i]?.extra;
      if (extra)
        console.log(
          `      ${Object.entries(extra)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')}`,
        );
    }
    const version = await browser.context.newPage().then(async (p) => {
      const v = await p.evaluate(() => navigator.userAgent);
      await p.close();
      return v;
    });
    await mkdir(join(root, 'bench/results'), { recursive: true });
    const out = { browser: version, node: process.version, cpus: cpus().length, figures };
    await writeFile(join(root, 'bench/results/browser.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('written bench/results/browser.json');
    process.exitCode = figures.every((f) => f.pass) ? 0 : 1;
  } finally {
    for (const s of servers) await s.close();
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();

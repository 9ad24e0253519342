/**
 * Issue 17, page side. Generated hostile strings (bidirectional overrides, isolates, zero-width and control
 * characters at random places) in student names, seeds, titles and file names: the class page takes its
 * headings from the verified scenario only, puts every untrusted string in a <bdi>, never shows a raw
 * reordering character, reads every chosen file (520 here) and flags the same game handed in twice. A
 * seed with U+202E in the address shows exactly the seed played. Generated 300-letter words in every
 * name and label of a scenario never make a phone-width screen scroll sideways.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf, playGame, tierFor } from '../../src/engine/index.ts';
import { buildResult } from '../../src/session/result.ts';
import { loadGame } from '../helpers/scenarios.ts';
import { SCREENSHOT_DIR } from './helpers/build-site.ts';
import { overflowX } from './helpers/harness.ts';
import {
  click,
  type HostileHarness,
  instrumentedPage,
  screen,
  startHostileHarness,
} from './helpers/hostile-harness.ts';

let h: HostileHarness;
beforeAll(async () => {
  h = await startHostileHarness();
});
afterAll(() => h?.close());

const HIDDEN = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200b',
  '\ufeff',
  '\u0007',
];
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW = /[\u202a-\u202e\u2066-\u2069\u200b\ufeff\u0000-\u0008]/;

/** Generated strings: letters (Latin and Arabic) with hidden characters inserted anywhere. */
const hostile = (seed: number, n: number) =>
  fc.sample(
    fc
      .tuple(
        fc.array(fc.constantFrom('a', 'b', 'Z', 'ب', 'س', '1', ' ', '(', ')'), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom(...HIDDEN), { minLength: 1, maxLength: 3 }),
      )
      .map(([letters, hidden]) => {
        const out: string[] = [...letters];
        for (const [i, c] of hidden.entries()) out.splice((i * 7) % (out.length + 1), 0, c);
        return `S${out.join('')}`;
      }),
    { seed, numRuns: n },
  );

describe('class results with hostile result files', () => {
  it('headings from the verified scenario, every name isolated, all 520 files read, copies flagged', async () => {
    const game = loadGame('tutorial');
    const names = hostile(17, 520);
    const files = names.map((name, i) => {
      const seed = `seed-${i % 260}`;
      const { actions, states } = playGame(game, seed, 'random');
      const r = JSON.parse(JSON.stringify(buildResult(game, seed, actions, states, {}, name)));
      r.scenario.title = 'EXAM VOID: every result below was forged';
      return {
        name: `${names[(i + 1) % names.length]}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(r)),
      };
    });
    const { page, problems } = await instrumentedPage(h);
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Class results (instructors)…');
    await screen(page, 'class');
    await page.setInputFiles('#result-files', files);
    await page.waitForFunction(() => /Every file/.test(document.body.innerText), null, { timeout: 60_000 });
    const seen = await page.evaluate(() => ({
      text: document.body.innerText,
      h2: [...document.querySelectorAll('h2')].map((e) => e.textContent ?? ''),
      items: document.querySelectorAll('.class-list > li').length,
      same: document.querySelectorAll('.same-game').length,
      bare: [...document.querySelectorAll('.class-list > li > strong')].filter((s) => !s.querySelector('bdi'))
        .length,
    }));
    expect(seen.text).not.toMatch(/EXAM VOID/);
    expect(seen.text).not.toMatch(RAW);
    expect(seen.h2.some((t) => t.startsWith(game.scenario.title) && t.includes('260 results'))).toBe(true);
    expect(seen.items).toBe(520);
    expect(seen.same).toBe(260);
    expect(seen.bare).toBe(0);
    expect(seen.text).toMatch(/⟨U\+202E⟩|⟨U\+2066⟩/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('class results from pass-and-play games', () => {
  it('groups results by seat, gives each its own tier, and refuses a seat the replay did not hold', async () => {
    const game = loadGame('tutorial');
    const seats = ['amber', 'valley'];
    const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
    const tiers: Record<string, string[]> = { amber: [], valley: [] };
    for (let i = 0; i < 6; i++) {
      const seed = `class-${i}`;
      const { actions, states } = playGame(game, seed, 'random', undefined, { seats });
      const final = states[states.length - 1];
      const outcome = final ? outcomeOf(game, final) : null;
      for (const seat of seats) {
        const r = buildResult(game, seed, actions, states, {}, `${seat} student ${i}`, seat);
        files.push({
          name: `${seat}-${i}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(r)),
        });
        if (outcome) tiers[seat]?.push(tierFor(game, outcome.id, seat) ?? '');
      }
    }
    // One student played Amber alone but claims the cooperative's seat.
    const alone = playGame(game, 'alone', 'random');
    const forged = {
      ...buildResult(game, 'alone', alone.actions, alone.states, {}, 'forger'),
      seat: 'valley',
    };
    files.push({
      name: 'forged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    });
    const { page, problems } = await instrumentedPage(h);
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Class results (instructors)…');
    await screen(page, 'class');
    await page.setInputFiles('#result-files', files);
    await page.waitForFunction(() => /Every file/.test(document.body.innerText), null, { timeout: 60_000 });
    const seen = await page.evaluate(() => ({
      h2: [...document.querySelectorAll('h2')].map((e) => e.textContent ?? ''),
      same: document.querySelectorAll('.same-game').length,
      items: [...document.querySelectorAll('.class-list > li')].map((e) => e.textContent ?? ''),
    }));
    const amber = game.scenario.parties.amber?.name as string;
    const valley = game.scenario.parties.valley?.name as string;
    expect(seen.h2.some((t) => t.includes(`as ${amber}`) && t.includes('6 results'))).toBe(true);
    expect(seen.h2.some((t) => t.includes(`as ${valley}`) && t.includes('6 results'))).toBe(true);
    // Two seats of one game are two students' games, not a copy.
    expect(seen.same).toBe(0);
    for (const seat of seats)
      for (const [i, tier] of (tiers[seat] ?? []).entries()) {
        const line = seen.items.find((t) => t.startsWith(`${seat} student ${i}`)) ?? '';
        expect(line, `${seat} ${i}`).toContain(`as ${seat === 'amber' ? amber : valley}`);
        expect(line.toLowerCase(), `${seat} ${i}`).toContain(`(${tier}`);
      }
    expect(seen.items.find((t) => t.startsWith('forger'))).toMatch(
      /does not show seat “valley” held by a person/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a seed with a bidirectional override in the address', () => {
  it('shows the seed played, isolated and with the override visible', async () => {
    for (const [i, seed] of hostile(3, 4).entries()) {
      const { page } = await instrumentedPage(h);
      await page.goto(`${h.url}?scenario=tutorial&seed=${encodeURIComponent(seed)}`);
      await screen(page, 'briefing');
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('bdi')].map((b) => b.textContent ?? ''),
      );
      const played = await page.evaluate(() => new URL(location.href).searchParams.get('seed'));
      expect(played, `case ${i}`).toBe(seed.trim());
      const visible = seed
        .trim()
        .replace(
          RAW.source ? new RegExp(RAW.source, 'g') : RAW,
          (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
        );
      expect(shown, `case ${i}`).toContain(visible);
      await page.close();
    }
  });
});

describe('long words at phone width', () => {
  it('a 300-letter word in every name and label never widens the screen', async () => {
    const base = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');
    const word = fc.sample(fc.stringMatching(/^[a-zA-Z]{300}$/), { seed: 5, numRuns: 1 })[0] as string;
    let n = 0;
    // Each name and label becomes one 300-character word (the format's longest short text), all different.
    const yaml = base.replace(
      /^(\s*(?:name|label|title):\s*)(.+)$/gm,
      (_m, key: string) => `${key}${word.slice(0, 294)}${String(n++).padStart(6, '0')}`,
    );
    const { page, problems } = await instrumentedPage(h);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Open a scenario file…');
    await screen(page, 'open');
    await page.setInputFiles('#scenario-file', {
      name: 'long.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    await screen(page, 'briefing');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.envoyPage?.go('play'));
    await screen(page, 'play');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-long-words.png`, fullPage: false });
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('opening a scenario file that is slow to check', () => {
  it('keeps the tab responsive, and ends with a clear message', async () => {
    const base = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');
    const extra = Array.from({ length: 20_000 }, (_, i) => `      o${i}: x\n`).join('');
    const yaml = base.replace('      year-round: All year\n', `      year-round: All year\n${extra}`);
    expect(yaml.length).toBeLessThan(1024 * 1024);
    const { page, problems } = await instrumentedPage(h);
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Open a scenario file…');
    await screen(page, 'open');
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number };
      w.__gap = 0;
      let last = performance.now();
      const tick = (now: number) => {
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.setInputFiles('#scenario-file', {
      name: 'slow.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    await page.waitForFunction(
      () =>
        /took longer than|could not be loaded/.test(document.body.innerText) ||
        document.querySelector('main#app')?.getAttribute('data-screen') === 'briefing',
      null,
      { timeout: 30_000 },
    );
    const elapsed = Date.now() - started;
    const gap = await page.evaluate(() => (window as unknown as { __gap: number }).__gap);
    expect(gap, 'longest frame gap while checking (ms)').toBeLessThan(2000);
    expect(elapsed).toBeLessThan(15_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});

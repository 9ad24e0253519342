/**
 * Scenario text is data: a scenario whose every text field carries HTML, script, `javascript:` links and
 * RTL overrides is opened through "Open a scenario file…", played to the debrief, and every screen is
 * visited; hostile result files are opened on the class page. Nothing may run (`window.__pwned` stays
 * unset), no <img>/<script> element is created from text, links are only http(s), and the production
 * build's Content-Security-Policy records no violation. Then every built-in scenario is played through in
 * the built page with zero CSP violations and no console errors, and the policy is shown to be enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playGame } from '../../src/engine/index.ts';
import { buildResult } from '../../src/session/result.ts';
import { loadGame, SCENARIO_IDS } from '../helpers/scenarios.ts';
import {
  click,
  findings,
  type HostileHarness,
  instrumentedPage,
  playToDebrief,
  screen,
  startHostileHarness,
} from './helpers/hostile-harness.ts';
import { hostileScenario, PAYLOAD_HTML, RTL, schemaTextFields } from './helpers/hostile-scenario.ts';

let h: HostileHarness;
beforeAll(async () => {
  h = await startHostileHarness();
});
afterAll(() => h?.close());

/** Every link on the page: only web links (or the page's own). */
const hrefs = (page: import('playwright-core').Page) =>
  page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));

/** Result files an instructor might be handed: a real game with hostile text in every free field. */
function hostileResults(): { name: string; mimeType: string; buffer: Buffer }[] {
  const game = loadGame('tutorial');
  const { actions, states } = playGame(game, 'hostile-result', 'random');
  const r = buildResult(game, 'hostile-result', actions, states, { '0': PAYLOAD_HTML }, 'Eve');
  const evil = JSON.parse(JSON.stringify(r));
  evil.name = `${PAYLOAD_HTML}${RTL}`;
  evil.scenario.title = PAYLOAD_HTML;
  evil.outcome = { id: PAYLOAD_HTML, title: PAYLOAD_HTML, tier: '<script>', historical: true };
  evil.answers = [
    { question: PAYLOAD_HTML, answer: `${PAYLOAD_HTML}\n<a href="javascript:window.__pwned=1">x</a>` },
  ];
  const proto = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(evil).slice(1)}`;
  const unknown = JSON.parse(JSON.stringify(evil));
  unknown.replay.scenario.id = 'img-src-x-onerror';
  return [
    { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(evil)) },
    { name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(proto) },
    {
      name: 'unknown-scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(unknown)),
    },
    {
      name: `${PAYLOAD_HTML}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from('<script>window.__pwned=1</script>'),
    },
  ];
}

describe('hostile scenario text', () => {
  it('every text field of the format carries a payload', () => {
    const { fields, count } = hostileScenario();
    expect([...schemaTextFields()].filter((f) => !fields.has(f))).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it('renders as text on every screen, runs nothing, and links only to the web', async () => {
    const { yaml } = hostileScenario();
    const { page, problems } = await instrumentedPage(h);
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Open a scenario file…');
    await screen(page, 'open');
    await page.setInputFiles('#scenario-file', {
      name: 'hostile.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    await screen(page, 'briefing');
    const seen: Record<string, boolean> = {};
    const visit = async (name: string) => {
      await screen(page, name);
      // The payloads show as text: proof that the field was rendered, and rendered as text.
      seen[name] = await page.evaluate((p) => document.body.innerText.includes(p.slice(0, 20)), PAYLOAD_HTML);
      for (const href of await hrefs(page)) expect(new URL(href).protocol, href).toMatch(/^https?:$/);
    };
    await visit('briefing');
    let sourceLinks: string[] = [];
    for (const aside of ['glossary', 'sources', 'help'] as const) {
      await page.evaluate((r) => window.envoyPage?.go(r), aside);
      await visit(aside);
      if (aside === 'sources') sourceLinks = await hrefs(page);
    }
    await page.evaluate(() => window.envoyPage?.go('briefing'));
    await screen(page, 'briefing');
    await click(page, 'Begin negotiating');
    await visit('play');
    await playToDebrief(page);
    await visit('debrief');
    await page.locator('#debrief-heading').waitFor();
    const answers = page.locator('textarea');
    if ((await answers.count()) > 0) await answers.first().fill(PAYLOAD_HTML);
    await page.evaluate(() => window.envoyPage?.go('glossary'));
    await visit('glossary');
    await page.evaluate(() => window.envoyPage?.go('sources'));
    await visit('sources');
    await page.evaluate(() => window.envoyPage?.go('debrief'));
    await visit('debrief');
    await click(page, 'Replay this game');
    await visit('replay');
    expect(seen).toMatchObject({ briefing: true, glossary: true, sources: true, play: true, debrief: true });
    // The `javascript:`, `data:` and upper-case links stayed text; the https one is a link.
    expect(sourceLinks.filter((u) => u.startsWith('https://example.org/'))).toHaveLength(1);
    const f = await findings(page);
    expect(f).toEqual({ violations: [], created: [], pwned: null });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('class results: hostile result files are read as text and refused or shown safely', async () => {
    const { page, problems } = await instrumentedPage(h);
    await page.goto(h.url);
    await screen(page, 'title');
    await click(page, 'Class results (instructors)…');
    await screen(page, 'class');
    await page.setInputFiles('#result-files', hostileResults());
    await page.waitForFunction(
      (p) => document.body.innerText.includes(p.slice(0, 20)) && /not JSON/.test(document.body.innerText),
      PAYLOAD_HTML,
    );
    const body = await page.evaluate(() => document.body.innerText);
    expect(body).toContain(PAYLOAD_HTML.slice(0, 20));
    expect(body).toMatch(/not in this page/);
    for (const href of await hrefs(page)) expect(new URL(href).protocol).toMatch(/^https?:$/);
    expect(
      await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? null),
    ).toBeNull();
    expect(await findings(page)).toEqual({ violations: [], created: [], pwned: null });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the strict Content-Security-Policy of the production build', () => {
  it('is in the built page: no unsafe-eval, no unsafe-inline scripts', async () => {
    const { page } = await instrumentedPage(h);
    await page.goto(h.url);
    const csp = await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
    // Enforced, and the listener sees it: an inline script is blocked and reported.
    const blocked = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      s.remove();
      return (window as unknown as { __inline?: number }).__inline ?? null;
    });
    expect(blocked).toBeNull();
    await expect.poll(async () => (await findings(page)).violations.join('\n')).toMatch(/script-src/);
    await page.close();
  });

  it.each(SCENARIO_IDS)(
    '%s: a full playthrough and every screen, with zero violations and no console errors',
    async (id) => {
      const { page, problems } = await instrumentedPage(h);
      await page.goto(`${h.url}?scenario=${id}&seed=csp-1`);
      await screen(page, 'briefing');
      await click(page, 'Begin negotiating');
      await screen(page, 'play');
      await playToDebrief(page);
      expect(await page.evaluate(() => window.envoy?.outcome() ?? null)).not.toBeNull();
      for (const r of ['glossary', 'sources', 'help', 'debrief'] as const) {
        await page.evaluate((route) => window.envoyPage?.go(route), r);
        await screen(page, r);
      }
      await click(page, 'Replay this game');
      await screen(page, 'replay');
      await click(page, 'Last turn');
      expect(await findings(page)).toEqual({ violations: [], created: [], pwned: null });
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

/**
 * Browser entry point: paints the top bar at once, starts Phaser (Boot shows the load progress), then opens
 * the screen the address asks for: `?scenario=…&seed=…` resumes or starts that game (`&seat=valley` plays that
 * seat; `&seat=amber&seat=valley` passes one device between both), anything else shows
 * the title. Phaser is in its own chunk; scenarios load on demand; the YAML loader only for instructors.
 */

import { createStage } from './scenes/stage.ts';
import { pageFileSaves, pageSaves } from './session/page-saves.ts';
import { readUrlParams } from './session/session.ts';
import { createApp, installPageHandle } from './ui/app.ts';
import { el, fill } from './ui/dom.ts';
import { startLanguage } from './ui/language.ts';
import { reopenScenarioFile } from './ui/screens/open-scenario.ts';
import { systemMotion } from './view/motion.ts';
import './ui/style.css';
import { t } from './view/i18n/active.ts';

async function boot(): Promise<void> {
  const main = document.getElementById('app') as HTMLElement;
  const bar = document.getElementById('bar') as HTMLElement;
  const stageEl = document.getElementById('stage') as HTMLElement;
  const side = document.getElementById('side') as HTMLElement;
  startLanguage();
  const progress = el('progress', { max: 100, value: 0, 'aria-label': t('loading-label') });
  fill(main, el('p', { class: 'loading' }, t('loading'), progress));
  main.setAttribute('aria-busy', 'true');
  const motion = systemMotion();
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') motion.skip();
  });
  const stage = await createStage(stageEl, (p) => {
    progress.value = Math.round(p * 100);
  });
  main.removeAttribute('aria-busy');
  const app = createApp({ main, side, bar, stage, motion, saves: pageSaves(), fileSaves: pageFileSaves() });
  installPageHandle(app);
  const { scenario, seed, seats } = readUrlParams(window.location.search);
  const fileGame = new URLSearchParams(window.location.search).has('file');
  if (scenario !== null) await app.startScenario(scenario, seed, seats);
  else if (!(fileGame && (await reopenScenarioFile(app, seed)))) app.go('title');
}

boot().catch((error: unknown) => {
  const main = document.getElementById('app');
  if (!main) return;
  main.removeAttribute('aria-busy');
  fill(
    main,
    el(
      'section',
      { class: 'panel', role: 'alert' },
      el('h1', {}, t('boot-failed')),
      el('p', {}, error instanceof Error ? error.message : String(error)),
      el('p', {}, el('a', { href: window.location.pathname }, t('boot-reload'))),
    ),
  );
});

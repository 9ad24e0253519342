/**
 * Scenario select: one card per bundled scenario with what a student needs to pick (when, where, what is
 * at stake, how long, what difficult content it holds), and a way to continue a saved game.
 */
import { catalogMeta } from '../../session/catalog.ts';
import type { ScenarioMeta } from '../../session/meta.ts';
import { scenarioUrl } from '../../session/session.ts';
import { longDate } from '../../view/labels.ts';
import type { App, Mounted } from '../app-types.ts';
import { el, fill } from '../dom.ts';
import { button } from './title.ts';

function card(app: App, meta: ScenarioMeta, index: number): HTMLLIElement {
  const headingId = `scenario-${index}`;
  const facts: [string, string | null][] = [
    ['When', meta.date ? longDate(meta.date) : null],
    ['Where', meta.place],
    ['You play', meta.role ?? null],
    ['Play time', meta.playMinutes ? `about ${meta.playMinutes} minutes` : null],
  ];
  const dl = el('dl', { class: 'facts' });
  for (const [term, value] of facts)
    if (value) dl.append(el('div', {}, el('dt', {}, term), el('dd', {}, value)));
  // A real link (new tab, copy address) that the page follows itself, keeping the canvas running.
  const link = el('a', { href: scenarioUrl(meta.id, null), class: 'scenario-link' }, meta.title);
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void app.startScenario(meta.id, null, null, { choose: true });
  });
  return el(
    'li',
    { class: 'scenario-card', 'data-scenario': meta.id },
    el(
      'article',
      { 'aria-labelledby': headingId },
      el('h2', { id: headingId }, link),
      dl,
      meta.stakes
        ? el('p', { class: 'stakes' }, el('span', { class: 'label' }, 'At stake: '), meta.stakes)
        : null,
      meta.contentNote
        ? el('p', { class: 'note' }, el('span', { class: 'label' }, 'Content note: '), meta.contentNote)
        : null,
      el('p', { class: 'start', 'aria-hidden': 'true' }, 'Start →'),
    ),
  );
}

/** Mounts the scenario list. */
export function mountSelect(app: App): Mounted {
  const heading = el('h1', { id: 'select-heading', tabindex: -1 }, 'Choose a scenario');
  const metas = catalogMeta();
  fill(
    app.main,
    el(
      'section',
      { class: 'screen chooser', 'aria-labelledby': 'select-heading' },
      heading,
      el(
        'p',
        { class: 'intro' },
        'New to Envoy? Start with the tutorial: it is short, fictional, and uses every control. The other scenarios are real negotiations; each ends with a debrief that compares your result with what actually happened.',
      ),
      el('ul', { class: 'scenario-list' }, ...metas.map((m, i) => card(app, m, i))),
      el(
        'p',
        { class: 'actions' },
        button('Open a scenario file… (instructors)', () => app.go('open')),
        button('Back to the title', () => app.go('title')),
      ),
    ),
  );
  return { scene: 'ScenarioSelect', caption: 'Choose a scenario', source: null, focus: heading };
}

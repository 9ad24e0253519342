/**
 * Scenario select: one card per bundled scenario with what a student needs to pick (when, where, what is
 * at stake, how long, what difficult content it holds), and a way to continue a saved game.
 */
import { catalogMeta } from '../../session/catalog.ts';
import type { ScenarioMeta } from '../../session/meta.ts';
import { scenarioUrl } from '../../session/session.ts';
import { t } from '../../view/i18n/active.ts';
import { longDate } from '../../view/labels.ts';
import type { App, Mounted } from '../app-types.ts';
import { button, el, fill } from '../dom.ts';
import { metaIn } from '../language.ts';

function card(app: App, meta: ScenarioMeta, index: number): HTMLLIElement {
  const headingId = `scenario-${index}`;
  const facts: [string, string | null][] = [
    [t('select-when'), meta.date ? longDate(meta.date) : null],
    [t('select-where'), meta.place],
    [t('select-you-play'), meta.role ?? null],
    [t('select-play-time'), meta.playMinutes ? t('select-minutes', { minutes: meta.playMinutes }) : null],
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
        ? el('p', { class: 'stakes' }, el('span', { class: 'label' }, t('select-stakes')), meta.stakes)
        : null,
      meta.contentNote
        ? el(
            'p',
            { class: 'note' },
            el('span', { class: 'label' }, t('select-content-note')),
            meta.contentNote,
          )
        : null,
      el('p', { class: 'start', 'aria-hidden': 'true' }, t('select-start')),
    ),
  );
}

/** Mounts the scenario list. */
export function mountSelect(app: App): Mounted {
  const heading = el('h1', { id: 'select-heading', tabindex: -1 }, t('title-choose'));
  const metas = catalogMeta().map(metaIn);
  fill(
    app.main,
    el(
      'section',
      { class: 'screen chooser', 'aria-labelledby': 'select-heading' },
      heading,
      el('p', { class: 'intro' }, t('select-intro')),
      el('ul', { class: 'scenario-list' }, ...metas.map((m, i) => card(app, m, i))),
      el(
        'p',
        { class: 'actions' },
        button(t('select-open-file'), () => app.go('open')),
        button(t('back-to-title'), () => app.go('title')),
      ),
    ),
  );
  return { scene: 'ScenarioSelect', caption: t('title-choose'), source: null, focus: heading };
}

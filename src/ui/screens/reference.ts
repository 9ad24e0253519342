/** A scenario's glossary and its sources, each a screen reachable from the top bar during a game. */

import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { sourceItem } from '../debrief.ts';
import { button, el, fill } from '../dom.ts';

function missing(title: string): HTMLElement {
  return el('p', {}, t('reference-missing', { what: title }));
}

/** Mounts the glossary of the loaded scenario. */
export function mountGlossary(app: App): Mounted {
  const heading = el('h1', { id: 'glossary-heading', tabindex: -1 }, t('glossary'));
  const game = app.loaded?.game;
  const entries = Object.entries(game?.scenario.glossary ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const meters = Object.values(game?.scenario.meters ?? {}).filter((m) => m.describe);
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'glossary-heading' },
      heading,
      game ? el('p', { class: 'muted' }, game.scenario.title) : missing('glossary'),
      entries.length
        ? el(
            'dl',
            { class: 'defs columns' },
            ...entries.map(([term, text]) =>
              el('div', { class: 'def' }, el('dt', {}, term), el('dd', {}, text)),
            ),
          )
        : null,
      meters.length ? el('h2', {}, t('reference-meters')) : null,
      meters.length
        ? el(
            'dl',
            { class: 'defs' },
            ...meters.map((m) =>
              el('div', { class: 'def' }, el('dt', {}, m.label), el('dd', {}, m.describe ?? '')),
            ),
          )
        : null,
      el(
        'p',
        { class: 'actions' },
        button(t('back'), () => app.back(), 'primary'),
      ),
    ),
  );
  return { scene: 'Glossary', caption: t('glossary'), source: app.loaded?.session ?? null, focus: heading };
}

/** Mounts the sources of the loaded scenario. */
export function mountSources(app: App): Mounted {
  const heading = el('h1', { id: 'sources-heading', tabindex: -1 }, t('sources'));
  const game = app.loaded?.game;
  const sources = Object.entries(game?.scenario.sources ?? {});
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'sources-heading' },
      heading,
      game ? el('p', { class: 'muted' }, game.scenario.title) : missing('sources'),
      sources.length
        ? el(
            'ul',
            { class: 'sources' },
            ...sources.map(([id]) => sourceItem(game as NonNullable<typeof game>, id)),
          )
        : game
          ? el('p', {}, t('reference-no-sources'))
          : null,
      el(
        'p',
        { class: 'actions' },
        button(t('back'), () => app.back(), 'primary'),
      ),
    ),
  );
  return { scene: 'Sources', caption: t('sources'), source: app.loaded?.session ?? null, focus: heading };
}

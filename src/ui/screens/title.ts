/** The title screen: what Envoy is, and the ways in (play, learn how, open a scenario or a replay). */

import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { button, el, fill } from '../dom.ts';

/** Mounts the title. */
export function mountTitle(app: App): Mounted {
  const heading = el('h1', { tabindex: -1 }, t('envoy'));
  const start = button(t('title-choose'), () => app.go('select'), 'primary');
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen title-screen', 'aria-labelledby': 'title-heading' },
      Object.assign(heading, { id: 'title-heading' }),
      el('p', { class: 'lead' }, t('title-lead')),
      el(
        'div',
        { class: 'actions' },
        start,
        button(t('how-to-play'), () => app.go('help')),
        button(t('title-open-file'), () => app.go('open')),
        button(t('title-open-replay'), () => app.go('replay')),
        button(t('title-class'), () => app.go('class')),
      ),
      el('p', { class: 'muted' }, t('title-keyboard')),
    ),
  );
  return { scene: 'Title', caption: t('envoy'), source: null, focus: heading };
}

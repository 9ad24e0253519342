/** How to play: the few rules a student needs, reachable from every screen through the top bar. */

import { t } from '../../view/i18n/active.ts';
import type { App, Mounted } from '../app-types.ts';
import { button, el, fill } from '../dom.ts';

/** The four steps, by catalogue id (`help-step-N` and its `.detail`). */
const STEPS = [1, 2, 3, 4];

/** Mounts the help screen. */
export function mountHelp(app: App): Mounted {
  const heading = el('h1', { id: 'help-heading', tabindex: -1 }, t('how-to-play'));
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'help-heading' },
      heading,
      el(
        'ol',
        { class: 'steps' },
        ...STEPS.map((n) =>
          el(
            'li',
            {},
            el('strong', {}, t(`help-step-${n}`)),
            t('help-step-detail', { detail: t(`help-step-${n}-detail`) }),
          ),
        ),
      ),
      el('h2', {}, t('help-keyboard')),
      el(
        'ul',
        {},
        el('li', {}, t('help-key-tab')),
        el('li', {}, t('help-key-escape')),
        el('li', {}, t('help-key-focus')),
      ),
      el('h2', {}, t('help-seeds')),
      el('p', {}, t('help-seeds-text')),
      el(
        'p',
        { class: 'actions' },
        button(t('back'), () => app.back(), 'primary'),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: t('how-to-play'), source: null, focus: heading };
}

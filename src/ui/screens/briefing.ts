/** The briefing screen: role, confidential brief and objectives, then the way to the table. */
import type { App, Mounted } from '../app-types.ts';
import { renderBriefing } from '../briefing.ts';
import { bdi, el, fill } from '../dom.ts';
import { button } from './title.ts';

/** Mounts the briefing of the loaded game. */
export function mountBriefing(app: App): Mounted {
  const loaded = app.loaded;
  if (!loaded) throw new Error('the briefing needs a loaded game');
  const { game, session } = loaded;
  const started = session.view().actions.length > 0;
  const heading = el('h1', { id: 'briefing-heading', tabindex: -1 }, game.scenario.title);
  const go = button(
    started ? 'Back to the negotiation' : 'Begin negotiating',
    () => app.go('play'),
    'primary',
  );
  // The briefing is long: the way on is offered at the top too, for those who read it before.
  const goTop = button(started ? 'Back to the table' : 'Skip the briefing and begin', () => app.go('play'));
  fill(
    app.main,
    el(
      'div',
      { class: 'screen briefing-screen', 'aria-labelledby': 'briefing-heading' },
      heading,
      el('p', { class: 'muted' }, 'Seed ', bdi(session.view().seed), ' · ', goTop),
      renderBriefing(game),
      el('p', { class: 'actions' }, go),
    ),
  );
  return { scene: 'Briefing', caption: 'Your briefing', source: session, focus: heading };
}

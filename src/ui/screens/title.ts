/** The title screen: what Envoy is, and the ways in (play, learn how, open a scenario or a replay). */
import type { App, Mounted } from '../app-types.ts';
import { el, fill } from '../dom.ts';

/** A button that runs `then` on click (Enter and Space included, as buttons do). */
export function button(label: string, then: () => void, className = ''): HTMLButtonElement {
  const b = el('button', { type: 'button', class: className || undefined }, label);
  b.addEventListener('click', then);
  return b;
}

/** Mounts the title. */
export function mountTitle(app: App): Mounted {
  const heading = el('h1', { tabindex: -1 }, 'Envoy');
  const start = button('Choose a scenario', () => app.go('select'), 'primary');
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen title-screen', 'aria-labelledby': 'title-heading' },
      Object.assign(heading, { id: 'title-heading' }),
      el(
        'p',
        { class: 'lead' },
        'A negotiation game about real diplomacy in Syria, 2024–2025. You speak for one side; every other party answers, and each answer comes with a reason you can read. At the end, a debrief compares your result with what actually happened.',
      ),
      el(
        'div',
        { class: 'actions' },
        start,
        button('How to play', () => app.go('help')),
        button('Open a scenario file…', () => app.go('open')),
        button('Open a replay…', () => app.go('replay')),
        button('Class results (instructors)…', () => app.go('class')),
      ),
      el(
        'p',
        { class: 'muted' },
        'Everything works with the keyboard: Tab moves between controls, Enter chooses.',
      ),
    ),
  );
  return { scene: 'Title', caption: 'Envoy', source: null, focus: heading };
}

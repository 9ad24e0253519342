/** How to play: the few rules a student needs, reachable from every screen through the top bar. */
import type { App, Mounted } from '../app-types.ts';
import { el, fill } from '../dom.ts';
import { button } from './title.ts';

const STEPS: [string, string][] = [
  [
    'Read your briefing',
    'It tells you who you speak for, what your side wants, your red lines and what you may give.',
  ],
  [
    'Make one move at a time',
    'Each round allows a few moves: change the package on the table one issue at a time, make statements, lobby, or call for a decision. Moves you cannot make now are not listed.',
  ],
  [
    'Read every answer',
    'After each move the other parties respond, and each response gives its reason. Their positions and meters (such as trust or pressure) change; the log keeps everything.',
  ],
  [
    'Reach an outcome',
    'The game ends with an agreement, a vote, a walkout, or when the rounds run out. The debrief compares your result with what really happened, with dates and sources.',
  ],
];

/** Mounts the help screen. */
export function mountHelp(app: App): Mounted {
  const heading = el('h1', { id: 'help-heading', tabindex: -1 }, 'How to play');
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'help-heading' },
      heading,
      el('ol', { class: 'steps' }, ...STEPS.map(([t, d]) => el('li', {}, el('strong', {}, t), ` — ${d}`))),
      el('h2', {}, 'Keyboard'),
      el(
        'ul',
        {},
        el('li', {}, 'Tab and Shift+Tab move between controls; Enter or Space chooses.'),
        el('li', {}, 'Escape skips the animation in progress.'),
        el(
          'li',
          {},
          'After each move, focus returns to your first available move; the log announces the answers.',
        ),
      ),
      el('h2', {}, 'Seeds and saves'),
      el(
        'p',
        {},
        'Every game has a seed, shown at the top and in the address bar. The same seed and the same moves always give the same game, so a class can play the same starting point and compare. Your game is saved in this browser after every move; reloading the page resumes it.',
      ),
      el(
        'p',
        { class: 'actions' },
        button('Back', () => app.back(), 'primary'),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: 'How to play', source: null, focus: heading };
}

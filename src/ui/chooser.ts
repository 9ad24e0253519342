/**
 * The scenario chooser: the page a student lands on. One card per bundled scenario with what they need to
 * pick (when, where, what is at stake, how long, what difficult content it holds), and one link each to
 * `?scenario=<id>`: plain links, so they work with the keyboard, open in new tabs and can be shared.
 */
import type { ScenarioMeta } from '../session/meta.ts';
import { el } from './dom.ts';
import { longDate } from './labels.ts';

function card(meta: ScenarioMeta, href: string, index: number): HTMLLIElement {
  const headingId = `scenario-${index}`;
  const facts: [string, string | null][] = [
    ['When', meta.date ? longDate(meta.date) : null],
    ['Where', meta.place],
    ['Play time', meta.playMinutes ? `about ${meta.playMinutes} minutes` : null],
  ];
  const dl = el('dl', { class: 'facts' });
  for (const [term, value] of facts)
    if (value) dl.append(el('div', {}, el('dt', {}, term), el('dd', {}, value)));
  return el(
    'li',
    { class: 'scenario-card' },
    el(
      'article',
      { 'aria-labelledby': headingId },
      el('h2', { id: headingId }, el('a', { href, class: 'scenario-link' }, meta.title)),
      dl,
      meta.stakes
        ? el('p', { class: 'stakes' }, el('span', { class: 'label' }, 'At stake: '), meta.stakes)
        : null,
      meta.contentNote
        ? el('p', { class: 'note' }, el('span', { class: 'label' }, 'Content note: '), meta.contentNote)
        : null,
      meta.ok ? null : el('p', { class: 'note' }, 'This scenario file has problems; open it to see them.'),
      el('p', { class: 'start', 'aria-hidden': 'true' }, 'Start →'),
    ),
  );
}

/** Fills the page with the list of scenarios; `hrefOf` builds each scenario's link. */
export function renderChooser(
  main: HTMLElement,
  scenarios: readonly ScenarioMeta[],
  hrefOf: (id: string) => string,
): void {
  document.title = 'Choose a scenario — Envoy';
  const header = el(
    'header',
    { class: 'topbar' },
    el(
      'div',
      { class: 'topbar-inner' },
      el('p', { class: 'brand' }, 'Envoy'),
      el('h1', {}, 'Choose a scenario'),
      el(
        'p',
        { class: 'tagline' },
        'A negotiation game: you speak for one side, every other party answers with reasons you can read.',
      ),
    ),
  );
  main.before(header);
  main.replaceChildren(
    el(
      'section',
      { class: 'chooser', 'aria-labelledby': 'chooser-heading' },
      el('h2', { id: 'chooser-heading', class: 'sr-only' }, 'Scenarios'),
      el(
        'p',
        { class: 'intro' },
        'New to Envoy? Start with the tutorial: it is short, fictional, and uses every control. The other scenarios are real negotiations; each ends with a debrief that compares your result with what actually happened.',
      ),
      el('ul', { class: 'scenario-list' }, ...scenarios.map((m, i) => card(m, hrefOf(m.id), i))),
    ),
  );
}

/** Shown while a scenario's file is fetched (a separate chunk) and parsed. */
export function showLoading(main: HTMLElement, what: string): void {
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(el('p', { class: 'loading', role: 'status' }, what));
}

/** Shown when a chunk cannot be fetched (offline, or a new release replaced the files). */
export function showFetchError(main: HTMLElement, error: unknown): void {
  document.title = 'Could not load — Envoy';
  main.removeAttribute('aria-busy');
  main.replaceChildren(
    el(
      'section',
      { class: 'panel load-errors', role: 'alert', 'aria-labelledby': 'fetch-error-heading' },
      el('h1', { id: 'fetch-error-heading' }, 'The scenario could not be downloaded'),
      el('p', {}, 'Check your connection and reload the page.'),
      el('p', {}, el('code', {}, error instanceof Error ? error.message : String(error))),
    ),
  );
}

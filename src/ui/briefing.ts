/**
 * The briefing: what the student needs before the first move (setting, role, confidential brief,
 * objectives), in a `<details>` so it can be folded away once read and reopened at any time.
 */
import { type Game, own, seatBrief } from '../engine/index.ts';
import { t } from '../view/i18n/active.ts';
import { longDate, optionWord, playerFirst } from '../view/labels.ts';
import { el, paragraphs } from './dom.ts';

function list(tag: 'ul' | 'ol', items: readonly string[] | undefined): HTMLElement | null {
  if (!items || items.length === 0) return null;
  return el(tag, {}, ...items.map((item) => el('li', {}, item)));
}

function definitions(entries: [string, string][], className: string): HTMLDListElement | null {
  if (entries.length === 0) return null;
  const dl = el('dl', { class: className });
  // Each term and its text share a wrapper so a multi-column list never splits them.
  for (const [term, text] of entries)
    dl.append(el('div', { class: 'def' }, el('dt', {}, term), text ? el('dd', {}, text) : null));
  return dl;
}

/** A long reference list the student opens when needed, so the briefing's first screen stays short. */
function folded(title: string, body: HTMLElement | null): HTMLDetailsElement | null {
  if (!body) return null;
  return el('details', { class: 'folded' }, el('summary', {}, title), body);
}

/**
 * Builds the briefing of `seat` (default the player's): its setting, role, confidential brief, objectives,
 * red lines and what it may give, from the engine's `seatBrief`, and never another seat's. It is static for
 * a scenario and seat, so it is built once.
 */
export function renderBriefing(game: Game, seat: string = game.playerId): HTMLElement {
  const s = game.scenario;
  const p = seatBrief(game, seat);
  const meters = Object.values(s.meters)
    .filter((m) => m.describe)
    .map((m): [string, string] => [m.label, m.describe ?? '']);
  const glossary = Object.entries(s.glossary ?? {});
  const story = el(
    'div',
    { class: 'briefing-story' },
    el('p', { class: 'stakes' }, s.stakes),
    el(
      'p',
      { class: 'meta' },
      t('briefing-meta', { place: s.place, date: longDate(s.date), minutes: s.playMinutes ?? 0 }),
    ),
    s.contentNote
      ? el('p', { class: 'note' }, t('briefing-content-note', { note: s.contentNote.trim() }))
      : null,
    ...paragraphs(s.summary),
    p.setting ? el('h3', {}, t('briefing-setting')) : null,
    ...(p.setting ? paragraphs(p.setting) : []),
    el('h3', {}, t('briefing-role', { role: p.role })),
    ...paragraphs(p.brief),
  );
  const parties = playerFirst(game, seat).map((id): [string, string] => {
    const party = own(s.parties, id);
    return [
      t('briefing-party', { name: party?.name ?? id, you: id === seat ? 'yes' : 'no' }),
      party?.describe?.trim() ?? '',
    ];
  });
  const issues = game.issueIds.map((id): [string, string] => {
    const issue = own(s.issues, id);
    const start = issue ? t('briefing-issue-start', { option: optionWord(game, id, issue.default) }) : '';
    return [issue?.label ?? id, [issue?.describe?.trim(), start].filter(Boolean).join(' ')];
  });
  const orders = el(
    'div',
    { class: 'briefing-orders' },
    el('h3', {}, t('briefing-objectives')),
    list('ol', p.objectives),
    p.redLines.length ? el('h3', {}, t('briefing-red-lines')) : null,
    list('ul', p.redLines),
    p.mayGive.length ? el('h3', {}, t('briefing-may-give')) : null,
    list('ul', p.mayGive),
    s.vote?.describe ? el('h3', {}, t('briefing-vote')) : null,
    s.vote?.describe ? el('p', {}, s.vote.describe) : null,
    folded(t('briefing-parties', { count: parties.length }), definitions(parties, 'defs')),
    folded(t('briefing-issues', { count: issues.length }), definitions(issues, 'defs')),
  );
  // Reference lists run the full width, in columns, so a long glossary does not leave half the page empty.
  const reference = el(
    'div',
    { class: 'briefing-reference' },
    meters.length ? el('h3', {}, t('briefing-meters')) : null,
    definitions(meters, 'defs columns'),
    glossary.length ? el('h3', {}, t('glossary')) : null,
    definitions(glossary, 'defs columns'),
  );
  const details = el(
    'details',
    { class: 'briefing', open: true },
    el(
      'summary',
      {},
      el('span', { class: 'summary-title' }, t('your-briefing')),
      t('briefing-summary-role', { role: p.role }),
    ),
    el('div', { class: 'briefing-body' }, story, orders, reference),
  );
  return el('section', { class: 'panel briefing-panel', 'aria-label': t('briefing-label') }, details);
}

/**
 * The briefing: what the student needs before the first move (setting, role, confidential brief,
 * objectives), in a `<details>` so it can be folded away once read and reopened at any time.
 */
import type { Game } from '../engine/index.ts';
import { el, paragraphs } from './dom.ts';

function list(tag: 'ul' | 'ol', items: readonly string[] | undefined): HTMLElement | null {
  if (!items || items.length === 0) return null;
  return el(tag, {}, ...items.map((item) => el('li', {}, item)));
}

function definitions(entries: [string, string][], className: string): HTMLDListElement | null {
  if (entries.length === 0) return null;
  const dl = el('dl', { class: className });
  for (const [term, text] of entries) dl.append(el('dt', {}, term), el('dd', {}, text));
  return dl;
}

/** Builds the briefing section; it is static for a scenario, so it is built once. */
export function renderBriefing(game: Game): HTMLElement {
  const s = game.scenario;
  const p = s.player;
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
      `${s.place} · ${s.date}${s.playMinutes ? ` · about ${s.playMinutes} minutes` : ''}`,
    ),
    s.contentNote ? el('p', { class: 'note' }, `Content note: ${s.contentNote.trim()}`) : null,
    ...paragraphs(s.summary),
    el('h3', {}, 'The setting'),
    ...paragraphs(p.setting),
    el('h3', {}, `Your role: ${p.role}`),
    ...paragraphs(p.brief),
  );
  const orders = el(
    'div',
    { class: 'briefing-orders' },
    el('h3', {}, 'Objectives'),
    list('ol', p.objectives),
    p.redLines?.length ? el('h3', {}, 'Your red lines') : null,
    list('ul', p.redLines),
    p.mayGive?.length ? el('h3', {}, 'What you may give') : null,
    list('ul', p.mayGive),
    s.vote?.describe ? el('h3', {}, 'The vote') : null,
    s.vote?.describe ? el('p', {}, s.vote.describe) : null,
    meters.length ? el('h3', {}, 'How to read the meters') : null,
    definitions(meters, 'defs'),
    glossary.length ? el('h3', {}, 'Glossary') : null,
    definitions(glossary, 'defs'),
  );
  const details = el(
    'details',
    { class: 'briefing', open: true },
    el('summary', {}, el('span', { class: 'summary-title' }, 'Your briefing'), ` — ${p.role}`),
    el('div', { class: 'briefing-body' }, story, orders),
  );
  return el('section', { class: 'panel briefing-panel', 'aria-label': 'Briefing' }, details);
}

/**
 * The debrief: how the talks ended, compared with what really happened, and questions to discuss. The
 * tier is written in words (colour only repeats it), and the history sits beside the student's result.
 */
import type { Game, GameState, OutcomeResult } from '../engine/index.ts';
import { type Child, el, paragraphs } from './dom.ts';
import { TIER_WORDS } from './labels.ts';

/** Only web links become anchors; anything else in a scenario's `url` stays plain text. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function sourceItem(game: Game, id: string): HTMLLIElement {
  const src = game.scenario.sources?.[id];
  if (!src) return el('li', {}, id);
  const by = [src.author, src.publisher, src.date].filter(Boolean).join(', ');
  const href = src.url ? safeUrl(src.url) : null;
  return el(
    'li',
    {},
    href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, src.title) : src.title,
    by ? `, ${by}` : null,
    src.note ? ` (${src.note})` : null,
  );
}

function comparison(game: Game, state: GameState): HTMLTableElement | null {
  const rows = game.issueIds.flatMap((id) => {
    const issue = game.scenario.issues[id];
    if (!issue?.historical) return [];
    const yours = state.table[id];
    return [
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, issue.label),
        el('td', {}, yours !== undefined ? (issue.options[yours] ?? yours) : '—'),
        el('td', {}, issue.options[issue.historical] ?? issue.historical),
      ),
    ];
  });
  if (rows.length === 0) return null;
  return el(
    'table',
    { class: 'comparison' },
    el('caption', {}, 'Your final package beside the one agreed in history'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Issue'),
        el('th', { scope: 'col' }, 'Your package'),
        el('th', { scope: 'col' }, 'History'),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}

/** Builds the debrief for a finished game; `onPlayAgain` starts a new game with a fresh seed. */
export function renderDebrief(
  game: Game,
  state: GameState,
  result: OutcomeResult,
  onPlayAgain: () => void,
): Child[] {
  const outcome = game.scenario.outcomes.find((o) => o.id === result.id);
  const d = outcome?.debrief;
  const partyNotes = Object.entries(d?.parties ?? {});
  const again = el('button', { type: 'button', class: 'primary' }, 'Play again with a new seed');
  again.addEventListener('click', onPlayAgain);
  const questions = game.scenario.questions ?? [];
  return [
    el('p', { class: 'eyebrow' }, 'Debrief'),
    el('h2', { id: 'debrief-heading', tabindex: -1 }, outcome?.title ?? result.id),
    el(
      'p',
      { class: `tier tier-${result.tier}` },
      el('span', { class: 'tier-label' }, `Result: ${TIER_WORDS[result.tier]}`),
      result.historical ? el('span', { class: 'tier-history' }, ' — the outcome history recorded') : null,
    ),
    ...(outcome ? paragraphs(outcome.summary, 'summary') : []),
    el('h3', {}, 'Your negotiation'),
    ...(d ? paragraphs(d.you) : []),
    partyNotes.length ? el('h3', {}, 'Why the parties moved') : null,
    partyNotes.length
      ? el(
          'dl',
          { class: 'defs' },
          ...partyNotes.flatMap(([id, text]) => [
            el('dt', {}, game.scenario.parties[id]?.name ?? id),
            el('dd', {}, text),
          ]),
        )
      : null,
    el('h3', {}, 'What really happened'),
    ...(d ? paragraphs(d.history, 'history') : []),
    comparison(game, state),
    d?.caveat ? el('h3', {}, 'A caveat') : null,
    ...(d?.caveat ? paragraphs(d.caveat, 'caveat') : []),
    d?.sources?.length ? el('h3', {}, 'Sources') : null,
    d?.sources?.length
      ? el('ul', { class: 'sources' }, ...d.sources.map((id) => sourceItem(game, id)))
      : null,
    questions.length ? el('h3', {}, 'Questions for discussion') : null,
    questions.length ? el('ol', { class: 'questions' }, ...questions.map((q) => el('li', {}, q))) : null,
    el('p', { class: 'actions' }, again),
  ];
}

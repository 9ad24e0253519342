/**
 * The debrief: how the talks ended, compared with what really happened, and questions to discuss. The
 * tier is written in words (colour only repeats it), and the history sits beside the student's result.
 */
import { agreementsOf, type Game, type GameState, type OutcomeResult, own } from '../engine/index.ts';
import { t } from '../view/i18n/active.ts';
import { longDate, optionWord, tierWord } from '../view/labels.ts';
import { type Child, el, paragraphs, srOnly } from './dom.ts';

/** Only web links become anchors; anything else in a scenario's `url` stays plain text. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** One source as a list item: a link only for web addresses, then who published it and when. */
export function sourceItem(game: Game, id: string): HTMLLIElement {
  const src = own(game.scenario.sources, id);
  if (!src) return el('li', {}, id);
  const date = src.date && /^\d{4}-\d{2}-\d{2}$/.test(src.date) ? longDate(src.date) : src.date;
  const by = [src.author, src.publisher, date].filter(Boolean).join(', ');
  const href = src.url ? safeUrl(src.url) : null;
  return el(
    'li',
    {},
    href
      ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, src.title, srOnly(t('new-tab')))
      : src.title,
    by ? `, ${by}` : null,
    src.note ? el('span', { class: 'source-note' }, src.note) : null,
  );
}

function comparison(game: Game, state: GameState): HTMLTableElement | null {
  const rows = game.issueIds.flatMap((id) => {
    const issue = own(game.scenario.issues, id);
    if (!issue?.historical) return [];
    const yours = own(state.table, id);
    const same = yours === issue.historical;
    // A package on the table is not a deal: say whether anyone signed this term.
    const agreed = Object.values(agreementsOf(state)).some(
      (terms) => yours !== undefined && terms[id] === yours,
    );
    return [
      el(
        'tr',
        { role: 'row', class: same ? 'same' : undefined },
        el('th', { scope: 'row', role: 'rowheader' }, issue.label),
        el(
          'td',
          { role: 'cell' },
          el('span', { class: 'cell-label' }, t('debrief-your-package-cell')),
          yours !== undefined ? optionWord(game, id, yours) : '—',
          el('span', { class: 'muted' }, t(agreed ? 'debrief-agreed' : 'debrief-not-agreed')),
          same ? el('span', { class: 'muted' }, t('debrief-as-in-history')) : null,
        ),
        el(
          'td',
          { role: 'cell' },
          el('span', { class: 'cell-label' }, t('debrief-history-cell')),
          optionWord(game, id, issue.historical),
        ),
      ),
    ];
  });
  if (rows.length === 0) return null;
  // Explicit roles keep the table a table for screen readers when narrow screens stack its cells.
  return el(
    'table',
    { class: 'comparison', role: 'table' },
    el('caption', {}, t('debrief-comparison-caption')),
    el(
      'thead',
      { role: 'rowgroup' },
      el(
        'tr',
        { role: 'row' },
        el('th', { scope: 'col', role: 'columnheader' }, t('debrief-issue')),
        el('th', { scope: 'col', role: 'columnheader' }, t('debrief-your-package')),
        el('th', { scope: 'col', role: 'columnheader' }, t('debrief-history')),
      ),
    ),
    el('tbody', { role: 'rowgroup' }, ...rows),
  );
}

/** The roll call in words, when the game ended with one (the log has it too, but may be scrolled away). */
function voteLine(game: Game, state: GameState): HTMLParagraphElement | null {
  const v = state.vote;
  if (!v) return null;
  const vetoes = v.vetoedBy.map((id) => own(game.scenario.parties, id)?.name ?? id);
  return el(
    'p',
    { class: 'vote-result' },
    el('strong', {}, t('debrief-vote')),
    t('debrief-vote-line', {
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      vetoed: vetoes.length ? vetoes.join(t('list-separator')) : 'none',
      adopted: v.adopted ? 'yes' : 'no',
    }),
  );
}

/** What the debrief screen wires in: the student's answers and the buttons under the debrief. */
export interface DebriefHooks {
  answers: Record<string, string>;
  /** Called on every edit of an answer (the page saves it with the game). */
  onAnswer(index: number, text: string): void;
  /** Buttons and links shown at the end (play again, replay, downloads). */
  actions: Child[];
  /** Extra sections shown before the questions (e.g. the chart's data). */
  extra?: Child[];
}

/** The discussion questions, each with a box for the student's own answer (kept with the save). */
function questionList(questions: readonly string[], hooks: DebriefHooks): HTMLOListElement {
  return el(
    'ol',
    { class: 'questions' },
    ...questions.map((q, i) => {
      const id = `answer-${i}`;
      const box = el('textarea', { id, rows: 3, maxlength: 4000 });
      box.value = hooks.answers[String(i)] ?? '';
      box.addEventListener('input', () => hooks.onAnswer(i, box.value));
      return el('li', {}, el('label', { for: id }, q), box);
    }),
  );
}

/** What the outcome's debrief says to `seat`: `you` for the player's seat, `seats.<seat>` for another. */
export function seatDebrief(game: Game, outcomeId: string, seat: string): string | null {
  const d = game.scenario.outcomes.find((o) => o.id === outcomeId)?.debrief;
  if (!d) return null;
  return seat === game.playerId ? d.you : (own(d.seats, seat) ?? null);
}

/** Builds the debrief of a finished game for `seat` (default the player's): its tier and its own text. */
export function renderDebrief(
  game: Game,
  state: GameState,
  result: OutcomeResult,
  hooks: DebriefHooks,
  seat: string = game.playerId,
): Child[] {
  const outcome = game.scenario.outcomes.find((o) => o.id === result.id);
  const d = outcome?.debrief;
  const yours = seatDebrief(game, result.id, seat);
  const partyNotes = Object.entries(d?.parties ?? {});
  const questions = game.scenario.questions ?? [];
  return [
    el('p', { class: 'eyebrow' }, t('debrief')),
    el('h1', { id: 'debrief-heading', tabindex: -1 }, outcome?.title ?? result.id),
    el(
      'p',
      { class: `tier tier-${result.tier}` },
      el('span', { class: 'tier-label' }, t('debrief-result', { tier: tierWord(result.tier) })),
      result.historical ? el('span', { class: 'tier-history' }, t('debrief-historical')) : null,
    ),
    ...(outcome ? paragraphs(outcome.summary, 'summary') : []),
    voteLine(game, state),
    el('h2', {}, t('debrief-your-negotiation')),
    ...(yours ? paragraphs(yours) : []),
    partyNotes.length ? el('h2', {}, t(result.historical ? 'debrief-why-historical' : 'debrief-why')) : null,
    partyNotes.length
      ? el(
          'dl',
          { class: 'defs' },
          ...partyNotes.flatMap(([id, text]) => [
            el('dt', {}, own(game.scenario.parties, id)?.name ?? id),
            el('dd', {}, text),
          ]),
        )
      : null,
    el('h2', {}, t('debrief-what-happened')),
    ...(d ? paragraphs(d.history, 'history') : []),
    comparison(game, state),
    d?.caveat ? el('h2', {}, t('debrief-caveat')) : null,
    ...(d?.caveat ? paragraphs(d.caveat, 'caveat') : []),
    d?.sources?.length ? el('h2', {}, t('sources')) : null,
    d?.sources?.length
      ? el('ul', { class: 'sources' }, ...d.sources.map((id) => sourceItem(game, id)))
      : null,
    ...(hooks.extra ?? []),
    questions.length ? el('h2', {}, t('debrief-questions')) : null,
    questions.length ? el('p', { class: 'muted' }, t('debrief-answers-saved')) : null,
    questions.length ? questionList(questions, hooks) : null,
    el('p', { class: 'actions' }, ...hooks.actions),
  ];
}

/**
 * For instructors: drop the result files students handed in and see the class at a glance. Each file is
 * read as untrusted data and its game replayed against the bundled scenario, so an edited result shows as
 * "does not verify"; then the spread of outcomes, how often each move was chosen, and every student's
 * outcome and answers.
 */
import { type Game, tierFor, verifyReplay } from '../../engine/index.ts';
import { CATALOG } from '../../session/catalog.ts';
import { readResult, type StudentResult } from '../../session/result.ts';
import { activeLang, t } from '../../view/i18n/active.ts';
import { targetName, tierWord } from '../../view/labels.ts';
import type { App, Mounted } from '../app-types.ts';
import { bdi, button, el, fill } from '../dom.ts';
import { engineWords, gameIn } from '../language.ts';

/** Result files above this size are refused unread. */
const MAX_RESULT = 5 * 1024 * 1024;

interface Row {
  file: string;
  result: StudentResult | null;
  verified: boolean;
  problem: string | null;
  /** Set when the file names another outcome than its replay reaches (the file was edited). */
  claimed: string | null;
  game: Game | null;
  /** The seat the student played (a pass-and-play game hands in one file per seat). */
  seat: string;
  /** Files handed in before this one holding the same game (same scenario, seed and moves). */
  sameAs: string[];
}

/** Compiled games by scenario id and language (a language switch rewords the next files read). */
const games = new Map<string, Promise<Game | null>>();
function gameOf(id: string): Promise<Game | null> {
  const key = `${activeLang()} ${id}`;
  let g = games.get(key);
  if (!g) {
    const entry = CATALOG.get(id);
    g = entry ? entry.load().then((c) => gameIn(c.scenario)) : Promise.resolve(null);
    games.set(key, g);
  }
  return g;
}

async function readRow(file: File): Promise<Row> {
  const row: Row = {
    file: file.name,
    result: null,
    verified: false,
    problem: null,
    claimed: null,
    game: null,
    seat: '',
    sameAs: [],
  };
  if (file.size > MAX_RESULT) return { ...row, problem: t('class-too-large') };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ...row, problem: t('class-not-json') };
  }
  const read = readResult(data);
  if ('error' in read) return { ...row, problem: engineWords(read.error, 'detail-not-result') };
  const game = await gameOf(read.result.scenario.id);
  if (!game)
    return {
      ...row,
      result: read.result,
      problem: t('class-unknown-scenario', { id: read.result.scenario.id }),
    };
  // A version-1 result is the player's seat; a version-2 one must name a seat its replay shows held by a person.
  const replayFile = read.result.replay;
  const seat = replayFile.version === 1 || read.result.seat === '' ? game.playerId : read.result.seat;
  if (replayFile.version === 2 && !replayFile.seats.includes(seat))
    return { ...row, game, result: read.result, problem: t('class-seat-not-held', { seat }) };
  const checked = verifyReplay(game, replayFile);
  // A replay whose moves and hashes all check but whose recorded outcome was edited is still the game it
  // proves: shown with the proven outcome, and the claim flagged below.
  const v =
    !checked.ok && checked.kind === 'outcome-mismatch'
      ? { ok: true as const, turns: read.result.replay.actions.length, outcome: checked.outcome }
      : checked;
  const outcome = v.ok ? v.outcome : null;
  const title = outcome ? (game.scenario.outcomes.find((o) => o.id === outcome.id)?.title ?? outcome.id) : '';
  // The tier is the seat's own: Syria's success can be China's failure.
  const tier = outcome ? (tierFor(game, outcome.id, seat) ?? outcome.tier) : '';
  // Only what the replay proves is shown: the outcome comes from replaying, not from the file's own claim.
  const result: StudentResult = {
    ...read.result,
    seat,
    outcome: outcome ? { id: outcome.id, title, tier, historical: outcome.historical } : null,
  };
  const claimedId = read.result.outcome?.id ?? null;
  const claimed =
    v.ok && claimedId !== (outcome?.id ?? null) ? `${read.result.outcome?.title ?? claimedId}` : null;
  return {
    ...row,
    game,
    seat,
    result,
    verified: v.ok,
    claimed,
    problem: v.ok
      ? null
      : t('class-not-verified', {
          message: engineWords(v.message, `detail-verify-${v.kind}`, { turn: 'turn' in v ? v.turn : 0 }),
        }),
  };
}

/** Reads files with at most READ_AT_ONCE in flight; rows keep the order the files were chosen in. */
const READ_AT_ONCE = 16;
async function readAll(files: File[]): Promise<Row[]> {
  const rows: Row[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      rows[i] = await readRow(files[i] as File);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, files.length) }, worker));
  return rows;
}

/**
 * The same verified game handed in under two names (or two files) is flagged on every later copy and
 * counted once in the summary. Same game: same scenario hash, seed, moves and seat (the seats of one
 * pass-and-play game are one game each student played their own side of, so each counts).
 */
export function markSameGames(rows: Row[]): Row[] {
  const first = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.verified || !r.result) continue;
    const key = JSON.stringify([r.result.replay.scenario, r.result.seed, r.result.replay.actions, r.seat]);
    const earlier = first.get(key);
    if (earlier) {
      r.sameAs = earlier.map((e) => (e.result?.name ? `${e.result.name} (${e.file})` : e.file));
      earlier.push(r);
    } else first.set(key, [r]);
  }
  return rows;
}

function percent(n: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((n / of) * 100)}%`;
}

/** A small bar; the width goes through the CSSOM, which a strict Content-Security-Policy allows. */
function shareBar(share: number): HTMLElement {
  const bar = el('span', { class: 'share-bar', 'aria-hidden': 'true' });
  bar.style.setProperty('--share', `${Math.round(share * 100)}%`);
  return bar;
}

function summary(rows: Row[]): HTMLElement[] {
  const good = rows.filter((r) => r.verified && r.result);
  // One table per scenario and seat: the outcomes of Syria's ambassadors are not China's.
  const bySeat = new Map<string, Row[]>();
  for (const r of good) {
    const key = JSON.stringify([r.result?.scenario.id, r.seat]);
    bySeat.set(key, [...(bySeat.get(key) ?? []), r]);
  }
  const out: HTMLElement[] = [];
  for (const list of bySeat.values()) {
    const first = list[0] as Row;
    const game = first.game as Game;
    // The heading names the verified scenario (the page's own copy), never a title a file claims.
    const title = game.scenario.title;
    const seatName = targetName(game, first.seat);
    const outcomes = new Map<string, { title: string; tier: string; n: number }>();
    const moves = new Map<string, number>();
    for (const r of list) {
      const o = r.result?.outcome;
      const key = o?.id ?? 'unfinished';
      const entry = outcomes.get(key) ?? {
        title: o?.title ?? t('class-not-finished'),
        tier: o?.tier ?? '',
        n: 0,
      };
      entry.n += 1;
      outcomes.set(key, entry);
      // Only the seat's own moves (a version-1 replay's actions are all the player's).
      const mine = r.result?.replay.actions.filter((a) => !('seat' in a) || a.seat === r.seat) ?? [];
      for (const m of new Set(mine.map((a) => a.move))) moves.set(m, (moves.get(m) ?? 0) + 1);
    }
    out.push(
      el(
        'h2',
        {},
        bdi(title),
        t('class-as-seat', { seat: seatName }),
        t('class-results-count', { count: list.length }),
      ),
      el(
        'table',
        { class: 'party-table' },
        el('caption', {}, t('class-outcomes')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, t('class-outcome')),
            el('th', {}, t('class-tier')),
            el('th', {}, t('class-students')),
            el('th', {}, t('class-share')),
          ),
        ),
        el(
          'tbody',
          {},
          ...[...outcomes.values()]
            .sort((a, b) => b.n - a.n)
            .map((o) =>
              el(
                'tr',
                {},
                el('th', {}, o.title),
                el('td', {}, tierWord(o.tier)),
                el('td', { class: 'num' }, String(o.n)),
                el('td', {}, shareBar(o.n / list.length), ` ${percent(o.n, list.length)}`),
              ),
            ),
        ),
      ),
      el(
        'table',
        { class: 'party-table' },
        el('caption', {}, t('class-moves-caption')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, t('class-move')),
            el('th', {}, t('class-students')),
            el('th', {}, t('class-share')),
          ),
        ),
        el(
          'tbody',
          {},
          ...[...moves.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([m, n]) =>
              el(
                'tr',
                {},
                // A move's id, as the result file records it.
                el('th', {}, el('code', {}, m)),
                el('td', { class: 'num' }, String(n)),
                el('td', {}, percent(n, list.length)),
              ),
            ),
        ),
      ),
    );
  }
  return out;
}

function studentList(rows: Row[]): HTMLElement {
  return el(
    'ul',
    { class: 'class-list' },
    ...rows.map((r) =>
      el(
        'li',
        {},
        el('strong', {}, bdi(r.result?.name || r.file)),
        r.result?.name ? ' (' : '',
        r.result?.name ? bdi(r.file) : '',
        r.result?.name ? ')' : '',
        r.game && r.seat ? t('class-student-seat', { seat: targetName(r.game, r.seat) }) : '',
        ': ',
        r.problem
          ? el('span', { class: 'error-text' }, '✗ ', bdi(r.problem))
          : el(
              'span',
              {},
              r.result?.outcome
                ? t('class-verified', {
                    outcome: r.result.outcome.title,
                    tier: tierWord(r.result.outcome.tier),
                  })
                : t('class-verified-unfinished'),
              bdi(r.result?.seed ?? ''),
            ),
        r.claimed
          ? el(
              'span',
              { class: 'error-text' },
              t('class-claims-before'),
              bdi(r.claimed),
              t('class-claims-after'),
            )
          : null,
        r.sameAs.length
          ? el(
              'span',
              { class: 'error-text same-game' },
              t('class-same-before'),
              ...r.sameAs.flatMap((f, i) => [i ? ', ' : '', bdi(f)]),
              t('class-same-after'),
            )
          : null,
        r.result?.answers.some((a) => a.answer.trim())
          ? el(
              'details',
              {},
              el('summary', {}, t('class-answers')),
              el(
                'ol',
                {},
                ...(r.result?.answers ?? []).map((a) =>
                  el(
                    'li',
                    {},
                    el('p', { class: 'muted' }, bdi(a.question)),
                    el('p', {}, a.answer ? bdi(a.answer) : t('class-no-answer')),
                  ),
                ),
              ),
            )
          : null,
      ),
    ),
  );
}

/** Mounts the class page. */
export function mountClassResults(app: App): Mounted {
  const heading = el('h1', { id: 'class-heading', tabindex: -1 }, t('class-heading'));
  const input = el('input', {
    type: 'file',
    id: 'result-files',
    multiple: true,
    accept: '.json,application/json',
  });
  const results = el('div', { class: 'class-results', 'aria-live': 'polite' });
  input.addEventListener('change', async () => {
    // Every chosen file is read (a few at a time, so hundreds of 5 MB files never sit in memory at once).
    const files = [...(input.files ?? [])];
    fill(results, el('p', {}, t('class-reading', { count: files.length })));
    const rows = markSameGames(await readAll(files));
    fill(
      results,
      ...summary(rows.filter((r) => r.sameAs.length === 0)),
      el('h2', {}, t('class-every-file', { count: rows.length })),
      studentList(rows),
    );
  });
  fill(
    app.main,
    el(
      'section',
      { class: 'panel screen', 'aria-labelledby': 'class-heading' },
      heading,
      el('p', {}, t('class-intro')),
      el('p', {}, el('label', { for: 'result-files' }, t('class-files-label')), input),
      results,
      el(
        'p',
        { class: 'actions' },
        button(t('back-to-title'), () => app.go('title')),
      ),
    ),
  );
  return { scene: 'HowToPlay', caption: t('class-heading'), source: null, focus: heading };
}

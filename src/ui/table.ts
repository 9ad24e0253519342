/**
 * The state of the talks: every party's position and meters, and the package on the table. Each meter
 * is written out as a number beside its `<meter>`, so the values never live only in a bar or a colour.
 * A few parties get a card each (position explained in words); a council of many gets one compact table
 * plus a legend of the positions, so fifteen delegations fit on one screen.
 */
import { agreedOf, agreementsOf, type Game, type GameState, metersOf, own } from '../engine/index.ts';
import { t } from '../view/i18n/active.ts';
import { displayName, optionWord, positionOf } from '../view/labels.ts';
import { metersFor } from '../view/relevance.ts';
import { el, srOnly } from './dom.ts';

/** Above this many parties, the counterparts are listed in a table instead of cards. */
export const COMPACT_PARTIES = 6;

/** A ballot cast, as catalogue ids. */
const BALLOT_WORDS = { yes: 'ballot-yes', no: 'ballot-no', abstain: 'ballot-abstain' } as const;

function meterControl(game: Game, partyName: string, meterId: string, value: number): HTMLMeterElement {
  const def = own(game.scenario.meters, meterId);
  return el('meter', {
    min: def?.min ?? 0,
    max: def?.max ?? 1,
    value,
    'aria-label': t('meter-label', { party: partyName, meter: def?.label ?? meterId }),
  });
}

/** A signed number with a real minus sign, the way people write scores. */
function num(value: number): string {
  return value < 0 ? `−${Math.abs(value)}` : String(value);
}

function meterRow(game: Game, partyName: string, meterId: string, value: number): HTMLLIElement {
  const def = own(game.scenario.meters, meterId);
  return el(
    'li',
    { class: 'meter-row' },
    el('span', { class: 'meter-label' }, def?.label ?? meterId),
    meterControl(game, partyName, meterId, value),
    el(
      'span',
      { class: 'meter-value' },
      num(value),
      // "of 5" reads as a share, so it is only said when the scale starts at 0.
      def
        ? el(
            'span',
            { class: 'meter-scale' },
            def.min === 0
              ? t('meter-of', { max: num(def.max) })
              : t('meter-range', { min: num(def.min), max: num(def.max) }),
          )
        : null,
    ),
  );
}

/** What a party has done that ends its part: signed a package, cast a ballot. */
function statusLines(state: GameState, id: string, seat: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (agreedOf(state, id) !== undefined && id !== seat)
    out.push(el('span', { class: 'status status-good' }, t('status-signed')));
  const ballot = own(state.vote?.ballots, id);
  if (ballot) out.push(el('span', { class: `status ballot ballot-${ballot}` }, t(BALLOT_WORDS[ballot])));
  return out;
}

function nameParts(game: Game, id: string, short: boolean, seat: string): (HTMLElement | null)[] {
  const party = own(game.scenario.parties, id);
  const name = short ? displayName(game, id) : (party?.name ?? id);
  return [
    el('span', { class: 'emblem', 'aria-hidden': 'true' }, party?.emblem?.symbol ?? name.charAt(0)),
    el(
      'span',
      { class: 'party-label' },
      name,
      id === seat ? el('span', { class: 'you' }, t('you-mark')) : null,
      party?.veto ? el('span', { class: 'tag' }, t('veto-tag')) : null,
    ),
  ];
}

function partyCard(game: Game, state: GameState, id: string, seat: string): HTMLLIElement {
  const party = own(game.scenario.parties, id);
  const name = party?.name ?? id;
  const position = positionOf(game, state, id);
  const meters = metersFor(game, state, id);
  const status = statusLines(state, id, seat);
  const card = el(
    'li',
    {
      class: `party${id === seat ? ' party-player' : ''}${position?.final ? ' party-final' : ''}`,
    },
    el('h3', { class: 'party-name' }, ...nameParts(game, id, false, seat)),
    position
      ? el(
          'p',
          { class: 'position' },
          el('span', { class: 'position-label' }, t('position-label', { position: position.label })),
          position.describe
            ? el(
                'span',
                { class: 'position-describe' },
                t('position-describe', { describe: position.describe }),
              )
            : null,
        )
      : null,
    status.length ? el('p', { class: 'party-status' }, ...status) : null,
    meters.length
      ? el(
          'ul',
          { class: 'meters' },
          ...meters.map((m) => meterRow(game, name, m, own(metersOf(state, id), m) ?? 0)),
        )
      : null,
  );
  if (party?.emblem) card.style.setProperty('--party-color', party.emblem.color);
  return card;
}

function meterHeader(game: Game, meterId: string): HTMLTableCellElement {
  const def = own(game.scenario.meters, meterId);
  return el(
    'th',
    { scope: 'col', class: 'num' },
    def?.label ?? meterId,
    def ? el('span', { class: 'scale' }, t('scale', { min: num(def.min), max: num(def.max) })) : null,
  );
}

function partyRow(
  game: Game,
  state: GameState,
  id: string,
  columns: string[],
  seat: string,
): HTMLTableRowElement {
  const party = own(game.scenario.parties, id);
  const name = party?.name ?? id;
  const position = positionOf(game, state, id);
  const shown = new Set(metersFor(game, state, id));
  const where = () => [
    position ? el('span', { class: 'position-label' }, position.label) : null,
    ...statusLines(state, id, seat),
  ];
  const row = el(
    'tr',
    { class: position?.final ? 'party-final' : undefined },
    // On phones the position column is hidden and the position is shown under the name instead
    // (display: none on one of the two, so screen readers meet it once).
    el(
      'th',
      { scope: 'row', class: 'party-cell' },
      ...nameParts(game, id, true, seat),
      el('span', { class: 'position-inline' }, ...where()),
    ),
    el('td', { class: 'position-cell position-col' }, ...where()),
    ...columns.map((m) => {
      if (!shown.has(m))
        return el(
          'td',
          { class: 'num' },
          el('span', { 'aria-hidden': 'true' }, '—'),
          srOnly(t('meter-not-used')),
        );
      const value = own(metersOf(state, id), m) ?? 0;
      return el(
        'td',
        { class: 'num' },
        meterControl(game, name, m, value),
        el('span', { class: 'meter-value' }, num(value)),
      );
    }),
  );
  if (party?.emblem) row.style.setProperty('--party-color', party.emblem.color);
  return row;
}

/** The positions the table's parties hold now, explained once each (the table shows only their labels). */
function legend(game: Game, state: GameState, ids: string[]): HTMLElement | null {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const position = positionOf(game, state, id);
    if (position?.describe && !seen.has(position.label)) seen.set(position.label, position.describe);
  }
  if (seen.size === 0) return null;
  const dl = el('dl', { class: 'defs' });
  for (const [label, text] of seen) dl.append(el('dt', {}, label), el('dd', {}, text));
  return el('details', { class: 'legend' }, el('summary', {}, t('positions-legend')), dl);
}

function partyTable(game: Game, state: GameState, ids: string[], seat: string): HTMLElement[] {
  const columns = game.meterIds.filter((m) => ids.some((id) => metersFor(game, state, id).includes(m)));
  const table = el(
    'table',
    { class: 'party-table' },
    el('caption', { class: 'sr-only' }, t('delegations-caption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el(
          'th',
          { scope: 'col' },
          t('delegation'),
          el('span', { class: 'position-inline' }, t('and-position')),
        ),
        el('th', { scope: 'col', class: 'position-col' }, t('position')),
        ...columns.map((m) => meterHeader(game, m)),
      ),
    ),
    el('tbody', {}, ...ids.map((id) => partyRow(game, state, id, columns, seat))),
  );
  const scroller = el(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': t('delegations'), tabindex: 0 },
    table,
  );
  return [scroller, legend(game, state, ids)].filter((x): x is HTMLElement => x !== null);
}

/**
 * The parties panel, rebuilt after every turn (cheaper than diffing); the seat's own side (default the
 * player's) comes first and is marked "(you)". `state` is the seat's view, so it holds only meters it may see.
 */
export function renderParties(game: Game, state: GameState, seat: string = game.playerId): HTMLElement[] {
  const others = game.partyIds.filter((id) => id !== seat);
  const heading = el('h2', { id: 'parties-heading' }, t('around-the-table'));
  if (game.partyIds.length <= COMPACT_PARTIES) {
    return [
      heading,
      el('ul', { class: 'parties' }, ...[seat, ...others].map((id) => partyCard(game, state, id, seat))),
    ];
  }
  const sorted = [...others].sort((a, b) => displayName(game, a).localeCompare(displayName(game, b), 'en'));
  return [
    heading,
    el('ul', { class: 'parties' }, partyCard(game, state, seat, seat)),
    ...partyTable(game, state, sorted, seat),
  ];
}

function packageList(game: Game, pkg: Record<string, string>): HTMLDListElement {
  const dl = el('dl', { class: 'package' });
  for (const issueId of game.issueIds) {
    const issue = own(game.scenario.issues, issueId);
    const option = pkg[issueId];
    if (!issue || option === undefined) continue;
    const changed = option !== issue.default;
    dl.append(
      el('dt', {}, issue.label),
      el(
        'dd',
        { class: changed ? 'changed' : undefined },
        optionWord(game, issueId, option),
        changed ? null : el('span', { class: 'muted' }, t('unchanged')),
      ),
    );
  }
  return dl;
}

/** The package on the table and any packages a party other than `seat` has signed. */
export function renderPackage(game: Game, state: GameState, seat: string = game.playerId): HTMLElement[] {
  const out: HTMLElement[] = [
    el('h2', { id: 'package-heading' }, t('package-heading')),
    packageList(game, state.table),
  ];
  for (const [party, pkg] of Object.entries(agreementsOf(state))) {
    if (party === seat) continue;
    out.push(
      el('h3', {}, t('signed-by', { party: own(game.scenario.parties, party)?.name ?? party })),
      packageList(game, pkg),
    );
  }
  return out;
}

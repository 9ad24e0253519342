/**
 * The state of the talks: every party's position and meters, and the package on the table. Each meter
 * is written out as text and drawn as a `<meter>`, so the numbers never live only in a bar.
 */
import type { Game, GameState } from '../engine/index.ts';
import { el } from './dom.ts';
import { positionOf } from './labels.ts';

const BALLOT_WORDS = { yes: 'Voted yes', no: 'Voted no', abstain: 'Abstained' } as const;

function meterRow(game: Game, partyName: string, meterId: string, value: number): HTMLLIElement {
  const def = game.scenario.meters[meterId];
  const label = def?.label ?? meterId;
  const meter = el('meter', {
    min: def?.min ?? 0,
    max: def?.max ?? 1,
    value,
    'aria-label': `${partyName}: ${label}`,
  });
  return el(
    'li',
    { class: 'meter-row' },
    el('span', { class: 'meter-label' }, label),
    meter,
    el('span', { class: 'meter-value' }, String(value)),
  );
}

function partyCard(game: Game, state: GameState, id: string): HTMLLIElement {
  const party = game.scenario.parties[id];
  const name = party?.name ?? id;
  const isPlayer = id === game.playerId;
  const position = positionOf(game, state, id);
  const ballot = state.vote?.ballots[id];
  const agreed = state.agreements[id] !== undefined && !isPlayer;
  const card = el(
    'li',
    { class: `party${isPlayer ? ' party-player' : ''}${position?.final ? ' party-final' : ''}` },
    el(
      'h3',
      { class: 'party-name' },
      el('span', { class: 'emblem', 'aria-hidden': 'true' }, party?.emblem?.symbol ?? name.charAt(0)),
      el('span', {}, name),
      isPlayer ? el('span', { class: 'you' }, '(you)') : null,
      party?.veto ? el('span', { class: 'tag' }, 'veto') : null,
    ),
    position
      ? el(
          'p',
          { class: 'position' },
          el('span', { class: 'position-label' }, `Position: ${position.label}`),
          position.describe ? el('span', { class: 'position-describe' }, ` — ${position.describe}`) : null,
        )
      : null,
    agreed ? el('p', { class: 'status status-good' }, 'Has signed a package.') : null,
    ballot ? el('p', { class: 'status' }, BALLOT_WORDS[ballot]) : null,
    el(
      'ul',
      { class: 'meters' },
      ...game.meterIds.map((m) => meterRow(game, name, m, state.parties[id]?.meters[m] ?? 0)),
    ),
  );
  if (party?.emblem) card.style.setProperty('--party-color', party.emblem.color);
  return card;
}

/** The parties panel, rebuilt after every turn (a handful of elements; cheaper than diffing). */
export function renderParties(game: Game, state: GameState): HTMLElement[] {
  return [
    el('h2', { id: 'parties-heading' }, 'Around the table'),
    el('ul', { class: 'parties' }, ...game.partyIds.map((id) => partyCard(game, state, id))),
  ];
}

function packageList(game: Game, pkg: Record<string, string>): HTMLDListElement {
  const dl = el('dl', { class: 'package' });
  for (const issueId of game.issueIds) {
    const issue = game.scenario.issues[issueId];
    const option = pkg[issueId];
    if (!issue || option === undefined) continue;
    const changed = option !== issue.default;
    dl.append(
      el('dt', {}, issue.label),
      el(
        'dd',
        { class: changed ? 'changed' : undefined },
        issue.options[option] ?? option,
        changed ? null : el('span', { class: 'muted' }, ' (unchanged)'),
      ),
    );
  }
  return dl;
}

/** The package on the table and any packages a party has signed. */
export function renderPackage(game: Game, state: GameState): HTMLElement[] {
  const out: HTMLElement[] = [
    el('h2', { id: 'package-heading' }, 'The package on the table'),
    packageList(game, state.table),
  ];
  for (const [party, pkg] of Object.entries(state.agreements)) {
    if (party === game.playerId) continue;
    out.push(
      el('h3', {}, `Signed by ${game.scenario.parties[party]?.name ?? party}`),
      packageList(game, pkg),
    );
  }
  return out;
}

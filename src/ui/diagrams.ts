/**
 * The position diagrams of every party with a machine, as a section the debrief (with the path the game
 * took) and an opened file's briefing (the machines alone, for the author) show. The layout library loads
 * only here, when the section is drawn, so it stays out of the page's first download.
 */
import type { Game, GameState } from '../engine/index.ts';
import { activeMessages, t } from '../view/i18n/active.ts';
import { el, fill } from './dom.ts';

/** A section that fills itself with one figure per party's machine once the diagram code has loaded. */
export function diagramsSection(
  game: Game,
  states: readonly GameState[],
  heading: string,
  intro: string,
): HTMLElement {
  const status = el('p', { class: 'muted', role: 'status' }, t('diagrams-drawing'));
  const section = el(
    'section',
    { class: 'diagrams', 'aria-labelledby': 'diagrams-heading' },
    el('h2', { id: 'diagrams-heading' }, heading),
    el('p', {}, intro),
    status,
  );
  void Promise.all([import('../view/machine-diagram.ts'), import('./machine-diagram-svg.ts')])
    .then(([model, draw]) => {
      const figures: HTMLElement[] = [];
      // Parties sharing one template are drawn once each all the same: each took its own path.
      for (const party of game.partyIds) {
        const d = model.machineDiagram(game, party, states, activeMessages());
        if (!d) continue;
        figures.push(
          el(
            'details',
            { class: 'diagram-party', 'data-party': party },
            el('summary', {}, d.title),
            draw.machineDiagramFigure(d),
          ),
        );
      }
      fill(section, ...[...section.children].slice(0, 2), ...figures);
    })
    .catch(() => {
      status.textContent = t('diagrams-failed');
    });
  return section;
}

/**
 * Draws a machine diagram (src/view/machine-diagram.ts) as SVG in the DOM, inside a figure whose caption
 * and list say the same in words: every state and every transition, with the path the game took. The SVG is
 * decoration for sighted readers (`aria-hidden`); the list is the content. Text goes in as text nodes only.
 */
import type { MachineDiagram } from '../view/machine-diagram.ts';
import { el } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Event names (`consult.called`) are ids, not words: each in <code>, in every language. */
function withEventIds(line: string): (Node | string)[] {
  return line
    .split(/(\b[a-z][\w-]*(?:\.[a-z][\w-]*)+\b)/)
    .map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part))
    .filter((part) => part !== '');
}

/** The figure: the drawing, its title as caption, and the text alternative as a list. */
export function machineDiagramFigure(d: MachineDiagram): HTMLElement {
  const drawing = svg('svg', {
    viewBox: `0 0 ${Math.ceil(d.width)} ${Math.ceil(d.height)}`,
    width: Math.ceil(d.width),
    height: Math.ceil(d.height),
    class: 'machine-diagram',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: `arrow-${d.party}`,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'diagram-arrowhead' }));
  defs.appendChild(marker);
  drawing.appendChild(defs);
  for (const e of d.edges) {
    if (e.points.length < 2) continue;
    const path = e.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
      .join(' ');
    const line = svg('path', {
      d: path,
      class: e.taken ? 'diagram-edge diagram-taken' : 'diagram-edge',
      'marker-end': `url(#arrow-${d.party})`,
    });
    line.appendChild(svg('title', {}, e.via.map((v) => `${v.event}: ${v.when}`).join('\n')));
    drawing.appendChild(line);
  }
  for (const n of d.nodes) {
    const cls = [
      'diagram-state',
      n.initial && 'diagram-initial',
      n.final && 'diagram-final',
      n.visited && 'diagram-visited',
      n.current && 'diagram-current',
    ]
      .filter(Boolean)
      .join(' ');
    const g = svg('g', { class: cls });
    g.appendChild(
      svg('rect', {
        x: n.x - n.width / 2,
        y: n.y - n.height / 2,
        width: n.width,
        height: n.height,
        rx: 8,
        ry: 8,
      }),
    );
    g.appendChild(svg('text', { x: n.x, y: n.y + 5, 'text-anchor': 'middle' }, n.label));
    drawing.appendChild(g);
  }
  const list = el(
    'ul',
    { class: 'diagram-text' },
    ...d.text.map((line) => el('li', {}, ...withEventIds(line))),
  );
  return el('figure', { class: 'machine-figure' }, el('figcaption', {}, d.title), drawing, list);
}

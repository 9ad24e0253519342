/**
 * A party's position machine as a diagram, laid out from its definition: its states as boxes, the
 * transitions that change state as arrows labelled with their event and readable condition, the path this
 * game took highlighted, and the same content as text lines (the text alternative). Layout is dagre's
 * layered graph drawing (`@dagrejs/dagre`, a maintained port of Graphviz's dot approach): pure, so the same
 * machine always gets the same picture. The page loads this module only when it draws a diagram.
 */
import dagre from '@dagrejs/dagre';
import { own } from '../core/own.ts';
import { type Game, type GameState, type PositionValue, positionText } from '../engine/index.ts';
import { conditionText } from './condition-text.ts';
import { ENGLISH, type Messages } from './i18n/messages.ts';
import { partyName } from './log-lines.ts';

/** One state of the machine, placed. */
export interface DiagramNode {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
  /** Entered during the game. */
  visited: boolean;
  /** Where the party stands at the end of the given states. */
  current: boolean;
}

/** The transitions from one state to another, drawn as one routed arrow. */
export interface DiagramEdge {
  from: string;
  to: string;
  /** Each transition it stands for: its event and its condition in words. */
  via: { event: string; when: string; taken: boolean }[];
  points: { x: number; y: number }[];
  /** Taken at least once during the game. */
  taken: boolean;
}

/** The whole diagram, in its own coordinates, with its text alternative. */
export interface MachineDiagram {
  party: string;
  title: string;
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** One line per state, then one per transition: what a screen reader (or a printout) gets. */
  text: string[];
}

/** Rough text width for layout: the renderer wraps nothing, so boxes are sized by their label. */
const textWidth = (s: string): number => 8 + 7 * [...s].length;

/**
 * The top-level state of a position: the diagram draws a machine's top level (a state with regions is one
 * box; its inner states are listed in words).
 */
function topState(value: PositionValue): string {
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
}

/** Which transitions of a party the game took ("state|event|index") and which states it entered. */
function pathOf(states: readonly GameState[], party: string): { taken: Set<string>; visited: Set<string> } {
  const taken = new Set<string>();
  const visited = new Set<string>();
  const first = own(states[0]?.parties, party)?.position?.value;
  if (first) visited.add(topState(first));
  for (const s of states) {
    for (const e of s.log) {
      if (e.kind !== 'response' || e.party !== party) continue;
      visited.add(topState(e.to));
      if (e.via !== null) taken.add(`${e.at ?? positionText(e.from)}|${e.event}|${e.via}`);
    }
  }
  return { taken, visited };
}

/**
 * The diagram of `party`'s machine (null when it has none), with the path of `states` (a game's states,
 * initial first; none for a file's preview) highlighted.
 */
export function machineDiagram(
  game: Game,
  party: string,
  states: readonly GameState[] = [],
  m: Messages = ENGLISH,
): MachineDiagram | null {
  const def = own(game.machines, party)?.def;
  if (!def) return null;
  const { taken, visited } = pathOf(states, party);
  const end = own(states.at(-1)?.parties, party)?.position?.value;
  const current = end === undefined || end === null ? null : topState(end);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const labels = new Map<string, string>();
  for (const [id, st] of Object.entries(def.states)) {
    const label = st.label ?? id;
    labels.set(id, label);
    g.setNode(id, { width: Math.max(90, textWidth(label)), height: 36 });
  }
  // One arrow per pair of states, however many transitions lead from one to the other (the text lists each).
  const edges = new Map<string, Omit<DiagramEdge, 'points'>>();
  const text: string[] = [];
  const stays: string[] = [];
  for (const [from, st] of Object.entries(def.states)) {
    for (const [event, list] of Object.entries(st.on ?? {})) {
      list.forEach((t, index) => {
        // An unguarded transition after others is the fallback: "otherwise", not "always".
        const when = t.when === undefined && index > 0 ? m.t('cond-else') : conditionText(game, t.when, m);
        const wasTaken = taken.has(`${from}|${event}|${index}`);
        const fromLabel = labels.get(from) ?? from;
        if (t.to === undefined || t.to === from) {
          stays.push(m.t('diagram-stay', { from: fromLabel, event, when, taken: wasTaken ? 'yes' : 'no' }));
          return;
        }
        const pair = `${from}>${t.to}`;
        let edge = edges.get(pair);
        if (!edge) {
          edge = { from, to: t.to, via: [], taken: false };
          edges.set(pair, edge);
          g.setEdge(from, t.to, { width: 0, height: 0, minlen: 1 });
        }
        edge.via.push({ event, when, taken: wasTaken });
        edge.taken ||= wasTaken;
        text.push(
          m.t('diagram-edge', {
            from: fromLabel,
            to: labels.get(t.to) ?? t.to,
            event,
            when,
            taken: wasTaken ? 'yes' : 'no',
          }),
        );
      });
    }
  }
  dagre.layout(g);
  const nodes: DiagramNode[] = Object.entries(def.states).map(([id, st]) => {
    const n = g.node(id);
    return {
      id,
      label: labels.get(id) ?? id,
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width,
      height: n.height,
      initial: id === (own(game.initialPosition, party) ?? def.initial),
      final: st.final === true,
      visited: visited.has(id),
      current: id === current,
    };
  });
  const routed: DiagramEdge[] = [...edges.values()].map((e) => {
    const points: { x: number; y: number }[] = g.edge(e.from, e.to)?.points ?? [];
    return { ...e, points: points.map((p) => ({ x: p.x, y: p.y })) };
  });
  // The box that holds every state and every routed arrow (dagre may route an arrow outside its own
  // width), moved so that it starts at a margin: nothing is drawn off the edge of the picture.
  const MARGIN = 12;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.width / 2);
    maxX = Math.max(maxX, n.x + n.width / 2);
    minY = Math.min(minY, n.y - n.height / 2);
    maxY = Math.max(maxY, n.y + n.height / 2);
  }
  for (const e of routed)
    for (const p of e.points) {
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  for (const n of nodes) {
    n.x += dx;
    n.y += dy;
  }
  for (const e of routed)
    for (const p of e.points) {
      p.x += dx;
      p.y += dy;
    }
  // The text alternative starts where the machine starts.
  const ordered = [...nodes.filter((n) => n.initial), ...nodes.filter((n) => !n.initial)];
  const stateLines = ordered.map((n) =>
    m.t('diagram-state', {
      label: n.label,
      start: n.initial ? 'yes' : 'no',
      final: n.final ? 'yes' : 'no',
      current: n.current ? 'yes' : 'no',
    }),
  );
  return {
    party,
    title: m.t('diagram-title', { party: partyName(game, party) }),
    width: nodes.length ? maxX - minX + 2 * MARGIN : 0,
    height: nodes.length ? maxY - minY + 2 * MARGIN : 0,
    nodes,
    edges: routed,
    text: [...stateLines, ...text, ...stays],
  };
}

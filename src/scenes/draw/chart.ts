/**
 * The debrief's line chart, drawn with Graphics (the trimmed Phaser has no chart or shape objects). Each
 * party's line has its own colour, dash pattern and marker, and ends in the party's letters, so lines are
 * told apart without colour.
 */
import type Phaser from 'phaser';
import type { Game } from '../../engine/index.ts';
import type { ChartData } from '../../view/chart-data.ts';
import { t } from '../../view/i18n/active.ts';
import { COLOURS, textStyle } from '../theme.ts';
import { partySymbol } from './emblem.ts';

/** Marker shapes, one per charted party. */
export type MarkerKind = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'ring';

/** Colour (Okabe–Ito), dash pattern (on, off…; empty = solid) and marker of the n-th charted party. */
export const SERIES: { colour: number; dash: number[]; marker: MarkerKind }[] = [
  { colour: 0x0072b2, dash: [], marker: 'circle' },
  { colour: 0xd55e00, dash: [10, 6], marker: 'square' },
  { colour: 0x009e73, dash: [3, 5], marker: 'triangle' },
  { colour: 0xcc79a7, dash: [14, 5, 3, 5], marker: 'diamond' },
  { colour: 0x1f2933, dash: [6, 4], marker: 'cross' },
  { colour: 0xe69f00, dash: [2, 3, 8, 3], marker: 'ring' },
];

/** Draws a marker centred on (x, y). */
export function drawMarker(
  g: Phaser.GameObjects.Graphics,
  kind: MarkerKind,
  x: number,
  y: number,
  colour: number,
): void {
  const r = 5;
  g.fillStyle(colour).lineStyle(2.5, colour);
  if (kind === 'circle') g.fillCircle(x, y, r);
  else if (kind === 'square') g.fillRect(x - r, y - r, 2 * r, 2 * r);
  else if (kind === 'triangle') g.fillTriangle(x, y - r - 1, x - r - 1, y + r, x + r + 1, y + r);
  else if (kind === 'diamond') {
    g.fillTriangle(x, y - r - 1, x + r + 1, y, x - r - 1, y);
    g.fillTriangle(x, y + r + 1, x + r + 1, y, x - r - 1, y);
  } else if (kind === 'cross') {
    g.lineBetween(x - r, y - r, x + r, y + r);
    g.lineBetween(x + r, y - r, x - r, y + r);
  } else {
    g.fillStyle(0xffffff).fillCircle(x, y, r);
    g.strokeCircle(x, y, r);
  }
}

/** Strokes a polyline with a dash pattern that runs on across its corners. */
export function dashedPath(
  g: Phaser.GameObjects.Graphics,
  points: { x: number; y: number }[],
  dash: number[],
): void {
  if (dash.length === 0) {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as { x: number; y: number };
      const b = points[i] as { x: number; y: number };
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    return;
  }
  let index = 0;
  let left = dash[0] as number;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    let at = 0;
    while (at < length) {
      const step = Math.min(left, length - at);
      if (index % 2 === 0) {
        const t0 = at / length;
        const t1 = (at + step) / length;
        g.lineBetween(
          a.x + (b.x - a.x) * t0,
          a.y + (b.y - a.y) * t0,
          a.x + (b.x - a.x) * t1,
          a.y + (b.y - a.y) * t1,
        );
      }
      at += step;
      left -= step;
      if (left <= 0) {
        index = (index + 1) % dash.length;
        left = dash[index] as number;
      }
    }
  }
}

/** A plot area on the canvas. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A drawn panel: call `reveal(p)` with 0…1 to draw the lines that far along the rounds. */
export interface ChartPanel {
  lines: Phaser.GameObjects.Graphics;
  reveal(progress: number): void;
}

/** Draws one meter's panel: title, axes, ticks, then the party lines (revealed by the caller). */
export function drawPanel(
  scene: Phaser.Scene,
  game: Game,
  data: ChartData,
  meterIndex: number,
  box: Box,
): ChartPanel {
  const meter = data.meters[meterIndex] as ChartData['meters'][number];
  const plot = { x: box.x + 40, y: box.y + 34, w: box.w - 76, h: box.h - 84 };
  const sx = (round: number) => {
    const last = data.rounds[data.rounds.length - 1] ?? 1;
    return plot.x + (last > 0 ? (round / last) * plot.w : 0);
  };
  const sy = (v: number) => plot.y + plot.h - ((v - meter.min) / (meter.max - meter.min || 1)) * plot.h;
  scene.add.text(box.x, box.y, meter.label, textStyle(18, COLOURS.ink, true));
  const axes = scene.add.graphics();
  axes.fillStyle(0xffffff).fillRect(plot.x, plot.y, plot.w, plot.h);
  axes.lineStyle(1, COLOURS.line);
  const ticks = [meter.min, meter.max];
  if (meter.min < 0 && meter.max > 0) ticks.push(0);
  for (const t of ticks) {
    axes.lineBetween(plot.x, sy(t), plot.x + plot.w, sy(t));
    scene.add.text(plot.x - 6, sy(t), String(t), textStyle(16, COLOURS.muted)).setOrigin(1, 0.5);
  }
  if (ticks.includes(0)) axes.lineStyle(2, COLOURS.muted).lineBetween(plot.x, sy(0), plot.x + plot.w, sy(0));
  axes.lineStyle(2, COLOURS.ink).lineBetween(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h);
  axes.lineBetween(plot.x, plot.y, plot.x, plot.y + plot.h);
  const every = data.rounds.length > 9 ? 2 : 1;
  data.rounds.forEach((round, i) => {
    if (i % every !== 0 && i !== data.rounds.length - 1) return;
    scene.add
      .text(sx(round), plot.y + plot.h + 4, String(round), textStyle(16, COLOURS.muted))
      .setOrigin(0.5, 0);
  });
  scene.add
    .text(plot.x + plot.w / 2, plot.y + plot.h + 24, t('scene-round'), textStyle(16, COLOURS.ink))
    .setOrigin(0.5, 0);

  const mine = data.lines.filter((l) => l.meter === meter.id);
  const ends = mine.map((line) => {
    const end = line.points[line.points.length - 1] as { round: number; value: number };
    return { line, y: sy(end.value) };
  });
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1] as { y: number };
    const cur = ends[i] as { y: number };
    if (cur.y - prev.y < 17) cur.y = prev.y + 17;
  }
  // Pushed below the plot (a short chart, many lines at the bottom): keep the lowest at the bottom edge and
  // move the others up, so each label stays by its line.
  const bottom = plot.y + plot.h;
  for (let i = ends.length - 1; i >= 0; i--) {
    const cur = ends[i] as { y: number };
    const below = ends[i + 1];
    cur.y = Math.min(cur.y, below ? below.y - 17 : bottom);
  }
  const labels = ends.map(({ line, y }) =>
    scene.add
      .text(plot.x + plot.w + 6, y, partySymbol(game, line.party), textStyle(16, COLOURS.ink, true))
      .setOrigin(0, 0.5)
      .setAlpha(0),
  );
  const lines = scene.add.graphics();
  const reveal = (progress: number) => {
    lines.clear();
    const upto = progress * ((data.rounds[data.rounds.length - 1] ?? 0) + 0.0001);
    for (const line of mine) {
      const style = SERIES[data.parties.indexOf(line.party) % SERIES.length] as (typeof SERIES)[number];
      // Lines with equal values are nudged apart a little, so none hides another completely.
      const nudge = (data.parties.indexOf(line.party) - (data.parties.length - 1) / 2) * 2;
      const pts = line.points
        .filter((p) => p.round <= upto)
        .map((p) => ({ x: sx(p.round), y: sy(p.value) + nudge }));
      lines.lineStyle(3, style.colour);
      dashedPath(lines, pts, style.dash);
      for (const p of pts) drawMarker(lines, style.marker, p.x, p.y, style.colour);
    }
    for (const label of labels) label.setAlpha(progress >= 1 ? 1 : 0);
  };
  return { lines, reveal };
}

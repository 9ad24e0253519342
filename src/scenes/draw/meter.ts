/**
 * Small meter bars for a seat at the table. A bar's length shows where the meter stands in the scenario's
 * range; a short letter code names it (the DOM carries the full name and the number), and a tick marks zero
 * on ranges that go negative, so "distrust" is not read as "a little trust".
 */
import type Phaser from 'phaser';
import { type Game, own } from '../../engine/index.ts';
import { COLOURS, textStyle } from '../theme.ts';
import { fitText } from './layout.ts';

/** The shortest prefix of each meter's label that no other meter's label shares ("Pr", "Pa", "T"). */
export function meterCodes(game: Game): Record<string, string> {
  // The pseudo-locale's brackets and length marks are not letters of the label: a code skips them.
  const labels = game.meterIds.map((id) =>
    (own(game.scenario.meters, id)?.label ?? id).replace(/[⟦⟧~]/g, ''),
  );
  const out: Record<string, string> = {};
  game.meterIds.forEach((id, i) => {
    const label = labels[i] as string;
    let n = 1;
    while (n < label.length && labels.some((other, j) => j !== i && other.startsWith(label.slice(0, n)))) n++;
    out[id] = label.slice(0, n);
  });
  return out;
}

/** Where a value sits in a meter's range, from 0 to 1. */
export function meterFraction(game: Game, meter: string, value: number): number {
  const def = own(game.scenario.meters, meter);
  const min = def?.min ?? 0;
  const max = def?.max ?? 10;
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** One bar: code, track and fill. `fill.scaleX` is the fraction, so a tween on it animates the bar. */
export interface MeterBar {
  meter: string;
  code: Phaser.GameObjects.Text;
  track: Phaser.GameObjects.Graphics;
  fill: Phaser.GameObjects.Graphics;
}

/** Bar geometry shared by the table's seats. */
export const BAR = { codeWidth: 28, width: 64, height: 10, row: 20 } as const;

/** Draws a bar with its left edge (code included) at x and its row's middle at y. */
export function drawMeterBar(
  scene: Phaser.Scene,
  game: Game,
  meter: string,
  code: string,
  value: number,
  x: number,
  y: number,
): MeterBar {
  const codeText = scene.add.text(x, y, '', textStyle(16, COLOURS.muted, true)).setOrigin(0, 0.5);
  // A meter's code comes from the scenario: a long one is cut to its column, never drawn over the bar.
  fitText(codeText, code, BAR.codeWidth - 2);
  const bx = x + BAR.codeWidth;
  const track = scene.add.graphics({ x: bx, y: y - BAR.height / 2 });
  track.fillStyle(0xffffff).fillRect(0, 0, BAR.width, BAR.height);
  track.lineStyle(1, COLOURS.muted).strokeRect(0, 0, BAR.width, BAR.height);
  const def = own(game.scenario.meters, meter);
  if (def && def.min < 0 && def.max > 0) {
    const zero = meterFraction(game, meter, 0) * BAR.width;
    track.lineStyle(2, COLOURS.ink).lineBetween(zero, -3, zero, BAR.height + 3);
  }
  const fill = scene.add.graphics({ x: bx, y: y - BAR.height / 2 });
  fill.fillStyle(COLOURS.navy).fillRect(0, 0, BAR.width, BAR.height);
  fill.scaleX = meterFraction(game, meter, value);
  return { meter, code: codeText, track, fill };
}

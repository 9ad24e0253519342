/**
 * Verdict and ballot marks drawn as strokes rather than font glyphs: a ✓ or ✗ in a font depends on which
 * fonts the student's machine has, a stroke does not. Shapes differ as well as colours (tick, cross, dash,
 * exclamation), so the marks read without colour.
 */
import type Phaser from 'phaser';

/** The marks the scenes use: yes/accept, no/reject, abstain, and a red line crossed. */
export type MarkKind = 'yes' | 'no' | 'abstain' | 'alert';

/** Strokes a mark of `size` (its box's side) centred on (x, y) into `g`. */
export function drawMark(
  g: Phaser.GameObjects.Graphics,
  kind: MarkKind,
  x: number,
  y: number,
  size: number,
  colour: number,
): void {
  const h = size / 2;
  const width = Math.max(2, size / 6);
  g.lineStyle(width, colour);
  if (kind === 'yes') {
    g.beginPath();
    g.moveTo(x - h * 0.8, y);
    g.lineTo(x - h * 0.2, y + h * 0.6);
    g.lineTo(x + h * 0.85, y - h * 0.65);
    g.strokePath();
  } else if (kind === 'no') {
    g.lineBetween(x - h * 0.65, y - h * 0.65, x + h * 0.65, y + h * 0.65);
    g.lineBetween(x + h * 0.65, y - h * 0.65, x - h * 0.65, y + h * 0.65);
  } else if (kind === 'abstain') {
    g.lineBetween(x - h * 0.7, y, x + h * 0.7, y);
  } else {
    g.lineBetween(x, y - h * 0.8, x, y + h * 0.25);
    g.fillStyle(colour).fillCircle(x, y + h * 0.65, width * 0.75);
  }
}

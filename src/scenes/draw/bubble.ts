/**
 * Speech-bubble markers: how a party answered the last move (✓ accepts, ✗ rejects, ! a red line) or how a
 * member voted. Each kind differs in shape and fill as well as colour, and the DOM log says it in words.
 */
import type Phaser from 'phaser';
import { COLOURS } from '../theme.ts';
import { drawMark, type MarkKind } from './icons.ts';

/** What a bubble says. */
export type BubbleKind = 'accept' | 'reject' | 'red-line' | 'yes' | 'no' | 'abstain';

const LOOK: Record<BubbleKind, { mark: MarkKind; colour: number; filled: boolean }> = {
  accept: { mark: 'yes', colour: COLOURS.good, filled: false },
  reject: { mark: 'no', colour: COLOURS.no, filled: false },
  'red-line': { mark: 'alert', colour: COLOURS.no, filled: true },
  yes: { mark: 'yes', colour: COLOURS.yes, filled: false },
  no: { mark: 'no', colour: COLOURS.no, filled: false },
  abstain: { mark: 'abstain', colour: COLOURS.muted, filled: false },
};

/**
 * A bubble drawn around its own origin, its tail pointing down-right to the speaker (at +tail, +tail); the
 * caller positions it and may tween its scale to pop it in.
 */
export function drawBubble(
  scene: Phaser.Scene,
  kind: BubbleKind,
  x: number,
  y: number,
): Phaser.GameObjects.Graphics {
  const look = LOOK[kind];
  const g = scene.add.graphics({ x, y });
  const w = 34;
  const h = 30;
  const fill = look.filled ? look.colour : 0xffffff;
  g.fillStyle(fill).fillTriangle(4, h / 2 - 4, 14, h / 2 - 2, 16, h / 2 + 10);
  g.lineStyle(3, look.colour).lineBetween(4, h / 2 - 1, 16, h / 2 + 10);
  g.fillStyle(fill).fillRoundedRect(-w / 2, -h / 2, w, h, 8);
  g.lineStyle(3, look.colour).strokeRoundedRect(-w / 2, -h / 2, w, h, 8);
  drawMark(g, look.mark, 0, 0, 20, look.filled ? 0xffffff : look.colour);
  return g;
}

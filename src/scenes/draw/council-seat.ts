/**
 * One seat of the council chamber: the member's emblem and short name, a VETO tag for permanent members,
 * and a chip that shows its leaning or ballot as a letter and a mark as well as a colour (Y ✓, N ✗, A –).
 */
import type Phaser from 'phaser';
import { type Game, own } from '../../engine/index.ts';
import { t } from '../../view/i18n/active.ts';
import { displayName } from '../../view/labels.ts';
import type { Ballot } from '../../view/voting.ts';
import { COLOURS, textStyle } from '../theme.ts';
import { drawEmblem, type Emblem } from './emblem.ts';
import { drawMark } from './icons.ts';
import type { Seat } from './layout.ts';
import { fitText } from './layout.ts';
import { BALLOT_LOOK } from './leaning.ts';

/** The radius of a member's emblem. */
export const SEAT_R = 20;

/** The objects of one seat that change during a game. */
export interface SeatParts {
  id: string;
  emblem: Emblem;
  chip: Phaser.GameObjects.Graphics;
  chipLetter: Phaser.GameObjects.Text;
  /** What the chip shows now: a ballot, or null while the roll call has not reached this member. */
  shown: Ballot | null;
  x: number;
  y: number;
}

/** Where the chip sits: beside the emblem on the sides of the horseshoe, under the name along the top. */
function chipPlace(seat: Seat): { x: number; y: number } {
  if (Math.abs(seat.inX) >= 0.7) return { x: seat.x + Math.sign(seat.inX) * 50, y: seat.y };
  return { x: seat.x, y: seat.y + SEAT_R + 45 };
}

/** Draws a member's seat at `seat`, showing `ballot` on its chip. */
export function drawSeat(
  scene: Phaser.Scene,
  game: Game,
  id: string,
  seat: Seat,
  ballot: Ballot,
  nameWidth: number,
): SeatParts {
  const { x, y } = seat;
  if (own(game.scenario.parties, id)?.veto) {
    const tag = scene.add.graphics();
    const word = scene.add
      .text(x, y - SEAT_R - 14, t('scene-veto'), textStyle(16, 0xffffff, true))
      .setOrigin(0.5);
    // The tag grows with a longer word (another language) up to the room between seats, then the word shrinks.
    const width = Math.min(68, Math.max(52, word.width + 10));
    if (word.width > width - 6) word.setScale((width - 6) / word.width);
    tag.fillStyle(COLOURS.ink).fillRoundedRect(x - width / 2, y - SEAT_R - 24, width, 20, 4);
    scene.children.bringToTop(word);
  }
  const emblem = drawEmblem(scene, game, id, x, y, SEAT_R);
  const name = scene.add.text(x, y + SEAT_R + 5, '', textStyle(16, COLOURS.ink)).setOrigin(0.5, 0);
  fitText(name, displayName(game, id), nameWidth);
  const at = chipPlace(seat);
  const chip = scene.add.graphics({ x: at.x, y: at.y });
  const chipLetter = scene.add.text(at.x + 10, at.y, '', textStyle(16, 0xffffff, true)).setOrigin(0.5);
  const parts: SeatParts = { id, emblem, chip, chipLetter, shown: null, x, y };
  paintChip(parts, ballot);
  return parts;
}

/**
 * Paints the chip: a filled pill with a white mark and letter for yes and no, an outlined pill for abstain
 * (fill and outline differ, not only hue), and a dashed empty pill while a roll call has yet to reach it.
 */
export function paintChip(parts: SeatParts, ballot: Ballot | null): void {
  const g = parts.chip.clear();
  parts.shown = ballot;
  const w = 48;
  const h = 26;
  if (!ballot) {
    g.lineStyle(2, COLOURS.line).strokeRoundedRect(-w / 2, -h / 2, w, h, 13);
    parts.chipLetter.setText('');
    return;
  }
  const look = BALLOT_LOOK[ballot];
  const filled = ballot !== 'abstain';
  const ink = filled ? 0xffffff : COLOURS.ink;
  if (filled) g.fillStyle(look.colour).fillRoundedRect(-w / 2, -h / 2, w, h, 13);
  else g.fillStyle(0xffffff).fillRoundedRect(-w / 2, -h / 2, w, h, 13);
  g.lineStyle(2, filled ? look.colour : COLOURS.muted).strokeRoundedRect(-w / 2, -h / 2, w, h, 13);
  drawMark(g, look.mark, -10, 0, 16, ink);
  parts.chipLetter.setText(look.letter).setColor(filled ? '#ffffff' : '#1f2933');
}

/** A stamp over a permanent member that voted no: the veto made visible, in words and a cross. */
export function drawVetoStamp(scene: Phaser.Scene, x: number, y: number): Phaser.GameObjects.GameObject[] {
  const g = scene.add.graphics({ x, y });
  const text = scene.add.text(0, 0, t('scene-veto'), textStyle(18, COLOURS.no, true)).setOrigin(0.5);
  // The stamp is as wide as its word (plus the cross), so a longer word in another language stays inside.
  const half = Math.max(44, (text.width + 40) / 2);
  g.fillStyle(0xffffff, 0.9).fillRoundedRect(-half, -16, 2 * half, 32, 4);
  g.lineStyle(3, COLOURS.no).strokeRoundedRect(-half, -16, 2 * half, 32, 4);
  drawMark(g, 'no', -half + 18, 0, 20, COLOURS.no);
  g.setAngle(-12);
  text.setPosition(x + 10, y - 2).setAngle(-12);
  scene.children.bringToTop(text);
  return [g, text];
}

/** The seat's lectern at the open end of the horseshoe, with its emblem, ring and "you". */
export function drawLectern(scene: Phaser.Scene, game: Game, seat: string, x: number, y: number): void {
  const g = scene.add.graphics();
  g.fillStyle(COLOURS.tableEdge).fillRoundedRect(x - 120, y + 30, 240, 12, 4);
  g.fillStyle(COLOURS.table).fillRect(x - 90, y + 42, 180, 10);
  drawEmblem(scene, game, seat, x - 80, y, 24, true);
  fitText(scene.add.text(x - 44, y - 20, '', textStyle(18, COLOURS.ink, true)), displayName(game, seat), 160);
  scene.add.text(x - 44, y + 2, t('scene-lectern'), textStyle(16, COLOURS.muted));
}

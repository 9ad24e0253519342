/**
 * Where things sit on the 960×540 canvas: seats around the table, seats on the council's horseshoe, and
 * text cut to fit. Pure geometry, so the scenes stay about what they show rather than where.
 */
import type Phaser from 'phaser';

/** A seat's centre and the unit vector pointing from it towards the middle of the room. */
export interface Seat {
  x: number;
  y: number;
  inX: number;
  inY: number;
}

/**
 * Seats around an oval table for `n` parties, the first (the player) nearest the viewer at the bottom and
 * the others evenly round the oval, so two to eight parties each get room.
 */
export function tableSeats(n: number, cx: number, cy: number, rx: number, ry: number): Seat[] {
  const seats: Seat[] = [];
  for (let i = 0; i < n; i++) {
    const angle = Math.PI / 2 + (2 * Math.PI * i) / n;
    const x = cx + rx * Math.cos(angle);
    const y = cy + ry * Math.sin(angle);
    const len = Math.hypot(cx - x, cy - y) || 1;
    seats.push({ x, y, inX: (cx - x) / len, inY: (cy - y) / len });
  }
  return seats;
}

/**
 * `n` seats on a horseshoe: up the left side, along the top, down the right, opening towards the bottom
 * where the player's lectern stands, like the Security Council's table. Seats keep clear of the corners,
 * where a side seat's labels would meet the top row's.
 */
export function horseshoeSeats(n: number, left: number, right: number, top: number, bottom: number): Seat[] {
  const sides = Math.round(n * 0.27);
  const across = n - 2 * sides;
  const sideTop = top + 110;
  const spread = (count: number, from: number, to: number, i: number) =>
    count <= 1 ? (from + to) / 2 : from + ((to - from) * i) / (count - 1);
  const seats: Seat[] = [];
  for (let i = 0; i < sides; i++)
    seats.push({ x: left, y: spread(sides, bottom, sideTop, i), inX: 1, inY: 0 });
  for (let i = 0; i < across; i++) {
    seats.push({ x: spread(across, left + 110, right - 110, i), y: top, inX: 0, inY: 1 });
  }
  for (let i = 0; i < sides; i++)
    seats.push({ x: right, y: spread(sides, sideTop, bottom, i), inX: -1, inY: 0 });
  return seats;
}

/** Shortens a Text's content with an ellipsis until it fits `maxWidth` (the DOM has the full words). */
export function fitText(
  text: Phaser.GameObjects.Text,
  content: string,
  maxWidth: number,
): Phaser.GameObjects.Text {
  text.setText(content);
  if (text.width <= maxWidth) return text;
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    text.setText(`${content.slice(0, mid).trimEnd()}…`);
    if (text.width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return text.setText(`${content.slice(0, lo).trimEnd()}…`);
}

/** Columns and rows for `n` cards, at most `perRow` a row, centred in a band. */
export function cardSlots(
  n: number,
  perRow: number,
  cx: number,
  top: number,
  width: number,
  rowHeight: number,
): { x: number; y: number }[] {
  const rows = Math.max(1, Math.ceil(n / perRow));
  const cols = Math.ceil(n / rows);
  const step = Math.min(width / cols, 150);
  const slots: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols);
    const inRow = Math.min(cols, n - row * cols);
    const col = i - row * cols;
    slots.push({ x: cx + (col - (inRow - 1) / 2) * step, y: top + row * rowHeight });
  }
  return slots;
}

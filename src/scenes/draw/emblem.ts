/**
 * A party's emblem: a disc in the party's hue with its symbol (letters, so parties never differ by colour
 * alone), and a ring plus "you" for the player. Every game scene draws parties the same way.
 */
import type Phaser from 'phaser';
import { type Game, own } from '../../engine/index.ts';
import { COLOURS, css, FONT, PARTY_HUES } from '../theme.ts';

/** The scenario's emblem colour when it gives one, else a palette hue by the party's order. */
export function partyHue(game: Game, id: string): number {
  const colour = own(game.scenario.parties, id)?.emblem?.color;
  if (colour) return Number.parseInt(colour.slice(1), 16);
  const index = Math.max(0, game.partyIds.indexOf(id));
  return PARTY_HUES[index % PARTY_HUES.length] as number;
}

/** The letters on the emblem: the scenario's symbol, else the initial of the short name. */
export function partySymbol(game: Game, id: string): string {
  const party = own(game.scenario.parties, id);
  const symbol = party?.emblem?.symbol;
  if (symbol) return symbol;
  const name = party?.short ?? party?.name ?? id;
  return (name.trim()[0] ?? '?').toUpperCase();
}

/** Relative luminance (WCAG), so the symbol is drawn in whichever of ink or white reads on the hue. */
function luminance(colour: number): number {
  const channel = (shift: number) => {
    const c = ((colour >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** White or ink, whichever contrasts more with the background colour. */
export function readableOn(colour: number): number {
  const l = luminance(colour);
  return (
    1.05 / (l + 0.05) >= (l + 0.05) / (luminance(COLOURS.ink) + 0.05) ? 0xffffff : COLOURS.ink
  ) as number;
}

/** The objects of one emblem; `disc` carries the position and the pulse (scale). */
export interface Emblem {
  disc: Phaser.GameObjects.Graphics;
  symbol: Phaser.GameObjects.Text;
  ring: Phaser.GameObjects.Graphics | null;
}

/** Draws an emblem centred on (x, y); `player` adds the ring that marks the student's own party. */
export function drawEmblem(
  scene: Phaser.Scene,
  game: Game,
  id: string,
  x: number,
  y: number,
  radius: number,
  player = false,
): Emblem {
  const hue = partyHue(game, id);
  let ring: Phaser.GameObjects.Graphics | null = null;
  if (player) {
    ring = scene.add.graphics({ x, y });
    ring.lineStyle(4, COLOURS.accent).strokeCircle(0, 0, radius + 6);
    ring.lineStyle(2, COLOURS.ink).strokeCircle(0, 0, radius + 9);
  }
  const disc = scene.add.graphics({ x, y });
  disc.fillStyle(hue).fillCircle(0, 0, radius);
  disc.lineStyle(2, COLOURS.paper).strokeCircle(0, 0, radius - 3);
  const text = partySymbol(game, id);
  const size = Math.max(16, Math.round(radius * (text.length > 2 ? 0.62 : text.length > 1 ? 0.8 : 1)));
  const symbol = scene.add
    .text(x, y, text, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color: css(readableOn(hue)),
      fontStyle: 'bold',
    })
    .setOrigin(0.5);
  return { disc, symbol, ring };
}

/** Every object of an emblem, for tweens that move or fade it as one. */
export function emblemParts(emblem: Emblem): Phaser.GameObjects.GameObject[] {
  return emblem.ring ? [emblem.ring, emblem.disc, emblem.symbol] : [emblem.disc, emblem.symbol];
}

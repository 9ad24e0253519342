/**
 * The look shared by every scene: a calm classroom palette (Okabe–Ito hues, safe for the common kinds of
 * colour blindness) and the canvas's logical size. Colour never carries meaning alone: every coloured mark
 * also has a letter, a shape or a pattern, and its words are in the DOM.
 */

/** Logical canvas size on wide screens; the scale manager fits it to the page. */
export const WIDTH = 960;
export const HEIGHT = 540;

/**
 * The logical size on phones (the page at most 600 px wide): narrower and taller, so the scenes lay out in a
 * column and their text is drawn at about three quarters of its size instead of a third.
 */
export const PORTRAIT = { width: 480, height: 600 } as const;

/**
 * On phones, the scenes that only frame the page (title, select, help, glossary, sources) are a short strip,
 * so the page's own content starts near the top of the screen.
 */
export const STRIP = { width: 480, height: 200 } as const;

/** Media query under which the canvas takes the portrait size (the page's own phone breakpoint). */
export const PORTRAIT_QUERY = '(max-width: 600px)';

/**
 * The canvas a scene draws on: its logical size and its layout, `wide` (960×540), the phone's `tall`
 * portrait (480×600) or the phone's `strip` (480×200); `portrait` is short for tall.
 */
export interface Frame {
  w: number;
  h: number;
  layout: 'wide' | 'tall' | 'strip';
  portrait: boolean;
}

/** The frame of a running scene, read from its scale manager. */
export function frameOf(scene: { scale: { width: number; height: number } }): Frame {
  const { width: w, height: h } = scene.scale;
  const layout = h > w ? 'tall' : w >= 2 * h && w < WIDTH ? 'strip' : 'wide';
  return { w, h, layout, portrait: layout === 'tall' };
}

/** Colours as numbers for Phaser's Graphics and as CSS strings for Text. */
export const COLOURS = {
  paper: 0xf6f3ec,
  ink: 0x1f2933,
  muted: 0x5b6670,
  line: 0xc9c2b4,
  navy: 0x1d4e79,
  table: 0xe7dfcf,
  tableEdge: 0xb9a98a,
  yes: 0x0072b2,
  no: 0xd55e00,
  abstain: 0x999999,
  accent: 0xe69f00,
  good: 0x009e73,
} as const;

/** CSS form of a palette colour, for Text styles. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** Party emblem colours, picked by a party's index; letters on the emblem tell parties apart as well. */
export const PARTY_HUES = [0x1d4e79, 0x8c510a, 0x01665e, 0x762a83, 0xb35806, 0x2d6a4f, 0x5e3c99, 0x7f3b08];

/** The one font stack, as in the DOM, so canvas and page read alike. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** A Text style in the house font. */
export function textStyle(size: number, colour: number = COLOURS.ink, bold = false) {
  return { fontFamily: FONT, fontSize: `${size}px`, color: css(colour), fontStyle: bold ? 'bold' : 'normal' };
}

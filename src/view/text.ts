/**
 * Text as the page and the canvas show it: one rule for both, so a hidden character looks the same in the
 * DOM and on the Phaser stage.
 */

/**
 * Characters that reorder or hide text: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), zero-width spaces and joiners that are not letters' joiners (U+200B, U+2060, U+FEFF),
 * and control characters other than tab and newline. Joiners ZWJ/ZWNJ and the LRM/RLM marks stay: scripts
 * such as Arabic and Persian need them, and they cannot reverse a run of text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Text as shown on the page: every hidden or reordering character becomes a visible ⟨U+XXXX⟩, so a student
 * name, seed or label cannot reverse the rest of its line or look like another string. Every text the
 * page shows goes through here (`append`, and the few `textContent` writes).
 */
export function shown(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

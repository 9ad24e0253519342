/**
 * A tiny element builder. Scenario text is data written by other people, so every text goes in through
 * text nodes (`textContent`), never HTML parsing: a `<script>` in a scenario stays visible text.
 */

/** What can go inside an element: nodes, text, or nothing (skipped, for optional parts). */
export type Child = Node | string | null | undefined | false;

/** Attribute values; `false`/`undefined` leave the attribute out, `true` sets it empty (e.g. `hidden`). */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

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

/** Untrusted text (a student's name, a file name, a seed) in its own bidirectional isolate. */
export function bdi(text: string, attrs: Attrs = {}): HTMLElement {
  return el('bdi', attrs, text);
}

/** Appends children, turning strings into text nodes (through `shown`). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(shown(child)) : child);
  }
}

/** Replaces all children of an element (a re-render of one panel). */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Text for screen readers only (a move's name before its option, when the group heading already shows it). */
export function srOnly(text: string): HTMLSpanElement {
  return el('span', { class: 'sr-only' }, text);
}

/** Scenario text blocks keep their paragraphs: blank lines split paragraphs, single newlines are wrapped. */
export function paragraphs(text: string, className?: string): HTMLParagraphElement[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => el('p', { class: className }, p.replace(/\s*\n\s*/g, ' ')));
}

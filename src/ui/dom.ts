/**
 * A tiny element builder. Scenario text is data written by other people, so every text goes in through
 * text nodes (`textContent`), never HTML parsing: a `<script>` in a scenario stays visible text.
 */
import { shown } from '../view/text.ts';

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

/** Marks a placeable that `withNodes` replaces by a node (private-use characters no message contains). */
const MARK = '\uE000';

/**
 * A catalogue message with some placeables as nodes (an id in <code>, a name in <bdi>): `format` gets a
 * marker for each node's name, and the marked places are replaced by the nodes.
 */
export function withNodes(
  format: (marks: Record<string, string>) => string,
  nodes: Record<string, Node>,
): (Node | string)[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((k) => [k, `${MARK}${k}${MARK}`]));
  return format(marks)
    .split(MARK)
    .map((part, i) => (i % 2 === 1 ? (nodes[part] ?? part) : part))
    .filter((part) => part !== '');
}

/** A push button that runs `then` when pressed (the generic control of every screen). */
export function button(label: string, then: () => void, className = ''): HTMLButtonElement {
  const b = el('button', { type: 'button', class: className || undefined }, label);
  b.addEventListener('click', then);
  return b;
}

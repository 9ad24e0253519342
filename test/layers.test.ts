/**
 * The folders' layering: the page's two renderers, `src/ui` (DOM) and `src/scenes` (Phaser), share view code
 * only through `src/view`, and never import each other; `src/view` and `src/session` import neither. A cycle
 * between folders would mean shared code lives in the wrong place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Folder → the other folders of src/ its files import (type-only imports included). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const from = entry.split(/[\\/]/)[0] as string;
    if (from === entry) continue; // src/main.ts composes everything
    const text = readFileSync(join(SRC, entry), 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'(\.[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(join(SRC, entry)), m[1] as string)).split(
        /[\\/]/,
      )[0] as string;
      if (target !== from && !target.startsWith('..')) {
        const set = graph.get(from) ?? new Set<string>();
        set.add(target);
        graph.set(from, set);
      }
    }
  }
  return graph;
}

/**
 * The allowed-imports table: each folder of src/ and the folders it may import. It is a layering (each
 * folder only reaches folders listed before it), so no two folders can import each other. A new folder
 * or a new dependency is added here on purpose, not by accident.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  scenario: ['core'],
  engine: ['core', 'scenario'],
  lint: ['core', 'engine', 'scenario'],
  sim: ['core', 'engine', 'scenario', 'lint'],
  session: ['core', 'engine', 'scenario'],
  view: ['core', 'engine', 'scenario', 'session'],
  cli: ['core', 'engine', 'scenario', 'lint', 'sim', 'view'],
  ui: ['core', 'engine', 'scenario', 'session', 'view'],
  scenes: ['core', 'engine', 'scenario', 'session', 'view'],
};

describe('folder layering', () => {
  const graph = folderGraph();
  const uses = (a: string) => [...(graph.get(a) ?? [])].sort();

  it('every folder imports only what the allowed-imports table lets it', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const d of folders) {
      expect(Object.hasOwn(ALLOWED, d.name), `src/${d.name} is missing from the table`).toBe(true);
      const extra = uses(d.name).filter((t) => !(ALLOWED[d.name] ?? []).includes(t));
      expect(extra, `src/${d.name} imports folders the table does not allow`).toEqual([]);
    }
  });

  it('the table itself is a layering: no folder may reach a folder that may reach it back', () => {
    const order = Object.keys(ALLOWED);
    for (const [folder, deps] of Object.entries(ALLOWED))
      for (const dep of deps)
        expect(order.indexOf(dep), `${folder} → ${dep}`).toBeLessThan(order.indexOf(folder));
  });

  it('ui and scenes never import each other; they share view code through src/view', () => {
    expect(uses('ui')).not.toContain('scenes');
    expect(uses('scenes')).not.toContain('ui');
    expect(uses('ui')).toContain('view');
    expect(uses('scenes')).toContain('view');
  });

  it('view and session import neither renderer', () => {
    for (const layer of ['view', 'session'])
      for (const renderer of ['ui', 'scenes']) expect(uses(layer), layer).not.toContain(renderer);
  });

  it('no two of the page folders import each other', () => {
    const page = ['ui', 'scenes', 'view', 'session'];
    for (const a of page)
      for (const b of uses(a)) if (page.includes(b)) expect(uses(b), `${a} ↔ ${b}`).not.toContain(a);
  });
});

/// <reference types="vite/client" />
/**
 * The scenarios bundled with the page, compiled to JSON at build time (scripts/vite-scenarios.ts): the page
 * carries only each scenario's card facts, and a game downloads its scenario's chunk when it starts. The
 * YAML parser and schema validator are never needed for these.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { ScenarioMeta } from './meta.ts';

/** What a compiled scenario chunk holds: the validated scenario (the engine computes its hash). */
export interface CompiledScenario {
  scenario: Scenario;
}

const FILES = import.meta.glob<CompiledScenario>('../../scenarios/*.yaml', {
  query: '?scenario',
  import: 'default',
});
const METAS = import.meta.glob<ScenarioMeta>('../../scenarios/*.yaml', {
  query: '?scenario-meta',
  import: 'default',
  eager: true,
});

/** One bundled scenario: its id in `?scenario=`, its file for messages, its card, and its data on demand. */
export interface CatalogEntry {
  id: string;
  file: string;
  meta: ScenarioMeta;
  load(): Promise<CompiledScenario>;
}

/** The tutorial is the fallback for unknown ids and the first card. */
export const TUTORIAL_ID = 'tutorial';

/** Every bundled scenario by id (the file name without `.yaml`, as in the CLI and the tests). */
export const CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  Object.entries(FILES).map(([path, load]): [string, CatalogEntry] => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const id = name.replace(/\.yaml$/, '');
    // Both globs match the same files, so every scenario has its card.
    const meta = METAS[path] as ScenarioMeta;
    return [id, { id, file: `scenarios/${name}`, meta, load }];
  }),
);

/** The cards in order: the tutorial first, then the scenarios in the order their events took place. */
export function catalogMeta(): ScenarioMeta[] {
  const rank = (m: ScenarioMeta) => (m.id === TUTORIAL_ID ? 0 : 1);
  return [...CATALOG.values()]
    .map((e) => e.meta)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title),
    );
}

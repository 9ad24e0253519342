/// <reference types="vite/client" />
/**
 * The scenarios bundled with the page. Each file is its own lazily loaded chunk, so a game downloads and
 * parses only the scenario it plays, and the chooser reads only the few lines about each scenario it shows.
 */
import { readMeta, type ScenarioMeta } from './meta.ts';

/** Lazy loaders for every `scenarios/*.yaml`, keyed by path (`../../scenarios/tutorial.yaml`). */
const FILES = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default' });

/** One bundled scenario: its id in `?scenario=`, its file for error messages, and its text on demand. */
export interface CatalogEntry {
  id: string;
  file: string;
  load(): Promise<string>;
}

/** The tutorial is the fallback for unknown ids and the first entry of the chooser. */
export const TUTORIAL_ID = 'tutorial';

/** Every bundled scenario by id (the file name without `.yaml`, as in the CLI and the tests). */
export const CATALOG: ReadonlyMap<string, CatalogEntry> = new Map(
  Object.entries(FILES).map(([path, load]): [string, CatalogEntry] => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const id = name.replace(/\.yaml$/, '');
    return [id, { id, file: `scenarios/${name}`, load }];
  }),
);

/** The chooser's list: the tutorial first, then the scenarios in the order their events took place. */
export async function loadCatalogMeta(): Promise<ScenarioMeta[]> {
  const metas = await Promise.all([...CATALOG.values()].map(async (e) => readMeta(e.id, await e.load())));
  const rank = (m: ScenarioMeta) => (m.id === TUTORIAL_ID ? 0 : 1);
  return metas.sort(
    (a, b) =>
      rank(a) - rank(b) || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title),
  );
}

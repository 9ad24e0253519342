/**
 * Vite plugin: the built-in scenarios are validated and compiled to JSON at build time, so the page never
 * ships the YAML parser or the schema validator for them (those load only when an instructor opens a file).
 * `scenarios/x.yaml?scenario` becomes `{ scenario }`; `?scenario-meta` the few facts a card shows.
 * A scenario that does not validate fails the build (and the dev overlay) with the loader's located errors.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { formatDiagnostic, parseScenarioBytes } from '../src/scenario/index.ts';

const QUERY = /\?scenario(-meta)?$/;

/** The card facts the chooser needs; everything else stays in the on-demand chunk. */
function metaOf(id: string, scenario: Record<string, unknown>) {
  const pick = (key: string) => (scenario[key] ?? null) as unknown;
  return {
    id,
    title: pick('title'),
    date: pick('date'),
    place: pick('place'),
    stakes: pick('stakes'),
    playMinutes: pick('playMinutes'),
    contentNote: typeof scenario.contentNote === 'string' ? scenario.contentNote.trim() : null,
    role: (scenario.player as { role?: string } | undefined)?.role ?? null,
  };
}

/** Compiles `*.yaml?scenario` and `*.yaml?scenario-meta` imports. */
export function scenariosPlugin(): Plugin {
  return {
    name: 'envoy-scenarios',
    load: {
      // The filter lets the bundler skip this hook for every other module.
      filter: { id: QUERY },
      async handler(id) {
        const match = QUERY.exec(id);
        if (!match) return null;
        const file = id.replace(QUERY, '');
        this.addWatchFile(file);
        const bytes = new Uint8Array(await readFile(file));
        const name = `scenarios/${basename(file)}`;
        const parsed = parseScenarioBytes(bytes, name);
        if ('errors' in parsed) {
          this.error(`${name} does not validate:\n${parsed.errors.map(formatDiagnostic).join('\n')}`);
        }
        for (const w of parsed.warnings) this.warn(formatDiagnostic(w));
        const scenarioId = basename(file).replace(/\.yaml$/, '');
        const data = match[1]
          ? metaOf(scenarioId, parsed.scenario as unknown as Record<string, unknown>)
          : { scenario: parsed.scenario };
        // JSON.parse of a string literal is faster to start than an object literal of the same size.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
      },
    },
  };
}

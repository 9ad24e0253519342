/**
 * Browser entry point. Without `?scenario=` the page is the scenario chooser; with one, it loads that
 * scenario's file (its own chunk, fetched only now) through the same loader the CLI uses, compiles it,
 * starts a seeded session and mounts the DOM game. Phaser stays out of this page for now.
 */
import { compileGame } from './engine/index.ts';
import { parseScenario } from './scenario/index.ts';
import { CATALOG, type CatalogEntry, loadCatalogMeta, TUTORIAL_ID } from './session/catalog.ts';
import { installDebugHandle, readUrlParams, scenarioUrl, startSession } from './session/session.ts';
import { mountApp, showLoadErrors } from './ui/app.ts';
import { renderChooser, showFetchError, showLoading } from './ui/chooser.ts';
import './ui/style.css';

async function playScenario(main: HTMLElement, entry: CatalogEntry, notice: string | null): Promise<void> {
  showLoading(main, 'Loading the scenario…');
  const text = await entry.load();
  main.removeAttribute('aria-busy');
  const parsed = parseScenario(text, entry.file);
  if ('errors' in parsed) {
    showLoadErrors(main, parsed.errors);
    return;
  }
  const session = startSession(compileGame(parsed.scenario), entry.id);
  installDebugHandle(session);
  mountApp(session, main, notice);
}

async function boot(main: HTMLElement): Promise<void> {
  const { scenario: asked, seed } = readUrlParams(window.location.search);
  if (asked === null) {
    showLoading(main, 'Loading the scenarios…');
    const scenarios = await loadCatalogMeta();
    main.removeAttribute('aria-busy');
    renderChooser(main, scenarios, (id) => scenarioUrl(id, seed));
    return;
  }
  const entry = CATALOG.get(asked);
  if (entry) return playScenario(main, entry, null);
  const tutorial = CATALOG.get(TUTORIAL_ID);
  if (!tutorial) throw new Error('the tutorial scenario is missing from the build');
  await playScenario(
    main,
    tutorial,
    `The scenario “${asked}” is not available; here is the tutorial instead.`,
  );
}

const main = document.getElementById('app');
if (main) boot(main).catch((error: unknown) => showFetchError(main, error));

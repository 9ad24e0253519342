/// <reference types="vite/client" />
/**
 * Browser entry point: loads the tutorial scenario through the same loader the CLI uses, compiles it,
 * starts a seeded session and mounts the DOM game. Phaser stays out of this page for now.
 */
import tutorialText from '../scenarios/tutorial.yaml?raw';
import { compileGame } from './engine/index.ts';
import { parseScenario } from './scenario/index.ts';
import { installDebugHandle, readUrlParams, startSession } from './session/session.ts';
import { mountApp, showLoadErrors } from './ui/app.ts';
import './ui/style.css';

/** Scenarios bundled with the page, by the id used in `?scenario=`. */
const SCENARIOS: Record<string, { file: string; text: string }> = {
  tutorial: { file: 'scenarios/tutorial.yaml', text: tutorialText },
};
const DEFAULT_SCENARIO = 'tutorial';

function boot(main: HTMLElement): void {
  const asked = readUrlParams(window.location.search).scenario;
  const id = asked !== null && Object.hasOwn(SCENARIOS, asked) ? asked : DEFAULT_SCENARIO;
  const notice =
    asked !== null && id !== asked
      ? `The scenario “${asked}” is not available; here is the tutorial instead.`
      : null;
  const source = SCENARIOS[id] as { file: string; text: string };
  const parsed = parseScenario(source.text, source.file);
  if ('errors' in parsed) {
    showLoadErrors(main, parsed.errors);
    return;
  }
  const session = startSession(compileGame(parsed.scenario), id);
  installDebugHandle(session);
  mountApp(session, main, notice);
}

const main = document.getElementById('app');
if (main) boot(main);

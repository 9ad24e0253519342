/**
 * The page's navigator: one place that knows which screen is up, paints its scene on the canvas, mounts its
 * DOM, moves focus to it and keeps the address bar and the save in step. Screens decide nothing about the
 * game; the session applies every rule.
 */
import { type Game, heldSeats } from '../engine/index.ts';
import { CATALOG, TUTORIAL_ID } from '../session/catalog.ts';
import type { SaveStore } from '../session/save.ts';
import { createSession, installDebugHandle, randomSeed, writeUrlParams } from '../session/session.ts';
import type { Stage } from '../view/contract.ts';
import { t } from '../view/i18n/active.ts';
import type { Motion } from '../view/motion.ts';
import type { App, Loaded, LoadedBase, Mounted, Route } from './app-types.ts';
import {
  applyLanguage,
  gameIn,
  gameRelanguaged,
  rewordGames,
  saveSentence,
  writeLangParam,
} from './language.ts';
import { corruptSave, failure, type Problem, problemScreen, unknownSeat } from './problems.ts';
import { routeIs } from './routes.ts';
import { mountBriefing } from './screens/briefing.ts';
import { mountClassResults } from './screens/class-results.ts';
import { mountDebrief } from './screens/debrief.ts';
import { mountHandover, moverToShow, needsHandover } from './screens/handover.ts';
import { mountHelp } from './screens/help.ts';
import { mountOpenScenario, writeFileParams } from './screens/open-scenario.ts';
import { mountPlay } from './screens/play.ts';
import { mountGlossary, mountSources } from './screens/reference.ts';
import { mountReplay } from './screens/replay.ts';
import { mountSeats } from './screens/seats.ts';
import { mountSelect } from './screens/select.ts';
import { mountTitle } from './screens/title.ts';
import { TopBar } from './top-bar.ts';

/** Every screen; a problem screen also gets the problem it shows. */
const SCREENS: Record<Route, (app: App, problem: Problem | null) => Mounted> = {
  title: mountTitle,
  select: mountSelect,
  help: mountHelp,
  glossary: mountGlossary,
  sources: mountSources,
  briefing: mountBriefing,
  seats: mountSeats,
  handover: mountHandover,
  play: mountPlay,
  debrief: mountDebrief,
  replay: mountReplay,
  open: mountOpenScenario,
  class: mountClassResults,
  'corrupt-save': (app, problem) => (problem ? problemScreen(app, problem) : mountTitle(app)),
};

/** The seats an address names: none when only the player's seat is held, so that address stays as it was. */
function addressSeats(game: Game, seats: readonly string[]): readonly string[] | null {
  return seats.length === 1 && seats[0] === game.playerId ? null : seats;
}

/** Whether two lists of held seats are the same (both in seat order). */
function sameSeats(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Builds the navigator over the page's parts. */
export function createApp(parts: {
  main: HTMLElement;
  side: HTMLElement;
  bar: HTMLElement;
  stage: Stage;
  motion: Motion;
  saves: SaveStore;
  /** Saves of instructors' scenario files, for this tab only. */
  fileSaves: SaveStore;
}): App {
  const { main, side, stage, motion, saves, fileSaves } = parts;
  let route: Route = 'title';
  let returnTo: Route = 'title';
  let cleanup: (() => void) | undefined;
  /** What the 'corrupt-save' screen shows: set before going there. */
  let problem: (() => Problem) | null = null;
  const bar = new TopBar(parts.bar, motion);

  const syncUrl = () => {
    // An unreadable save keeps its address, so a reload shows the same choice again.
    if (route === 'corrupt-save') return;
    const loaded = app.loaded;
    const url = new URL(window.location.href);
    if (loaded && routeIs(route, 'game')) {
      const view = loaded.session.view();
      if (loaded.builtIn) writeUrlParams(loaded.id, view.seed, addressSeats(loaded.game, view.seats));
      else writeFileParams(loaded.session.view().seed);
      return;
    }
    const bare = new URL(url.pathname, url.origin);
    writeLangParam(bare, url.searchParams.has('lang'));
    if (url.search !== bare.search) window.history.replaceState(window.history.state, '', bare);
  };

  const app: App = {
    motion,
    stage,
    fileSaves,
    main,
    side,
    loaded: null,
    viewer: null,
    go(asked) {
      // In pass and play, no screen of a game shows one seat's view while another seat is to move.
      const held = app.loaded;
      const next: Route =
        held && routeIs(asked, 'seat') && needsHandover(held.session.view(), held.seat) ? 'handover' : asked;
      if (!routeIs(next, 'aside') && next !== route) returnTo = next;
      else if (routeIs(next, 'aside') && !routeIs(route, 'aside')) returnTo = route;
      cleanup?.();
      cleanup = undefined;
      route = next;
      side.replaceChildren();
      side.hidden = true;
      let mounted: Mounted;
      try {
        mounted = SCREENS[next](app, next === 'corrupt-save' ? (problem?.() ?? null) : null);
      } catch (error) {
        mounted = failure(app, error);
      }
      cleanup = mounted.cleanup;
      stage.show(mounted.scene, { motion, source: mounted.source, caption: mounted.caption });
      bar.update(app);
      document.title = t('page-title', { caption: mounted.caption });
      main.dataset.screen = next;
      syncUrl();
      window.scrollTo(0, 0);
      mounted.focus.focus({ preventScroll: true });
    },
    back() {
      app.go(routeIs(returnTo, 'aside') ? 'title' : returnTo);
    },
    async startScenario(id, seed, seats = null, options = {}) {
      const entry = CATALOG.get(id) ?? CATALOG.get(TUTORIAL_ID);
      if (!entry) throw new Error('no scenario is bundled with this page');
      if (entry.id !== id) app.announce(t('scenario-unavailable', { id }));
      main.setAttribute('aria-busy', 'true');
      const compiled = await entry.load();
      main.removeAttribute('aria-busy');
      const game = gameIn(compiled.scenario);
      const base = { id: entry.id, file: entry.file, builtIn: true, game };
      const held = seats === null ? null : heldSeats(game, seats);
      if (typeof held === 'string') {
        app.loaded = null;
        // Built when shown, so a language switch rewords it.
        problem = () => unknownSeat(app, gameRelanguaged(game), seats ?? [], entry.id, seed);
        app.go('corrupt-save');
        return;
      }
      const saved = saves.load(game);
      if (saved.status === 'unavailable') app.announce(saveSentence(saved.message, 'unavailable'));
      if (saved.status === 'corrupt') {
        app.loaded = null;
        problem = () =>
          corruptSave(app, saveSentence(saved.message, 'corrupt'), () => {
            saves.clear(game.scenario.id);
            app.startLoaded(base, seed, [], {}, held ?? undefined);
            app.go(app.firstScreen());
          });
        app.go('corrupt-save');
        return;
      }
      if (app.resumeSaved(base, saved, seed, held)) return;
      app.startLoaded(base, seed, [], {}, held ?? undefined);
      // Several seats to choose from and none asked for: the seat choice comes before any brief is shown.
      app.go(held === null && options.choose && game.seatIds.length > 1 ? 'seats' : app.firstScreen());
    },
    resumeSaved(base, saved, seed, seats = null) {
      if (saved.status !== 'resumed' || (seed !== null && seed !== saved.seed)) return false;
      if (seats !== null && !sameSeats(seats, saved.seats)) return false;
      app.startLoaded(base, saved.seed, saved.actions, saved.answers, saved.seats);
      const view = app.loaded?.session.view();
      app.go(
        view?.outcome
          ? 'debrief'
          : saved.seats.length > 1
            ? 'handover'
            : saved.actions.length > 0
              ? 'play'
              : 'briefing',
      );
      if (saved.note) app.announce(saveSentence(saved.note, 'note'));
      return true;
    },
    firstScreen() {
      return (app.loaded?.session.view().seats.length ?? 1) > 1 ? 'handover' : 'briefing';
    },
    startLoaded(base: LoadedBase, seed, actions = [], answers = {}, seats) {
      const session = createSession(base.game, seed ?? randomSeed(), undefined, actions, seats);
      const view = session.view();
      const loaded: Loaded = {
        ...base,
        session,
        answers: { ...answers },
        seat: moverToShow(view) ?? view.seat,
        briefed: new Set(),
      };
      session.subscribe((_view, change) => {
        if (change === 'new-game') loaded.answers = {};
        if (change !== 'error') syncUrl();
      });
      app.loaded = loaded;
      installDebugHandle(session);
      app.persist();
    },
    persist() {
      const loaded = app.loaded;
      if (!loaded) return;
      const view = loaded.session.view();
      const hashes = loaded.session.hashes();
      const status = (loaded.builtIn ? saves : fileSaves).save(loaded.game, {
        seed: view.seed,
        seats: view.seats,
        actions: [...view.actions],
        hash: hashes[hashes.length - 1] as string,
        answers: loaded.answers,
      });
      bar.saveStatus(status);
    },
    announce(message) {
      bar.announce(message);
    },
    switchLanguage(lang) {
      applyLanguage(lang);
      const url = new URL(window.location.href);
      writeLangParam(url, true);
      window.history.replaceState(window.history.state, '', url);
      rewordGames(app);
      bar.relabel();
      app.go(route);
    },
  };
  return app;
}

/** What tests and the bench read from the page: the screen and scene up, and a way to navigate. */
export interface EnvoyPage {
  screen(): string | undefined;
  scene(): string | null;
  go(route: Route): void;
  /** Starts a game as an address does, without a page load (`seed` null: a new seed; `seats` null: the player's). */
  start(id: string, seed: string | null, seats?: string[] | null): Promise<void>;
  /** Every text painted on the canvas now. */
  canvasTexts(): string[];
  /** Finishes running animations (as the Skip button does). */
  skip(): void;
}

declare global {
  interface Window {
    envoyPage?: EnvoyPage;
  }
}

/** Exposes `window.envoyPage` beside the session's `window.envoy`. */
export function installPageHandle(app: App): void {
  window.envoyPage = {
    screen: () => app.main.dataset.screen,
    scene: () => app.stage.current(),
    go: (route) => app.go(route),
    start: (id, seed, seats = null) => app.startScenario(id, seed, seats),
    canvasTexts: () => app.stage.texts(),
    skip: () => app.motion.skip(),
  };
}

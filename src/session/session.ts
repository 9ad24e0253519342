/**
 * The one bridge between the pure engine and whatever renders it (the DOM overlay now, Phaser scenes
 * later): it holds the compiled game, the seed, the action log and the states that log produces, so the
 * renderers never apply a rule themselves and a page reload with the same URL replays the same game.
 */
import {
  type Action,
  type ActionInput,
  applyAction,
  availableActions,
  createGame,
  type EngineError,
  type Game,
  type GameState,
  heldSeats,
  type OutcomeResult,
  outcomeOf,
  playGame,
  replay,
  type SeatView,
  STRATEGIES,
  type StrategyName,
  stateHash,
  viewFor,
} from '../engine/index.ts';

/** Seeds are free text in URLs and replay files; the cap keeps a hand-edited URL from bloating every state. */
export const MAX_SEED_LENGTH = 120;

/** What listeners learn about each change, so a renderer can append to the log instead of redrawing it. */
export type SessionChange = 'new-game' | 'move' | 'error';

/**
 * Everything a renderer needs, read-only: the engine's states are frozen by immer anyway. The session's own
 * view is the whole game; what a page shows is one seat's projection of it (src/view/seat-view.ts), whose
 * states hold only what `seat` may see.
 */
export interface SessionView {
  game: Game;
  seed: string;
  /** The seats people hold in this game (seat order). */
  seats: readonly string[];
  /** The seat this view is shown to: "You" in the log, its brief, its tier (the session's own: the first held). */
  seat: string;
  actions: readonly Action[];
  states: readonly GameState[];
  state: GameState;
  /** The actions `seat` may choose now (empty when it is not its turn). */
  menu: readonly Action[];
  /** The error of the last refused action, cleared by the next accepted one. */
  error: EngineError | null;
  /** The refused action itself, so the page can word the refusal from `error.code` in its language. */
  refused?: ActionInput | null;
  /** The outcome with `seat`'s own tier; null while playing. */
  outcome: OutcomeResult | null;
}

/** What renderers read: the current view and its changes. A live session and a replay viewer both are one. */
export interface ViewSource {
  view(): SessionView;
  /** Registers a listener called after every change; returns the unsubscribe function. */
  subscribe(listener: (view: SessionView, change: SessionChange) => void): () => void;
}

/** A running game: the only place the UI sends actions to. */
export interface Session extends ViewSource {
  /** Applies an action; a refused (or crashing) action becomes `view().error`, never an exception. */
  dispatch(action: ActionInput): boolean;
  /** Starts over with a given seed, or a fresh random one (the same seats held). */
  newGame(seed?: string): void;
  /** Per-turn state hashes (initial state first): what replays and cross-runtime checks compare. */
  hashes(): string[];
}

/**
 * A fresh seed for a new game. Randomness is allowed here, outside the engine: the seed is then shown and
 * written into the URL, so the game it starts is still reproducible.
 */
export function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 6)}-${hex.slice(6)}`;
}

/** A seed read from outside (URL, debug handle) or null when it cannot start a game. */
export function cleanSeed(seed: unknown): string | null {
  if (typeof seed !== 'string') return null;
  const trimmed = seed.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_SEED_LENGTH ? trimmed : null;
}

function internalError(error: unknown): EngineError {
  const what = error instanceof Error ? error.message : String(error);
  // The closest namespaced code: the engine refused to go on with this action.
  return {
    code: 'action/malformed',
    message: `The engine could not apply this action (${what.slice(0, 200)}).`,
  };
}

/**
 * Creates a session over a compiled game. `onSeed` is told every seed a game starts with (URL sync).
 * `resume` replays a saved or replayed action log first; actions that do not replay throw, before any
 * session exists, so a bad save never half-loads. `seats` are the seats people hold (default: the player's
 * seat); the engine plays the others. An unknown seat throws, before any session exists.
 */
export function createSession(
  game: Game,
  seed: string,
  onSeed?: (seed: string) => void,
  resume: readonly Action[] = [],
  seats?: readonly string[],
): Session {
  const held = heldSeats(game, seats);
  if (typeof held === 'string') throw new Error(held);
  let currentSeed = seed;
  let actions: Action[] = [];
  let states: GameState[] = [];
  let hashes: string[] = [];
  let error: EngineError | null = null;
  let refused: ActionInput | null = null;
  const listeners = new Set<(view: SessionView, change: SessionChange) => void>();

  const current = (): GameState => states[states.length - 1] as GameState;
  const view = (): SessionView => ({
    game,
    seed: currentSeed,
    seats: held,
    seat: held[0] as string,
    actions,
    states,
    state: current(),
    menu: availableActions(game, current()).filter((a) => a.seat === held[0]),
    error,
    refused: error ? refused : null,
    outcome: outcomeOf(game, current(), held[0]),
  });
  const emit = (change: SessionChange) => {
    const v = view();
    for (const listener of listeners) listener(v, change);
  };
  const start = (nextSeed: string) => {
    currentSeed = nextSeed;
    const first = createGame(game, nextSeed, { seats: held });
    actions = [];
    states = [first];
    hashes = [stateHash(first)];
    error = null;
    onSeed?.(nextSeed);
  };
  start(seed);
  if (resume.length > 0) {
    const run = replay(game, seed, [...resume], { seats: held });
    if ('error' in run) throw new Error(`turn ${run.turn}: ${run.error.message}`);
    actions = [...resume];
    states = run.states;
    hashes = run.states.map(stateHash);
  }

  return {
    view,
    dispatch(action) {
      let result: ReturnType<typeof applyAction>;
      const before = current();
      try {
        result = applyAction(game, before, action);
      } catch (thrown) {
        result = { error: internalError(thrown) };
      }
      if ('error' in result) {
        error = result.error;
        refused = action;
        emit('error');
        return false;
      }
      // Kept named by its seat (the seat that was to move: the engine refused any other).
      actions = [
        ...actions,
        { seat: before.mover as string, move: action.move, params: { ...action.params } },
      ];
      states = [...states, result.state];
      hashes = [...hashes, stateHash(result.state)];
      error = null;
      emit('move');
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newGame(nextSeed) {
      start(cleanSeed(nextSeed) ?? randomSeed());
      emit('new-game');
    },
    hashes: () => [...hashes],
  };
}

/** At most this many `seat` parameters are read from an address (more seats than any scenario has). */
const MAX_URL_SEATS = 16;

/**
 * The scenario, seed and seats a page was opened with: `?scenario=tutorial&seed=…&seat=valley`, one `seat`
 * per seat held by a person (`&seat=amber&seat=valley`: pass and play). No `seat`: null, the player's seat.
 */
export function readUrlParams(search: string): {
  scenario: string | null;
  seed: string | null;
  seats: string[] | null;
} {
  const params = new URLSearchParams(search);
  const seats = params
    .getAll('seat')
    .slice(0, MAX_URL_SEATS)
    .map((s) => s.trim().slice(0, 120));
  return {
    scenario: params.get('scenario'),
    seed: cleanSeed(params.get('seed')),
    seats: seats.length > 0 ? seats : null,
  };
}

/** A scenario's address from the chooser; a seed given to the chooser (a class-wide seed) is passed on. */
export function scenarioUrl(
  scenario: string,
  seed: string | null,
  seats: readonly string[] | null = null,
): string {
  const params = new URLSearchParams({ scenario });
  if (seed !== null) params.set('seed', seed);
  for (const seat of seats ?? []) params.append('seat', seat);
  return `?${params}`;
}

/**
 * Puts the game's scenario, seed and seats in the address bar without a reload, so a copied link replays it.
 * `seats` null (the player's seat alone) writes no `seat`, so a one-player address stays as it always was.
 */
export function writeUrlParams(scenario: string, seed: string, seats: readonly string[] | null = null): void {
  const url = new URL(window.location.href);
  url.searchParams.set('scenario', scenario);
  url.searchParams.set('seed', seed);
  url.searchParams.delete('seat');
  for (const seat of seats ?? []) url.searchParams.append('seat', seat);
  window.history.replaceState(window.history.state, '', url);
}

/** A small handle for tests and curious testers in the devtools console; it only reads or goes through dispatch. */
export interface EnvoyDebug {
  seed(): string;
  /** The seats people hold in the game. */
  seats(): string[];
  hashes(): string[];
  /**
   * What one seat may see: never the whole state, so the console shows a student no more than the screen
   * does. Default: the one seat people hold; with several (pass and play), what is public, since the console
   * cannot know who sits at the screen. Compare games by `hashes()`, which cover everything.
   */
  state(seat?: string): SeatView;
  actions(): Action[];
  outcome(): OutcomeResult | null;
  scenarioHash(): string;
  dispatch(action: ActionInput): { ok: boolean; error: EngineError | null };
  /** Plays whole games with the bundled engine: per-turn hashes for each seed (cross-runtime checks). */
  simulate(seeds: string[], strategy: StrategyName): { actions: Action[]; hashes: string[] }[];
  /** Replays seed + actions with the bundled engine: per-turn hashes, or the error and its turn. */
  replay(seed: string, actions: Action[]): { hashes: string[] } | { error: EngineError; turn: number };
}

declare global {
  interface Window {
    envoy?: EnvoyDebug;
  }
}

/** A seat id no scenario has (ids are lower-case words): its view is what every seat may see. */
const PUBLIC_VIEW = '(public)';

/** Exposes `window.envoy` for the browser tests (JSON-friendly copies only, so page.evaluate can return them). */
export function installDebugHandle(session: Session): EnvoyDebug {
  const { game } = session.view();
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const handle: EnvoyDebug = {
    seed: () => session.view().seed,
    seats: () => [...session.view().seats],
    hashes: () => session.hashes(),
    state(seat) {
      const { state, seats } = session.view();
      const onlySeat = seats.length === 1 ? (seats[0] as string) : PUBLIC_VIEW;
      return copy(viewFor(game, state, seat ?? onlySeat));
    },
    actions: () => copy([...session.view().actions]),
    outcome: () => session.view().outcome,
    scenarioHash: () => game.scenarioHash,
    dispatch(action) {
      const ok = session.dispatch(action);
      return { ok, error: session.view().error };
    },
    simulate(seeds, strategy) {
      if (!STRATEGIES.includes(strategy)) throw new Error(`unknown strategy "${String(strategy)}"`);
      return seeds.map((seed) => {
        const played = playGame(game, seed, strategy, undefined, { seats: session.view().seats });
        return { actions: copy(played.actions), hashes: played.states.map(stateHash) };
      });
    },
    replay(seed, actions) {
      const result = replay(game, seed, actions, { seats: session.view().seats });
      return 'error' in result ? result : { hashes: result.states.map(stateHash) };
    },
  };
  window.envoy = handle;
  return handle;
}

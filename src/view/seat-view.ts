/**
 * A game as one seat sees it, for both renderers. The page never paints the session's own states: every
 * screen of a game reads `seatSource(session, seat)`, whose states are the engine's `viewFor` projection
 * (another party's hidden meters gone, hidden flags gone, private moves the seat was not party to gone from
 * the log), whose menu is that seat's and whose outcome carries that seat's tier. What a seat may not see
 * therefore never reaches the DOM or the canvas, whatever a renderer reads.
 */
import { type Game, type GameState, outcomeOf, own, viewFor } from '../engine/index.ts';
import type { SessionChange, SessionView, ViewSource } from '../session/session.ts';

/** Projections already made: states are immutable, so one projection per state and seat is enough. */
const cache = new WeakMap<GameState, Map<string, GameState>>();

/**
 * `state` with only what `seat` may see (see the module comment); the same shape as a state, so the
 * renderers' reads stay as they are, but it is for painting only, never for the engine.
 */
export function seatState(game: Game, state: GameState, seat: string): GameState {
  let bySeat = cache.get(state);
  if (!bySeat) {
    bySeat = new Map();
    cache.set(state, bySeat);
  }
  const known = bySeat.get(seat);
  if (known) return known;
  const view = viewFor(game, state, seat);
  const parties: GameState['parties'] = {};
  for (const [pid, party] of Object.entries(state.parties)) {
    const seen = own(view.parties, pid);
    // The meters the seat may see, where the state keeps them: in the machine's context, or on the party.
    const meters = { ...(seen?.meters ?? {}) };
    const pos = party.position;
    parties[pid] = pos
      ? {
          position: {
            value: pos.value,
            context: pos.context.agreed ? { agreed: pos.context.agreed, meters } : { meters },
          },
        }
      : party.agreed
        ? { agreed: party.agreed, meters, position: null }
        : { meters, position: null };
  }
  const projected: GameState = { ...state, parties, flags: view.flags, log: view.log };
  bySeat.set(seat, projected);
  return projected;
}

/** One seat's view of a session view: projected states, that seat's menu and its own tier. */
export function seatView(view: SessionView, seat: string): SessionView {
  const { game } = view;
  const last = viewFor(game, view.state, seat);
  return {
    ...view,
    seat,
    states: view.states.map((s) => seatState(game, s, seat)),
    state: seatState(game, view.state, seat),
    menu: last.actions,
    outcome: last.outcome,
  };
}

/**
 * What a screen hands its scene and reads itself: the session seen from `seat` (a function, so pass and
 * play can move the same screen code from one seat to the next).
 */
export function seatSource(source: ViewSource, seat: () => string): ViewSource {
  return projected(source, (view) => seatView(view, seat()));
}

/**
 * The finished game as the debrief shows it to `seat`: everything revealed (the other sides' hidden meters
 * and private moves are what a debrief discusses), with that seat's "You" and its own tier.
 */
export function revealedView(view: SessionView, seat: string): SessionView {
  return { ...view, seat, menu: [], outcome: outcomeOf(view.game, view.state, seat) };
}

/** A source of `revealedView`s, for the debrief screen and its scene. */
export function revealedSource(source: ViewSource, seat: () => string): ViewSource {
  return projected(source, (view) => revealedView(view, seat()));
}

function projected(source: ViewSource, project: (view: SessionView) => SessionView): ViewSource {
  return {
    view: () => project(source.view()),
    subscribe(listener: (view: SessionView, change: SessionChange) => void) {
      return source.subscribe((view, change) => listener(project(view), change));
    },
  };
}

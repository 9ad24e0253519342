/**
 * Every screen of the page and what kind of screen it is: the one registry routes follow from. `aside`: opened
 * on top of another screen, which "Back" returns to; `seat`: shows one seat's view (in pass and play it waits
 * for the hand-over); `game`: belongs to the loaded game (the address then carries its scenario and seed).
 * Each route's mount function is in app.ts's table, typed against this registry.
 */
export const ROUTES = {
  title: {},
  select: {},
  help: { aside: true },
  glossary: { aside: true, game: true },
  sources: { aside: true, game: true },
  briefing: { seat: true, game: true },
  seats: { game: true },
  handover: { game: true },
  play: { seat: true, game: true },
  debrief: { game: true },
  replay: {},
  open: {},
  class: {},
  'corrupt-save': {},
} as const satisfies Record<string, { aside?: true; seat?: true; game?: true }>;

/** Every screen of the page. */
export type Route = keyof typeof ROUTES;

/** Whether a route is of a kind (see ROUTES). */
export function routeIs(route: Route, kind: 'aside' | 'seat' | 'game'): boolean {
  return (ROUTES[route] as { aside?: true; seat?: true; game?: true })[kind] === true;
}

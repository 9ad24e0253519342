/**
 * Which meters mean something for which party. Every party carries every meter, but a scenario often uses
 * some only for one side ("Army cohesion" is Syria's, not China's): showing China's untouched cohesion
 * would mislead a student. A meter is shown for a party when the scenario gives it a starting value, a
 * drift or a flex, when any condition or effect reads or changes it, or when it has moved during the game.
 */
import { type Game, type GameState, metersOf, own } from '../engine/index.ts';
import { type Place, walkScenario } from '../scenario/walk.ts';

const cache = new WeakMap<Game, Map<string, Set<string>>>();

/**
 * Every meter each party's data reads or changes, found with the one scenario walker (src/scenario/walk.ts),
 * so no place is forgotten (a nested `any`, a template's transition, the vote's `callAtEnd`). Bare `meters`
 * and `chance.per` belong to the place's party: the machine's party (each party using a template), the
 * seat making a move, or the player in events and outcomes; `parties: { id: … }` names others.
 */
function scan(game: Game): Map<string, Set<string>> {
  const s = game.scenario;
  const found = new Map<string, Set<string>>(game.partyIds.map((p) => [p, new Set<string>()]));
  const known = new Set(game.meterIds);
  const add = (party: string, meter: string) => {
    if (known.has(meter)) found.get(party)?.add(meter);
  };
  for (const id of game.partyIds) {
    const party = own(s.parties, id);
    for (const m of Object.keys(party?.meters ?? {})) add(id, m);
    for (const m of Object.keys(party?.drift ?? {})) add(id, m);
    for (const m of Object.keys(party?.prefers?.flex ?? {})) add(id, m);
  }
  const owners = (at: Place): string[] => {
    if (at.self === null) return [game.playerId];
    if (at.self !== '*') return [at.self];
    const template = at.path[1];
    return game.partyIds.filter((p) => own(s.parties, p)?.template === template);
  };
  walkScenario(s, {
    condition(c, at) {
      for (const owner of owners(at)) {
        for (const m of Object.keys(c.meters ?? {})) add(owner, m);
        if (typeof c.chance === 'object') for (const m of Object.keys(c.chance.per)) add(owner, m);
      }
      for (const [party, test] of Object.entries(c.parties ?? {}))
        for (const m of Object.keys(test.meters ?? {})) add(party, m);
    },
    effects(e, at) {
      for (const owner of owners(at)) for (const m of Object.keys(e.meters ?? {})) add(owner, m);
      for (const [party, changes] of Object.entries(e.parties ?? {}))
        for (const m of Object.keys(changes)) add(party, m);
    },
  });
  return found;
}

/** The meters worth showing for a party now, in the scenario's meter order (only those `state` carries). */
export function metersFor(game: Game, state: GameState, party: string): string[] {
  let found = cache.get(game);
  if (!found) {
    found = scan(game);
    cache.set(game, found);
  }
  const used = found.get(party);
  const start = own(game.scenario.parties, party)?.meters ?? {};
  return game.meterIds.filter((m) => {
    const now = own(metersOf(state, party), m);
    // A meter the state does not carry (a seat's view without another party's hidden meter) is never shown.
    if (now === undefined) return false;
    if (used?.has(m)) return true;
    const initial = start[m] ?? own(game.scenario.meters, m)?.initial;
    return now !== initial;
  });
}

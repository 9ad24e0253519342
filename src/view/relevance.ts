/**
 * Which meters mean something for which party. Every party carries every meter, but a scenario often uses
 * some only for one side ("Army cohesion" is Syria's, not China's): showing China's untouched cohesion
 * would mislead a student. A meter is shown for a party when the scenario gives it a starting value, a
 * drift or a flex, when any condition or effect reads or changes it, or when it has moved during the game.
 */
import { type Game, type GameState, metersOf, own } from '../engine/index.ts';

const cache = new WeakMap<Game, Map<string, Set<string>>>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks scenario data (conditions, effects, nested lists) and records the meters it names. `meters` and
 * `chance.per` belong to `owner` (the machine's party, or the player in moves, events and outcomes);
 * `parties: { id: { meters } }` in conditions and `parties: { id: { meter: n } }` in effects name others.
 */
function collect(node: unknown, owner: string, add: (party: string, meter: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, owner, add);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'meters' && isRecord(value)) {
      for (const m of Object.keys(value)) add(owner, m);
    } else if (key === 'chance' && isRecord(value) && isRecord(value.per)) {
      for (const m of Object.keys(value.per)) add(owner, m);
    } else if (key === 'parties' && isRecord(value)) {
      for (const [party, inner] of Object.entries(value)) {
        if (!isRecord(inner)) continue;
        if (isRecord(inner.meters)) for (const m of Object.keys(inner.meters)) add(party, m);
        for (const [m, n] of Object.entries(inner)) if (typeof n === 'number') add(party, m);
        collect(inner, party, add);
      }
    } else {
      collect(value, owner, add);
    }
  }
}

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
    collect(own(game.machines, id)?.def.states, id, add);
  }
  collect(s.moves, game.playerId, add);
  collect(s.events, game.playerId, add);
  collect(s.outcomes, game.playerId, add);
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

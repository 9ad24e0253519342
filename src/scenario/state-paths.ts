/**
 * Paths of the states of a position machine that nests states (`initial` + `states`) or has regions
 * (`type: parallel`). One reading of paths for the validator and the engine's compiler: a state is named
 * by its dotted path from the machine's top (`bases.open`), and a transition's `to` by a sibling, else the
 * nearest enclosing level that has it, else a path from the top.
 */
import { own } from '../core/own.ts';
import type { PositionMachine, PositionState } from './schema.ts';

/** A state's container: the machine or a compound/parallel state (both have `states`). */
type Container = { states?: Record<string, PositionState> };

/** The state at a dotted path from the machine's top, or undefined. */
export function stateAt(machine: Container, path: string): PositionState | undefined {
  let node: Container | undefined = machine;
  let found: PositionState | undefined;
  for (const id of path.split('.')) {
    found = own(node?.states, id);
    if (!found) return undefined;
    node = found;
  }
  return found;
}

/** Every state of a machine, depth first in file order, with its path and the path of its container. */
export function allStates(
  machine: PositionMachine,
): { path: string; parent: string; state: PositionState }[] {
  const out: { path: string; parent: string; state: PositionState }[] = [];
  const visit = (node: Container, parent: string) => {
    for (const [id, state] of Object.entries(node.states ?? {})) {
      const path = parent === '' ? id : `${parent}.${id}`;
      out.push({ path, parent, state });
      visit(state, path);
    }
  };
  visit(machine, '');
  return out;
}

/** Whether a machine has a state with states of its own: its values are then objects, not strings. */
export function isNested(machine: PositionMachine): boolean {
  return Object.values(machine.states).some((s) => s.states !== undefined);
}

/**
 * The path a transition's `to` leads to from a state inside `parent` (a container path, '' for the top):
 * a state among the siblings, else in the nearest enclosing level, else `to` read from the top. Undefined
 * when it names no state.
 */
export function resolveTarget(machine: PositionMachine, parent: string, to: string): string | undefined {
  const levels = parent === '' ? [] : parent.split('.');
  for (let depth = levels.length; depth >= 0; depth--) {
    const prefix = levels.slice(0, depth).join('.');
    const path = prefix === '' ? to : `${prefix}.${to}`;
    if (stateAt(machine, path)) return path;
  }
  return undefined;
}

/**
 * The names a `position:` condition may use for a machine: every state's path and every tail of it
 * (`stance.bases.open`, `bases.open`, `open`); a condition on one holds when a state it names is active.
 */
export function positionNames(machine: PositionMachine): Set<string> {
  const names = new Set<string>();
  for (const { path } of allStates(machine)) for (const tail of pathTails(path.split('.'))) names.add(tail);
  return names;
}

/** A path's tails, the whole path first: `a.b.c`, `b.c`, `c`. */
export function pathTails(ids: readonly string[]): string[] {
  return ids.map((_, i) => ids.slice(i).join('.'));
}

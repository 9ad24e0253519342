/**
 * How a council member would vote right now. The engine decides the real ballot at the roll call
 * (src/engine/flow.ts holdVote); this reads the same rule without running it, so the canvas and the DOM can
 * show each member's leaning before the vote and agree with each other.
 */
import { ballotOf, expandTargets, type Game, type GameState } from '../engine/index.ts';

/** A ballot, as the engine's VoteState records it. */
export type Ballot = 'yes' | 'no' | 'abstain';

/** The ballot the member's current position would cast: the engine's own rule, before `vote.called`. */
export function leaningOf(game: Game, state: GameState, id: string): Ballot {
  return ballotOf(game, state, id);
}

/** The vote's members in roll-call order (blocs expanded, no repeats), as holdVote walks them. */
export function voteMembers(game: Game): string[] {
  // The engine's own expansion of parties and blocs, the one the roll call uses.
  return [...expandTargets(game, game.scenario.vote?.members ?? [])];
}

/** A large vote gets the council chamber instead of the table: seven seats or more do not fit around it. */
export function usesCouncil(game: Game): boolean {
  return voteMembers(game).length >= 7;
}

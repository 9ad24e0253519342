/**
 * The clock of a game: events at the start of each round, the end of a round, the roll call, and the
 * end of the game with its outcome. All randomness comes from the Rng restored from the state.
 */
import { evalCondition } from './conditions.ts';
import type { Game } from './game.ts';
import { applyEffects, deliver, deliverAll, isActive, sortedCopy } from './parties.ts';
import type { Rng } from './rng.ts';
import type { EndReason, GameState, VoteState } from './types.ts';

/** Expands party and bloc ids to parties, without repeats, keeping first-mention order. */
export function expandTargets(game: Game, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) for (const p of game.targets[id] ?? []) if (!out.includes(p)) out.push(p);
  return out;
}

/** Fires the scenario events due at the start of the current round, in file order. */
export function startRound(game: Game, draft: GameState, rng: Rng): void {
  draft.log.push({ kind: 'round', round: draft.round });
  for (const ev of game.scenario.events ?? []) {
    if (draft.over) return;
    const due =
      typeof ev.at === 'number'
        ? ev.at === draft.round
        : ev.at.from <= draft.round && draft.round <= ev.at.to;
    if (!due) continue;
    const ctx = { game, state: draft, party: null, roll: null, params: null, offer: null };
    if (ev.when && !evalCondition(ev.when, ctx)) continue;
    if (ev.chance !== undefined && !(rng.next() < ev.chance)) continue;
    draft.log.push({ event: ev.id, kind: 'event' });
    applyEffects(game, draft, ev.effects, null);
    if (ev.send) deliverAll(game, draft, expandTargets(game, ev.send.to), ev.send.event, rng, null);
  }
}

/** Closes a round: every active party hears `round.ended` and drifts; then the next round starts. */
export function endRound(game: Game, draft: GameState, rng: Rng): void {
  deliverAll(game, draft, game.partyIds, 'round.ended', rng, null);
  for (const p of game.partyIds) {
    const drift = game.scenario.parties[p]?.drift;
    if (drift) applyEffects(game, draft, { meters: drift }, p);
  }
  draft.step = 0;
  draft.round += 1;
  if (draft.over) return;
  if (draft.round > game.scenario.rounds) {
    if (game.scenario.vote?.callAtEnd && draft.vote === null) holdVote(game, draft, rng);
    finish(game, draft, draft.vote ? 'vote' : 'rounds');
    return;
  }
  startRound(game, draft, rng);
}

/** The roll call: each member hears `vote.called`, then votes as its position says. Ends the game. */
export function holdVote(game: Game, draft: GameState, rng: Rng): void {
  const vote = game.scenario.vote;
  if (!vote) return;
  const members = expandTargets(game, vote.members);
  const result: VoteState = { abstain: 0, adopted: false, ballots: {}, no: 0, vetoedBy: [], yes: 0 };
  for (const m of members) {
    deliver(game, draft, m, 'vote.called', rng, null);
    const party = game.scenario.parties[m];
    const pos = draft.parties[m]?.position?.value;
    const fromState = pos ? game.machines[m]?.def.states[pos]?.vote : undefined;
    const ballot = fromState ?? party?.ballot ?? 'abstain';
    result.ballots[m] = ballot;
    result[ballot] += 1;
    if (ballot === 'no' && party?.veto) result.vetoedBy.push(m);
  }
  result.adopted = result.yes >= vote.threshold && result.vetoedBy.length === 0;
  result.ballots = sortedCopy(result.ballots);
  draft.vote = result;
  const { yes, no, abstain, adopted, vetoedBy } = result;
  draft.log.push({ abstain, adopted, kind: 'vote', no, vetoedBy: [...vetoedBy], yes });
  draft.over = true;
}

/** The first outcome whose condition holds; the last outcome is the catch-all. */
export function pickOutcome(game: Game, state: GameState): string {
  const ctx = { game, state, party: null, roll: null, params: null, offer: null };
  const outcomes = game.scenario.outcomes;
  for (const o of outcomes) if (!o.when || evalCondition(o.when, ctx)) return o.id;
  return (outcomes[outcomes.length - 1] as { id: string }).id;
}

/** Ends the game and records the outcome. */
export function finish(game: Game, draft: GameState, reason: EndReason): void {
  draft.over = true;
  draft.outcome = pickOutcome(game, draft);
  draft.log.push({ kind: 'end', outcome: draft.outcome, reason });
}

/** True when no counterpart with a machine can still respond (all walked out or committed for good). */
export function noCounterpartsLeft(game: Game, state: GameState): boolean {
  let any = false;
  for (const p of game.counterpartIds) {
    if (!game.machines[p]) continue;
    any = true;
    if (isActive(game, state, p)) return false;
  }
  return any;
}

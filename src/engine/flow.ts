/**
 * The clock of a game: events at the start of each round, the end of a round, the roll call, and the
 * end of the game with its outcome. All randomness comes from the Rng restored from the state.
 */

import { own } from '../core/own.ts';
import { evalCondition } from './conditions.ts';
import type { Game } from './game.ts';
import { applyEffects, deliver, deliverAll, isActive, isHeld, sortedCopy } from './parties.ts';
import type { Rng } from './rng.ts';
import type { Turn } from './turn.ts';
import type { EndReason, GameState, VoteState } from './types.ts';

/**
 * Expands party and bloc ids to parties, without repeats, keeping first-mention order. The result may
 * be shared with the compiled game (one id needs no merging): read it, never mutate it.
 */
export function expandTargets(game: Game, ids: readonly string[]): readonly string[] {
  if (ids.length === 1) return own(game.targets, ids[0] as string) ?? [];
  const out: string[] = [];
  for (const id of ids) for (const p of own(game.targets, id) ?? []) if (!out.includes(p)) out.push(p);
  return out;
}

/** Fires the scenario events due at the start of the current round, in file order. */
export function startRound(game: Game, t: Turn, rng: Rng): void {
  const s = t.s;
  s.log.push({ kind: 'round', round: s.round });
  for (const ev of game.scenario.events ?? []) {
    if (s.over) return;
    const due = typeof ev.at === 'number' ? ev.at === s.round : ev.at.from <= s.round && s.round <= ev.at.to;
    if (!due) continue;
    const ctx = { game, state: s, party: null, roll: null, params: null, offer: null };
    if (ev.when && !evalCondition(ev.when, ctx)) continue;
    if (ev.chance !== undefined && !(rng.next() < ev.chance)) continue;
    s.log.push({ event: ev.id, kind: 'event' });
    applyEffects(game, t, ev.effects, null);
    if (ev.send) deliverAll(game, t, expandTargets(game, ev.send.to), ev.send.event, rng, null, null);
  }
}

/** Closes a round: every active party hears `round.ended` and drifts; then the next round starts. */
export function endRound(game: Game, t: Turn, rng: Rng): void {
  const s = t.s;
  deliverAll(game, t, game.partyIds, 'round.ended', rng, null, null);
  for (const p of game.partyIds) {
    const drift = own(game.scenario.parties, p)?.drift;
    if (drift) applyEffects(game, t, { meters: drift }, p);
  }
  s.step = 0;
  s.round += 1;
  if (s.over) return;
  if (s.round > game.scenario.rounds) {
    if (s.vote === null && callsAtEnd(game, s)) holdVote(game, t, rng);
    finish(game, t, s.vote ? 'vote' : 'rounds');
    return;
  }
  startRound(game, t, rng);
}

/** Whether the vote is held when the rounds run out: `callAtEnd: true`, or its `when` holding then. */
function callsAtEnd(game: Game, state: GameState): boolean {
  const c = game.scenario.vote?.callAtEnd;
  if (c === undefined || c === false) return false;
  if (c === true) return true;
  return evalCondition(c.when, { game, state, party: null, roll: null, params: null, offer: null });
}

/**
 * The ballot a member casts from where it stands: its position state's `vote`, else its party's `ballot`,
 * else an abstention. The roll call uses it after `vote.called`; renderers use it before, to show each
 * member's leaning, so the two can never disagree.
 */
export function ballotOf(
  game: Game,
  state: Pick<GameState, 'parties'>,
  id: string,
): 'yes' | 'no' | 'abstain' {
  const pos = own(state.parties, id)?.position?.value;
  const fromState = pos !== undefined ? own(game.machines, id)?.metaOf(pos).vote : undefined;
  return fromState ?? own(game.scenario.parties, id)?.ballot ?? 'abstain';
}

/** The roll call: each member hears `vote.called`, then votes as its position says. Ends the game. */
export function holdVote(game: Game, t: Turn, rng: Rng): void {
  const s = t.s;
  const vote = game.scenario.vote;
  if (!vote) return;
  const members = expandTargets(game, vote.members);
  const result: VoteState = { abstain: 0, adopted: false, ballots: {}, no: 0, vetoedBy: [], yes: 0 };
  for (const m of members) {
    // A member a person holds votes from where its own moves put it: its machine is not asked.
    if (!isHeld(s, m)) deliver(game, t, m, 'vote.called', rng, null, null);
    const party = own(game.scenario.parties, m);
    const ballot = ballotOf(game, s, m);
    result.ballots[m] = ballot;
    result[ballot] += 1;
    if (ballot === 'no' && party?.veto) result.vetoedBy.push(m);
  }
  result.adopted = result.yes >= vote.threshold && result.vetoedBy.length === 0;
  result.ballots = sortedCopy(result.ballots);
  s.vote = result;
  const { yes, no, abstain, adopted, vetoedBy } = result;
  s.log.push({ abstain, adopted, kind: 'vote', no, vetoedBy: [...vetoedBy], yes });
  s.over = true;
}

/** The first outcome whose condition holds; the last outcome is the catch-all. */
export function pickOutcome(game: Game, state: GameState): string {
  const ctx = { game, state, party: null, roll: null, params: null, offer: null };
  const outcomes = game.scenario.outcomes;
  for (const o of outcomes) if (!o.when || evalCondition(o.when, ctx)) return o.id;
  return (outcomes[outcomes.length - 1] as { id: string }).id;
}

/** Ends the game and records the outcome. */
export function finish(game: Game, t: Turn, reason: EndReason): void {
  const s = t.s;
  s.over = true;
  s.mover = null;
  s.outcome = pickOutcome(game, s);
  s.log.push({ kind: 'end', outcome: s.outcome, reason });
}

/**
 * True when no party played by its machine can still respond to the people (all walked out or committed for
 * good). Parties people hold do not count: they answer for themselves.
 */
export function noCounterpartsLeft(game: Game, state: GameState): boolean {
  let any = false;
  for (const p of game.partyIds) {
    if (isHeld(state, p) || !own(game.machines, p)) continue;
    any = true;
    if (isActive(game, state, p)) return false;
  }
  return any;
}

/**
 * The registry of move kinds: what each kind takes, what it offers in the menu, what the parties it reaches
 * hear and whether they judge the package. The validator, the limits, the lints and the engine all read
 * this one table, so the validator's idea of what a move sends is the engine's (before, a `propose` move with
 * `sends: offer.custom` validated and no party ever judged it). The engine makes a move from these fields
 * alone (`makeMove` in src/engine/apply-action.ts): put a term on the table, hold the vote, deliver the event.
 */
import type { Move, Scenario } from './schema.ts';

/** The event a package offer is delivered as, unless a `propose` move names its own. */
export const OFFER_EVENT = 'offer.proposed';
/** The event each member hears at the roll call. */
export const VOTE_EVENT = 'vote.called';

/** What one kind of move is. */
export interface MoveKind {
  /** For authors: what the kind does. */
  describe: string;
  /** Whether it takes one issue and one of its options (a term of the package) as parameters. */
  takesTerm: boolean;
  /** The event the parties it reaches hear, if any. */
  sends(move: Move): string | null;
  /** Whether the parties it reaches judge the package on the table when they hear it (`verdict`, `margin`…). */
  judged: boolean;
  /** Whether it holds the roll call (and so needs a top-level `vote`). */
  holdsVote: boolean;
}

/** Every kind, by the name a scenario writes in `kind:`. */
export const MOVE_KINDS = {
  action: {
    describe: 'sends its `sends` event to the parties it reaches (`to`)',
    takesTerm: false,
    sends: (move: Move) => move.sends ?? null,
    judged: false,
    holdsVote: false,
  },
  propose: {
    describe: 'changes one issue of the package; every party it reaches judges the whole package',
    takesTerm: true,
    sends: (move: Move) => move.sends ?? OFFER_EVENT,
    judged: true,
    holdsVote: false,
  },
  vote: {
    describe: 'holds the roll call: every member hears `vote.called`, then votes; the game ends',
    takesTerm: false,
    sends: () => VOTE_EVENT,
    judged: false,
    holdsVote: true,
  },
} as const satisfies Record<NonNullable<Move['kind']>, MoveKind>;

export type MoveKindName = keyof typeof MOVE_KINDS;

/** The kind of a move (`action` when it names none). */
export function kindOf(move: Move): MoveKind {
  return MOVE_KINDS[move.kind ?? 'action'];
}

/**
 * The events on which a party judges the package: `offer.proposed`, and any event a `propose` move sends
 * instead. An event also sent by a move or an event that is not an offer still carries the verdict then.
 */
export function judgedEvents(s: Pick<Scenario, 'moves'>): Set<string> {
  const out = new Set<string>([OFFER_EVENT]);
  for (const move of Object.values(s.moves)) {
    const kind = kindOf(move);
    const sent = kind.sends(move);
    if (kind.judged && sent !== null) out.add(sent);
  }
  return out;
}

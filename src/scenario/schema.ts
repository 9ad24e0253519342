/**
 * The scenario format, as one zod schema. It is the single source for validation, the TypeScript
 * types the engine compiles from, and the JSON Schema editors use (`scenarios/schema.json`).
 * Cross-references (a transition to a missing state, an unknown meter…) are checked in `cross-check.ts`.
 */
import { z } from 'zod';
import { MAX_COUNT, MAX_MAGNITUDE, MAX_VERSION, RESERVED_EVENT_PREFIX } from './bounds.ts';

// Scenario files are untrusted data: no code generation inside the validator (CSP-safe, no eval).
z.config({ jitless: true });

/** Ids are kebab-case so they read well in YAML, URLs and replay files. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: lowercase letters, digits and dashes')
  .max(64)
  .describe('A kebab-case identifier, e.g. `city-strikes`.');

/**
 * Event names are dotted so moves, machines and UI share one vocabulary (`offer.proposed`). XState keeps
 * every name under `xstate.` for itself (`xstate.init`, `xstate.stop`, `xstate.done.…`, `xstate.error.…`,
 * `xstate.after.…`) and swallows such events, so a party would silently hold its position: refused.
 */
export const EventName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'must be a dotted event name such as `statement.public`')
  .regex(
    /^(?!xstate\.)/,
    `is reserved: XState keeps every event name starting with \`${RESERVED_EVENT_PREFIX}\` for itself; choose another first word, such as \`talks.\``,
  )
  .max(80);

/**
 * A real number the engine may add or multiply: bounded (see `bounds.ts`) so that no arithmetic on a
 * scenario's numbers can reach Infinity or NaN.
 */
const Real = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);
/** A value between 0 and 1 (a probability, a utility, a reservation). */
const Share = z.number().min(0).max(1);
/** A whole number of rounds, uses or votes, from 1. */
const Count = z.number().int().min(1).max(MAX_COUNT);

const Text = z.string().min(1, 'must not be empty').max(20000);
const ShortText = z.string().min(1, 'must not be empty').max(300);

/** A numeric test. A bare number means "equals". */
export const Range = z.union([
  Real,
  z.strictObject({
    atLeast: Real.optional(),
    atMost: Real.optional(),
    above: Real.optional(),
    below: Real.optional(),
  }),
]);
export type Range = z.infer<typeof Range>;

/** A probability, fixed or moved by the party's meters: `chance: { base: 0.3, per: { trust: 0.1 } }`. */
export const Chance = z.union([
  Share,
  z.strictObject({
    base: Share,
    per: z.record(Id, Real).describe('Added to the base for every point of each meter of the party.'),
  }),
]);
export type Chance = z.infer<typeof Chance>;

/**
 * A list of ids that is a set (members, targets, an order…): each id once. A repeat is refused where it is
 * written, since it would be counted once (a vote could never pass) or read twice.
 */
function idList(min = 0) {
  const list = min > 0 ? z.array(Id).min(min) : z.array(Id);
  return list
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is listed twice: name each id once` });
        seen.add(id);
      });
    })
    .meta({ uniqueItems: true });
}

const OneOrMany = z.union([Id, z.array(Id).min(1)]);
export type OneOrMany = z.infer<typeof OneOrMany>;

/**
 * A state of a position machine named by its path from the machine's top (`bases.open` in a machine with
 * regions), or by its own id (`open`) where that is unambiguous: machines may nest states.
 */
export const StatePath = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/,
    'must be a state id or a dotted path of state ids, such as `listening` or `bases.open`',
  )
  .max(200);
const StatePaths = z.union([StatePath, z.array(StatePath).min(1)]);

/** How a party judges a package: the words its transitions test with `verdict:`. */
export const Verdict = z.enum(['accept', 'reject', 'red-line']);
/** A vote cast in a roll call; plain YAML strings (`yes` is text in YAML 1.2). */
export const Ballot = z.enum(['yes', 'no', 'abstain']);
/** How well an outcome went for the player, so the debrief can grade it. */
export const Tier = z.enum(['success', 'partial', 'failure']);

const PartyTest = z.strictObject({
  position: StatePaths.optional().describe("The party's position: a state path, or any active state's id."),
  meters: z.record(Id, Range).optional(),
  agreed: z.boolean().optional().describe('Whether this party has agreed to a package.'),
});

const VoteTest = z.strictObject({
  held: z.boolean().optional(),
  adopted: z.boolean().optional(),
  vetoed: z.boolean().optional(),
  yes: Range.optional(),
  no: Range.optional(),
  abstain: Range.optional(),
  ballots: z.record(Id, z.union([Ballot, z.array(Ballot).min(1)])).optional(),
});

/**
 * A declarative condition; every key given must hold. Interpreted by named guards, never evaluated as
 * code. Some keys only make sense where there is a party, a move or an offer; `cross-check.ts` says where.
 */
export interface Condition {
  chance?: Chance;
  param?: Record<string, string | string[]>;
  meters?: Record<string, Range>;
  position?: string | string[];
  verdict?: z.infer<typeof Verdict> | z.infer<typeof Verdict>[];
  utility?: Range;
  margin?: Range;
  parties?: Record<string, z.infer<typeof PartyTest>>;
  flags?: Record<string, boolean>;
  round?: Range;
  table?: Record<string, string | string[]>;
  agreed?: Record<string, Record<string, string | string[]>>;
  vote?: z.infer<typeof VoteTest>;
  used?: Record<string, Range>;
  any?: Condition[];
  all?: Condition[];
  not?: Condition;
}
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.strictObject({
    chance: Chance.optional().describe("Passes when this party's roll for this event is below the chance."),
    param: z.record(Id, OneOrMany).optional().describe('The move was made with these parameter values.'),
    meters: z.record(Id, Range).optional().describe("This party's own meters (or the player's, in a move)."),
    position: StatePaths.optional().describe(
      "This party's current position: a state path (`bases.open`), or any active state's id.",
    ),
    verdict: z
      .union([Verdict, z.array(Verdict).min(1)])
      .optional()
      .describe('How this party judges the package.'),
    utility: Range.optional().describe("The package's value to this party, 0–1."),
    margin: Range.optional().describe("Utility minus the party's effective reservation value."),
    parties: z.record(Id, PartyTest).optional(),
    flags: z.record(Id, z.boolean()).optional(),
    round: Range.optional(),
    table: z.record(Id, OneOrMany).optional().describe('The package on the table has these options.'),
    agreed: z
      .record(Id, z.record(Id, OneOrMany))
      .optional()
      .describe('An agreement with the party exists and includes these terms (`{}`: any agreement).'),
    vote: VoteTest.optional(),
    used: z.record(Id, Range).optional().describe('How many times the player has used each move.'),
    any: z.array(Condition).min(1).optional(),
    all: z.array(Condition).min(1).optional(),
    not: Condition.optional(),
  }),
);

/** What happens: meter changes, flags, an agreement, the end of the game. */
export const Effects = z.strictObject({
  meters: z
    .record(Id, Real)
    .optional()
    .describe('Changes to the meters of the party this happens to (in a move: the player).'),
  parties: z.record(Id, z.record(Id, Real)).optional().describe("Changes to named parties' meters."),
  flags: z.record(Id, z.boolean()).optional(),
  agree: z.boolean().optional().describe('The party agrees to the package on the table.'),
  end: z.boolean().optional().describe('The game ends after this turn.'),
});
export type Effects = z.infer<typeof Effects>;

/** One guarded transition of a party's position machine, with the reason a student reads. */
export const Transition = z.strictObject({
  when: Condition.optional(),
  to: StatePath.optional().describe(
    'The next position; omit to stay. A sibling state, else the nearest enclosing level that has it, else a path from the top.',
  ),
  effects: Effects.optional(),
  reason: ShortText.optional().describe(
    'What the student reads, e.g. "Moscow read the statement and liked it."',
  ),
  code: Id.optional().describe('A machine-readable reason; defaults from the verdict or the target.'),
});
export type Transition = z.infer<typeof Transition>;

/**
 * One position a party can be in, and how it reacts to each event from there. A state may hold states of
 * its own (`initial` + `states`: one of them is active), or regions (`type: parallel` + `states`: all of
 * them are active at once, e.g. a stance on the bases and a stance on the strikes).
 */
export interface PositionState {
  label?: string;
  describe: string;
  type?: 'parallel';
  initial?: string;
  states?: Record<string, PositionState>;
  final?: boolean;
  vote?: z.infer<typeof Ballot>;
  score?: number;
  on?: Record<string, Transition[]>;
}
export const PositionState: z.ZodType<PositionState> = z.lazy(() =>
  z.strictObject({
    label: ShortText.optional(),
    describe: Text,
    type: z
      .literal('parallel')
      .optional()
      .describe('Its `states` are regions, all active at once; without it, one of them is (`initial`).'),
    initial: Id.optional().describe('The state entered first among `states` (not with `type: parallel`).'),
    states: z.record(Id, PositionState).optional().describe('States inside this one.'),
    final: z.boolean().optional(),
    vote: Ballot.optional().describe('How the party votes from this position, in a vote scenario.'),
    score: Real.optional().describe('How good this position is for the player (strategies and the debrief).'),
    on: z.record(EventName, z.array(Transition).min(1)).optional(),
  }),
);

/** A party's positions as a state machine: compiled to XState, so behaviour is data, not code. */
export const PositionMachine = z.strictObject({
  initial: Id,
  states: z.record(Id, PositionState),
});
export type PositionMachine = z.infer<typeof PositionMachine>;

/** What a party wants, so it can judge any package the player proposes without scripted answers. */
export const Preferences = z.strictObject({
  weights: z
    .record(Id, z.number().min(0).max(MAX_MAGNITUDE))
    .describe('How much each issue matters to the party.'),
  values: z.record(Id, z.record(Id, Share)).describe('Value 0–1 of each option.'),
  reservation: Share.describe('The lowest package value the party accepts (its walk-away).'),
  flex: z
    .record(Id, Real)
    .optional()
    .describe('Each meter point lowers the reservation by this much (trust makes parties flexible).'),
  redLines: z
    .array(z.strictObject({ issue: Id, option: Id, reason: ShortText.optional() }))
    .optional()
    .describe('Options the party never accepts, whatever else is offered.'),
});
export type Preferences = z.infer<typeof Preferences>;

/** A delegation at the table (the player's own side included). */
export const Party = z.strictObject({
  name: ShortText,
  short: z.string().min(1).max(24).optional().describe('A short name for tight spaces.'),
  describe: Text.optional(),
  emblem: z
    .strictObject({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/), symbol: z.string().min(1).max(3) })
    .optional(),
  meters: z.record(Id, Real).optional().describe('Starting meter values (others start at the default).'),
  drift: z.record(Id, Real).optional().describe('Meter changes applied at the end of every round.'),
  prefers: Preferences.optional(),
  template: Id.optional().describe('Use a machine from `templates`.'),
  position: PositionMachine.optional(),
  initial: Id.optional().describe('Starting position when using a template.'),
  veto: z.boolean().optional().describe('Holds a veto in the vote.'),
  ballot: Ballot.optional().describe('Vote when the position does not say (default abstain).'),
});
export type Party = z.infer<typeof Party>;

/** A bounded number every party carries (trust, pressure…), declared once for the whole scenario. */
export const Meter = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  hidden: z
    .boolean()
    .optional()
    .describe("Each seat sees only its own party's value; the others' are revealed in the debrief."),
  min: Real,
  max: Real,
  initial: Real,
});
export type Meter = z.infer<typeof Meter>;

/** One question under negotiation and its possible answers; a package picks one option per issue. */
export const Issue = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  options: z.record(Id, ShortText).describe('Option id → what it means.'),
  order: z
    .array(Id)
    .optional()
    .describe('The order the options are offered in (option ids); options not named follow in id order.'),
  default: Id.describe('The option on the table when the game starts (usually the status quo).'),
  historical: Id.optional().describe('What was really agreed, shown in the debrief.'),
});
export type Issue = z.infer<typeof Issue>;

/** A choice the player makes when using a move (e.g. the tone of a statement). */
export const MoveParam = z.strictObject({
  label: ShortText,
  options: z.record(Id, ShortText),
  order: z
    .array(Id)
    .optional()
    .describe('The order the options are offered in (option ids); options not named follow in id order.'),
});

/** Something the player can do in a round; the only way the player acts on the game. */
export const Move = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  kind: z
    .enum(['action', 'propose', 'vote'])
    .optional()
    .describe(
      '`propose` changes one issue of the package; `vote` holds the roll call; `action` (default) sends an event.',
    ),
  to: idList().optional().describe('Parties or blocs the move reaches.'),
  choose: z.boolean().optional().describe('The player picks one of `to` (a `to` parameter).'),
  issues: idList().optional().describe('For `propose`: the issues it may change (default all).'),
  params: z.record(Id, MoveParam).optional(),
  sends: EventName.optional(),
  by: Id.optional().describe("The seat whose move this is (a seat's party id; default the player's party)."),
  self: EventName.optional().describe(
    "The event the mover's own position machine hears, so it records where the seat now stands (e.g. `seat.signed`).",
  ),
  private: z
    .boolean()
    .optional()
    .describe('Only the mover and the parties it reaches see the move and the replies to it.'),
  effects: Effects.optional(),
  when: Condition.optional().describe('The move is offered only while this holds.'),
  limit: Count.optional().describe('How many times per game.'),
  text: ShortText.optional().describe("The log line; `{param}` is replaced by the chosen option's label."),
});
export type Move = z.infer<typeof Move>;

/** Something that happens to the player at the start of a round, scripted or drawn from the seed. */
export const GameEvent = z.strictObject({
  id: Id,
  title: ShortText,
  text: Text,
  at: z
    .union([Count, z.strictObject({ from: Count, to: Count })])
    .describe(
      'The round at whose start the event may fire, or a window `{ from, to }`: it is then considered at the start of every round in it (use a flag in `when` to fire it only once).',
    ),
  chance: Share.optional().describe('Drawn from the seeded generator; omit for scripted events.'),
  when: Condition.optional(),
  effects: Effects.optional(),
  send: z.strictObject({ to: idList(1), event: EventName }).optional(),
  sources: idList().optional(),
});
export type GameEvent = z.infer<typeof GameEvent>;

/** A roll call (e.g. the Security Council), for scenarios decided by a vote. */
export const Vote = z.strictObject({
  members: idList(1),
  threshold: Count.describe('Yes votes needed.'),
  callAtEnd: z
    .union([z.boolean(), z.strictObject({ when: Condition })])
    .optional()
    .describe(
      'Hold the vote when the rounds run out if nobody called it; with `{ when }`, only if that condition holds then (e.g. only once something was signed).',
    ),
  describe: Text.optional(),
});

/** One way the game can end; the first whose `when` holds is chosen, so the last is the catch-all. */
export const Outcome = z.strictObject({
  id: Id,
  title: ShortText,
  tier: Tier.describe("How well this went for the player's seat."),
  tiers: z
    .record(Id, Tier)
    .optional()
    .describe('How well this went for each other seat (seat id → tier); a seat not named gets `tier`.'),
  historical: z.boolean().optional(),
  when: Condition.optional().describe('Omit only on the last outcome: the catch-all.'),
  summary: Text,
  debrief: z.strictObject({
    you: Text.describe('What the student achieved.'),
    parties: z.record(Id, Text).optional().describe('Why each party moved or did not.'),
    history: Text.describe('What actually happened, with dates.'),
    caveat: Text.optional().describe("Where the record rests on one side's account, or is contested."),
    seats: z
      .record(Id, Text)
      .optional()
      .describe('What a seat other than the player achieved, by seat id (its `you`).'),
    sources: idList().optional(),
  }),
});
export type Outcome = z.infer<typeof Outcome>;

/** A published source the debrief cites, so students can check the history for themselves. */
export const Source = z.strictObject({
  title: ShortText,
  author: ShortText.optional(),
  publisher: ShortText.optional(),
  date: ShortText.optional(),
  url: z.string().max(500).optional(),
  note: ShortText.optional().describe('e.g. "the minister\'s own account" or "Russian state media".'),
});

/** The built-in strategies a seat nobody holds plays by. */
export const AutoPolicy = z.enum(['greedy', 'random', 'first']);

/**
 * A seat: a party a person may play, with what only that person reads (role, brief, red lines…), how it plays
 * when nobody holds it, and how many moves it makes in its turn.
 */
export const Seat = z.strictObject({
  role: ShortText.describe('Who the person in this seat is, e.g. "Envoy of the political affairs office".'),
  setting: Text.optional().describe('The scene as the game opens, for this seat.'),
  brief: Text.describe('Confidential: what this side wants. Only this seat reads it during play.'),
  redLines: z.array(ShortText).optional().describe('What this seat must not give up, in words.'),
  mayGive: z.array(ShortText).optional().describe('What this seat may concede, in words.'),
  objectives: z.array(ShortText).min(1).describe('What this seat is trying to achieve.'),
  auto: AutoPolicy.optional().describe('How this seat plays when nobody holds it (default `greedy`).'),
  movesPerRound: z
    .number()
    .int()
    .min(1)
    .max(10)
    .optional()
    .describe("Moves this seat makes in its turn of a round (default the scenario's `movesPerRound`)."),
});
export type Seat = z.infer<typeof Seat>;

/** A whole scenario file: the single schema the loader validates against and editors complete from. */
export const Scenario = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
  id: Id.describe('The scenario id, used in URLs, saves and replays; keep it stable.'),
  version: z
    .number()
    .int()
    .min(1)
    .max(MAX_VERSION)
    .describe('Bump when a change alters play, so old replays are recognised.'),
  title: ShortText.describe('The title students see.'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .describe('When the negotiation took place, YYYY-MM-DD.'),
  place: ShortText.describe('Where the negotiation took place.'),
  stakes: ShortText.describe('One line: what is at stake.'),
  playMinutes: z.number().int().min(1).max(600).optional().describe('About how long one game takes.'),
  contentNote: Text.optional().describe(
    'Shown before play: violence, loss of life or other difficult content.',
  ),
  summary: Text.describe('A paragraph introducing the scenario on the selection screen.'),
  rounds: z.number().int().min(1).max(100).describe('How many rounds the game lasts at most.'),
  movesPerRound: z
    .number()
    .int()
    .min(1)
    .max(10)
    .optional()
    .describe('Moves the player makes per round (default 1).'),
  player: Seat.omit({ movesPerRound: true })
    .extend({
      party: Id.describe('The party the player speaks for (a key of `parties`): the first seat.'),
      setting: Text.describe('The scene as the game opens.'),
    })
    .describe("The first seat: the party a student plays by default, and today's one-seat case."),
  seats: z
    .record(Id, Seat)
    .optional()
    .describe(
      'Other parties a person may play, by party id, each with its own brief and moves (`by:` in a move). Nobody holding a seat: it plays by its `auto` strategy.',
    ),
  turns: idList(1)
    .optional()
    .describe(
      "The order seats move in each round (seat ids, each once); default: the player's seat, then the other seats in id order.",
    ),
  hiddenFlags: idList()
    .optional()
    .describe('Flags no seat sees during play (facts drawn or set in secret); revealed in the debrief.'),
  meters: z.record(Id, Meter).describe('The meters every party carries, by id.'),
  issues: z.record(Id, Issue).describe('The issues under negotiation, by id.'),
  templates: z
    .record(Id, PositionMachine)
    .optional()
    .describe('Position machines shared by several parties (`template:` in a party).'),
  parties: z.record(Id, Party).describe("Everyone at the table, by id, the player's own side included."),
  blocs: z
    .record(Id, z.strictObject({ name: ShortText, members: idList(1) }))
    .optional()
    .describe('Named groups of parties a move or event can reach at once.'),
  moves: z.record(Id, Move).describe('What the player can do, by id.'),
  menu: z
    .array(Id)
    .optional()
    .describe(
      "The order the player's moves are listed in (move ids); moves not named follow in id order. Without it, the menu is in id order.",
    ),
  events: z.array(GameEvent).optional().describe('Things that happen at the start of rounds.'),
  vote: Vote.optional(),
  outcomes: z
    .array(Outcome)
    .min(1)
    .describe('How the game can end, checked in order; the last has no `when`.'),
  questions: z.array(Text).optional().describe('Discussion questions for after the game.'),
  glossary: z.record(z.string().min(1).max(80), Text).optional().describe('Terms students may not know.'),
  sources: z.record(Id, Source).optional().describe('Sources cited by events and debriefs, by id.'),
});
/** A validated scenario, exactly as written (no defaults filled in): the engine compiles from it. */
export type Scenario = z.infer<typeof Scenario>;

/**
 * The scenario format, as one zod schema. It is the single source for validation, the TypeScript
 * types the engine compiles from, and the JSON Schema editors use (`scenarios/schema.json`).
 * Cross-references (a transition to a missing state, an unknown meter…) are checked in `cross-check.ts`.
 */
import { z } from 'zod';

// Scenario files are untrusted data: no code generation inside the validator (CSP-safe, no eval).
z.config({ jitless: true });

/** Ids are kebab-case so they read well in YAML, URLs and replay files. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case: lowercase letters, digits and dashes')
  .max(64)
  .describe('A kebab-case identifier, e.g. `city-strikes`.');

/** Event names are dotted so moves, machines and UI share one vocabulary (`offer.proposed`). */
export const EventName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'must be a dotted event name such as `statement.public`')
  .max(80);

const Text = z.string().min(1, 'must not be empty').max(20000);
const ShortText = z.string().min(1, 'must not be empty').max(300);

/** A numeric test. A bare number means "equals". */
export const Range = z.union([
  z.number(),
  z.strictObject({
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    above: z.number().optional(),
    below: z.number().optional(),
  }),
]);
export type Range = z.infer<typeof Range>;

/** A probability, fixed or moved by the party's meters: `chance: { base: 0.3, per: { trust: 0.1 } }`. */
export const Chance = z.union([
  z.number().min(0).max(1),
  z.strictObject({
    base: z.number().min(0).max(1),
    per: z.record(Id, z.number()).describe('Added to the base for every point of each meter of the party.'),
  }),
]);
export type Chance = z.infer<typeof Chance>;

const OneOrMany = z.union([Id, z.array(Id).min(1)]);
export type OneOrMany = z.infer<typeof OneOrMany>;

export const Verdict = z.enum(['accept', 'reject', 'red-line']);
export const Ballot = z.enum(['yes', 'no', 'abstain']);
export const Tier = z.enum(['success', 'partial', 'failure']);

const PartyTest = z.strictObject({
  position: OneOrMany.optional(),
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
    position: OneOrMany.optional().describe("This party's current position state."),
    verdict: z.union([Verdict, z.array(Verdict).min(1)]).optional().describe('How this party judges the package.'),
    utility: Range.optional().describe('The package\'s value to this party, 0–1.'),
    margin: Range.optional().describe('Utility minus the party\'s effective reservation value.'),
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
    .record(Id, z.number())
    .optional()
    .describe('Changes to the meters of the party this happens to (in a move: the player).'),
  parties: z.record(Id, z.record(Id, z.number())).optional().describe('Changes to named parties\' meters.'),
  flags: z.record(Id, z.boolean()).optional(),
  agree: z.boolean().optional().describe('The party agrees to the package on the table.'),
  end: z.boolean().optional().describe('The game ends after this turn.'),
});
export type Effects = z.infer<typeof Effects>;

/** One guarded transition of a party's position machine, with the reason a student reads. */
export const Transition = z.strictObject({
  when: Condition.optional(),
  to: Id.optional().describe('The next position; omit to stay.'),
  effects: Effects.optional(),
  reason: ShortText.optional().describe('What the student reads, e.g. "Moscow read the statement and liked it."'),
  code: Id.optional().describe('A machine-readable reason; defaults from the verdict or the target.'),
});
export type Transition = z.infer<typeof Transition>;

export const PositionState = z.strictObject({
  label: ShortText.optional(),
  describe: Text,
  final: z.boolean().optional(),
  vote: Ballot.optional().describe('How the party votes from this position, in a vote scenario.'),
  score: z.number().optional().describe('How good this position is for the player (strategies and the debrief).'),
  on: z.record(EventName, z.array(Transition).min(1)).optional(),
});
export type PositionState = z.infer<typeof PositionState>;

export const PositionMachine = z.strictObject({
  initial: Id,
  states: z.record(Id, PositionState),
});
export type PositionMachine = z.infer<typeof PositionMachine>;

export const Preferences = z.strictObject({
  weights: z.record(Id, z.number().min(0)).describe('How much each issue matters to the party.'),
  values: z.record(Id, z.record(Id, z.number().min(0).max(1))).describe('Value 0–1 of each option.'),
  reservation: z.number().min(0).max(1).describe('The lowest package value the party accepts (its walk-away).'),
  flex: z
    .record(Id, z.number())
    .optional()
    .describe('Each meter point lowers the reservation by this much (trust makes parties flexible).'),
  redLines: z
    .array(z.strictObject({ issue: Id, option: Id, reason: ShortText.optional() }))
    .optional()
    .describe('Options the party never accepts, whatever else is offered.'),
});
export type Preferences = z.infer<typeof Preferences>;

export const Party = z.strictObject({
  name: ShortText,
  short: z.string().min(1).max(24).optional().describe('A short name for tight spaces.'),
  describe: Text.optional(),
  emblem: z
    .strictObject({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/), symbol: z.string().min(1).max(3) })
    .optional(),
  meters: z.record(Id, z.number()).optional().describe('Starting meter values (others start at the default).'),
  drift: z.record(Id, z.number()).optional().describe('Meter changes applied at the end of every round.'),
  prefers: Preferences.optional(),
  template: Id.optional().describe('Use a machine from `templates`.'),
  position: PositionMachine.optional(),
  initial: Id.optional().describe('Starting position when using a template.'),
  veto: z.boolean().optional().describe('Holds a veto in the vote.'),
  ballot: Ballot.optional().describe('Vote when the position does not say (default abstain).'),
});
export type Party = z.infer<typeof Party>;

export const Meter = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  min: z.number(),
  max: z.number(),
  initial: z.number(),
});
export type Meter = z.infer<typeof Meter>;

export const Issue = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  options: z.record(Id, ShortText).describe('Option id → what it means.'),
  default: Id.describe('The option on the table when the game starts (usually the status quo).'),
  historical: Id.optional().describe('What was really agreed, shown in the debrief.'),
});
export type Issue = z.infer<typeof Issue>;

export const MoveParam = z.strictObject({
  label: ShortText,
  options: z.record(Id, ShortText),
});

export const Move = z.strictObject({
  label: ShortText,
  describe: Text.optional(),
  kind: z
    .enum(['action', 'propose', 'vote'])
    .optional()
    .describe('`propose` changes one issue of the package; `vote` holds the roll call; `action` (default) sends an event.'),
  to: z.array(Id).optional().describe('Parties or blocs the move reaches.'),
  choose: z.boolean().optional().describe('The player picks one of `to` (a `to` parameter).'),
  issues: z.array(Id).optional().describe('For `propose`: the issues it may change (default all).'),
  params: z.record(Id, MoveParam).optional(),
  sends: EventName.optional(),
  effects: Effects.optional(),
  when: Condition.optional().describe('The move is offered only while this holds.'),
  limit: z.number().int().min(1).optional().describe('How many times per game.'),
  text: ShortText.optional().describe('The log line; `{param}` is replaced by the chosen option\'s label.'),
});
export type Move = z.infer<typeof Move>;

export const GameEvent = z.strictObject({
  id: Id,
  title: ShortText,
  text: Text,
  at: z.number().int().min(1).describe('The round at whose start the event may fire.'),
  chance: z.number().min(0).max(1).optional().describe('Drawn from the seeded generator; omit for scripted events.'),
  when: Condition.optional(),
  effects: Effects.optional(),
  send: z.strictObject({ to: z.array(Id).min(1), event: EventName }).optional(),
  sources: z.array(Id).optional(),
});
export type GameEvent = z.infer<typeof GameEvent>;

export const Vote = z.strictObject({
  members: z.array(Id).min(1),
  threshold: z.number().int().min(1).describe('Yes votes needed.'),
  callAtEnd: z.boolean().optional().describe('Hold the vote when the rounds run out if nobody called it.'),
  describe: Text.optional(),
});

export const Outcome = z.strictObject({
  id: Id,
  title: ShortText,
  tier: Tier,
  historical: z.boolean().optional(),
  when: Condition.optional().describe('Omit only on the last outcome: the catch-all.'),
  summary: Text,
  debrief: z.strictObject({
    you: Text.describe('What the student achieved.'),
    parties: z.record(Id, Text).optional().describe('Why each party moved or did not.'),
    history: Text.describe('What actually happened, with dates.'),
    caveat: Text.optional().describe('Where the record rests on one side\'s account, or is contested.'),
    sources: z.array(Id).optional(),
  }),
});
export type Outcome = z.infer<typeof Outcome>;

export const Source = z.strictObject({
  title: ShortText,
  author: ShortText.optional(),
  publisher: ShortText.optional(),
  date: ShortText.optional(),
  url: z.string().max(500).optional(),
  note: ShortText.optional().describe('e.g. "the minister\'s own account" or "Russian state media".'),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  version: z.number().int().min(1),
  title: ShortText,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  place: ShortText,
  stakes: ShortText.describe('One line: what is at stake.'),
  playMinutes: z.number().int().min(1).max(600).optional(),
  contentNote: Text.optional(),
  summary: Text,
  rounds: z.number().int().min(1).max(100),
  movesPerRound: z.number().int().min(1).max(10).optional(),
  player: z.strictObject({
    party: Id,
    role: ShortText,
    setting: Text,
    brief: Text.describe('Confidential: what your side wants.'),
    redLines: z.array(ShortText).optional(),
    mayGive: z.array(ShortText).optional(),
    objectives: z.array(ShortText).min(1),
  }),
  meters: z.record(Id, Meter),
  issues: z.record(Id, Issue),
  templates: z.record(Id, PositionMachine).optional(),
  parties: z.record(Id, Party),
  blocs: z.record(Id, z.strictObject({ name: ShortText, members: z.array(Id).min(1) })).optional(),
  moves: z.record(Id, Move),
  events: z.array(GameEvent).optional(),
  vote: Vote.optional(),
  outcomes: z.array(Outcome).min(1),
  questions: z.array(Text).optional(),
  glossary: z.record(z.string().min(1).max(80), Text).optional(),
  sources: z.record(Id, Source).optional(),
});
/** A validated scenario, exactly as written (no defaults filled in): the engine compiles from it. */
export type Scenario = z.infer<typeof Scenario>;

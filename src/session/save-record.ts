/**
 * The browser save (format "envoy-save", version 2): the action log plus what is needed to check it
 * before anything is shown. Stored text can be cut, edited or left by another version, so reading checks
 * every field, replays into scratch states and compares the final hash: a save is used whole or not at
 * all, never partly.
 *
 * Version 2 records the seats people hold and each action's seat, and the scenario's rules hash: a save
 * survives a change of wording. A version-1 save (one seat, the hash of the whole file) continues while its
 * actions stay legal in today's scenario, and is refused, naming version 1, when they do not.
 */
import {
  type Action,
  type ActionInput,
  ENGINE_VERSION,
  type Game,
  type GameState,
  heldSeats,
  legacyStateHash,
  REPLAY_LIMITS,
  replay,
  stateHash,
} from '../engine/index.ts';

/** The save format version this build writes; it also reads version 1. */
export const SAVE_VERSION = 2;

/** Caps that keep an edited or foreign save from using unbounded time or memory. */
export const SAVE_LIMITS = {
  /** Characters of stored text (UTF-16 units, as localStorage counts them). */
  characters: 2 * 1024 * 1024,
  actions: REPLAY_LIMITS.actions,
  seedLength: REPLAY_LIMITS.seedLength,
  answers: 200,
  answerKeyLength: 64,
  answerLength: 20_000,
} as const;

/** One save. `generation` grows with every write, so the newest good copy wins after a crash. */
export interface SaveRecord {
  format: 'envoy-save';
  version: typeof SAVE_VERSION | 1;
  engine: string;
  generation: number;
  /** `hash`: the rules hash (version 1: the whole file's); `text`: the wording's (version 2 only). */
  scenario: { id: string; version: number; hash: string; text?: string };
  /** The seats people hold, in seat order (version 1: the player's seat). */
  seats: string[];
  seed: string;
  /** Version-1 saves name no seat: their actions are the player's. */
  actions: ActionInput[];
  /** State hash after the last action: proves the replayed game is the saved one. */
  hash: string;
  /** The student's answers to the debrief questions, by question id (or index). */
  answers: Record<string, string>;
}

/**
 * What the caller saves: the session's seed and action log, and the debrief answers. `hash` (the final
 * state hash) spares a replay when the caller has it; without it the actions are replayed to compute it.
 */
export interface SaveInput {
  seed: string;
  /** The seats people hold (default: the player's seat). */
  seats?: readonly string[];
  actions: readonly ActionInput[];
  hash?: string;
  answers?: Readonly<Record<string, string>>;
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
/** Own fields only: a key inherited from a prototype is never read as data. */
const own = (o: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(o, key) ? o[key] : undefined;
const HEX64 = /^[0-9a-f]{64}$/;
/** Keys that would reach a prototype if ever assigned: skipped, so they change nothing. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A clean copy of the answers (own string entries, reserved keys dropped), or why they are refused. */
export function cleanAnswers(value: unknown): { answers: Record<string, string> } | { error: string } {
  if (value === undefined) return { answers: {} };
  if (!isObj(value)) return { error: 'the save\'s "answers" must be an object of texts' };
  const keys = Object.keys(value).filter((k) => !RESERVED.has(k));
  if (keys.length > SAVE_LIMITS.answers)
    return { error: `the save holds more than ${SAVE_LIMITS.answers} answers` };
  const answers: Record<string, string> = {};
  for (const key of keys) {
    const text = value[key];
    if (key.length === 0 || key.length > SAVE_LIMITS.answerKeyLength) {
      return { error: 'an answer in the save has a question id that is empty or too long' };
    }
    if (typeof text !== 'string' || text.length > SAVE_LIMITS.answerLength) {
      return {
        error: `the saved answer to "${key.slice(0, 40)}" must be a text of at most ${SAVE_LIMITS.answerLength} characters`,
      };
    }
    answers[key] = text;
  }
  return { answers };
}

function cleanActions(value: unknown, seated: boolean): { actions: ActionInput[] } | { error: string } {
  if (!Array.isArray(value) || value.length > SAVE_LIMITS.actions) {
    return { error: `the save's "actions" must be a list of at most ${SAVE_LIMITS.actions} moves` };
  }
  const actions: ActionInput[] = [];
  for (const [i, a] of value.entries()) {
    const move = isObj(a) ? own(a, 'move') : undefined;
    const params = isObj(a) ? own(a, 'params') : undefined;
    const seat = isObj(a) ? own(a, 'seat') : undefined;
    if (
      typeof move !== 'string' ||
      !isObj(params) ||
      !Object.values(params).every((v) => typeof v === 'string') ||
      (seated && typeof seat !== 'string')
    ) {
      return {
        error: `the save's move ${i + 1} must be { ${seated ? '"seat": text, ' : ''}"move": text, "params": { name: text } }`,
      };
    }
    // Spread defines own keys, so a "__proto__" param stays a plain (illegal) key and sets no prototype.
    const clean = { ...(params as Record<string, string>) };
    actions.push(seated ? { seat: seat as string, move, params: clean } : { move, params: clean });
  }
  return { actions };
}

/** Builds the record to store, or says why this game cannot be saved (never a save that will not load). */
export function buildSaveRecord(
  game: Game,
  input: SaveInput,
  generation: number,
): { record: SaveRecord } | { error: string } {
  const s = game.scenario;
  const answers = cleanAnswers(input.answers ?? {});
  if ('error' in answers) return answers;
  const seats = heldSeats(game, input.seats);
  if (typeof seats === 'string') return { error: seats };
  // The actions are replayed (unless the caller has the final hash) and always named by their seat.
  const run = replay(game, input.seed, input.actions, { seats });
  if ('error' in run) return { error: `move ${run.turn} is not allowed (${run.error.message})` };
  const hash = input.hash ?? stateHash(run.states[run.states.length - 1]);
  const record: SaveRecord = {
    format: 'envoy-save',
    version: SAVE_VERSION,
    engine: ENGINE_VERSION,
    generation,
    scenario: { id: s.id, version: s.version, hash: game.scenarioHash, text: game.textHash },
    seats,
    seed: input.seed,
    actions: input.actions.map((a, i) => ({
      seat: a.seat ?? ((run.states[i] as GameState).mover as string),
      move: a.move,
      params: { ...a.params },
    })),
    hash,
    answers: answers.answers,
  };
  return { record };
}

/** Reads stored text into a record, checking its shape; the message says what is wrong in plain words. */
export function parseSave(text: string): { record: SaveRecord } | { error: string } {
  if (text.length > SAVE_LIMITS.characters) {
    return {
      error: `the save is too large (${text.length} characters; the limit is ${SAVE_LIMITS.characters})`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'the save is not valid JSON; it may have been cut off while being written' };
  }
  if (!isObj(data) || own(data, 'format') !== 'envoy-save')
    return { error: 'the stored text is not an Envoy save' };
  const version = own(data, 'version');
  if (version !== SAVE_VERSION && version !== 1) {
    return {
      error: `the save is format version ${JSON.stringify(version)}, and this version of Envoy (${ENGINE_VERSION}) reads versions 1 and ${SAVE_VERSION}`,
    };
  }
  const v2 = version === SAVE_VERSION;
  const engine = own(data, 'engine');
  const generation = own(data, 'generation');
  const sc = own(data, 'scenario');
  const seed = own(data, 'seed');
  const hash = own(data, 'hash');
  if (typeof engine !== 'string' || engine.length > 100)
    return { error: 'the save\'s "engine" must be a short text' };
  if (!Number.isSafeInteger(generation) || (generation as number) < 0) {
    return { error: 'the save\'s "generation" must be a whole number' };
  }
  const scenario = isObj(sc)
    ? { id: own(sc, 'id'), version: own(sc, 'version'), hash: own(sc, 'hash'), text: own(sc, 'text') }
    : undefined;
  if (
    !scenario ||
    typeof scenario.id !== 'string' ||
    !Number.isSafeInteger(scenario.version) ||
    typeof scenario.hash !== 'string' ||
    !HEX64.test(scenario.hash) ||
    (v2 && (typeof scenario.text !== 'string' || !HEX64.test(scenario.text)))
  ) {
    return { error: `the save's "scenario" must be { id, version, hash${v2 ? ', text' : ''} }` };
  }
  if (!v2) delete scenario.text;
  const seatList = v2 ? own(data, 'seats') : ['(the player)'];
  if (
    !Array.isArray(seatList) ||
    seatList.length === 0 ||
    seatList.length > REPLAY_LIMITS.seats ||
    !seatList.every((x) => typeof x === 'string' && x.length <= 64)
  ) {
    return { error: 'the save\'s "seats" must list the seats people hold' };
  }
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > SAVE_LIMITS.seedLength) {
    return { error: `the save's "seed" must be a text of 1 to ${SAVE_LIMITS.seedLength} characters` };
  }
  if (typeof hash !== 'string' || !HEX64.test(hash))
    return { error: 'the save\'s "hash" must be a SHA-256 hex string' };
  const actions = cleanActions(own(data, 'actions'), v2);
  if ('error' in actions) return actions;
  const answers = cleanAnswers(own(data, 'answers'));
  if ('error' in answers) return answers;
  return {
    record: {
      format: 'envoy-save',
      version: v2 ? SAVE_VERSION : 1,
      engine,
      generation: generation as number,
      scenario: scenario as SaveRecord['scenario'],
      seats: v2 ? (seatList as string[]) : [],
      seed,
      actions: actions.actions,
      hash,
      answers: answers.answers,
    },
  };
}

/** Checks a record against the running game and replays it; the states are only used if all is well. */
export function verifySave(game: Game, record: SaveRecord): { states: GameState[] } | { error: string } {
  const s = game.scenario;
  const r = record.scenario;
  if (r.id !== s.id) return { error: `the save is of scenario "${r.id}", not "${s.id}"` };
  if (record.version === 1) return verifyV1(game, record);
  if (r.version !== s.version || r.hash !== game.scenarioHash) {
    return {
      error: `the save was made with other rules of this scenario (v${r.version}, ${r.hash.slice(0, 12)}…; this is v${s.version}, ${game.scenarioHash.slice(0, 12)}…)`,
    };
  }
  const seats = heldSeats(game, record.seats);
  if (typeof seats === 'string') return { error: `the save's seats cannot be held: ${seats}` };
  let run: ReturnType<typeof replay>;
  try {
    run = replay(game, record.seed, record.actions, { seats });
  } catch (e) {
    return { error: `the save's moves cannot be replayed (${e instanceof Error ? e.message : String(e)})` };
  }
  if ('error' in run) return { error: `the save's move ${run.turn} is not allowed (${run.error.message})` };
  const final = stateHash(run.states[run.states.length - 1]);
  if (final !== record.hash) {
    return { error: "the save's moves do not lead to the state it recorded, so it was changed or damaged" };
  }
  return { states: run.states };
}

/**
 * A version-1 save: the player's seat, and its actions replayed in today's scenario. Made with this very file,
 * its final hash (a version-1 hash) must match; made with another wording or version, it continues as long
 * as every action is still legal, and is refused, naming version 1, when one is not.
 */
function verifyV1(game: Game, record: SaveRecord): { states: GameState[] } | { error: string } {
  const run = replay(game, record.seed, record.actions);
  if ('error' in run) {
    return {
      error: `the save was made by an earlier version of Envoy (save version 1), and its move ${run.turn} is no longer allowed in this scenario (${run.error.message}); start a new game`,
    };
  }
  const sameFile =
    record.scenario.hash === game.legacyHash && record.scenario.version === game.scenario.version;
  if (sameFile && legacyStateHash(run.states[run.states.length - 1] as GameState) !== record.hash) {
    return { error: "the save's moves do not lead to the state it recorded, so it was changed or damaged" };
  }
  return { states: run.states };
}

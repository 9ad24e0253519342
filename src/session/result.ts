/**
 * A student's result, to hand in: who (optional name), which scenario and seed, every choice with the
 * answers it drew, the outcome, the student's answers to the discussion questions, and the replay itself,
 * so an instructor can check that the result is a real game (`envoy replay`, or the class page).
 * Pure: built and read the same in the page and in Node tests.
 */
import {
  type ActionInput,
  type AnyReplayFile,
  buildReplay,
  type Game,
  type GameState,
  type LogEntry,
  outcomeOf,
  readReplay,
  seatedActions,
  visibleLog,
} from '../engine/index.ts';

/** The result file's format tag and version. */
export const RESULT_FORMAT = 'envoy-result';
export const RESULT_VERSION = 2;

/** One move the student made and what the other parties answered. */
export interface ResultChoice {
  turn: number;
  round: number;
  move: string;
  /** The readable lines of that turn (the move, the responses with their reasons, events). */
  lines: string[];
}

/** What a student hands in. */
export interface StudentResult {
  format: typeof RESULT_FORMAT;
  /** Version 1 (one seat, a version-1 replay inside) is still read. */
  version: typeof RESULT_VERSION | 1;
  name: string;
  /** The seat this result is for: one result file per seat a person held. */
  seat: string;
  scenario: { id: string; version: number; hash: string; title: string };
  seed: string;
  outcome: { id: string; title: string; tier: string; historical: boolean } | null;
  choices: ResultChoice[];
  answers: { question: string; answer: string }[];
  replay: AnyReplayFile;
}

/** Builds the result of a game from its states (initial first) and the student's answers. */
export function buildResult(
  game: Game,
  seed: string,
  actions: readonly ActionInput[],
  states: readonly GameState[],
  answers: Record<string, string>,
  name: string,
  seat: string = (states[0] as GameState).seats[0] ?? game.playerId,
  /** The entries of a turn as readable lines, for this seat, in the page's language (the view layer writes them). */
  linesOf: (entries: readonly LogEntry[]) => string[] = (entries) => entries.map((e) => e.kind),
): StudentResult {
  const s = game.scenario;
  const final = states[states.length - 1] as GameState;
  const outcome = outcomeOf(game, final, seat);
  const seated = seatedActions(actions, states);
  const title = outcome ? (s.outcomes.find((o) => o.id === outcome.id)?.title ?? outcome.id) : '';
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    name: name.trim().slice(0, 120),
    seat,
    scenario: { id: s.id, version: s.version, hash: game.scenarioHash, title: s.title },
    seed,
    outcome: outcome ? { id: outcome.id, title, tier: outcome.tier, historical: outcome.historical } : null,
    choices: seated.map((action, i) => ({
      turn: i + 1,
      round: (states[i] as GameState).round,
      move: action.move,
      // What this seat saw of the turn, worded for it ("You …"): a result never holds another seat's secrets.
      lines: linesOf(visibleLog(game, (states[i + 1] as GameState).log, seat)),
    })),
    answers: (s.questions ?? []).map((question, i) => ({ question, answer: answers[String(i)] ?? '' })),
    replay: buildReplay(game, seed, seated, [...states]),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max: number): string | null => (typeof x === 'string' && x.length <= max ? x : null);

/**
 * Reads a result file handed in (untrusted): checks its shape and returns only the fields it names, copied
 * into fresh objects; the replay inside is read with the engine's replay reader. It does not replay the
 * game: the class page does that against the scenario.
 */
export function readResult(data: unknown): { result: StudentResult } | { error: string } {
  if (!isObj(data)) return { error: 'not a result file (expected a JSON object)' };
  if (data.format !== RESULT_FORMAT)
    return { error: `not an Envoy result (format is ${JSON.stringify(data.format)})` };
  if (data.version !== RESULT_VERSION && data.version !== 1) {
    return {
      error: `result version ${JSON.stringify(data.version)} is not supported (this page reads versions 1 and ${RESULT_VERSION})`,
    };
  }
  const replay = readReplay(data.replay);
  if ('error' in replay) return { error: `its replay cannot be read: ${replay.error}` };
  const scen = isObj(data.scenario) ? data.scenario : {};
  const title = str(scen.title, 200) ?? replay.replay.scenario.id;
  const answers = Array.isArray(data.answers)
    ? data.answers
        .slice(0, 50)
        .flatMap((a) =>
          isObj(a) && str(a.question, 2000) !== null && str(a.answer, 8000) !== null
            ? [{ question: a.question as string, answer: a.answer as string }]
            : [],
        )
    : [];
  const outcome = isObj(data.outcome) ? data.outcome : null;
  const r = replay.replay;
  return {
    result: {
      format: RESULT_FORMAT,
      version: data.version === 1 ? 1 : RESULT_VERSION,
      name: str(data.name, 120) ?? '',
      seat: str(data.seat, 64) ?? (r.version === 2 ? (r.seats[0] ?? '') : ''),
      scenario: { ...r.scenario, title },
      seed: r.seed,
      outcome:
        outcome && typeof outcome.id === 'string'
          ? {
              id: outcome.id.slice(0, 80),
              title: str(outcome.title, 200) ?? outcome.id.slice(0, 80),
              tier: str(outcome.tier, 20) ?? '',
              historical: outcome.historical === true,
            }
          : null,
      choices: [],
      answers,
      replay: r,
    },
  };
}

/** The result as a readable Markdown page, for printing or pasting into a learning platform. */
export function resultMarkdown(r: StudentResult): string {
  const lines = [
    `# ${r.scenario.title}: ${r.name || 'result'}`,
    '',
    `Scenario \`${r.scenario.id}\` v${r.scenario.version}, seed \`${r.seed}\`, ${r.choices.length} moves.`,
    '',
    `**Outcome:** ${r.outcome ? `${r.outcome.title} (${r.outcome.tier})${r.outcome.historical ? ' — what happened historically' : ''}` : 'the game was not finished'}`,
    '',
    '## Choices and answers',
    '',
  ];
  for (const c of r.choices) {
    lines.push(`${c.turn}. Round ${c.round}: ${c.lines[0] ?? c.move}`);
    for (const l of c.lines.slice(1)) lines.push(`   - ${l}`);
  }
  lines.push('', '## Discussion questions', '');
  r.answers.forEach((a, i) => {
    lines.push(
      `${i + 1}. **${a.question}**`,
      '',
      `   ${a.answer.trim() ? a.answer.trim().replace(/\n/g, '\n   ') : '_(no answer)_'}`,
      '',
    );
  });
  return `${lines.join('\n')}\n`;
}

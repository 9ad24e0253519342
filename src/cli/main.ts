/**
 * `envoy`: the command-line entry. Dispatches to a command, prints usage, and turns every failure into
 * one line on stderr and an exit code (0 ok, 1 invalid input or failed check, 2 wrong usage) — never a
 * stack trace. Commands are imported lazily so `--help` and `--version` start fast.
 */
import { ENGINE_VERSION } from '../engine/version.ts';
import { closest } from '../scenario/suggest.ts';
import { UsageError, wantsHelp } from './args.ts';
import { errorMessage, guardedIo, type Io, lines, processIo } from './io.ts';

interface Command {
  summary: string;
  usage: string;
  details: string;
  run: () => Promise<(argv: string[], io: Io) => number | Promise<number>>;
}

/** The default search budget of `envoy check` (kept in step with src/lint/search.ts by test/cli-check.test.ts). */
const DEFAULT_CHECK_BUDGET = 9000;

const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'check scenario files and report every problem with file:line:col',
    usage: 'envoy validate FILE... [--json]',
    details: `Parses and compiles each scenario file. Prints "FILE: ok (scenario ID vVERSION, hash HASH)" per valid
file on stdout, and every problem as "file:line:col: error: message (hint: ...)" on stderr.
Warnings are printed but do not fail.

Options:
  --json    print one JSON document: { ok, files: [{ file, ok, id, version, hash, diagnostics }] }

Exit: 0 all files valid, 1 a file has errors or cannot be read, 2 wrong usage.`,
    run: async () => (await import('./commands/validate.ts')).runValidate,
  },
  check: {
    summary: 'validate scenario files, then lint them: unreachable states and outcomes, dead ends, and more',
    usage: 'envoy check FILE... [--as SEAT | --seats A,B] [--strict] [--budget N] [--json]',
    details: `Does everything validate does, then lints each valid file and prints every finding as
"file:line:col: warning: message (hint: ...)" on stderr, and "FILE: ok (...; N warnings; searched G games
/ A actions)" on stdout. Lints: position states no transition reaches, outcomes a bounded search with the
engine did not reach, moves never available, dead ends (no legal move before the game ends), missing
debrief text, counterparts with no zone of agreement, unused meters. The search is seeded: the same
file always gives the same warnings.

Options:
  --as SEAT    search with SEAT held by a person (default: the player's seat); the other seats play
               by their auto policies, and only the held seats' moves are checked for availability
  --seats A,B  hold several seats (SEAT=STRATEGY is accepted as for play; the search picks its own moves)
  --strict     warnings fail the file (exit 1)
  --budget N   engine actions the reachability search may use per file (default ${DEFAULT_CHECK_BUDGET})
  --json       print one JSON document: { ok, strict, files: [{ file, ok, id, version, hash,
               warnings, errors, diagnostics, search: { budget, games, actions, states, outcomes,
               deadEnds }, seats }] }

Exit: 0 every file valid (warnings allowed), 1 a file has errors or cannot be read (or warnings, with
--strict), 2 wrong usage or a seat the file does not have.`,
    run: async () => (await import('./commands/check.ts')).runCheck,
  },
  play: {
    summary: 'play a whole game headlessly with a built-in strategy',
    usage:
      'envoy play FILE (--seed S | --from REPLAY [--turn N]) [--as SEAT | --seats A=S1,B=S2] [--moves LINE] [--strategy random|greedy|first] [--strategy-seed T] [--out FILE] [--log] [--json]',
    details: `Plays the scenario from seed S until the game ends, choosing each move with a strategy, and prints
the outcome, the number of turns and the final state hash. The same seeds always give the same game.
Seats nobody holds play by their machines and auto policies (envoy seats FILE lists the seats).

Options:
  --seed S            seed of the game's world (required unless --from; any text)
  --from REPLAY       fork a recorded game (a replay file or a file holding a replay code): keep its
                      seed and its first N actions (so its first N+1 hashes are identical), then play on
  --turn N            with --from: how many of the replay's actions to keep (default: all)
  --as SEAT           hold SEAT (default: the player's seat) and play it with --strategy
  --seats A=S1,B=S2   hold several seats, each played by its strategy (a seat without =S plays --strategy);
                      the tier reported is the first held seat's (in seat order), with every held seat's
  --moves LINE        play this line first, then the strategies play on: entries separated by ';',
                      each [SEAT:] MOVE [NAME=VALUE ...], e.g. "statement tone=firm; propose
                      issue=water-share option=even-split; valley: sign" (SEAT: defaults to the seat to
                      move). An illegal entry exits 1 naming it and listing the legal moves there.
  --strategy NAME     random (default): uniform among the legal actions
                      greedy: one step of lookahead on the engine's evaluation, ties to the first
                      first: always the first legal action
  --strategy-seed T   seed of the strategy's own choices (default: "S/strategy")
  --out FILE, -o      write the replay file (JSON) there; check it later with envoy replay
  --log               print the readable dialogue, turn by turn
  --json              print one JSON document: { ok, scenario, seed, strategy, strategySeed, seats,
                      strategies, seat, moves?, outcome, tiers, turns, hashes, replay?, log?, warnings? }

Exit: 0 played, 1 the scenario has errors, an entry of --moves is illegal, or the replay cannot be
written, 2 wrong usage (an unknown seat, move or strategy; a --moves syntax error, with its column).`,
    run: async () => (await import('./commands/play.ts')).runPlay,
  },
  replay: {
    summary: 'verify a replay file or replay code: re-run it and compare every state hash',
    usage: 'envoy replay (FILE | --code CODE) [--scenario SCENARIO.yaml] [--out FILE] [--json]',
    details: `Re-runs the recorded actions from the recorded seed and checks that every state hash matches.
Prints "OK: N turns, all N+1 hashes match; outcome ID (TIER)" and the seats people held, or the first
turn where the game diverged, the action there with its seat ("valley: sign"), and what differs (e.g.
"valley trust meter: recorded 2, recomputed 1"). A replay played with other wording of the same rules,
or a version-1 file, verifies with a "Note:" line (exit 0).
FILE is a replay file (JSON) or a text file holding a replay code (envoy2-…; envoy1-… still read); a
code rebuilds the whole replay from its seed and moves and checks the final state hash it records.

Options:
  --code CODE       verify a replay code given on the command line instead of a FILE
  --scenario FILE   the scenario the replay was recorded with (default: scenarios/ID.yaml in the
                    current directory, then in the envoy package)
  --out FILE, -o    once verified, write the (rebuilt) replay file there
  --json            print one JSON document: { ok, kind?, turn?, action?, differences?, message?,
                    outcome?, note?, seats?, code? }

Exit: 0 verified, 1 diverged, illegal action, other scenario, or unreadable file, 2 wrong usage.`,
    run: async () => (await import('./commands/replay.ts')).runReplay,
  },
  diff: {
    summary: 'compare two replays of the same scenario: the first turn where they differ, and what differs',
    usage: 'envoy diff A.json B.json [--scenario SCENARIO.yaml] [--json]',
    details: `Verifies both replays (files or files holding replay codes), then compares their per-turn hashes.
Prints "SAME" when they are the same game, else the first turn whose states differ, the move each game
made on that turn with its seat ("amber: gesture"), the seats held, and every difference between the two
states' checkpoints ("valley trust meter: A 2, B 1"). Notes from verifying either replay (other wording,
a version-1 file) are printed as "Note: A: …".

Options:
  --scenario FILE   the scenario both were recorded with (default: scenarios/ID.yaml here, then in the package)
  --json            print one JSON document: { ok, same, turn?, seeds?, seats, moves?, differences?,
                    outcomes?, notes }

Exit: 0 compared (same or different), 1 a replay is unreadable or does not verify, or the scenarios differ,
2 wrong usage.`,
    run: async () => (await import('./commands/diff.ts')).runDiff,
  },
  simulate: {
    summary: 'play many seeded games on all cores and report the outcome distribution',
    usage:
      'envoy simulate FILE [--runs N] [--seed BASE] [--as SEAT | --seats A=S1,B=S2] [--strategy random|greedy|first] [--workers K] [--report FILE.html] [--json]',
    details: `Plays N games seeded BASE/0 … BASE/N-1 (each strategy drawing from its own seed, as in envoy play)
on worker threads and prints how often each outcome was reached. Games are handed out in fixed chunks
and merged in order, so the numbers are the same whatever the number of workers.

Options:
  --runs N, -n N     number of games (default 1000)
  --seed BASE        seed prefix (default "sim")
  --strategy NAME    random (default), greedy or first
  --as SEAT          hold SEAT (default: the player's seat), played by --strategy; the others play
                     by their machines and auto policies; tiers are SEAT's
  --seats A=S1,B=S2  hold several seats, each with its strategy; tiers are the first held seat's
  --workers K        worker threads (default: the number of cores; 1 plays in-process)
  --report FILE      write an HTML report: outcome chart, average meter trajectories per party,
                     and which moves lead to which outcomes
  --json             print one JSON document: { ok, scenario, runs, seed, strategy, seat, seats,
                     strategies, outcomes: [{ id, tier, historical, games, share }], summary }

Exit: 0 done, 1 the scenario has errors or a game failed, 2 wrong usage.`,
    run: async () => (await import('./commands/simulate.ts')).runSimulate,
  },
  lines: {
    summary: 'is there a recipe? the best fixed line of moves for a seat, against the strategies',
    usage:
      'envoy lines FILE [--as SEAT] [--beam W] [--search-seeds N] [--seeds N] [--check N] [--compare S1,S2] [--seed BASE] [--json]',
    details: `Searches for the fixed line of moves (the same moves in the same order on every seed, whatever the
answers) that most often reaches the seat's best tier: a beam search with the engine, W lines kept at each
of the seat's turns, each scored by the engine's evaluation averaged over the search seeds; the lines left
are scored on N scoring seeds. A move not legal on some seed at its turn is replaced there by the first
legal move, which also plays once the line runs out. Then the line and each strategy are played on fresh
seeds. The line is printed as envoy play --moves reads it.

Options:
  --as SEAT          the seat to search for (default: the player's seat); the others play by their
                     machines and auto policies
  --beam W           lines kept at each turn (default 64)
  --search-seeds N   seeds each line is evaluated on during the search (default 16)
  --seeds N          seeds the final lines are scored on (default 200)
  --check N          fresh seeds for the comparison (default 1000; 0 skips it)
  --compare S1,S2    strategies to compare (default: every built-in strategy)
  --seed BASE        seed prefix (default "lines": BASE/search-i, BASE/score-i, BASE/check-i)
  --json             print one JSON document: { ok, scenario, seat, bestTier, beam, searchSeeds,
                     scoreSeeds, explored, depth, line: { moves, score, check }, strategies, checkSeeds }

Exit: 0 done, 1 the scenario has errors, 2 wrong usage.`,
    run: async () => (await import('./commands/lines.ts')).runLines,
  },
  seats: {
    summary: 'list the seats a person may hold in a scenario, the player first',
    usage: 'envoy seats FILE [--json]',
    details: `Prints the seat ids of the scenario, one per line, the player's seat first: the ids --as and
--seats of play, simulate and check accept. A seat nobody holds plays by its auto policy.

Options:
  --json    print one JSON document: { ok, scenario, turns, seats: [{ id, name, role, player, auto,
            movesPerRound, moves }] } (turns: the order the seats move in each round)

Exit: 0 listed, 1 the scenario has errors or cannot be read, 2 wrong usage.`,
    run: async () => (await import('./commands/seats.ts')).runSeats,
  },
  schema: {
    summary: 'print the JSON Schema of the scenario format',
    usage: 'envoy schema',
    details: `Prints the JSON Schema that scenario files follow, for editors and other tools.
Example: envoy schema > scenarios/schema.json

Exit: 0.`,
    run: async () => (await import('./commands/schema.ts')).runSchema,
  },
};

function lookup(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `envoy ${ENGINE_VERSION}: check scenarios, play games headlessly and verify replays.

Usage: envoy COMMAND [options]

Commands:
${lines.join('\n')}
  help CMD  show the options of a command

Options:
  --help, -h     show help (also: envoy COMMAND --help)
  --version, -v  print the engine version

Examples:
  envoy validate scenarios/tutorial.yaml
  envoy play scenarios/tutorial.yaml --seed 42 --out game.json
  envoy replay game.json
  envoy seats scenarios/tutorial.yaml`;
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.\n\n${c.details}`;
}

function unknownCommand(name: string): UsageError {
  const guess = closest(name, Object.keys(COMMANDS));
  return new UsageError(`unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    lines(io.err, overview());
    return 2;
  }
  if (first === '--help' || first === '-h') {
    lines(io.out, overview());
    return 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.out(`envoy ${ENGINE_VERSION}`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) lines(io.out, overview());
    else {
      const c = lookup(topic);
      if (!c) throw unknownCommand(topic);
      lines(io.out, commandHelp(c));
    }
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`expected a command before '${first}'`);
  const command = lookup(first);
  if (!command) throw unknownCommand(first);
  if (wantsHelp(rest)) {
    lines(io.out, commandHelp(command));
    return 0;
  }
  const run = await command.run();
  return run(rest, io);
}

/** Runs the CLI with the given arguments (without `node` and the script); returns the exit code. */
export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  const io = guardedIo(given);
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`envoy: error: ${e.message}`);
      const c = e.command ? lookup(e.command) : undefined;
      if (c) {
        io.err(`usage: ${c.usage}`);
        io.err(`Run 'envoy help ${e.command}' for details.`);
      } else io.err("Run 'envoy --help' for the list of commands.");
      return 2;
    }
    io.err(`envoy: error: ${errorMessage(e)}`);
    return 1;
  }
}

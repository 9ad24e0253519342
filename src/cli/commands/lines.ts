/**
 * `envoy lines FILE [--as SEAT]`: is there a recipe? Finds the best fixed line of moves for one seat by a
 * beam search with the engine (src/sim/line-search.ts), scores it on fresh seeds, and sets it beside the
 * built-in strategies on the same seeds. The line is printed as `envoy play --moves` reads it, so an
 * instructor can play it and watch where it fails.
 */
import { STRATEGIES, type StrategyName } from '../../engine/index.ts';
import {
  type LineScore,
  lineText,
  scoreLine,
  scoreStrategy,
  searchLine,
  seedList,
} from '../../sim/line-search.ts';
import { boolFlag, intFlag, parseCommand, stringFlag, UsageError } from '../args.ts';
import { type Io, printJson } from '../io.ts';
import { chooseSeats, seatRequest, strategyFlag } from '../seats.ts';
import { loadPlayable } from './validate.ts';

const FLAGS = {
  as: { type: 'string' },
  beam: { type: 'string' },
  'search-seeds': { type: 'string' },
  seeds: { type: 'string' },
  check: { type: 'string' },
  compare: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function percent(s: LineScore): string {
  return `${(s.share * 100).toFixed(1)} %`;
}

/** Runs `envoy lines`: exit 0 with the line found, 1 when the scenario has errors, 2 wrong usage. */
export function runLines(argv: string[], io: Io): number {
  const args = parseCommand('lines', argv, FLAGS, { name: 'scenario FILE', min: 1, max: 1 });
  const json = boolFlag(args, 'json');
  const beam = intFlag('lines', args, 'beam', 1, 1024, 64);
  const searchN = intFlag('lines', args, 'search-seeds', 1, 1000, 16);
  const scoreN = intFlag('lines', args, 'seeds', 1, 100_000, 200);
  const checkN = intFlag('lines', args, 'check', 0, 1_000_000, 1000);
  const base = stringFlag(args, 'seed') ?? 'lines';
  const compare: StrategyName[] = (stringFlag(args, 'compare') ?? STRATEGIES.join(','))
    .split(',')
    .filter((x) => x.trim() !== '')
    .map((x) => strategyFlag('lines', x.trim(), '--compare'));
  const loaded = loadPlayable(io, args.positionals[0] as string, json);
  if (!loaded) return 1;
  const { game } = loaded;
  const choice = chooseSeats('lines', game, seatRequest('lines', args));
  if (choice.seats.length !== 1) throw new UsageError('give one seat with --as', 'lines');
  const seat = choice.played;
  const result = searchLine(game, {
    seat,
    beam,
    searchSeeds: seedList(`${base}/search`, searchN),
    scoreSeeds: seedList(`${base}/score`, scoreN),
  });
  // Fresh seeds for the comparison, so the line is not judged on the seeds it was chosen on.
  const checkSeeds = seedList(`${base}/check`, checkN);
  const lineOnCheck = checkN > 0 ? scoreLine(game, seat, result.line, checkSeeds) : null;
  const strategies =
    checkN > 0 ? compare.map((name) => ({ name, score: scoreStrategy(game, seat, name, checkSeeds) })) : [];
  const moves = lineText(result.line);
  if (json) {
    printJson(io, {
      ok: true,
      scenario: { id: game.scenario.id, version: game.scenario.version, hash: game.scenarioHash },
      seat,
      bestTier: result.bestTier,
      beam,
      searchSeeds: searchN,
      scoreSeeds: scoreN,
      explored: result.explored,
      depth: result.depth,
      line: { moves, score: result.score, check: lineOnCheck },
      strategies,
      checkSeeds: checkN,
    });
    return 0;
  }
  const s = game.scenario;
  io.out(`${s.id} v${s.version}, seat ${seat}: best fixed line (beam ${beam}, searched on ${searchN} seeds,`);
  io.out(`  ${result.explored} lines tried over ${result.depth} turns of the seat)`);
  io.out(
    `  reaches ${result.bestTier} in ${result.score.best} of ${result.score.games} scoring seeds (${percent(result.score)})`,
  );
  io.out(`  --moves "${moves}"`);
  if (lineOnCheck) {
    io.out(`On ${checkN} fresh seeds, share reaching ${result.bestTier}:`);
    io.out(`  the line      ${percent(lineOnCheck)}`);
    for (const x of strategies) io.out(`  ${x.name.padEnd(13)} ${percent(x.score)}`);
  }
  return 0;
}

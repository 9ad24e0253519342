/**
 * Envoy's engine per action against boardgame.io 0.50.2's pure reducer, measured side by side in one
 * process (issue 11's targets: the tutorial at most 0.35× boardgame.io, the UN vote at most 0.8× and its
 * p99 under 1 ms). Why a separate file: run.ts's own replay figures time Envoy alone; a ratio is only fair
 * when both sides run interleaved, under the same load, JIT and GC pressure.
 *
 * The three streams, each a set of whole games replayed from recorded actions:
 * - Envoy, tutorial, both seats held (so one action is one move, as in boardgame.io): applyAction + stateHash
 *   of the new state per action, exactly what run.ts's benchReplay times; Amber played by `greedy` (one game
 *   in four) or `random`, the cooperative by `first` (it listens): 18 moves a game. (benchReplay's tutorial
 *   figure leaves the cooperative to the engine: 12 actions a game, each carrying the cooperative's move.)
 * - Envoy, UN vote, the player's seat (as benchReplay): applyAction + stateHash per action.
 * - boardgame.io, the River Accord of bench/bgio-game.ts (see there what "comparable" means): one call
 *   of the reducer from CreateGameReducer per move, on the state from InitializeGame; 18 moves a game.
 *   No hash: boardgame.io has none; Envoy's figure carries its sha256 and still must be the faster.
 * Games are recorded first (by seeded strategies), then replayed in rounds; each round plays one game of
 * each stream, in an order that rotates every round. The first rounds are warm-up and not counted.
 * The ratios are of the means (all the time spent, GC included); the p50 and p99 ratios are printed beside.
 */
import { readFileSync } from 'node:fs';
import { CreateGameReducer, InitializeGame } from 'boardgame.io/internal';
import {
  type Action,
  applyAction,
  compileGame,
  createGame,
  type Game,
  type GameState,
  playGame,
  type StrategyName,
  stateHash,
} from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { type BgioMove, pickMove, riverAccord } from './bgio-game.ts';
import { type Figure, mean, now, quantile, type Ratio } from './figure.ts';

/** A stream: recorded games and a function that replays game i, pushing one time per action. */
interface Stream {
  name: string;
  games: number;
  /** Replays game i: one total time per action into out, and Envoy's hash share of it into hashOut. */
  play: (i: number, out: number[], hashOut: number[]) => void;
}

function compile(id: string): Game {
  const text = readFileSync(new URL(`../scenarios/${id}.yaml`, import.meta.url), 'utf8');
  const parsed = parseScenario(text, `${id}.yaml`);
  if ('errors' in parsed) throw new Error(`${id} does not validate`);
  return compileGame(parsed.scenario);
}

function envoyStream(name: string, id: string, games: number, allSeats: boolean): Stream {
  const game = compile(id);
  const seats = allSeats ? [...game.seatIds] : undefined;
  const runs: { seed: string; actions: Action[] }[] = [];
  for (let i = 0; i < games; i++) {
    const seed = `bench-engine/${i}`;
    const mover: StrategyName = i % 4 === 0 ? 'greedy' : 'random';
    // Held seats other than the player's play `first` (the cooperative listens), so every game lasts 18 moves.
    const strategy = allSeats
      ? Object.fromEntries(
          game.seatIds.map((s): [string, StrategyName] => [s, s === game.playerId ? mover : 'first']),
        )
      : mover;
    runs.push({ seed, actions: playGame(game, seed, strategy, undefined, { seats }).actions });
  }
  return {
    name,
    games,
    play: (i, out, hashOut) => {
      const run = runs[i % games] as (typeof runs)[number];
      let state: GameState = createGame(game, run.seed, { seats });
      stateHash(state);
      for (const a of run.actions) {
        const t0 = now();
        const r = applyAction(game, state, a);
        const t1 = now();
        if ('error' in r) throw new Error(`${id}: ${r.error.message}`);
        stateHash(r.state);
        const t2 = now();
        out.push(t2 - t0);
        hashOut.push(t2 - t1);
        state = r.state;
      }
    },
  };
}

type BgioState = ReturnType<typeof InitializeGame>;
type BgioAction = { type: 'MAKE_MOVE'; payload: { type: string; args: unknown[]; playerID: string } };
/** boardgame.io's own makeMove action creator (src/core/action-creators.ts), which no package entry exports. */
const makeMove = (type: string, args: unknown[], playerID: string): BgioAction => ({
  type: 'MAKE_MOVE',
  payload: { type, args, playerID },
});

function bgioStream(games: number): Stream {
  const runs: { reducer: ReturnType<typeof CreateGameReducer>; initial: BgioState; actions: BgioAction[] }[] =
    [];
  for (let i = 0; i < games; i++) {
    const game = riverAccord(`bench-engine/${i}`);
    const reducer = CreateGameReducer({ game });
    const initial = InitializeGame({ game, numPlayers: 2 });
    let seed = i + 1;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const actions: BgioAction[] = [];
    let state = initial;
    while (state.ctx.gameover === undefined) {
      const m: BgioMove = pickMove(state.G, state.ctx, rand);
      const action = makeMove(m.type, m.args, m.playerID);
      state = reducer(state, action);
      if ('transients' in state) throw new Error(`boardgame.io refused ${m.type}`);
      actions.push(action);
    }
    runs.push({ reducer, initial, actions });
  }
  return {
    name: 'boardgame.io 0.50.2, River Accord (18-move game): reducer',
    games,
    play: (i, out) => {
      const run = runs[i % games] as (typeof runs)[number];
      let state = run.initial;
      for (const a of run.actions) {
        const t0 = now();
        const next = run.reducer(state, a);
        out.push(now() - t0);
        if ('transients' in next) throw new Error('boardgame.io refused a recorded move');
        state = next;
      }
    },
  };
}

/** The interleaved comparison: three figures (mean, p50, p99 per action) and the two ratios. */
export function benchEngine(
  games = 200,
  warmupRounds = 40,
  rounds = 400,
): { figures: Figure[]; ratios: Ratio[] } {
  const streams = [
    envoyStream(
      'Envoy tutorial, both seats held (18-move game): applyAction + stateHash',
      'tutorial',
      games,
      true,
    ),
    bgioStream(games),
    envoyStream('Envoy un-sanctions-vote: applyAction + stateHash', 'un-sanctions-vote', games, false),
  ];
  const times = streams.map((): number[] => []);
  const hashes = streams.map((): number[] => []);
  const scratch: number[] = [];
  for (let r = 0; r < warmupRounds + rounds; r++) {
    for (let k = 0; k < streams.length; k++) {
      const s = (r + k) % streams.length;
      const warm = r < warmupRounds;
      (streams[s] as Stream).play(
        r,
        warm ? scratch : (times[s] as number[]),
        warm ? scratch : (hashes[s] as number[]),
      );
      scratch.length = 0;
    }
  }
  const stats = times.map((t) => ({
    mean: mean(t),
    p50: quantile(t, 0.5),
    p99: quantile(t, 0.99),
    n: t.length,
  }));
  const [tut, bg, un] = stats as [(typeof stats)[0], (typeof stats)[0], (typeof stats)[0]];
  const figures: Figure[] = streams.map((s, i) => {
    const st = stats[i] as (typeof stats)[0];
    return {
      name: `${s.name} per action`,
      unit: 'µs',
      p50: st.p50,
      p99: st.p99,
      target: i === 2 ? { p99: 1000 } : undefined,
      extra: {
        mean: `${st.mean.toFixed(1)} µs`,
        ...(i === 1 ? {} : { hashMean: `${mean(hashes[i] as number[]).toFixed(1)} µs` }),
        actions: st.n,
        games: rounds,
        warmupGames: warmupRounds,
      },
    };
  });
  const ratio = (name: string, a: typeof tut, target: number): Ratio => ({
    name,
    ratio: a.mean / bg.mean,
    target,
    extra: {
      means: `${a.mean.toFixed(1)} / ${bg.mean.toFixed(1)} µs`,
      p50Ratio: (a.p50 / bg.p50).toFixed(3),
      p99Ratio: (a.p99 / bg.p99).toFixed(3),
    },
  });
  return {
    figures,
    ratios: [
      ratio('Envoy tutorial / boardgame.io per action (mean)', tut, 0.35),
      ratio('Envoy un-sanctions-vote / boardgame.io per action (mean)', un, 0.8),
    ],
  };
}

/**
 * The River Accord written as a boardgame.io 0.50.2 game, for bench/engine.ts's reducer comparison only.
 *
 * What "comparable" means here: the same negotiation as scenarios/tutorial.yaml played with both seats held
 * (Amber two moves, then the cooperative one, six rounds: 18 moves a game). G holds the same data: five
 * parties with three meters each, a position and an agreed flag; a package of three issues; two flags.
 * The moves do the same kind of work: Amber's statement, proposal, gesture, lobbying and consulting, the
 * cooperative's listening, opening, counter-proposal and signing; a proposal is judged by the cooperative's
 * weighted utility against its reservation and red line; chances draw from boardgame.io's seeded random
 * plugin; every move ends the turn; at a round's end the cooperative's patience drifts, the scheduled
 * events fire, and after round 6 (or a signature, or a walk-out) the council votes and the game ends.
 * It is hand-written code: Envoy interprets the same rules from YAML data (conditions, machines, effects),
 * so Envoy does more work per move for the same game, plus a log entry per move and a sha256 state hash.
 * boardgame.io, in turn, wraps every move in immer's produce, keeps an undo stack and a deltalog, runs
 * its plugins (random, events, log, immer) before and after each move, and processes the turn flow.
 * Defaults are kept (undo on, no custom plugins): that is the reducer a boardgame.io game gets.
 */
import type { Ctx, FnContext, Game, MoveFn } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';

type Meters = { trust: number; pressure: number; patience: number };
type Party = { meters: Meters; position: string; agreed: boolean };
/** The River Accord's state in boardgame.io's G. */
export interface RiverG {
  round: number;
  parties: Record<string, Party>;
  package: Record<string, string>;
  flags: { drought: boolean; councilVisited: boolean };
  gestures: number;
  ended: boolean;
}

const ISSUES: Record<string, string[]> = {
  'water-share': ['status-quo', 'even-split', 'amber-priority'],
  schedule: ['dry-season', 'year-round'],
  monitoring: ['none', 'joint', 'independent'],
};
const VALLEY_PREFS = {
  weights: { 'water-share': 0.5, schedule: 0.2, monitoring: 0.3 } as Record<string, number>,
  values: {
    'water-share': { 'status-quo': 1, 'even-split': 0.6, 'amber-priority': 0 },
    schedule: { 'dry-season': 0.7, 'year-round': 0.5 },
    monitoring: { none: 0.6, joint: 0.8, independent: 0.3 },
  } as Record<string, Record<string, number>>,
  reservation: 0.62,
};
const COUNCIL = ['north', 'south', 'chair'];
const LIMITS: Record<keyof Meters, [number, number]> = { trust: [-3, 5], pressure: [0, 5], patience: [0, 6] };

function bump(p: Party, meter: keyof Meters, by: number): void {
  const [lo, hi] = LIMITS[meter];
  p.meters[meter] = Math.max(lo, Math.min(hi, p.meters[meter] + by));
}
function party(meters: Partial<Meters>, position: string): Party {
  return { meters: { trust: 0, pressure: 1, patience: 4, ...meters }, position, agreed: false };
}
function verdict(G: RiverG, issue: string, option: string): 'red-line' | 'accept' | 'reject' {
  if (issue === 'water-share' && option === 'amber-priority') return 'red-line';
  const pkg = { ...G.package, [issue]: option };
  let u = 0;
  for (const [k, w] of Object.entries(VALLEY_PREFS.weights))
    u += w * (VALLEY_PREFS.values[k]?.[pkg[k] ?? ''] ?? 0);
  const flex = 0.04 * (G.parties.valley?.meters.trust ?? 0);
  return u >= VALLEY_PREFS.reservation - flex ? 'accept' : 'reject';
}

type Ctxt = FnContext<RiverG>;
type Move<G> = MoveFn<G>;
const valleyOf = (G: RiverG): Party => G.parties.valley as Party;
const chance = (ctx: Ctxt, base: number, per = 0, trust = 0): boolean =>
  ctx.random.Number() < base + per * trust;
const done = <T>(ctx: Ctxt, r?: T): T | undefined => {
  ctx.events.endTurn();
  return r;
};

const statement: Move<RiverG> = (c, tone: string) => {
  const v = valleyOf(c.G);
  if (tone === 'conciliatory' && v.position === 'wary' && chance(c, 0.5, 0.1, v.meters.trust)) {
    v.position = 'listening';
    bump(v, 'trust', 1);
  } else if (tone === 'firm' && v.position === 'wary') bump(v, 'patience', -1);
  return done(c);
};
const propose: Move<RiverG> = (c, issue: string, option: string) => {
  if (!ISSUES[issue]?.includes(option)) return INVALID_MOVE;
  const v = valleyOf(c.G);
  const judged = verdict(c.G, issue, option);
  c.G.package[issue] = option;
  if (judged === 'red-line') {
    bump(v, v.position === 'wary' ? 'patience' : 'trust', v.position === 'wary' ? -2 : -1);
    if (v.position !== 'wary') v.position = v.position === 'engaged' ? 'listening' : 'wary';
  } else if (judged === 'accept' && v.position === 'listening') {
    v.position = 'engaged';
    bump(v, 'trust', 1);
  } else if (judged === 'accept' && v.position === 'engaged' && chance(c, 0.6, 0.1, v.meters.trust)) {
    v.position = 'committed';
    v.agreed = true;
  } else if (v.position === 'listening') bump(v, 'patience', -1);
  return done(c);
};
const gesture: Move<RiverG> = (c) => {
  if (c.G.gestures >= 2) return INVALID_MOVE;
  c.G.gestures++;
  bump(c.G.parties.amber as Party, 'pressure', 1);
  const v = valleyOf(c.G);
  if (v.position === 'wary') v.position = 'listening';
  bump(v, 'trust', 1);
  if (v.position === 'listening') bump(v, 'patience', 1);
  return done(c);
};
const lobby: Move<RiverG> = (c, target: string, pitch: string) => {
  const members = target === 'council' ? COUNCIL : [target];
  for (const id of members) {
    const m = c.G.parties[id];
    if (!m) return INVALID_MOVE;
    if (m.position === 'undecided' && pitch === 'shared-benefit' && chance(c, 0.5, 0.1, m.meters.trust)) {
      m.position = 'supportive';
      bump(m, 'trust', 1);
    } else if (m.position === 'undecided' && pitch === 'precedent') m.position = 'opposed';
    else if (m.position === 'opposed' && pitch === 'shared-benefit' && chance(c, 0.4))
      m.position = 'undecided';
  }
  return done(c);
};
const consult: Move<RiverG> = (c) => {
  const a = c.G.parties.amber as Party;
  if (a.position === 'anxious') a.position = 'steady';
  else if (a.meters.pressure >= 3) bump(a, 'pressure', -1);
  return done(c);
};
const listen: Move<RiverG> = (c) => done(c);
const openTalks: Move<RiverG> = (c) => {
  const v = valleyOf(c.G);
  if (v.position !== 'wary' && v.position !== 'listening') return INVALID_MOVE;
  v.position = v.position === 'wary' ? 'listening' : 'engaged';
  return done(c);
};
const counter: Move<RiverG> = (c, issue: string, option: string) => {
  const v = valleyOf(c.G);
  if (v.position !== 'listening' && v.position !== 'engaged') return INVALID_MOVE;
  if (!ISSUES[issue]?.includes(option)) return INVALID_MOVE;
  c.G.package[issue] = option;
  return done(c);
};
const sign: Move<RiverG> = (c) => {
  const v = valleyOf(c.G);
  if (v.position === 'committed' || v.position === 'walked-out') return INVALID_MOVE;
  v.position = 'committed';
  v.agreed = true;
  return done(c);
};

/** At a round's end (after the cooperative's move): drift, scheduled events, the council's visit. */
function endRound(c: Ctxt): void {
  const { G } = c;
  const v = valleyOf(G);
  const a = G.parties.amber as Party;
  bump(v, 'patience', -1);
  if (v.meters.patience <= 0 && v.position !== 'committed') v.position = 'walked-out';
  if (G.round >= 4 && !v.agreed && a.position === 'steady') {
    a.position = 'anxious';
    bump(a, 'pressure', 1);
  }
  G.round++;
  if (G.round === 2) {
    bump(a, 'pressure', 1);
    bump(v, 'pressure', 1);
    G.flags.drought = true;
  }
  if (G.round === 3 && chance(c, 0.5)) bump(v, 'trust', -1);
  if (G.round >= 3 && G.round <= 5 && G.flags.drought && !G.flags.councilVisited && v.position !== 'wary') {
    for (const id of ['north', 'south']) bump(G.parties[id] as Party, 'trust', 1);
    G.flags.councilVisited = true;
  }
  if (G.round > 6) holdVote(c);
}

/** The council's vote at the end: when the cooperative agreed, undecided members may join (the tutorial's `vote.called`). */
function holdVote(c: Ctxt): void {
  if (valleyOf(c.G).agreed)
    for (const id of COUNCIL) {
      const m = c.G.parties[id] as Party;
      if (m.position === 'undecided' && chance(c, 0.5)) m.position = 'supportive';
    }
  c.G.ended = true;
}
/** The game, seeded: boardgame.io reads its PRNG seed from the game definition. */
export function riverAccord(seed: string): Game<RiverG> {
  return {
    name: 'river-accord',
    seed,
    setup: () => ({
      round: 1,
      parties: {
        amber: party({ pressure: 3 }, 'steady'),
        valley: party({ trust: -1, patience: 6 }, 'wary'),
        north: party({}, 'undecided'),
        south: party({}, 'undecided'),
        chair: party({}, 'opposed'),
      },
      package: { 'water-share': 'status-quo', schedule: 'dry-season', monitoring: 'none' },
      flags: { drought: false, councilVisited: false },
      gestures: 0,
      ended: false,
    }),
    turn: {
      order: {
        first: () => 0,
        next: ({ ctx }) => (ctx.playOrderPos + 1) % ctx.playOrder.length,
        playOrder: () => ['0', '0', '1'],
      },
      onEnd: (c) => {
        if (c.ctx.playOrderPos === 2) endRound(c);
      },
    },
    moves: { statement, propose, gesture, lobby, consult, listen, openTalks, counter, sign },
    endIf: ({ G }) => {
      if (!G.ended) return undefined;
      const yes = COUNCIL.filter((id) => G.parties[id]?.position === 'supportive').length;
      const chairNo = G.parties.chair?.position === 'opposed';
      return { ratified: valleyOf(G).agreed && yes >= 2 && !chairNo };
    },
  };
}

/** One move as boardgame.io's makeMove action creator takes it. */
export interface BgioMove {
  type: string;
  args: (string | number)[];
  playerID: string;
}

/**
 * The strategies of bench/engine.ts's Envoy games, for boardgame.io: Amber picks uniformly among every
 * action of its menu (each target, pitch, tone and option is one action, as Envoy's `random` counts them),
 * and the cooperative plays its first move, listening (Envoy's `first`): both games last 18 moves. Amber
 * never calls the vote early here (in Envoy's recorded games she does not either): the council votes at the end.
 */
export function pickMove(G: RiverG, ctx: Ctx, rand: () => number): BgioMove {
  const playerID = ctx.currentPlayer;
  if (playerID !== '0') return { type: 'listen', args: [], playerID };
  const menu: BgioMove[] = [];
  const add = (type: string, ...args: string[]) => menu.push({ type, args, playerID });
  for (const tone of ['conciliatory', 'firm']) add('statement', tone);
  for (const [issue, options] of Object.entries(ISSUES))
    for (const option of options) if (G.package[issue] !== option) add('propose', issue, option);
  if (G.gestures < 2) add('gesture');
  for (const target of [...COUNCIL, 'council'])
    for (const pitch of ['shared-benefit', 'precedent']) add('lobby', target, pitch);
  add('consult');
  return menu[Math.floor(rand() * menu.length)] as BgioMove;
}

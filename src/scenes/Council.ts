/**
 * The council chamber for a large vote (the Security Council): members on a horseshoe with their leaning,
 * the player at a lectern, and the roll call played seat by seat when the vote is held, so students see
 * both halves of the rule at work: the count against the threshold, and the single "no" that is a veto.
 */
import type Phaser from 'phaser';
import type { Game, GameState } from '../engine/index.ts';
import type { VoteState } from '../engine/types.ts';
import type { SessionView } from '../session/session.ts';
import {
  drawLectern,
  drawSeat,
  drawVetoStamp,
  paintChip,
  SEAT_R,
  type SeatParts,
} from './draw/council-seat.ts';
import { emblemParts } from './draw/emblem.ts';
import { drawMark } from './draw/icons.ts';
import { horseshoeSeats } from './draw/layout.ts';
import { BALLOT_LOOK, type Ballot, leaningOf, voteMembers } from './draw/leaning.ts';
import { roundLine, voteResultLine } from './draw/tally.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle, WIDTH } from './theme.ts';

const BALLOTS: Ballot[] = ['yes', 'no', 'abstain'];
const CX = WIDTH / 2;
const CY = 262;
const BAR_W = 330;
const STEP_MS = 380;

type Counts = Record<Ballot, number>;

/** Members with a veto in the middle of the horseshoe, where the eye goes first; the others either side. */
function seatingOrder(game: Game): string[] {
  const members = voteMembers(game);
  const veto = members.filter((m) => game.scenario.parties[m]?.veto);
  const others = members.filter((m) => !game.scenario.parties[m]?.veto);
  const half = Math.ceil(others.length / 2);
  return [...others.slice(0, half), ...veto, ...others.slice(half)];
}

/** The Council scene. */
export class Council extends SettledScene {
  private seats = new Map<string, SeatParts>();
  private round: Phaser.GameObjects.Text | null = null;
  private heading: Phaser.GameObjects.Text | null = null;
  private counters = new Map<Ballot, Phaser.GameObjects.Text>();
  private bar: Phaser.GameObjects.Graphics | null = null;
  private result: Phaser.GameObjects.Text | null = null;
  private members: string[] = [];

  constructor() {
    super('Council');
  }

  protected override forget(): void {
    super.forget();
    this.seats = new Map();
    this.counters = new Map();
    this.round = null;
    this.heading = null;
    this.bar = null;
    this.result = null;
  }

  protected build(view: SessionView): void {
    const { game, state } = view;
    this.members = voteMembers(game);
    this.round = this.add
      .text(20, 526, roundLine(game, state), textStyle(18, COLOURS.ink, true))
      .setOrigin(0, 1);
    const order = seatingOrder(game);
    this.drawChamber();
    const seats = horseshoeSeats(order.length, 70, WIDTH - 70, 72, 425);
    const across = seats.filter((s) => s.inY > 0);
    const spacing = across.length > 1 ? (WIDTH - 360) / (across.length - 1) : 200;
    seats.forEach((seat, i) => {
      const id = order[i] as string;
      this.seats.set(id, drawSeat(this, game, id, seat, leaningOf(game, state, id), spacing * 1.15));
    });
    drawLectern(this, game, CX, 478);
    this.buildTally(game);
    if (state.vote) this.showResult(game, state.vote);
    else this.showLeanings(game, state);
  }

  /** The horseshoe table under the seats. */
  private drawChamber(): void {
    const g = this.add.graphics();
    const band = (width: number, colour: number) => {
      g.lineStyle(width, colour).beginPath();
      g.moveTo(70, 470);
      g.arc(180, 182, 110, Math.PI, Math.PI * 1.5);
      g.arc(WIDTH - 180, 182, 110, Math.PI * 1.5, Math.PI * 2);
      g.lineTo(WIDTH - 70, 470);
      g.strokePath();
    };
    band(50, COLOURS.tableEdge);
    band(46, COLOURS.table);
  }

  private buildTally(game: Game): void {
    this.heading = this.add.text(CX, CY - 62, '', textStyle(16, COLOURS.muted, true)).setOrigin(0.5);
    const marks = this.add.graphics();
    BALLOTS.forEach((ballot, i) => {
      const x = CX - 165 + i * 116;
      drawMark(marks, BALLOT_LOOK[ballot].mark, x + 8, CY - 30, 18, BALLOT_LOOK[ballot].colour);
      this.counters.set(
        ballot,
        this.add.text(x + 22, CY - 30, '', textStyle(20, COLOURS.ink, true)).setOrigin(0, 0.5),
      );
    });
    const frame = this.add.graphics();
    frame.fillStyle(0xffffff).fillRect(CX - BAR_W / 2, CY - 8, BAR_W, 18);
    frame.lineStyle(2, COLOURS.muted).strokeRect(CX - BAR_W / 2, CY - 8, BAR_W, 18);
    this.bar = this.add.graphics();
    const threshold = game.scenario.vote?.threshold ?? 0;
    const n = Math.max(1, this.members.length);
    const tx = CX - BAR_W / 2 + (BAR_W * threshold) / n;
    frame.lineStyle(3, COLOURS.ink).lineBetween(tx, CY - 14, tx, CY + 16);
    this.add.text(tx, CY + 18, `needs ${threshold}`, textStyle(16, COLOURS.ink, true)).setOrigin(0.5, 0);
    this.result = this.add.text(CX, CY + 58, '', textStyle(22, COLOURS.ink, true)).setOrigin(0.5);
  }

  /** Counters and the yes bar for a set of counts (the leanings, or the ballots cast so far). */
  private showCounts(counts: Counts): void {
    for (const ballot of BALLOTS)
      this.counters.get(ballot)?.setText(`${BALLOT_LOOK[ballot].word} ${counts[ballot]}`);
    const bar = this.bar?.clear();
    if (!bar) return;
    const cell = BAR_W / Math.max(1, this.members.length);
    const x0 = CX - BAR_W / 2;
    // Yes cells fill from the left, no cells from the right, each cell edged so the count can be read.
    for (let i = 0; i < counts.yes; i++)
      bar.fillStyle(COLOURS.yes).fillRect(x0 + i * cell + 1, CY - 6, cell - 2, 14);
    for (let i = 0; i < counts.no; i++) {
      const x = x0 + BAR_W - (i + 1) * cell;
      bar.fillStyle(COLOURS.no).fillRect(x + 1, CY - 6, cell - 2, 14);
      bar.lineStyle(2, 0xffffff).lineBetween(x + 3, CY - 4, x + cell - 3, CY + 6);
    }
  }

  private showLeanings(game: Game, state: GameState): void {
    const counts: Counts = { yes: 0, no: 0, abstain: 0 };
    for (const id of this.members) counts[leaningOf(game, state, id)] += 1;
    this.heading?.setText('Leaning now');
    this.showCounts(counts);
    this.result?.setText('');
  }

  protected update$(view: SessionView): void {
    const { game, state } = view;
    const previous = view.states[view.states.length - 2] ?? null;
    if (this.round) this.round.setText(roundLine(game, state));
    if (state.vote && !previous?.vote) {
      this.rollCall(game, state.vote);
      return;
    }
    if (state.vote) return;
    for (const seat of this.seats.values()) {
      const leaning = leaningOf(game, state, seat.id);
      if (leaning === seat.shown) continue;
      paintChip(seat, leaning);
      this.flash(seat);
    }
    this.showLeanings(game, state);
  }

  /** A ring that spreads from a seat and a swell of its chip: "this member moved". */
  private flash(seat: SeatParts): void {
    const ring = this.add.graphics({ x: seat.x, y: seat.y }).setDepth(-1);
    ring.lineStyle(4, COLOURS.accent).strokeCircle(0, 0, SEAT_R + 4);
    this.animate({ targets: ring, scale: 1.9, alpha: 0, duration: 600, onComplete: () => ring.destroy() });
    this.animate({ targets: [seat.chip, seat.chipLetter], scale: 1.3, duration: 200, yoyo: true });
    this.animate({ targets: emblemParts(seat.emblem), scale: 1.15, duration: 200, yoyo: true });
  }

  /** Seats light up one by one in roll-call order, the counters fill, vetoes are stamped, then the result. */
  private rollCall(game: Game, vote: VoteState): void {
    for (const seat of this.seats.values()) paintChip(seat, null);
    this.heading?.setText('Roll call');
    this.result?.setText('');
    const counts: Counts = { yes: 0, no: 0, abstain: 0 };
    this.showCounts(counts);
    let called = 0;
    const callUpTo = (n: number) => {
      while (called < Math.min(n, this.members.length)) {
        const id = this.members[called] as string;
        called += 1;
        const ballot = vote.ballots[id] ?? 'abstain';
        counts[ballot] += 1;
        const seat = this.seats.get(id);
        if (!seat) continue;
        paintChip(seat, ballot);
        this.flash(seat);
        if (vote.vetoedBy.includes(id)) this.stamp(seat);
      }
      this.showCounts(counts);
    };
    const clock = { called: 0 };
    this.animate({
      targets: clock,
      called: this.members.length,
      duration: STEP_MS * this.members.length,
      delay: 300,
      onUpdate: () => callUpTo(Math.floor(clock.called)),
      onComplete: () => {
        callUpTo(this.members.length);
        this.showResult(game, vote);
      },
    });
  }

  private stamp(seat: SeatParts): void {
    const parts = drawVetoStamp(this, seat.x, seat.y);
    for (const part of parts) (part as unknown as { scale: number }).scale = 1.8;
    this.animate({ targets: parts, scale: 1, duration: 250, ease: 'Back.easeOut' });
  }

  /** The final tally at once: every ballot, the stamps, and the line that says what happened and why. */
  private showResult(game: Game, vote: VoteState): void {
    const alreadyCalled = [...this.seats.values()].every(
      (s) => s.shown === (vote.ballots[s.id] ?? 'abstain'),
    );
    if (!alreadyCalled) {
      for (const seat of this.seats.values()) {
        paintChip(seat, vote.ballots[seat.id] ?? 'abstain');
        if (vote.vetoedBy.includes(seat.id)) drawVetoStamp(this, seat.x, seat.y);
      }
    }
    this.heading?.setText('Result');
    this.showCounts({ yes: vote.yes, no: vote.no, abstain: vote.abstain });
    const result = this.result;
    if (!result) return;
    result.setText(voteResultLine(game, vote));
    const mark = this.add.graphics({ x: CX - result.width / 2 - 20, y: result.y });
    drawMark(mark, vote.adopted ? 'yes' : 'no', 0, 0, 24, vote.adopted ? COLOURS.good : COLOURS.no);
    for (const part of [result, mark]) part.setScale(1.2);
    this.animate({ targets: [result, mark], scale: 1, duration: 300 });
  }
}

/**
 * The council chamber for a large vote (the Security Council): members on a horseshoe with their leaning,
 * the player at a lectern, and the roll call played seat by seat when the vote is held, so students see
 * both halves of the rule at work: the count against the threshold, and the single "no" that is a veto.
 */
import type Phaser from 'phaser';
import { type Game, type GameState, own } from '../engine/index.ts';
import type { VoteState } from '../engine/types.ts';
import type { SessionView } from '../session/session.ts';
import { t } from '../view/i18n/active.ts';
import { displayName } from '../view/labels.ts';
import { type Ballot, leaningOf, voteMembers } from '../view/voting.ts';
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
import { fitText, horseshoeSeats } from './draw/layout.ts';
import { BALLOT_LOOK } from './draw/leaning.ts';
import { roundLine, voteResultLine } from './draw/tally.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

const BALLOTS: Ballot[] = ['yes', 'no', 'abstain'];
/** The tally's centre on the wide canvas (the phone's is near the bottom, under the seats). */
const CY = 262;
const BAR_W = 330;
const STEP_MS = 380;

type Counts = Record<Ballot, number>;

/** The members holding a veto, and the others, each in the vote's order. */
function splitByVeto(game: Game, members: string[]): { veto: string[]; others: string[] } {
  return {
    veto: members.filter((m) => own(game.scenario.parties, m)?.veto),
    others: members.filter((m) => !own(game.scenario.parties, m)?.veto),
  };
}

/** Members with a veto in the middle of the horseshoe, where the eye goes first; the others either side. */
function seatingOrder(game: Game, members: string[]): string[] {
  const { veto, others } = splitByVeto(game, members);
  const half = Math.ceil(others.length / 2);
  return [...others.slice(0, half), ...veto, ...others.slice(half)];
}

/** The Council scene. */
export class Council extends SettledScene {
  private seats = new Map<string, SeatParts>();
  private round: Phaser.GameObjects.Text | null = null;
  private heading: Phaser.GameObjects.Text | null = null;
  private counters = new Map<Ballot, Phaser.GameObjects.Text>();
  /** How wide each counter may be drawn: to the next counter, the last to the canvas's edge. */
  private counterRoom = new Map<Ballot, number>();
  private bar: Phaser.GameObjects.Graphics | null = null;
  private result: Phaser.GameObjects.Text | null = null;
  private members: string[] = [];
  /** The seat the chamber is shown to (its lectern, "you"). */
  private seat = '';
  /** The centre of the tally (counters, bar and result line). */
  private cx = 0;
  private cy = CY;

  constructor() {
    super('Council');
  }

  protected override forget(): void {
    super.forget();
    this.seats = new Map();
    this.counters = new Map();
    this.counterRoom = new Map();
    this.round = null;
    this.heading = null;
    this.bar = null;
    this.result = null;
  }

  protected build(view: SessionView): void {
    const { game, state } = view;
    const { w, h, portrait } = this.frame;
    this.members = voteMembers(game);
    this.cx = w / 2;
    this.cy = portrait ? h - 78 : CY;
    this.seat = view.seat;
    if (portrait) this.portraitSeats(game, state);
    else this.horseshoe(game, state);
    this.buildTally(game);
    if (state.vote) this.showResult(game, state.vote);
    else this.showLeanings(game, state);
  }

  /** The wide layout: members round a horseshoe, the veto holders in the middle, the player at a lectern. */
  private horseshoe(game: Game, state: GameState): void {
    const { w, h } = this.frame;
    this.round = this.add
      .text(20, h - 14, roundLine(game, state), textStyle(18, COLOURS.ink, true))
      .setOrigin(0, 1);
    const order = seatingOrder(game, this.members);
    this.drawChamber();
    const seats = horseshoeSeats(order.length, 70, w - 70, 72, 425);
    const across = seats.filter((s) => s.inY > 0);
    const spacing = across.length > 1 ? (w - 360) / (across.length - 1) : 200;
    seats.forEach((seat, i) => {
      const id = order[i] as string;
      this.seats.set(id, drawSeat(this, game, id, seat, leaningOf(game, state, id), spacing * 1.15));
    });
    drawLectern(this, game, this.seat, w / 2, 478);
  }

  /**
   * The phone's layout: members in rows of five, the veto holders first, the tally under them; the player
   * is named beside the round, as the lectern has no room.
   */
  private portraitSeats(game: Game, state: GameState): void {
    const { w } = this.frame;
    this.round = this.add.text(16, 12, roundLine(game, state), textStyle(18, COLOURS.ink, true));
    const you = this.add.text(w - 16, 14, '', textStyle(16, COLOURS.muted)).setOrigin(1, 0);
    fitText(you, t('scene-you-name', { name: displayName(game, this.seat) }), w - this.round.width - 48);
    const { veto, others } = splitByVeto(game, this.members);
    const order = [...veto, ...others];
    const perRow = 5;
    const colWidth = (w - 20) / perRow;
    const rows = Math.ceil(order.length / perRow);
    const rowHeight = Math.min(126, (this.cy - 80 - 94 - 78) / Math.max(1, rows - 1));
    order.forEach((id, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, order.length - row * perRow);
      const col = i - row * perRow;
      const seat = { x: w / 2 + (col - (inRow - 1) / 2) * colWidth, y: 94 + row * rowHeight, inX: 0, inY: 1 };
      this.seats.set(id, drawSeat(this, game, id, seat, leaningOf(game, state, id), colWidth - 6));
    });
  }

  /** The horseshoe table under the seats. */
  private drawChamber(): void {
    const { w } = this.frame;
    const g = this.add.graphics();
    const band = (width: number, colour: number) => {
      g.lineStyle(width, colour).beginPath();
      g.moveTo(70, 470);
      g.arc(180, 182, 110, Math.PI, Math.PI * 1.5);
      g.arc(w - 180, 182, 110, Math.PI * 1.5, Math.PI * 2);
      g.lineTo(w - 70, 470);
      g.strokePath();
    };
    band(50, COLOURS.tableEdge);
    band(46, COLOURS.table);
  }

  private buildTally(game: Game): void {
    this.heading = this.add
      .text(this.cx, this.cy - 62, '', textStyle(16, COLOURS.muted, true))
      .setOrigin(0.5);
    const marks = this.add.graphics();
    BALLOTS.forEach((ballot, i) => {
      const x = this.cx - 165 + i * 116;
      drawMark(marks, BALLOT_LOOK[ballot].mark, x + 8, this.cy - 30, 18, BALLOT_LOOK[ballot].colour);
      this.counters.set(
        ballot,
        this.add.text(x + 22, this.cy - 30, '', textStyle(20, COLOURS.ink, true)).setOrigin(0, 0.5),
      );
      this.counterRoom.set(ballot, i < BALLOTS.length - 1 ? 116 - 26 : this.frame.w - 8 - (x + 22));
    });
    const frame = this.add.graphics();
    frame.fillStyle(0xffffff).fillRect(this.cx - BAR_W / 2, this.cy - 8, BAR_W, 18);
    frame.lineStyle(2, COLOURS.muted).strokeRect(this.cx - BAR_W / 2, this.cy - 8, BAR_W, 18);
    this.bar = this.add.graphics();
    const threshold = game.scenario.vote?.threshold ?? 0;
    const n = Math.max(1, this.members.length);
    const tx = this.cx - BAR_W / 2 + (BAR_W * threshold) / n;
    frame.lineStyle(3, COLOURS.ink).lineBetween(tx, this.cy - 14, tx, this.cy + 16);
    this.add
      .text(tx, this.cy + 18, t('scene-needs', { threshold }), textStyle(16, COLOURS.ink, true))
      .setOrigin(0.5, 0);
    this.result = this.add.text(this.cx, this.cy + 58, '', textStyle(22, COLOURS.ink, true)).setOrigin(0.5);
  }

  /** Counters and the yes bar for a set of counts (the leanings, or the ballots cast so far). */
  private showCounts(counts: Counts): void {
    for (const ballot of BALLOTS) {
      const counter = this.counters.get(ballot);
      counter?.setText(t('scene-count', { word: BALLOT_LOOK[ballot].word, count: counts[ballot] }));
      // A longer word (another language) is drawn smaller rather than past its room, so the count shows.
      const room = this.counterRoom.get(ballot) ?? Number.POSITIVE_INFINITY;
      if (counter) counter.setScale(counter.width > room ? room / counter.width : 1);
    }
    const bar = this.bar?.clear();
    if (!bar) return;
    const cell = BAR_W / Math.max(1, this.members.length);
    const x0 = this.cx - BAR_W / 2;
    // Yes cells fill from the left, no cells from the right, each cell edged so the count can be read.
    for (let i = 0; i < counts.yes; i++)
      bar.fillStyle(COLOURS.yes).fillRect(x0 + i * cell + 1, this.cy - 6, cell - 2, 14);
    for (let i = 0; i < counts.no; i++) {
      const x = x0 + BAR_W - (i + 1) * cell;
      bar.fillStyle(COLOURS.no).fillRect(x + 1, this.cy - 6, cell - 2, 14);
      bar.lineStyle(2, 0xffffff).lineBetween(x + 3, this.cy - 4, x + cell - 3, this.cy + 6);
    }
  }

  private showLeanings(game: Game, state: GameState): void {
    const counts: Counts = { yes: 0, no: 0, abstain: 0 };
    for (const id of this.members) counts[leaningOf(game, state, id)] += 1;
    this.heading?.setText(t('scene-leaning-now'));
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
    this.heading?.setText(t('scene-roll-call'));
    this.result?.setText('');
    const counts: Counts = { yes: 0, no: 0, abstain: 0 };
    this.showCounts(counts);
    let called = 0;
    const callUpTo = (n: number) => {
      while (called < Math.min(n, this.members.length)) {
        const id = this.members[called] as string;
        called += 1;
        const ballot = own(vote.ballots, id) ?? 'abstain';
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
      (s) => s.shown === (own(vote.ballots, s.id) ?? 'abstain'),
    );
    if (!alreadyCalled) {
      for (const seat of this.seats.values()) {
        paintChip(seat, own(vote.ballots, seat.id) ?? 'abstain');
        if (vote.vetoedBy.includes(seat.id)) drawVetoStamp(this, seat.x, seat.y);
      }
    }
    this.heading?.setText(t('scene-result'));
    this.showCounts({ yes: vote.yes, no: vote.no, abstain: vote.abstain });
    const result = this.result;
    if (!result) return;
    result.setText(voteResultLine(game, vote));
    const mark = this.add.graphics({ x: this.cx - result.width / 2 - 20, y: result.y });
    drawMark(mark, vote.adopted ? 'yes' : 'no', 0, 0, 24, vote.adopted ? COLOURS.good : COLOURS.no);
    for (const part of [result, mark]) part.setScale(1.2);
    this.animate({ targets: [result, mark], scale: 1, duration: 300 });
  }
}

/**
 * The negotiating table seen from above: each party's emblem, name, position and meters round an oval
 * table with the package in the middle. The canvas shows at a glance what moved after a move (bars slide,
 * emblems pulse, bubbles say how parties answered); the DOM beside it says the same in words.
 */
import type Phaser from 'phaser';
import { type Game, type GameState, has, metersOf, own, positionText } from '../engine/index.ts';
import type { SessionView } from '../session/session.ts';
import { t } from '../view/i18n/active.ts';
import { displayName, playerFirst, positionOf, termWords } from '../view/labels.ts';
import { metersFor } from '../view/relevance.ts';
import { type BubbleKind, drawBubble } from './draw/bubble.ts';
import { drawEmblem, type Emblem, emblemParts } from './draw/emblem.ts';
import { fitText, tableSeats } from './draw/layout.ts';
import { BAR, drawMeterBar, type MeterBar, meterCodes, meterFraction } from './draw/meter.ts';
import { drawTally, roundLine } from './draw/tally.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, css, textStyle } from './theme.ts';

const MAX_BARS = 3;
const EMBLEM_R = 22;

interface SeatView {
  id: string;
  emblem: Emblem;
  position: Phaser.GameObjects.Text;
  positionValue: string | null;
  bars: MeterBar[];
  /** Emblem centre, and the left edge and first bar row of the text column. */
  ex: number;
  ey: number;
  col: number;
  barTop: number;
  bubble: Phaser.GameObjects.Graphics | null;
}

/** The verdict each party gave in the latest turn (its last one, when it answered more than once). */
function verdicts(state: GameState): Map<string, BubbleKind> {
  const out = new Map<string, BubbleKind>();
  for (const entry of state.log) {
    if (entry.kind !== 'response' || !entry.verdict) continue;
    out.set(entry.party, entry.verdict);
  }
  return out;
}

/** The Table scene. */
export class Table extends SettledScene {
  private seats = new Map<string, SeatView>();
  private codes: Record<string, string> = {};
  private round: Phaser.GameObjects.Text | null = null;
  private lines = new Map<string, Phaser.GameObjects.Text>();
  private tally: Phaser.GameObjects.GameObject[] = [];
  private lineWidth = 400;
  /** Width of a seat's name and position text (narrower in the phone's three-column layout). */
  private textWidth = 150;
  /** Where the vote's tally goes: over the package. */
  private tallyAt = { x: 0, y: 0 };

  constructor() {
    super('Table');
  }

  protected override forget(): void {
    super.forget();
    this.seats = new Map();
    this.lines = new Map();
    this.round = null;
    this.tally = [];
  }

  protected build(view: SessionView): void {
    const { game, state } = view;
    const { w, h, portrait } = this.frame;
    this.codes = meterCodes(game);
    const order = playerFirst(game, view.seat);
    this.round = this.add.text(20, 14, roundLine(game, state), textStyle(20, COLOURS.ink, true));
    const seats = portrait
      ? this.portraitRoom(game, state, order.length)
      : this.oval(game, state, order.length);
    seats.forEach((seat, i) => {
      const id = order[i] as string;
      this.seats.set(id, this.buildSeat(game, state, id, seat.x, seat.y, i === 0));
    });
    if (state.vote) this.showVote(game, state, false);
    else {
      // The answers of the turn on screen, as they stood (after a reload or a change of layout too).
      const said = verdicts(state);
      for (const seat of this.seats.values()) {
        const kind = said.get(seat.id);
        if (kind) seat.bubble = drawBubble(this, kind, seat.ex - 34, seat.ey - 36);
      }
    }
    // A key to the meter codes on the bars (T, Pa, Pr…), bottom right, so the canvas reads on its own.
    const used = game.meterIds.filter((m) => game.partyIds.some((p) => has(metersOf(state, p), m)));
    // Each code at most 6 characters and each label at most 32: the key never grows over the seats,
    // whatever the file's labels (codes come from labels, so long labels make long codes).
    const short = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
    const key = used
      .map((m) => `${short(this.codes[m] ?? m, 6)} ${short(own(game.scenario.meters, m)?.label ?? m, 32)}`)
      .join(' · ');
    // Wide: top right, clear of the seats. Phone: under the seats, wrapped rather than cut.
    if (key && portrait)
      this.add
        .text(w - 16, h - 10, key, {
          ...textStyle(15, COLOURS.muted),
          wordWrap: { width: w - 32 },
          align: 'right',
        })
        .setOrigin(1, 1);
    else if (key)
      fitText(this.add.text(w - 16, 16, '', textStyle(15, COLOURS.muted)).setOrigin(1, 0), key, w - 300);
  }

  /** The wide layout: the package on an oval table, the parties round it, the player nearest. */
  private oval(game: Game, state: GameState, parties: number): { x: number; y: number }[] {
    const cx = this.frame.w / 2;
    const cy = 285;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.tableEdge).fillEllipse(cx, cy + 6, 480, 236);
    g.fillStyle(COLOURS.table).fillEllipse(cx, cy, 470, 224);
    g.lineStyle(2, COLOURS.tableEdge).strokeEllipse(cx, cy, 430, 190);
    this.lineWidth = parties > 6 ? 340 : 400;
    this.textWidth = 150;
    this.tallyAt = { x: cx, y: this.frame.h / 2 + 15 };
    this.add.text(cx, cy - 88, t('scene-on-the-table'), textStyle(16, COLOURS.muted, true)).setOrigin(0.5, 0);
    const issues = game.issueIds.length;
    const step = issues > 4 ? 21 : 26;
    this.packageLines(game, state, cx, cy - 62 + Math.max(0, 5 - issues) * 8, step);
    return tableSeats(parties, cx, cy, 350, 185);
  }

  /**
   * The phone's layout: the package in a panel across the top, the parties below it in two columns (three
   * for more than six), the player first, so every text keeps a readable size on a narrow screen.
   */
  private portraitRoom(game: Game, state: GameState, parties: number): { x: number; y: number }[] {
    const { w, h } = this.frame;
    const issues = game.issueIds.length;
    const step = 24;
    const panelTop = 50;
    const panelBottom = panelTop + 40 + issues * step + 6;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.tableEdge).fillRoundedRect(14, panelTop + 4, w - 28, panelBottom - panelTop, 16);
    g.fillStyle(COLOURS.table).fillRoundedRect(14, panelTop, w - 28, panelBottom - panelTop, 16);
    this.lineWidth = w - 44;
    this.tallyAt = { x: w / 2, y: (panelTop + panelBottom) / 2 };
    this.add
      .text(w / 2, panelTop + 10, t('scene-on-the-table'), textStyle(16, COLOURS.muted, true))
      .setOrigin(0.5, 0);
    this.packageLines(game, state, w / 2, panelTop + 36, step, issues > 4 ? 15 : 16);
    const cols = parties > 6 ? 3 : 2;
    const colWidth = (w - 32) / cols;
    // A seat spans from 92 px left of its x (the emblem) to its text's right edge; 10 px more on the left
    // keep the answer bubble over the emblem inside the canvas.
    this.textWidth = Math.min(150, colWidth - 60);
    const rows = Math.ceil(parties / cols);
    const first = panelBottom + 64;
    const rowHeight = rows > 1 ? Math.min(116, (h - 40 - first - 62) / (rows - 1)) : 0;
    return Array.from({ length: parties }, (_, i) => {
      const centre = 16 + colWidth * ((i % cols) + 0.5);
      return { x: centre + (130 - this.textWidth) / 2 + 10, y: first + Math.floor(i / cols) * rowHeight };
    });
  }

  /** One line per issue, centred at `cx` from `top`, `step` apart. */
  private packageLines(game: Game, state: GameState, cx: number, top: number, step: number, size = 16): void {
    game.issueIds.forEach((issue, i) => {
      const text = this.add.text(cx, top + i * step, '', textStyle(size, COLOURS.ink)).setOrigin(0.5, 0);
      fitText(text, this.packageLine(game, state, issue), this.lineWidth);
      this.lines.set(issue, text);
    });
  }

  private packageLine(game: Game, state: GameState, issue: string): string {
    return termWords(game, issue, own(state.table, issue) ?? own(game.scenario.issues, issue)?.default ?? '');
  }

  private buildSeat(
    game: Game,
    state: GameState,
    id: string,
    x: number,
    y: number,
    player: boolean,
  ): SeatView {
    const ex = x - 70;
    // The player's emblem has a gold ring: its text starts a little further right to stay clear of it.
    const col = player ? x - 32 : x - 38;
    const emblem = drawEmblem(this, game, id, ex, y, EMBLEM_R, player);
    const name = this.add.text(col, y - 42, '', textStyle(18, COLOURS.ink, true));
    fitText(name, displayName(game, id), this.textWidth);
    if (player)
      this.add
        .text(ex, y + EMBLEM_R + 10, t('scene-you'), textStyle(16, COLOURS.ink, true))
        .setOrigin(0.5, 0);
    const pos = positionOf(game, state, id);
    const position = this.add.text(col, y - 20, '', textStyle(16, COLOURS.muted));
    fitText(position, pos?.label ?? '', this.textWidth);
    const seat: SeatView = {
      id,
      emblem,
      position,
      positionValue: positionKey(state, id),
      bars: [],
      ex,
      ey: y,
      col,
      barTop: y + 10,
      bubble: null,
    };
    this.addBars(game, state, seat);
    return seat;
  }

  /** Adds bars for meters that have become relevant (up to three a seat). */
  private addBars(game: Game, state: GameState, seat: SeatView): MeterBar[] {
    const added: MeterBar[] = [];
    for (const meter of metersFor(game, state, seat.id)) {
      if (seat.bars.length >= MAX_BARS) break;
      if (seat.bars.some((b) => b.meter === meter)) continue;
      const value = own(metersOf(state, seat.id), meter) ?? 0;
      const y = seat.barTop + seat.bars.length * BAR.row;
      const bar = drawMeterBar(this, game, meter, this.codes[meter] ?? meter, value, seat.col, y);
      seat.bars.push(bar);
      added.push(bar);
    }
    return added;
  }

  protected update$(view: SessionView): void {
    const { game, state } = view;
    const previous = view.states[view.states.length - 2] ?? null;
    if (this.round) {
      const text = roundLine(game, state);
      if (this.round.text !== text) {
        this.round.setText(text).setScale(1.15);
        this.animate({ targets: this.round, scale: 1, duration: 300 });
      }
    }
    for (const [issue, text] of this.lines) {
      const content = this.packageLine(game, state, issue);
      text.setColor(css(COLOURS.ink)).setFontStyle('normal');
      if (previous && this.packageLine(game, previous, issue) === content) continue;
      // The line that changed stays bold until the next move, so the change is not colour alone.
      fitText(text.setColor(css(COLOURS.navy)).setFontStyle('bold'), content, this.lineWidth).setAlpha(0);
      this.animate({ targets: text, alpha: 1, duration: 500 });
    }
    const said = verdicts(state);
    for (const seat of this.seats.values()) this.updateSeat(game, state, seat, said.get(seat.id) ?? null);
    if (state.vote && !this.tally.length) this.showVote(game, state, true);
  }

  private updateSeat(game: Game, state: GameState, seat: SeatView, verdict: BubbleKind | null): void {
    for (const bar of this.addBars(game, state, seat)) {
      bar.fill.scaleX = 0;
      const value = own(metersOf(state, seat.id), bar.meter) ?? 0;
      this.animate({ targets: bar.fill, scaleX: meterFraction(game, bar.meter, value), duration: 600 });
    }
    for (const bar of seat.bars) {
      const value = own(metersOf(state, seat.id), bar.meter) ?? 0;
      const to = meterFraction(game, bar.meter, value);
      if (Math.abs(bar.fill.scaleX - to) < 1e-6) continue;
      this.animate({ targets: bar.fill, scaleX: to, duration: 600, ease: 'Cubic.easeOut' });
    }
    const value = positionKey(state, seat.id);
    if (value !== seat.positionValue) {
      seat.positionValue = value;
      this.crossFade(seat, positionOf(game, state, seat.id)?.label ?? '');
      this.pulse(seat);
    }
    seat.bubble?.destroy();
    seat.bubble = null;
    // Once the vote is held, only voters show a ballot; nobody else's last answer stays up.
    const kind = state.vote ? (own(state.vote.ballots, seat.id) ?? null) : verdict;
    if (kind) this.popBubble(seat, kind);
  }

  /** Fades the old position label out and the new one in, in place. */
  private crossFade(seat: SeatView, label: string): void {
    const old = seat.position;
    const next = this.add.text(old.x, old.y, '', textStyle(16, COLOURS.muted)).setAlpha(0);
    fitText(next, label, this.textWidth);
    seat.position = next;
    this.animate({ targets: old, alpha: 0, duration: 350, onComplete: () => old.destroy() });
    this.animate({ targets: next, alpha: 1, duration: 350, delay: 200 });
  }

  /** A swell of the emblem and a ring that spreads from it: "this party changed its position". */
  private pulse(seat: SeatView): void {
    const parts = emblemParts(seat.emblem);
    this.animate({ targets: parts, scale: 1.25, duration: 220, yoyo: true, ease: 'Sine.easeInOut' });
    const ring = this.add.graphics({ x: seat.ex, y: seat.ey }).setDepth(-1);
    ring.lineStyle(4, COLOURS.accent).strokeCircle(0, 0, EMBLEM_R + 4);
    this.animate({
      targets: ring,
      scale: 1.8,
      alpha: 0,
      duration: 700,
      onComplete: () => ring.destroy(),
    });
  }

  private popBubble(seat: SeatView, kind: BubbleKind): void {
    const bubble = drawBubble(this, kind, seat.ex - 34, seat.ey - 36).setScale(0);
    seat.bubble = bubble;
    this.animate({ targets: bubble, scale: 1, duration: 300, delay: 250, ease: 'Back.easeOut' });
  }

  /** The roll call's result over the package, with each member's ballot at its seat. */
  private showVote(game: Game, state: GameState, animated: boolean): void {
    const vote = state.vote;
    if (!vote) return;
    this.tally = drawTally(this, game, vote, this.tallyAt.x, this.tallyAt.y);
    for (const part of this.tally) (part as unknown as { alpha: number }).alpha = animated ? 0 : 1;
    if (animated) this.animate({ targets: this.tally, alpha: 1, duration: 500, delay: 400 });
    if (!animated) {
      for (const seat of this.seats.values()) {
        const ballot = own(vote.ballots, seat.id);
        if (ballot) seat.bubble = drawBubble(this, ballot, seat.ex - 34, seat.ey - 36);
      }
    }
  }
}

/** Where a party stands as one comparable string (a machine with regions has an object value). */
function positionKey(state: GameState, id: string): string | null {
  const value = own(state.parties, id)?.position?.value;
  return value === undefined || value === null ? null : positionText(value);
}

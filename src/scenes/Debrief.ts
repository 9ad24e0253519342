/**
 * The debrief's canvas: the outcome's tier as a badge (words and a shape, not colour alone) and a line
 * chart of how the counterparts' trust and pressure moved round by round, so a student can see where the
 * talks turned. The same numbers are in the DOM as a table (meterSeries).
 */
import type { Game, OutcomeResult } from '../engine/index.ts';
import type { SessionView } from '../session/session.ts';
import { displayName, TIER_WORDS } from '../ui/labels.ts';
import { dashedPath, drawMarker, drawPanel, SERIES } from './draw/chart.ts';
import { meterSeries } from './draw/chart-data.ts';
import { partySymbol } from './draw/emblem.ts';
import { drawMark } from './draw/icons.ts';
import { fitText } from './draw/layout.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle, WIDTH } from './theme.ts';

const TIER_COLOUR: Record<OutcomeResult['tier'], number> = {
  success: COLOURS.good,
  partial: COLOURS.accent,
  failure: COLOURS.no,
};

/** The Debrief scene. */
export class Debrief extends SettledScene {
  constructor() {
    super('Debrief');
  }

  protected build(view: SessionView): void {
    const { game, states, outcome } = view;
    this.drawBadge(game, outcome);
    const data = meterSeries(game, states);
    if (data.meters.length === 0 || data.parties.length === 0) return;
    const panels = data.meters.map((_, i) => {
      const w = data.meters.length > 1 ? 430 : 860;
      return drawPanel(this, game, data, i, { x: 40 + i * 470, y: 96, w, h: 330 });
    });
    const legendY = data.caption ? 446 : 462;
    this.drawLegend(game, data.parties, legendY);
    if (data.caption) {
      const caption = this.add.text(WIDTH / 2, 508, '', textStyle(16, COLOURS.muted)).setOrigin(0.5, 0);
      fitText(caption, data.caption, WIDTH - 60);
    }
    const progress = { p: 0 };
    for (const panel of panels) panel.reveal(0);
    this.animate({
      targets: progress,
      p: 1,
      duration: 1400,
      delay: 300,
      ease: 'Sine.easeInOut',
      onUpdate: () => {
        for (const panel of panels) panel.reveal(progress.p);
      },
      onComplete: () => {
        for (const panel of panels) panel.reveal(1);
      },
    });
  }

  protected update$(view: SessionView): void {
    this.finishAnimations();
    for (const child of [...this.children.list]) child.destroy();
    this.build(view);
  }

  /** The tier in words and a shape: a tick, a half-filled circle, or a cross. */
  private drawBadge(game: Game, outcome: OutcomeResult | null): void {
    const g = this.add.graphics();
    if (!outcome) {
      this.add.text(40, 30, 'The talks are still going on', textStyle(22, COLOURS.ink, true));
      return;
    }
    const colour = TIER_COLOUR[outcome.tier];
    const words = TIER_WORDS[outcome.tier];
    const label = this.add.text(96, 22, words, textStyle(24, COLOURS.ink, true));
    const w = label.width + 80;
    g.fillStyle(0xffffff).fillRoundedRect(30, 12, w, 52, 10);
    g.lineStyle(3, colour).strokeRoundedRect(30, 12, w, 52, 10);
    g.fillStyle(colour).fillCircle(62, 38, 18);
    if (outcome.tier === 'partial') {
      g.fillStyle(0xffffff)
        .slice(62, 38, 14, -Math.PI / 2, Math.PI / 2, true)
        .fillPath();
      g.lineStyle(2, 0xffffff).strokeCircle(62, 38, 14);
    } else {
      drawMark(g, outcome.tier === 'success' ? 'yes' : 'no', 62, 38, 22, 0xffffff);
    }
    const title = game.scenario.outcomes.find((o) => o.id === outcome.id)?.title ?? '';
    const x = 30 + w + 18;
    const line = outcome.historical ? `${title} · as in history` : title;
    fitText(this.add.text(x, 38, '', textStyle(20, COLOURS.ink)).setOrigin(0, 0.5), line, WIDTH - x - 30);
  }

  /** One legend entry a party: marker and dash sample, letters and short name. */
  private drawLegend(game: Game, parties: string[], y: number): void {
    const g = this.add.graphics();
    const perRow = parties.length > 3 ? 3 : parties.length;
    const colW = (WIDTH - 80) / perRow;
    parties.forEach((party, i) => {
      const style = SERIES[i % SERIES.length] as (typeof SERIES)[number];
      const x = 40 + (i % perRow) * colW;
      const rowY = y + Math.floor(i / perRow) * 26;
      g.lineStyle(3, style.colour);
      dashedPath(
        g,
        [
          { x, y: rowY },
          { x: x + 40, y: rowY },
        ],
        style.dash,
      );
      drawMarker(g, style.marker, x + 20, rowY, style.colour);
      const text = this.add.text(x + 50, rowY, '', textStyle(16, COLOURS.ink)).setOrigin(0, 0.5);
      fitText(text, `${partySymbol(game, party)} · ${displayName(game, party)}`, colW - 60);
    });
  }
}

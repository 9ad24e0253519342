/**
 * The debrief's canvas: the outcome's tier as a badge (words and a shape, not colour alone) and a line
 * chart of how the counterparts' trust and pressure moved round by round, so a student can see where the
 * talks turned. The same numbers are in the DOM as a table (meterSeries).
 */
import type { Game, OutcomeResult } from '../engine/index.ts';
import type { SessionView } from '../session/session.ts';
import { meterSeries } from '../view/chart-data.ts';
import { t } from '../view/i18n/active.ts';
import { displayName, tierWord } from '../view/labels.ts';
import { dashedPath, drawMarker, drawPanel, SERIES } from './draw/chart.ts';
import { partySymbol } from './draw/emblem.ts';
import { drawMark } from './draw/icons.ts';
import { fitText } from './draw/layout.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

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
    const { w, h, portrait } = this.frame;
    const chartTop = this.drawBadge(game, outcome);
    const data = meterSeries(game, states, {}, view.seat);
    if (data.meters.length === 0 || data.parties.length === 0) return;
    const count = data.meters.length;
    // Wide: the charts side by side. Portrait: one above the other, the legend in two columns below.
    const perRow = portrait ? 2 : 3;
    const legendRows = Math.ceil(data.parties.length / Math.min(perRow, data.parties.length));
    const legendY = portrait ? h - (data.caption ? 44 : 18) - legendRows * 26 + 8 : data.caption ? 446 : 462;
    const panels = data.meters.map((_, i) => {
      if (!portrait) {
        const pw = count > 1 ? 430 : 860;
        return drawPanel(this, game, data, i, { x: 40 + i * 470, y: 96, w: pw, h: 330 });
      }
      const ph = (legendY - 18 - chartTop) / count;
      return drawPanel(this, game, data, i, { x: 16, y: chartTop + i * ph, w: w - 32, h: ph - 8 });
    });
    this.drawLegend(game, data.parties, legendY, perRow);
    if (data.caption) {
      const caption = this.add.text(w / 2, h - 32, '', textStyle(16, COLOURS.muted)).setOrigin(0.5, 0);
      fitText(caption, data.caption, w - 40);
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
    this.rebuild(view);
  }

  /**
   * The tier in words and a shape: a tick, a half-filled circle, or a cross, with the outcome's title beside
   * it (under it, wrapped, on a phone). Returns where the chart may start.
   */
  private drawBadge(game: Game, outcome: OutcomeResult | null): number {
    const { w: width, portrait } = this.frame;
    const g = this.add.graphics();
    if (!outcome) {
      this.add.text(40, 30, t('scene-still-going'), textStyle(22, COLOURS.ink, true));
      return 96;
    }
    const colour = TIER_COLOUR[outcome.tier];
    const words = tierWord(outcome.tier);
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
    const line = outcome.historical ? t('scene-as-in-history', { title }) : title;
    if (portrait) {
      const text = this.add.text(30, 76, line, {
        ...textStyle(20, COLOURS.ink),
        wordWrap: { width: width - 60 },
        maxLines: 2,
      });
      return text.y + text.height + 16;
    }
    const x = 30 + w + 18;
    fitText(this.add.text(x, 38, '', textStyle(20, COLOURS.ink)).setOrigin(0, 0.5), line, width - x - 30);
    return 96;
  }

  /** One legend entry a party: marker and dash sample, letters and short name. */
  private drawLegend(game: Game, parties: string[], y: number, most: number): void {
    const g = this.add.graphics();
    const perRow = Math.min(most, parties.length);
    const colW = (this.frame.w - 80) / perRow;
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

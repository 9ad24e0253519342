/**
 * The quiet scenes (select, help, glossary, sources, briefing): a painted heading over the page's text, so
 * every screen shares one look. Their content is DOM; the canvas only frames it.
 */
import type { SessionView } from '../session/session.ts';
import { longDate } from '../ui/labels.ts';
import { EnvoyScene } from './envoy-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

/** A banner scene: emblem, heading and the scenario's date line when one is on screen. */
export abstract class BannerScene extends EnvoyScene {
  /** The emblem texture key shown on the left. */
  protected emblem = 'compass';

  protected draw(view: SessionView | null): void {
    const { w, h, portrait } = this.frame;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, w, 10);
    g.lineStyle(2, COLOURS.line).lineBetween(60, h - 60, w - 60, h - 60);
    // Wide: the emblem left of the words. Portrait: the emblem above them, everything centred.
    const textX = portrait ? w / 2 : 300;
    const wrap = portrait ? w - 60 : w - 360;
    this.add
      .image(portrait ? w / 2 : 170, portrait ? 150 : h / 2 - 20, this.emblem)
      .setScale(portrait ? 1 : 1.3);
    const caption = this.input$.caption ?? '';
    const heading = this.add
      .text(textX, portrait ? 260 : h / 2 - 70, caption, {
        ...textStyle(portrait ? 34 : 40, COLOURS.ink, true),
        wordWrap: { width: wrap },
        align: portrait ? 'center' : 'left',
      })
      .setOrigin(portrait ? 0.5 : 0, 0);
    heading.setAlpha(0);
    this.animate({ targets: heading, alpha: 1, duration: 400 });
    const scenario = view?.game.scenario;
    if (scenario) {
      const line = [scenario.title, scenario.place, longDate(scenario.date)].filter(Boolean).join(' · ');
      this.add
        .text(textX, portrait ? heading.y + heading.height + 24 : h / 2 + 40, line, {
          ...textStyle(22, COLOURS.muted),
          wordWrap: { width: wrap },
          align: portrait ? 'center' : 'left',
        })
        .setOrigin(portrait ? 0.5 : 0, 0);
    }
    this.decorate(view);
  }

  /** Extra painting a particular banner adds. */
  protected decorate(_view: SessionView | null): void {}
}

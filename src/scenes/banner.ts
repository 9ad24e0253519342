/**
 * The quiet scenes (select, help, glossary, sources, briefing): a painted heading over the page's text, so
 * every screen shares one look. Their content is DOM; the canvas only frames it.
 */
import type { SessionView } from '../session/session.ts';
import { longDate } from '../ui/labels.ts';
import { EnvoyScene } from './envoy-scene.ts';
import { COLOURS, HEIGHT, textStyle, WIDTH } from './theme.ts';

/** A banner scene: emblem, heading and the scenario's date line when one is on screen. */
export abstract class BannerScene extends EnvoyScene {
  /** The emblem texture key shown on the left. */
  protected emblem = 'compass';

  protected draw(view: SessionView | null): void {
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, WIDTH, 10);
    g.lineStyle(2, COLOURS.line).lineBetween(60, HEIGHT - 60, WIDTH - 60, HEIGHT - 60);
    this.add.image(170, HEIGHT / 2 - 20, this.emblem).setScale(1.3);
    const caption = this.input$.caption ?? '';
    const heading = this.add.text(300, HEIGHT / 2 - 70, caption, {
      ...textStyle(40, COLOURS.ink, true),
      wordWrap: { width: WIDTH - 360 },
    });
    heading.setAlpha(0);
    this.animate({ targets: heading, alpha: 1, duration: 400 });
    const scenario = view?.game.scenario;
    if (scenario) {
      const line = [scenario.title, scenario.place, longDate(scenario.date)].filter(Boolean).join(' · ');
      this.add.text(300, HEIGHT / 2 + 40, line, {
        ...textStyle(22, COLOURS.muted),
        wordWrap: { width: WIDTH - 360 },
      });
    }
    this.decorate(view);
  }

  /** Extra painting a particular banner adds. */
  protected decorate(_view: SessionView | null): void {}
}

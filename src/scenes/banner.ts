/**
 * The quiet scenes (select, help, glossary, sources, briefing): a painted heading over the page's text, so
 * every screen shares one look. Their content is DOM; the canvas only frames it.
 */
import type { SessionView } from '../session/session.ts';
import type { BannerKey } from '../view/contract.ts';
import { longDate } from '../view/labels.ts';
import { EnvoyScene } from './envoy-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

/** A banner scene: emblem, heading and the scenario's date line when one is on screen. */
export abstract class BannerScene extends EnvoyScene {
  /** The emblem texture key shown on the left. */
  protected emblem = 'compass';

  protected draw(view: SessionView | null): void {
    // Painted afresh whenever its game changes, never on top of the last painting.
    this.finishAnimations();
    for (const child of [...this.children.list]) child.destroy();
    if (this.frame.layout === 'strip') {
      this.drawStrip(view);
      return;
    }
    const { w, h } = this.frame;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, w, 10);
    g.lineStyle(2, COLOURS.line).lineBetween(60, h - 60, w - 60, h - 60);
    this.add.image(170, h / 2 - 20, this.emblem).setScale(1.3);
    const caption = this.input$.caption ?? '';
    const heading = this.add.text(300, h / 2 - 70, caption, {
      ...textStyle(40, COLOURS.ink, true),
      wordWrap: { width: w - 360 },
    });
    heading.setAlpha(0);
    this.animate({ targets: heading, alpha: 1, duration: 400 });
    const scenario = view?.game.scenario;
    if (scenario) {
      const line = [scenario.title, scenario.place, longDate(scenario.date)].filter(Boolean).join(' · ');
      this.add.text(300, h / 2 + 40, line, {
        ...textStyle(22, COLOURS.muted),
        wordWrap: { width: w - 360 },
      });
    }
    this.decorate(view);
  }

  /** The phone's strip: the emblem beside the heading, and the scenario's title under it. */
  private drawStrip(view: SessionView | null): void {
    const { w, h } = this.frame;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, w, 10);
    this.add.image(80, h / 2 + 5, this.emblem).setScale(0.8);
    const scenario = view?.game.scenario;
    const heading = this.add.text(160, scenario ? h / 2 - 8 : h / 2 + 5, this.input$.caption ?? '', {
      ...textStyle(30, COLOURS.ink, true),
      wordWrap: { width: w - 180 },
      maxLines: 2,
    });
    heading.setOrigin(0, scenario ? 1 : 0.5).setAlpha(0);
    this.animate({ targets: heading, alpha: 1, duration: 400 });
    if (scenario)
      this.add.text(160, h / 2 + 2, scenario.title, {
        ...textStyle(18, COLOURS.muted),
        wordWrap: { width: w - 180 },
        maxLines: 3,
      });
    this.decorate(view);
  }

  /** Extra painting a particular banner adds. */
  protected decorate(_view: SessionView | null): void {}
}

/** The scene class of a banner scene: the banner alone, under its own key (no class of its own needed). */
export function bannerScene(key: BannerKey): new () => BannerScene {
  return class extends BannerScene {
    constructor() {
      super(key);
    }
  };
}

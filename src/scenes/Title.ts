/** The title: the game's name, its emblem and a line on what it is; the buttons are in the DOM beside it. */
import type { SessionView } from '../session/session.ts';
import { t } from '../view/i18n/active.ts';
import { EnvoyScene } from './envoy-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

/** The title screen's canvas. */
export class Title extends EnvoyScene {
  constructor() {
    super('Title');
  }

  protected draw(_view: SessionView | null): void {
    if (this.frame.layout === 'strip') {
      this.drawStrip();
      return;
    }
    const { x, y } = this.centre;
    const compass = this.add.image(x, y - 90, 'compass').setAlpha(0);
    this.add.text(x, y + 20, t('scene-envoy'), textStyle(72, COLOURS.navy, true)).setOrigin(0.5);
    this.add
      .text(x, y + 67, t('scene-tagline'), {
        ...textStyle(24, COLOURS.muted),
        wordWrap: { width: this.frame.w - 60 },
        align: 'center',
      })
      .setOrigin(0.5, 0);
    const olive = this.add
      .image(x, y + 170, 'olive')
      .setScale(0.9)
      .setAlpha(0);
    this.animate({ targets: compass, alpha: 1, angle: 0, duration: 700 });
    this.animate({ targets: olive, alpha: 1, duration: 900, delay: 200 });
  }

  /** The phone's strip: the compass beside the name and the line under it. */
  private drawStrip(): void {
    const { w, h } = this.frame;
    const compass = this.add
      .image(92, h / 2, 'compass')
      .setScale(0.9)
      .setAlpha(0);
    this.add.text(186, h / 2 + 4, t('scene-envoy'), textStyle(64, COLOURS.navy, true)).setOrigin(0, 1);
    this.add.text(188, h / 2 + 12, t('scene-tagline'), {
      ...textStyle(20, COLOURS.muted),
      wordWrap: { width: w - 200 },
    });
    this.animate({ targets: compass, alpha: 1, duration: 700 });
  }
}

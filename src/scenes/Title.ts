/** The title: the game's name, its emblem and a line on what it is; the buttons are in the DOM beside it. */
import type { SessionView } from '../session/session.ts';
import { EnvoyScene } from './envoy-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

/** The title screen's canvas. */
export class Title extends EnvoyScene {
  constructor() {
    super('Title');
  }

  protected draw(_view: SessionView | null): void {
    const { x, y } = this.centre;
    const compass = this.add.image(x, y - 90, 'compass').setAlpha(0);
    this.add.text(x, y + 20, 'ENVOY', textStyle(72, COLOURS.navy, true)).setOrigin(0.5);
    this.add
      .text(x, y + 67, 'Negotiate the diplomacy of Syria, 2024–2025', {
        ...textStyle(24, COLOURS.muted),
        wordWrap: { width: this.frame.w - 60 },
        align: 'center',
      })
      .setOrigin(0.5, 0);
    const olive = this.add
      .image(x, y + (this.frame.portrait ? 195 : 170), 'olive')
      .setScale(0.9)
      .setAlpha(0);
    this.animate({ targets: compass, alpha: 1, angle: 0, duration: 700 });
    this.animate({ targets: olive, alpha: 1, duration: 900, delay: 200 });
  }
}

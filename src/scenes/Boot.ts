/**
 * Loads the project's own art with a progress bar, then hands over to the page. The bar is painted and its
 * progress is also reported to the DOM (a progressbar role), so the wait is visible to everyone.
 */
import Phaser from 'phaser';
import compassUrl from '../../assets/compass.svg?url';
import gavelUrl from '../../assets/gavel.svg?url';
import oliveUrl from '../../assets/olive-branch.svg?url';
import { t } from '../view/i18n/active.ts';
import { COLOURS, textStyle } from './theme.ts';

/** What Boot tells the page: progress between 0 and 1, and when everything is loaded. */
export interface BootHooks {
  progress(fraction: number): void;
  ready(): void;
}

/** The first scene: preload with a progress bar. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    const hooks = this.registry.get('boot') as BootHooks | undefined;
    this.cameras.main.setBackgroundColor(COLOURS.paper);
    const { width, height } = this.scale;
    const w = Math.min(420, width - 60);
    const x = (width - w) / 2;
    const y = height / 2;
    this.add.text(width / 2, y - 40, t('scene-loading'), textStyle(22, COLOURS.ink)).setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, COLOURS.navy).strokeRoundedRect(x, y, w, 22, 6);
    const bar = this.add.graphics();
    this.load.on('progress', (p: number) => {
      bar
        .clear()
        .fillStyle(COLOURS.navy)
        .fillRoundedRect(x + 3, y + 3, Math.max(0, (w - 6) * p), 16, 4);
      hooks?.progress(p);
    });
    this.load.image('olive', oliveUrl);
    this.load.image('compass', compassUrl);
    this.load.image('gavel', gavelUrl);
  }

  create(): void {
    const hooks = this.registry.get('boot') as BootHooks | undefined;
    hooks?.ready();
  }
}

/** How to play: reachable from every scene; the steps are DOM text. */
import { BannerScene } from './banner.ts';

/** The HowToPlay scene. */
export class HowToPlay extends BannerScene {
  constructor() {
    super('HowToPlay');
  }
}

/** A scenario's sources: the list and its links are DOM. */
import { BannerScene } from './banner.ts';

/** The Sources scene. */
export class Sources extends BannerScene {
  constructor() {
    super('Sources');
  }
}

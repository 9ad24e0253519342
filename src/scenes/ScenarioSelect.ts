/** Scenario select: the cards are DOM; the canvas frames them. */
import { BannerScene } from './banner.ts';

/** The ScenarioSelect scene. */
export class ScenarioSelect extends BannerScene {
  constructor() {
    super('ScenarioSelect');
  }
}

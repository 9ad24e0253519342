/** A scenario's glossary: the terms are a DOM definition list. */
import { BannerScene } from './banner.ts';

/** The Glossary scene. */
export class Glossary extends BannerScene {
  constructor() {
    super('Glossary');
  }
}

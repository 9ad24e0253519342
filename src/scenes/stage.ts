/**
 * The Phaser side of the page: one game with every scene, started once, whose canvas sits beside the DOM.
 * The page shows a scene with `show(key, input)`; the canvas takes no input (every control is in the DOM,
 * where the keyboard and screen readers reach it), so it is hidden from assistive technology.
 */
import Phaser from 'phaser';
import { SCENES, type SceneInput, type SceneKey, type Stage } from '../view/contract.ts';
import { shown } from '../view/text.ts';
import { Boot, type BootHooks } from './Boot.ts';
import { Briefing } from './Briefing.ts';
import { bannerScene } from './banner.ts';
import { Council } from './Council.ts';
import { Debrief } from './Debrief.ts';
import { Table } from './Table.ts';
import { Title } from './Title.ts';
import { COLOURS, HEIGHT, PORTRAIT, PORTRAIT_QUERY, STRIP, WIDTH } from './theme.ts';

/** Each scene's class, by key: typed against the registry, so a new scene key needs its class here. */
const SCENE_CLASSES: Record<SceneKey, new () => Phaser.Scene> = {
  Boot,
  Title,
  ScenarioSelect: bannerScene('ScenarioSelect'),
  HowToPlay: bannerScene('HowToPlay'),
  Glossary: bannerScene('Glossary'),
  Sources: bannerScene('Sources'),
  Briefing,
  Table,
  Council,
  Debrief,
};

/**
 * Canvas text has no bidirectional isolation, so every Text shows hidden and reordering characters as
 * visible ⟨U+XXXX⟩, exactly as the DOM does (one patch covers every scene's `add.text` and `setText`).
 */
const setText = Phaser.GameObjects.Text.prototype.setText;
Phaser.GameObjects.Text.prototype.setText = function (
  this: Phaser.GameObjects.Text,
  value: string | string[],
) {
  return setText.call(
    this,
    Array.isArray(value) ? value.map(shown) : typeof value === 'string' ? shown(value) : value,
  );
};

/** Scenes that show a game, and take the tall portrait canvas on phones; the others take the strip. */
const GAME_SCENES: ReadonlySet<SceneKey> = new Set(['Briefing', 'Table', 'Council', 'Debrief']);

/**
 * Starts Phaser in `parent`; resolves once Boot has loaded the art. On a phone-width page the canvas takes
 * the portrait size for a game's scenes and the strip for the others (theme.ts); when the page crosses that
 * width (a phone turned, a window resized) the canvas changes size and the scene on screen is drawn again
 * for it. `parent` carries the class `stage-portrait` or `stage-strip` meanwhile, so the page's CSS gives it
 * the same shape.
 */
export function createStage(parent: HTMLElement, onProgress: (fraction: number) => void): Promise<Stage> {
  return new Promise((resolve) => {
    let currentKey: SceneKey | null = null;
    let currentInput: SceneInput | null = null;
    const phone = window.matchMedia(PORTRAIT_QUERY);
    const sizeFor = (key: SceneKey | null) => {
      if (!phone.matches) return { width: WIDTH, height: HEIGHT };
      return key && GAME_SCENES.has(key) ? PORTRAIT : STRIP;
    };
    const shape = (key: SceneKey | null) => {
      const { width, height } = sizeFor(key);
      parent.classList.toggle('stage-portrait', phone.matches && height > width);
      parent.classList.toggle('stage-strip', phone.matches && height < width);
    };
    shape('Boot');
    const game = new Phaser.Game({
      // Canvas only: the WebGL renderer would add ~55 kB gzip for flat vector shapes and text.
      type: Phaser.CANVAS,
      parent,
      width: sizeFor('Boot').width,
      height: sizeFor('Boot').height,
      backgroundColor: COLOURS.paper,
      banner: false,
      audio: { noAudio: true },
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
      scene: (Object.keys(SCENES) as SceneKey[]).map((key) => SCENE_CLASSES[key]),
    });
    const stage: Stage = {
      show(key, input) {
        for (const scene of game.scene.getScenes(true)) game.scene.stop(scene.scene.key);
        sizeCanvas(key);
        game.scene.start(key, input);
        currentKey = key;
        currentInput = input;
      },
      current: () => currentKey,
      texts() {
        const out: string[] = [];
        for (const scene of game.scene.getScenes(true))
          for (const child of scene.children.list)
            if (child instanceof Phaser.GameObjects.Text) out.push(child.text);
        return out;
      },
      destroy: () => {
        phone.removeEventListener('change', resize);
        game.destroy(true);
      },
    };
    /** Gives the canvas the size `key` takes on this page; true when it changed. */
    const sizeCanvas = (key: SceneKey | null): boolean => {
      const { width, height } = sizeFor(key);
      if (game.scale.width === width && game.scale.height === height) return false;
      shape(key);
      // The parent has just changed shape: measure it again, or the canvas is fitted to the old shape.
      game.scale.getParentBounds();
      game.scale.setGameSize(width, height);
      return true;
    };
    const resize = () => {
      if (sizeCanvas(currentKey) && currentKey && currentInput) stage.show(currentKey, currentInput);
    };
    phone.addEventListener('change', resize);
    const hooks: BootHooks = { progress: onProgress, ready: () => resolve(stage) };
    game.registry.set('boot', hooks);
    game.canvas?.setAttribute('aria-hidden', 'true');
    game.events.once(Phaser.Core.Events.READY, () => game.canvas.setAttribute('aria-hidden', 'true'));
  });
}

/**
 * The base of every scene: keeps the input it was started with, follows the session while it runs, lets
 * the motion switch skip or suppress its animations, and lets go of everything when it stops, so restarting
 * scenes game after game leaks nothing.
 */
import Phaser from 'phaser';
import type { SessionChange, SessionView } from '../session/session.ts';
import type { SceneInput } from './contract.ts';
import { COLOURS, HEIGHT, WIDTH } from './theme.ts';

/** A scene with an input, a session subscription and motion-aware tweens. */
export abstract class EnvoyScene extends Phaser.Scene {
  protected input$!: SceneInput;
  private cleanups: (() => void)[] = [];

  init(data: SceneInput): void {
    this.input$ = data;
    this.cleanups = [];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.release());
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOURS.paper);
    this.cleanups.push(this.input$.motion.onSkip(() => this.finishAnimations()));
    const source = this.input$.source;
    if (source) {
      this.draw(source.view(), 'new-game');
      this.cleanups.push(source.subscribe((view, change) => this.draw(view, change)));
    } else {
      this.draw(null, 'new-game');
    }
  }

  /** Paints the scene for a view (null for scenes without a game); called again after every change. */
  protected abstract draw(view: SessionView | null, change: SessionChange): void;

  /** A tween that respects reduced motion: with it, the target jumps to its end values at once. */
  protected animate(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    const duration = this.input$.motion.ms(Number(config.duration ?? 400));
    if (duration === 0) {
      const targets = Array.isArray(config.targets) ? config.targets : [config.targets];
      const skip = new Set(['targets', 'duration', 'ease', 'delay', 'onComplete', 'yoyo', 'repeat', 'hold']);
      for (const target of targets) {
        for (const [key, value] of Object.entries(config)) {
          if (!skip.has(key) && typeof value === 'number') (target as Record<string, number>)[key] = value;
        }
      }
      if (typeof config.onComplete === 'function') (config.onComplete as () => void)();
      return;
    }
    this.tweens.add({ ...config, duration });
  }

  /** Ends every running tween at its final values. */
  protected finishAnimations(): void {
    for (const tween of this.tweens.getTweens()) tween.complete();
  }

  /** Centre of the canvas, for layouts. */
  protected get centre(): { x: number; y: number } {
    return { x: WIDTH / 2, y: HEIGHT / 2 };
  }

  private release(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.tweens.killAll();
    this.time.removeAllEvents();
  }
}

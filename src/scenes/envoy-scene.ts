/**
 * The base of every scene: keeps the input it was started with, follows the session while it runs, lets
 * the motion switch skip or suppress its animations, and lets go of everything when it stops, so restarting
 * scenes game after game leaks nothing.
 */
import Phaser from 'phaser';
import type { SessionChange, SessionView } from '../session/session.ts';
import type { SceneInput } from '../view/contract.ts';
import { COLOURS, type Frame, frameOf } from './theme.ts';

/** Tween config keys that are not animated properties. */
const NOT_PROPS = new Set([
  'targets',
  'duration',
  'ease',
  'delay',
  'hold',
  'repeat',
  'repeatDelay',
  'yoyo',
  'loop',
  'paused',
]);

/** A tween in flight: its targets, their end values, and its callback (run once). */
interface Pending {
  targets: object[];
  finals: Record<string, number>[];
  /** The tween itself, so one animation can be stopped without touching others on the same targets. */
  tween: Phaser.Tweens.Tween | null;
  done(): void;
}

/** Puts an animation's targets at its end values (targets already destroyed are left alone). */
function putAtEnd(entry: Pending): void {
  entry.targets.forEach((target, i) => {
    if ((target as { active?: boolean }).active === false) return;
    Object.assign(target, entry.finals[i]);
  });
}

/** A scene with an input, a session subscription and motion-aware tweens. */
export abstract class EnvoyScene extends Phaser.Scene {
  protected input$!: SceneInput;
  private cleanups: (() => void)[] = [];
  private pending = new Set<Pending>();

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

  /**
   * A tween that respects reduced motion (with it, the target jumps to its end values at once) and that a
   * skip settles exactly: Phaser's `tween.complete()` runs the callback but leaves the target wherever the
   * tween had got to, so the end values are remembered here and put in place on a skip.
   */
  protected animate(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    const targets = (Array.isArray(config.targets) ? config.targets : [config.targets]) as object[];
    // A pulse returns to where its target stood when it began: if an earlier pulse is still half-way, that
    // would be the swollen size, kept for good. Earlier animations of these targets are settled first.
    if (config.yoyo) this.settle(targets);
    const finals = targets.map((target) => {
      const end: Record<string, number> = {};
      for (const [key, value] of Object.entries(config)) {
        if (NOT_PROPS.has(key) || typeof value !== 'number') continue;
        const start = (target as Record<string, unknown>)[key];
        end[key] = config.yoyo && typeof start === 'number' ? start : value;
      }
      return end;
    });
    const onComplete = config.onComplete as (() => void) | undefined;
    const duration = this.input$.motion.ms(Number(config.duration ?? 400));
    if (duration === 0) {
      targets.forEach((target, i) => {
        Object.assign(target, finals[i]);
      });
      onComplete?.();
      return;
    }
    const entry: Pending = {
      targets,
      finals,
      tween: null,
      done: () => {
        if (!this.pending.delete(entry)) return;
        onComplete?.();
      },
    };
    this.pending.add(entry);
    entry.tween = this.tweens.add({ ...config, duration, onComplete: () => entry.done() });
  }

  /** Puts every animated value at its end, then completes the tweens (which runs their callbacks once). */
  protected finishAnimations(): void {
    // Callbacks may chain further tweens (a fade-out then a fade-in): settle those too, a bounded number of times.
    for (let pass = 0; pass < 8 && this.pending.size > 0; pass++) {
      const entries = [...this.pending];
      for (const entry of entries) putAtEnd(entry);
      for (const tween of this.tweens.getTweens()) tween.complete();
      for (const entry of entries) entry.done();
    }
  }

  /** Puts every animation in flight that touches `targets` at its end values, stops it and completes it. */
  private settle(targets: object[]): void {
    const wanted = new Set(targets);
    for (const entry of [...this.pending]) {
      if (!entry.targets.some((target) => wanted.has(target))) continue;
      putAtEnd(entry);
      entry.tween?.remove();
      entry.done();
    }
  }

  /** Forgets tweens in flight (their targets are being destroyed). */
  protected clearPending(): void {
    this.pending.clear();
  }

  /** The canvas's logical size and orientation (landscape, or the phone's portrait), for layouts. */
  protected get frame(): Frame {
    return frameOf(this);
  }

  /** Centre of the canvas, for layouts. */
  protected get centre(): { x: number; y: number } {
    const { w, h } = this.frame;
    return { x: w / 2, y: h / 2 };
  }

  private release(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.pending.clear();
    this.tweens.killAll();
    this.time.removeAllEvents();
  }
}

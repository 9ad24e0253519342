/**
 * The base of the game scenes (briefing, table, council, debrief): build the objects once, update them on
 * every change, rebuild on a new game. It also forgets its game objects when the scene stops: Phaser reuses
 * the scene instance game after game, and references kept past a shutdown would pin destroyed objects.
 */
import Phaser from 'phaser';
import type { SessionChange, SessionView } from '../session/session.ts';
import type { SceneInput } from '../view/contract.ts';
import { EnvoyScene } from './envoy-scene.ts';

/** A scene that draws once, updates on every change and settles cleanly on a skip or a stop. */
export abstract class SettledScene extends EnvoyScene {
  /** True once the first draw has built the scene's objects (reset at every start). */
  protected built = false;

  override init(data: SceneInput): void {
    super.init(data);
    this.forget();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.forget());
  }

  protected draw(view: SessionView | null, change: SessionChange): void {
    if (!view) return;
    if (change === 'error') return;
    if (!this.built || change === 'new-game') {
      this.rebuild(view);
      return;
    }
    this.update$(view);
  }

  /** Settles the animations, destroys every object and builds the scene afresh for `view`. */
  protected rebuild(view: SessionView): void {
    this.finishAnimations();
    for (const child of [...this.children.list]) child.destroy();
    this.forget();
    this.build(view);
    this.built = true;
  }

  /** Creates the scene's objects for a fresh game. */
  protected abstract build(view: SessionView): void;

  /** Moves the existing objects to a new view, animating what changed. */
  protected abstract update$(view: SessionView): void;

  /** Drops every reference to the scene's objects; subclasses clear their own fields and call super. */
  protected forget(): void {
    this.clearPending();
    this.built = false;
  }
}

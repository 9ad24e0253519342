/**
 * How much the scenes animate. Students who asked their system for reduced motion get none, and anyone can
 * skip the animation in progress; scenes ask here for every duration, so nothing animates behind their back.
 */

/** The shared motion switch, read by every scene. */
export class Motion {
  reduced: boolean;
  private skipListeners = new Set<() => void>();

  constructor(reduced: boolean) {
    this.reduced = reduced;
  }

  /** A duration in milliseconds, or 0 when motion is reduced. */
  ms(duration: number): number {
    return this.reduced ? 0 : duration;
  }

  /** Finishes every running animation at once (the "Skip animation" control and the Escape key). */
  skip(): void {
    for (const listener of this.skipListeners) listener();
  }

  /** Scenes register here to complete their tweens on a skip; returns the unsubscribe function. */
  onSkip(listener: () => void): () => void {
    this.skipListeners.add(listener);
    return () => this.skipListeners.delete(listener);
  }
}

/** Reads the system setting once; the page also follows changes to it. */
export function systemMotion(): Motion {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  const motion = new Motion(query?.matches ?? false);
  query?.addEventListener('change', (e) => {
    motion.reduced = e.matches;
  });
  return motion;
}

/**
 * Checks an opened scenario file in a Web Worker with a time limit: the tab stays responsive however slow
 * the file is to validate or compile, and a file that takes too long is refused with a clear message.
 */
import type { Scenario } from '../../scenario/index.ts';
import type { CheckReply } from './scenario-worker.ts';

/** How long a file may take to validate and compile before it is refused. */
export const CHECK_TIME_LIMIT_MS = 10_000;

/** The validated scenario (to compile and play) or the problems to list. */
export type CheckResult = { scenario: Scenario; warnings: string[] } | { errors: string[] };

/** Validates and compiles `bytes` off the main thread; never rejects. */
export function checkOffThread(
  name: string,
  bytes: Uint8Array,
  limitMs = CHECK_TIME_LIMIT_MS,
): Promise<CheckResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./scenario-worker.ts', import.meta.url), { type: 'module' });
    } catch (thrown) {
      const why = thrown instanceof Error ? thrown.message : String(thrown);
      resolve({
        errors: [`${name}: error: this browser could not start the file checker (${why.slice(0, 200)})`],
      });
      return;
    }
    const done = (result: CheckResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done({
          errors: [
            `${name}: error: checking this file took longer than ${limitMs / 1000} s, so it was stopped. The file is too large or its move menus have too many combinations to play: make it smaller (fewer issues, options, parties or move parameters) and open it again.`,
          ],
        }),
      limitMs,
    );
    worker.onmessage = (e: MessageEvent<CheckReply>) =>
      done(
        e.data.ok
          ? { scenario: e.data.scenario as Scenario, warnings: e.data.warnings }
          : { errors: e.data.errors },
      );
    worker.onerror = (e) => {
      e.preventDefault();
      done({ errors: [`${name}: error: the file checker stopped (${String(e.message).slice(0, 200)})`] });
    };
    worker.postMessage({ name, bytes });
  });
}

/**
 * The body of a simulation worker thread, bundled to one plain-JS file before the workers start (see
 * src/cli/commands/simulate.ts): compiles the scenario once, then plays each chunk it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileGame } from '../engine/index.ts';
import { simulateRange } from './aggregate.ts';

const port = parentPort;
if (port) {
  const game = compileGame(workerData.scenario);
  port.on('message', (job: { index: number; from: number; to: number } | null) => {
    if (job === null) {
      port.close();
      return;
    }
    try {
      const { base, strategy, seats } = workerData;
      const summary = simulateRange(game, base, strategy, job.from, job.to, seats);
      port.postMessage({ index: job.index, summary });
    } catch (error) {
      port.postMessage({ index: job.index, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
}

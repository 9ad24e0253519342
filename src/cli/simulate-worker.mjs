// A worker thread of `envoy simulate`: registers the TypeScript loader (as bin/envoy.js does), then plays
// the chunks of games the main thread sends and posts each chunk's summary back.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { compileGame } = await import('../engine/index.ts');
const { simulateRange } = await import('../sim/aggregate.ts');

const game = compileGame(workerData.scenario);
parentPort.on('message', (job) => {
  if (job === null) {
    parentPort.close();
    return;
  }
  try {
    const summary = simulateRange(game, workerData.base, workerData.strategy, job.from, job.to);
    parentPort.postMessage({ index: job.index, summary });
  } catch (error) {
    parentPort.postMessage({
      index: job.index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort.postMessage({ ready: true });

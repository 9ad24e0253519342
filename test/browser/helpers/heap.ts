/**
 * Memory readings of a page over the Chrome DevTools Protocol, shared by the leak test
 * (test/browser/leaks.test.ts) and the heap figures of `npm run bench` (bench/browser.ts).
 *
 * Two readings of the JS heap, both after forced garbage collection:
 * - `used`: V8's whole heap (Runtime.getHeapUsage), which includes the machine code, bytecode and feedback
 *   V8 compiles for the page's functions. That part grows for a while as functions called once per game get
 *   hot enough to be optimised, then levels off; it is not data the page keeps.
 * - `kept`: the bytes of every object in a heap snapshot except V8's code objects (snapshot node type "code":
 *   machine code, bytecode, feedback vectors, deoptimisation data), Blink's native objects (type "native",
 *   which are not in the JS heap) and the snapshot's own synthetic root nodes. A leak — an array that grows, a listener that keeps a scene alive, a
 *   detached canvas — shows here.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapReading {
  /** V8's whole heap in bytes, code included. */
  used: number;
  /** Bytes of JS objects in a heap snapshot, V8's compiled code and Blink's native objects excluded. */
  kept: number;
  /** Bytes of V8's code objects in the same snapshot. */
  code: number;
  /** DOM nodes and JS event listeners the page has (Memory.getDOMCounters). */
  nodes: number;
  listeners: number;
}

/** Node types of a V8 heap snapshot that are not the page's own objects. */
const NOT_KEPT = new Set(['code', 'native', 'synthetic']);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

/** Collects garbage twice (the second pass frees what finalisers released in the first). */
export async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** Takes a heap snapshot and sums self sizes by whether the node is the page's own object or V8's code. */
async function snapshotBytes(cdp: CDPSession): Promise<{ kept: number; code: number }> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let kept = 0;
  let code = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt] as number] ?? '';
    const size = snap.nodes[i + sizeAt] as number;
    if (type === 'code') code += size;
    else if (!NOT_KEPT.has(type)) kept += size;
  }
  return { kept, code };
}

/** One reading, after garbage collection. `snapshot: false` skips the (slower) snapshot: kept and code are NaN. */
export async function readHeap(cdp: CDPSession, options: { snapshot?: boolean } = {}): Promise<HeapReading> {
  await collectGarbage(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const bytes =
    options.snapshot === false ? { kept: Number.NaN, code: Number.NaN } : await snapshotBytes(cdp);
  return { used: usedSize, ...bytes, nodes, listeners: jsEventListeners };
}

/** Relative growth from `before` to `after` (0.1 = +10 %). */
export const growth = (before: number, after: number): number => (after - before) / before;

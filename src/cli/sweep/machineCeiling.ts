// The machine's own parallel ceiling, measured beside a sweep benchmark: one fixed CPU-bound loop on one
// worker thread, then the same loop on `pool` threads at once. The throughput ratio is what the host really
// gives `pool` busy threads (shared cores, hyper-threads or steal make it less than `pool`), so a sweep's
// speed-up is read against it, in the same run, rather than against the core count alone.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

// Integer work with a result the loop cannot skip; about 0.3 s on a current x86 core.
const LOOP = `
const { parentPort } = require('node:worker_threads');
let x = 0;
for (let i = 0; i < 4e8; i++) x = (x + i * 2654435761) | 0;
parentPort.postMessage(x);
`;

function spin(): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOOP, { eval: true });
    w.once('message', () => {
      void w.terminate();
      resolve();
    });
    w.once('error', reject);
  });
}

/** Wall time of `n` loops started together, in ms. */
async function wall(n: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, spin));
  return performance.now() - t0;
}

/** `pool` threads' throughput over one thread's: `pool` on a machine that runs them all at full speed. */
export async function machineCeiling(pool: number): Promise<{ oneMs: number; poolMs: number; speedup: number }> {
  const oneMs = await wall(1);
  const poolMs = await wall(pool);
  return {
    oneMs: Math.round(oneMs),
    poolMs: Math.round(poolMs),
    speedup: Number(((pool * oneMs) / poolMs).toFixed(3)),
  };
}

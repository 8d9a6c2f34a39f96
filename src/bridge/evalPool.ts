// The calibration's evaluator in the browser: batch workers (worker/batch.worker.ts, one whole run per message)
// kept alive across the fit's evaluations (lib/keptPool.ts). A run that fails ends the fit; cancelling
// terminates every worker at once, and the pending evaluation rejects with BatchCancelled.
import { keptPool } from '../lib/keptPool';
import type { BatchTask, FromBatchWorker, SimResult } from '../protocol/batch';
import { BatchCancelled, defaultPoolSize, type BatchWorkerLike } from './batchPool';

const makeWorker = (): BatchWorkerLike =>
  new Worker(new URL('../worker/batch.worker.ts', import.meta.url), { type: 'module' }) as unknown as BatchWorkerLike;

export interface EvalPool {
  evaluate(tasks: readonly BatchTask[]): Promise<SimResult[]>;
  /** Stops every worker; pending and later evaluations reject. */
  cancel(): void;
}

export function evalPool(size = defaultPoolSize(), create: () => BatchWorkerLike = makeWorker): EvalPool {
  const pool = keptPool<BatchTask, SimResult>(size, (cb) => {
    const w = create();
    w.onmessage = (e: MessageEvent<FromBatchWorker>) => {
      const m = e.data;
      if (m.type === 'error') pool.stop(new Error(m.message));
      else cb.done(m.id, m.result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      pool.stop(new Error(e.message || 'a batch worker failed to load'));
    };
    return { send: (id, task) => w.postMessage({ type: 'run', id, task }), terminate: () => w.terminate() };
  });
  return { evaluate: (tasks) => pool.run(tasks), cancel: () => pool.stop(new BatchCancelled()) };
}

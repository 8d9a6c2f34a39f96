// The calibration's evaluator in the browser: batch workers (worker/batch.worker.ts, one whole run per message)
// kept alive across the fit's evaluations, which ask for a few runs at a time, hundreds of times. Cancelling
// terminates every worker at once; the pending evaluation rejects with BatchCancelled.
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
  const idle: BatchWorkerLike[] = [];
  const all: BatchWorkerLike[] = [];
  const queue: { task: BatchTask; done: (r: SimResult) => void; fail: (e: Error) => void }[] = [];
  const pending = new Map<number, { done: (r: SimResult) => void; fail: (e: Error) => void; w: BatchWorkerLike }>();
  let nextId = 0;
  let stopped: Error | null = null;
  const stop = (e: Error) => {
    if (stopped) return;
    stopped = e;
    for (const w of all) w.terminate();
    for (const p of pending.values()) p.fail(e);
    pending.clear();
    for (const q of queue.splice(0)) q.fail(e);
  };
  const pump = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, { done: job.done, fail: job.fail, w });
      w.postMessage({ type: 'run', id, task: job.task });
    }
  };
  const start = () => {
    while (all.length < Math.max(1, size)) {
      const w = create();
      all.push(w);
      idle.push(w);
      w.onmessage = (e: MessageEvent<FromBatchWorker>) => {
        const m = e.data;
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.type === 'error') return stop(new Error(m.message));
        idle.push(p.w);
        p.done(m.result);
        pump();
      };
      w.onerror = (e) => {
        e.preventDefault();
        stop(new Error(e.message || 'a batch worker failed to load'));
      };
    }
  };
  return {
    evaluate(tasks) {
      if (stopped) return Promise.reject(stopped);
      start();
      const out = tasks.map((task) => new Promise<SimResult>((done, fail) => queue.push({ task, done, fail })));
      pump();
      return Promise.all(out);
    },
    cancel: () => stop(new BatchCancelled()),
  };
}

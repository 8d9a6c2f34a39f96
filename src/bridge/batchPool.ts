// A pool of batch Workers for whole runs (sweeps, A/B comparison): one per core by default
// (navigator.hardwareConcurrency), one task per idle worker, results as they finish, cancellable.
// Knows nothing of sweeps; the caller decides what the tasks are and what to do with each result.
import type { BatchTask, FromBatchWorker, SimResult, ToBatchWorker } from '../protocol/batch';

export interface BatchWorkerLike {
  postMessage(msg: ToBatchWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromBatchWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface BatchJob {
  /** Resolves when every task has a result; rejects on the first failure (and stops the rest). */
  done: Promise<void>;
  /** Stops every worker now; `done` rejects with a BatchCancelled. */
  cancel(): void;
}

export class BatchCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const makeWorker = (): BatchWorkerLike =>
  new Worker(new URL('../worker/batch.worker.ts', import.meta.url), { type: 'module' }) as unknown as BatchWorkerLike;

/** One worker per core, at least one; the browser's own figure, or 1 where it gives none. */
export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Runs `tasks` on up to `size` workers; `onResult(index, result)` as each one finishes (any order). */
export function runBatch(
  tasks: readonly BatchTask[],
  onResult: (index: number, result: SimResult) => void,
  size = defaultPoolSize(),
  create: () => BatchWorkerLike = makeWorker,
): BatchJob {
  const workers: BatchWorkerLike[] = [];
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let next = 0;
  let finished = 0;
  const end = (err: Error | null) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    for (const w of workers) w.terminate();
    if (err) s.reject(err);
    else s.resolve();
  };
  const feed = (w: BatchWorkerLike) => {
    if (next < tasks.length) {
      const id = next++;
      w.postMessage({ type: 'run', id, task: tasks[id] });
    }
  };
  if (tasks.length === 0) end(null);
  const n = Math.max(1, Math.min(size, tasks.length));
  for (let i = 0; i < n && settle; i++) {
    const w = create();
    workers.push(w);
    w.onmessage = (e) => {
      if (!settle) return;
      const m = e.data;
      if (m.type === 'error') return end(new Error(m.message));
      try {
        onResult(m.id, m.result);
      } catch (err) {
        return end(err as Error);
      }
      if (++finished === tasks.length) end(null);
      else feed(w);
    };
    w.onerror = (e) => {
      e.preventDefault();
      end(new Error(e.message || 'a batch worker failed to load'));
    };
    feed(w);
  }
  return { done, cancel: () => end(new BatchCancelled()) };
}

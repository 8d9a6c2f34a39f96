// A worker_threads pool for sweep runs: one task per idle worker, results by task index, the first error
// stops everything. Knows nothing of scenarios; the worker file decides what a task is.
import { Worker } from 'node:worker_threads';

/** What the pool needs of a worker (a node:worker_threads Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(msg: unknown): void;
  on(event: 'message', fn: (msg: unknown) => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  on(event: 'exit', fn: (code: number) => void): unknown;
  terminate(): unknown;
}

export interface TaskReply<R> {
  id: number;
  result?: R;
  error?: string;
}

/** Starts the sweep worker. Under scripts/cli.mjs it is a bundle beside the CLI's own
 * (STRIPE_LAB_SWEEP_WORKER names it): nothing to compile, so a worker answers in milliseconds. From source
 * (tests), it is TypeScript run through tsx inside the thread. On Node 20, `execArgv: ['--import', 'tsx']`
 * registers tsx's hooks only after the worker's own .ts entry fails to load, so a one-line bootstrap
 * registers them first (tsx's esm API) and then imports the entry. */
export function startSweepWorker(): WorkerLike {
  const bundled = process.env.STRIPE_LAB_SWEEP_WORKER;
  if (bundled) return new Worker(bundled);
  const entry = new URL('./sweepWorker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

/** Runs every task on up to `size` workers; `onResult(index, result)` as each finishes (any order). */
export function runPool<T, R>(
  tasks: readonly T[],
  size: number,
  start: () => WorkerLike,
  onResult: (index: number, result: R) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: WorkerLike[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => {
      for (const w of workers) void w.terminate();
    };
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(err);
    };
    const feed = (w: WorkerLike) => {
      if (next < tasks.length) {
        const id = next++;
        w.postMessage({ id, task: tasks[id] });
      }
    };
    if (tasks.length === 0) {
      resolve();
      return;
    }
    const n = Math.max(1, Math.min(size, tasks.length));
    for (let i = 0; i < n; i++) {
      const w = start();
      workers.push(w);
      w.on('message', (msg) => {
        if (failed) return;
        const m = msg as TaskReply<R>;
        if (m.error !== undefined) {
          fail(new Error(m.error));
          return;
        }
        try {
          onResult(m.id, m.result as R);
        } catch (e) {
          fail(e as Error);
          return;
        }
        done++;
        if (done === tasks.length) {
          stop();
          resolve();
        } else feed(w);
      });
      w.on('error', (err) => fail(err));
      w.on('exit', (code) => {
        if (!failed && done < tasks.length)
          fail(new Error(`sweep worker exited with code ${code} before the sweep finished`));
      });
      feed(w);
    }
  });
}

// The calibration's evaluator in Node: the sweep's worker_threads entry (sweep/sweepWorker.ts, one resolved run
// per message), kept alive across evaluations. A fit asks for a few runs at a time hundreds of times, and a
// worker's start (tsx compiling the model) costs more than a short run, so the workers are started once.
import type { RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import { startSweepWorker, type TaskReply, type WorkerLike } from '../sweep/pool';

export interface EvalPool {
  evaluate(specs: readonly RunSpec[]): Promise<SimResult[]>;
  close(): void;
}

export function evalPool(size: number, start: () => WorkerLike = startSweepWorker): EvalPool {
  const workers: WorkerLike[] = [];
  const idle: WorkerLike[] = [];
  const queue: { spec: RunSpec; done: (r: SimResult) => void; fail: (e: Error) => void }[] = [];
  const pending = new Map<number, { done: (r: SimResult) => void; fail: (e: Error) => void; w: WorkerLike }>();
  let nextId = 0;
  let broken: Error | null = null;
  const pump = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, { done: job.done, fail: job.fail, w });
      w.postMessage({ id, task: job.spec });
    }
  };
  const failAll = (e: Error) => {
    broken = e;
    for (const p of pending.values()) p.fail(e);
    pending.clear();
    for (const q of queue.splice(0)) q.fail(e);
  };
  const ensure = () => {
    while (workers.length < size) {
      const w = start();
      workers.push(w);
      idle.push(w);
      w.on('message', (msg) => {
        const m = msg as TaskReply<SimResult>;
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        idle.push(p.w);
        if (m.error !== undefined) p.fail(new Error(m.error));
        else p.done(m.result as SimResult);
        pump();
      });
      w.on('error', (err) => failAll(err));
      w.on('exit', (code) => {
        if (pending.size) failAll(new Error(`calibration worker exited with code ${code} during a fit`));
      });
    }
  };
  return {
    evaluate(specs) {
      if (broken) return Promise.reject(broken);
      ensure();
      const out = specs.map(
        (spec) =>
          new Promise<SimResult>((done, fail) => {
            queue.push({ spec, done, fail });
          }),
      );
      pump();
      return Promise.all(out);
    },
    close() {
      for (const w of workers) void w.terminate();
      workers.length = 0;
      idle.length = 0;
    },
  };
}

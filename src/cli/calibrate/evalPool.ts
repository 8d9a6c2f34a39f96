// The calibration's evaluator in Node: the sweep's worker_threads entry (sweep/sweepWorker.ts, one resolved run
// per message), kept alive across evaluations (lib/keptPool.ts). A fit asks for a few runs at a time hundreds
// of times, and a worker's start (loading and compiling the model) costs more than a short run, so the workers are
// started once. A run that fails fails alone; a worker that dies fails everything pending.
import { keptPool } from '../../lib/keptPool';
import type { RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import { startSweepWorker, type TaskReply, type WorkerLike } from '../sweep/pool';

export interface EvalPool {
  evaluate(specs: readonly RunSpec[]): Promise<SimResult[]>;
  close(): void;
}

export function evalPool(size: number, start: () => WorkerLike = startSweepWorker): EvalPool {
  const pool = keptPool<RunSpec, SimResult>(size, (cb) => {
    const w = start();
    w.on('message', (msg) => {
      const m = msg as TaskReply<SimResult>;
      if (m.error !== undefined) cb.failed(m.id, new Error(m.error));
      else cb.done(m.id, m.result as SimResult);
    });
    w.on('error', (err) => cb.broken(err));
    w.on('exit', (code) => {
      if (pool.pending) cb.broken(new Error(`calibration worker exited with code ${code} during a fit`));
    });
    return { send: (id, task) => w.postMessage({ id, task }), terminate: () => void w.terminate() };
  });
  return { evaluate: (specs) => pool.run(specs), close: () => pool.stop(new Error('the calibration pool is closed')) };
}

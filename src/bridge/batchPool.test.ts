// The batch pool with fake workers: every task runs once, results arrive by index, the pool never holds
// more workers than tasks, a failure or a cancel stops every worker.
import { describe, expect, it } from 'vitest';
import type { BatchTask, FromBatchWorker, ToBatchWorker } from '../protocol/batch';
import type { SimResult } from '../sim/core/result';
import { BatchCancelled, runBatch, type BatchWorkerLike } from './batchPool';

const task = (seed: number): BatchTask => ({
  model: 'lockLab',
  preset: null,
  params: {},
  seed,
  durationNs: 1,
  warmupNs: 0,
});

/** A worker that answers each task on the next microtask with the task's seed as its "result". */
function fakeWorkers(failSeed = -1, hold = false) {
  const made: { terminated: boolean; got: number[] }[] = [];
  const create = (): BatchWorkerLike => {
    const rec = { terminated: false, got: [] as number[] };
    made.push(rec);
    const w: BatchWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => {
        rec.terminated = true;
      },
      postMessage: (m: ToBatchWorker) => {
        rec.got.push(m.task.seed);
        if (hold) return;
        queueMicrotask(() => {
          if (rec.terminated) return;
          const reply: FromBatchWorker =
            m.task.seed === failSeed
              ? { type: 'error', id: m.id, message: `seed ${m.task.seed}: boom` }
              : { type: 'result', id: m.id, result: { seed: m.task.seed } as unknown as SimResult };
          w.onmessage?.({ data: reply } as MessageEvent<FromBatchWorker>);
        });
      },
    };
    return w;
  };
  return { made, create };
}

describe('runBatch', () => {
  it('runs every task once on at most `size` workers and reports by index', async () => {
    const f = fakeWorkers();
    const got: [number, number][] = [];
    await runBatch(
      [1, 2, 3, 4, 5].map(task),
      (i, r) => got.push([i, (r as unknown as { seed: number }).seed]),
      2,
      f.create,
    ).done;
    expect(got.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(f.made).toHaveLength(2);
    expect(f.made.flatMap((m) => m.got).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(f.made.every((m) => m.terminated)).toBe(true);
  });

  it('stops on the first error and names it', async () => {
    const f = fakeWorkers(3);
    await expect(runBatch([1, 2, 3, 4, 5, 6].map(task), () => {}, 2, f.create).done).rejects.toThrow('seed 3: boom');
    expect(f.made.every((m) => m.terminated)).toBe(true);
  });

  it('cancel terminates the workers and rejects with BatchCancelled', async () => {
    const f = fakeWorkers(-1, true);
    const job = runBatch([1, 2, 3].map(task), () => {}, 4, f.create);
    expect(f.made).toHaveLength(3);
    job.cancel();
    await expect(job.done).rejects.toBeInstanceOf(BatchCancelled);
    expect(f.made.every((m) => m.terminated)).toBe(true);
  });

  it('an empty batch resolves at once', async () => {
    const f = fakeWorkers();
    await runBatch([], () => {}, 2, f.create).done;
    expect(f.made).toHaveLength(0);
  });
});

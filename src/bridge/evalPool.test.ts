// The calibration's browser pool with fake workers: workers start once and serve every evaluation, results come
// back in the order asked, a cancel terminates them all and rejects what is pending and what comes later.
import { describe, expect, it } from 'vitest';
import type { BatchTask, FromBatchWorker, ToBatchWorker } from '../protocol/batch';
import type { SimResult } from '../sim/core/result';
import { BatchCancelled, type BatchWorkerLike } from './batchPool';
import { evalPool } from './evalPool';

const task = (seed: number): BatchTask => ({
  model: 'raid5',
  preset: null,
  params: {},
  seed,
  durationNs: 1,
  warmupNs: 0,
});

function fakeWorkers(hold = false) {
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
        // Answer later for higher seeds, so results arrive out of order.
        setTimeout(() => {
          if (rec.terminated) return;
          const reply: FromBatchWorker = {
            type: 'result',
            id: m.id,
            result: { seed: m.task.seed } as unknown as SimResult,
          };
          w.onmessage?.({ data: reply } as MessageEvent<FromBatchWorker>);
        }, 5 - m.task.seed);
      },
    };
    return w;
  };
  return { made, create };
}

describe('evalPool', () => {
  it('keeps its workers across evaluations and answers in the order asked', async () => {
    const f = fakeWorkers();
    const pool = evalPool(2, f.create);
    const first = await pool.evaluate([task(0), task(1), task(2), task(3)]);
    expect(first.map((r) => r.seed)).toEqual([0, 1, 2, 3]);
    const second = await pool.evaluate([task(4)]);
    expect(second.map((r) => r.seed)).toEqual([4]);
    expect(f.made).toHaveLength(2);
    expect(f.made.flatMap((m) => m.got).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('cancel terminates every worker and rejects the pending and later evaluations', async () => {
    const f = fakeWorkers(true);
    const pool = evalPool(2, f.create);
    const pending = pool.evaluate([task(0), task(1), task(2)]);
    pool.cancel();
    await expect(pending).rejects.toBeInstanceOf(BatchCancelled);
    await expect(pool.evaluate([task(3)])).rejects.toBeInstanceOf(BatchCancelled);
    expect(f.made.every((m) => m.terminated)).toBe(true);
  });
});

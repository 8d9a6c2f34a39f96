// Async parity offload (seed 001 and seed 000's remark): offload helps when parity is costly and
// loses on fast storage, where the hand-off's lock is contended. Invariants hold with ops in flight.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';
import type { Raid5 } from './raid5';
import { runPresetPair } from './testkit';

describe('async parity offload', () => {
  it('raid5-async-slow-parity: offload threads lift full-stripe raid6 writes (1.4x in steady state)', () => {
    // Seed 001's "> 2x" (stories, a known miss) came from a 20 ms window that caught the inline side before its
    // first completions; over 100 ms, on every kernel of the table, offload gains 1.3-1.4x.
    const { with: async, without: inline } = runPresetPair('raid5-async-slow-parity');
    const ratio = async.throughput.bytesPerSec / inline.throughput.bytesPerSec;
    console.log(
      `slow parity: inline ${(inline.throughput.bytesPerSec / 1e6).toFixed(0)} MB/s -> async ${(async.throughput.bytesPerSec / 1e6).toFixed(0)} MB/s (${ratio.toFixed(2)}x)`,
    );
    expect(ratio).toBeGreaterThan(1.2);
  });

  it('raid5-async-fast-storage: the hand-off loses, with wq_pool_lock contended', () => {
    const { with: async, without: inline } = runPresetPair('raid5-async-fast-storage');
    const pool = async.locks.find((l) => l.name === 'wq_pool_lock')!;
    console.log(
      `fast storage: inline ${inline.throughput.opsPerSec} -> async ${async.throughput.opsPerSec} IOPS; wq_pool_lock ${pool.contentions}/${pool.acquisitions} contended`,
    );
    expect(async.throughput.opsPerSec).toBeLessThan(inline.throughput.opsPerSec * 0.95);
    expect(pool.contentions / pool.acquisitions).toBeGreaterThan(0.5);
  });

  it('keeps the invariants with ops in flight, by threads and by DMA', () => {
    for (const offload of ['threads', 'dma']) {
      const sc = resolveScenario({
        model: 'raid5',
        params: { ops: 'async', offload, disks: 5, rw: 'randrw', group_thread_cnt: 2 },
      });
      const m = createModel('raid5', sc.params, 3) as Raid5;
      m.debug = true;
      m.runChecked(3e6);
      expect(m.completions).toBeGreaterThan(100);
      expect(m.conf.offload!.completed).toBeGreaterThan(50);
    }
  });
});

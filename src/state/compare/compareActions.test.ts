// Running A and B: the same seeds on both sides, each side resolved from its own scenario, results filed by
// seed whatever order the pool finishes in; cancel and refusals. The batch pool is replaced by a fake.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchTask, SimResult } from '../../protocol/batch';

const pool = vi.hoisted(() => ({
  tasks: [] as BatchTask[],
  onResult: null as null | ((i: number, r: SimResult) => void),
  finish: null as null | ((e?: Error) => void),
}));
vi.mock('../../bridge/batchPool', () => {
  class BatchCancelled extends Error {}
  return {
    BatchCancelled,
    runBatch: (tasks: BatchTask[], onResult: (i: number, r: SimResult) => void) => {
      pool.tasks = tasks;
      pool.onResult = onResult;
      let settle!: { resolve: () => void; reject: (e: Error) => void };
      const done = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
      pool.finish = (e) => (e ? settle.reject(e) : settle.resolve());
      return { done, cancel: () => settle.reject(new BatchCancelled('cancelled')) };
    },
  };
});

const { cancelCompare, pinCurrentAsA, restorePreviousPin, runCompare } = await import('./compareActions');
const { useCompare } = await import('./compareStore');
const { useSim } = await import('../store');

const fakeResult = (t: BatchTask) => ({ seed: t.seed, params: t.params }) as unknown as SimResult;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('runCompare', () => {
  beforeEach(() => {
    useSim.setState({ model: 'raid5', preset: 'raid5-3disk-threads', seed: 7, overrides: { group_thread_cnt: 0 } });
    pinCurrentAsA();
    useSim.setState({ seed: 9, overrides: { group_thread_cnt: 2 } });
  });

  it("runs A and B on A's seeds, the same for both, and files results by seed in any finishing order", async () => {
    runCompare('3', '2ms');
    expect(useCompare.getState()).toMatchObject({ phase: 'running', done: 0, total: 6 });
    expect(pool.tasks.map((t) => [t.seed, t.params.group_thread_cnt])).toEqual([
      [7, 0],
      [7, 2],
      [8, 0],
      [8, 2],
      [9, 0],
      [9, 2],
    ]);
    expect(pool.tasks.every((t) => t.durationNs === 2e6 && t.warmupNs === 10e6)).toBe(true);
    for (const i of [5, 0, 3, 2, 4, 1]) pool.onResult!(i, fakeResult(pool.tasks[i]));
    pool.finish!();
    await flush();
    const s = useCompare.getState();
    expect(s.phase).toBe('done');
    expect(s.results!.a.map((r) => [r.seed, r.params.group_thread_cnt])).toEqual([
      [7, 0],
      [8, 0],
      [9, 0],
    ]);
    expect(s.results!.b.map((r) => [r.seed, r.params.group_thread_cnt])).toEqual([
      [7, 2],
      [8, 2],
      [9, 2],
    ]);
    expect(s.results!.info.seeds).toEqual([7, 8, 9]);
    expect(s.results!.info.changes).toEqual([{ key: 'group_thread_cnt', a: '0', b: '2' }]);
  });

  it('cancel says how far it got; a failure says why', async () => {
    runCompare('2', '');
    pool.onResult!(1, fakeResult(pool.tasks[1]));
    cancelCompare();
    await flush();
    expect(useCompare.getState()).toMatchObject({ phase: 'cancelled', message: 'cancelled after 1 of 4 runs' });
    runCompare('1', '');
    pool.finish!(new Error('seed 7: boom'));
    await flush();
    expect(useCompare.getState()).toMatchObject({ phase: 'failed', message: 'seed 7: boom' });
  });

  it('a new pin can be taken back: the A it replaced comes back', () => {
    const first = useCompare.getState().pin;
    pinCurrentAsA();
    expect(useCompare.getState().pin!.overrides).toEqual({ group_thread_cnt: 2 });
    restorePreviousPin();
    expect(useCompare.getState().pin).toEqual(first);
    expect(useCompare.getState().previousPin).toBeNull();
  });

  it('refuses a bad R at its field and starts nothing', () => {
    pool.tasks = [];
    runCompare('x', '');
    expect(useCompare.getState().fieldErrors.replications).toBe('R=x: accepted an integer 1..20');
    expect(pool.tasks).toEqual([]);
  });
});

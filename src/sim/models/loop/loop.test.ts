// loop model checks: invariants during runs of every mode, refusals of bad input by the shared resolver,
// thread and lock names as the kernel's, determinism.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';
import type { Loop } from './loop';
import { runLoop } from './testkit';

/** Runs event by event, checking what must hold after every one. */
function checkedRun(params: Record<string, string | number | boolean>, ns: number): Loop {
  const sc = resolveScenario({ model: 'loop', params });
  const m = createModel('loop', sc.params, 7) as Loop;
  const locks = () => m.driver.lockViews();
  let lastCompletions = 0;
  while (m.sim.peek() <= ns) {
    m.sim.step();
    for (const l of locks())
      if (l.holder && l.waiters.includes(l.holder)) throw new Error(`${l.name}: holder also waits`);
    if (m.fio.inFlight() > m.p.numjobs * m.p.iodepth) throw new Error('more IOs in flight than numjobs x iodepth');
    if (m.backing.device.inService > m.p.deviceParallelism) throw new Error('device over its parallelism');
    if (m.backing.writeback.dirtyPages < 0 || m.backing.writeback.writebackPages < 0)
      throw new Error('negative page counts');
    if (m.completions < lastCompletions) throw new Error('completions went down');
    lastCompletions = m.completions;
  }
  return m;
}

describe('loop invariants hold in every mode', () => {
  const cases: Record<string, Record<string, string | number | boolean>> = {
    'single-thread randrw': { loop_mode: 'single-thread', rw: 'randrw', iodepth: 8, dirty_bytes: '1m' },
    'blk-mq randrw, 2 jobs, few workers': {
      loop_mode: 'blk-mq',
      rw: 'randrw',
      numjobs: 2,
      iodepth: 16,
      workers: 4,
      dirty_bytes: '1m',
    },
    'blk-mq sequential write': { loop_mode: 'blk-mq', rw: 'write', bs: '16k', iodepth: 8, dirty_bytes: '1m' },
    'dio-aio randrw, buffered fio': { loop_mode: 'dio-aio', rw: 'randrw', direct: false, numjobs: 3 },
  };
  for (const [name, params] of Object.entries(cases)) {
    it(name, () => {
      const m = checkedRun(params, 8e6);
      expect(m.completions).toBeGreaterThan(20);
      // every IO made has completed or is still in flight
      expect(m.completions + m.fio.inFlight()).toBe(m.fio.submitted);
    });
  }
});

describe("names are the kernel's", () => {
  it('loop0 and lo_lock in single-thread mode, kworkers and pool->lock in blk-mq, loop0 and worker->lock in dio-aio', () => {
    const names = (mode: string) => {
      const r = runLoop({ loop_mode: mode }, { duration: '2ms', warmup: '1ms' });
      return { threads: r.threads.map((t) => t.name), locks: r.locks.map((l) => l.name) };
    };
    const st = names('single-thread'),
      mq = names('blk-mq'),
      dio = names('dio-aio');
    expect(st.threads).toContain('loop0');
    expect(st.locks).toEqual(['lo_lock']);
    expect(mq.threads.filter((n) => n.startsWith('kworker/')).length).toBe(16);
    expect(mq.locks).toEqual(['lo_lock', 'pool->lock']);
    expect(dio.threads).toContain('loop0');
    expect(dio.locks).toEqual(['worker->lock']);
  });
});

describe('bad input is refused with the key, the value and what is accepted', () => {
  const bad: [Record<string, string | number>, RegExp][] = [
    [{ loop_mode: 'threads' }, /^loop_mode=threads: accepted single-thread \| blk-mq \| dio-aio/],
    [{ workers: 0 }, /^workers=0: accepted an integer 1\.\.1024/],
    [{ bs: '6k' }, /^bs=6k: .*multiple of 4096/],
    [{ iodepth: 8, iodepth_low: 9 }, /^iodepth_low=9: accepted an integer 0\.\.8 \(at most iodepth\)/],
    [{ device: 'floppy' }, /^device=floppy: accepted ssd-image \| nvme \| sata-ssd \| hdd/],
    [{ jitter: 1.5 }, /^jitter=1\.5: accepted a number 0\.\.0\.9/],
    [{ 'device.latency': '2h' }, /^device\.latency=2h/],
    [{ lo_lock: 1 }, /^lo_lock=1: accepted a known key/],
  ];
  for (const [params, msg] of bad) {
    it(JSON.stringify(params), () => {
      expect(() => resolveScenario({ model: 'loop', params })).toThrow(msg);
    });
  }
});

describe('determinism', () => {
  it('same seed gives byte-identical results; another seed differs', () => {
    const run = (seed: number) =>
      JSON.stringify(runLoop({ rw: 'randrw', dirty_bytes: '1m' }, { duration: '5ms', warmup: '1ms', seed }));
    const a = run(5);
    expect(run(5)).toBe(a);
    expect(run(6)).not.toBe(a);
  });
});

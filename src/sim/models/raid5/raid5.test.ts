// raid5 model checks: invariants during runs, member bytes that RMW/RCW require, the kernel's read
// counting choosing RMW on wide arrays, live knobs, refusals of bad input, determinism.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';
import type { Raid5 } from './raid5';
import { busy, runRaid5 } from './testkit';

function debugRun(params: Record<string, string | number | boolean>, ns: number): Raid5 {
  const sc = resolveScenario({ model: 'raid5', params });
  const m = createModel('raid5', sc.params, 7) as Raid5;
  m.debug = true;
  m.runChecked(ns);
  return m;
}

describe('raid5 invariants hold during runs', () => {
  const cases: Record<string, Record<string, string | number | boolean>> = {
    'randwrite 3 disks, small cache': { disks: 3, stripe_cache_size: 32, numjobs: 4, iodepth: 16 },
    'randrw 5 disks, workers, locked release': {
      disks: 5,
      rw: 'randrw',
      group_thread_cnt: 3,
      kernel: '3.11', // locked release and one hash lock, as before 3.12
    },
    'sequential full-stripe writes, raid6': {
      level: 6,
      disks: 6,
      chunk: '16k',
      bs: '64k',
      rw: 'write',
      numjobs: 2,
      iodepth: 4,
    },
    'buffered 1k writes with pre-read generations': { disks: 4, bs: '1k', direct: false, numjobs: 2, iodepth: 8 },
  };
  for (const [name, params] of Object.entries(cases)) {
    it(name, () => {
      const m = debugRun(params, 3e6);
      expect(m.completions).toBeGreaterThan(20);
      // every bio submitted has completed or is still in flight
      const inflight = m.workload.jobs.reduce((s, j) => s + j.inflight, 0);
      expect(inflight).toBeLessThanOrEqual(m.p.numjobs * m.p.iodepth);
    });
  }
});

describe('member IO is what RMW / RCW require', () => {
  const perWrite = (params: Record<string, string | number | boolean>) => {
    const m = debugRun({ numjobs: 1, iodepth: 1, ...params }, 10e6);
    const writes = m.bytesWritten / m.p.bs;
    return { read: m.io.readBytes / 4096 / writes, written: m.io.writeBytes / 4096 / writes, m };
  };
  it('3 disks, 4K write: RCW reads the other data block, writes data + P (1 read, 2 writes)', () => {
    const r = perWrite({ disks: 3 });
    expect(Math.abs(r.read - 1)).toBeLessThan(0.06);
    expect(Math.abs(r.written - 2)).toBeLessThan(0.06);
  });
  it('5 disks, 4K write: RMW reads old data + P, writes both (2 reads, 2 writes)', () => {
    const r = perWrite({ disks: 5 });
    expect(Math.abs(r.read - 2)).toBeLessThan(0.06);
    expect(Math.abs(r.written - 2)).toBeLessThan(0.06);
  });
  it('4 disks, chunk 4K, 12K aligned write: a full stripe, no reads, 4 member writes', () => {
    const r = perWrite({ disks: 4, chunk: '4k', bs: '12k', rw: 'write' });
    expect(r.read).toBe(0);
    expect(Math.abs(r.written - 4)).toBeLessThan(0.06);
  });
  it('raid6, 6 disks, 4K write: reads and writes include Q', () => {
    const r = perWrite({ level: 6, disks: 6, rmw_level: 0 });
    expect(Math.abs(r.read - 3)).toBeLessThan(0.06); // RCW: the 3 other data blocks
    expect(Math.abs(r.written - 3)).toBeLessThan(0.06); // data + P + Q
  });
});

describe("the kernel's read counting picks RMW on wide arrays and RCW on 3 disks", () => {
  it('4K random writes', () => {
    const three = runRaid5({ disks: 3 }, { duration: '5ms', warmup: '1ms' }).extra!;
    const six = runRaid5({ disks: 6 }, { duration: '5ms', warmup: '1ms' }).extra!;
    expect(three.rmwWrites).toBe(0);
    expect(three.rcwWrites as number).toBeGreaterThan(100);
    expect(six.rmwWrites as number).toBeGreaterThan(100);
    expect(six.rcwWrites).toBe(0);
  });
});

describe('throughput against threads and disks', () => {
  it('rises with group_thread_cnt, then flattens as device_lock saturates', () => {
    const at = (g: number) =>
      runRaid5({ group_thread_cnt: g }, { preset: 'raid5-4disk-threads', duration: '8ms', warmup: '2ms' }).throughput
        .opsPerSec;
    const [t0, t2, t8, t16] = [at(0), at(2), at(8), at(16)];
    console.log(`group_thread_cnt 0/2/8/16: ${t0} ${t2} ${t8} ${t16}`);
    expect(t2).toBeGreaterThan(t0 * 1.8);
    expect(t8).toBeGreaterThan(t2);
    expect(t16).toBeLessThan(t8 * 1.1);
  });
  it('with one thread, more disks do not help: the single-thread ceiling', () => {
    const at = (d: number) => runRaid5({ disks: d, device: 'ramdisk' }, { duration: '5ms', warmup: '1ms' });
    const r3 = at(3),
      r8 = at(8);
    expect(r8.throughput.opsPerSec).toBeLessThan(r3.throughput.opsPerSec * 1.1);
    expect(busy(r8, 'md0_raid5')).toBeGreaterThan(0.95);
  });
});

describe('runtime knobs change live', () => {
  it('raising group_thread_cnt from 0 to 2 mid-run raises throughput and unloads md0_raid5', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', params: { group_thread_cnt: 0 } });
    const m = createModel('raid5', sc.params, 1) as Raid5;
    m.sim.runUntil(5e6);
    m.resetStats();
    m.sim.runUntil(15e6);
    const before = m.result({ preset: null, warmupNs: 0 });
    expect(m.setLive('group_thread_cnt', 2)).toBeNull();
    m.sim.runUntil(20e6);
    m.resetStats();
    m.sim.runUntil(30e6);
    const after = m.result({ preset: null, warmupNs: 0 });
    expect(after.throughput.opsPerSec).toBeGreaterThan(before.throughput.opsPerSec * 1.5);
    expect(m.setLive('disks', 5)).toMatch(/not a runtime knob/);
  });
  it('shrinking stripe_cache_size drops free stripes and keeps running', () => {
    const m = debugRun({ stripe_cache_size: 512 }, 2e6);
    expect(m.setLive('stripe_cache_size', 64)).toBeNull();
    m.runChecked(4e6);
    expect(m.conf.liveStripes).toBeLessThanOrEqual(64);
    const before = m.completions;
    m.runChecked(6e6);
    expect(m.completions).toBeGreaterThan(before);
  });
});

describe('bad input is refused with the key, the value and what is accepted', () => {
  const bad: [Record<string, string | number>, RegExp][] = [
    [{ stripe_cache_size: 8 }, /^stripe_cache_size=8: accepted an integer 17\.\.32768/],
    [{ stripe_cache_size: 40000 }, /stripe_cache_size=40000/],
    [{ disks: 2 }, /^disks=2: accepted an integer 3\.\.24/],
    [{ disks: 25 }, /^disks=25/],
    [{ level: 6, disks: 3 }, /^disks=3: accepted 4\.\.24 for level 6/],
    [{ chunk: '3k' }, /^chunk=3k: .*power of two/],
    [{ chunk: '2k' }, /^chunk=2k/],
    [{ bs: '1000' }, /^bs=1000: .*multiple of 512/],
    [{ iodepth: 0 }, /^iodepth=0/],
    [{ numjobs: 0 }, /^numjobs=0/],
    [{ device: 'floppy' }, /^device=floppy: accepted ramdisk \| nvme \| sata-ssd \| hdd/],
    [{ nonsense: 1 }, /^nonsense=1: accepted a known key/],
  ];
  for (const [params, msg] of bad) {
    it(JSON.stringify(params), () => {
      expect(() => resolveScenario({ model: 'raid5', params })).toThrow(msg);
    });
  }
});

describe('determinism', () => {
  it('same seed gives byte-identical results; another seed differs', () => {
    const a = JSON.stringify(runRaid5({ rw: 'randrw' }, { duration: '3ms', warmup: '1ms', seed: 5 }));
    const b = JSON.stringify(runRaid5({ rw: 'randrw' }, { duration: '3ms', warmup: '1ms', seed: 5 }));
    const c = JSON.stringify(runRaid5({ rw: 'randrw' }, { duration: '3ms', warmup: '1ms', seed: 6 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

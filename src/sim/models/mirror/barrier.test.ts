// barrier=lock vs lockless for raid1 / raid10: the lock rounds per bio, the contention they make with many
// submitters on fast members and what it costs in IOPS, resync's own rounds, invariants and refusals.
import { describe, expect, it } from 'vitest';
import { RAID1_PARAMS, RAID10_PARAMS } from '../../../scenarios/mirrorSpec';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import type { SimResult } from '../../core/result';
import { mirrorRun, runChecked, runMirror } from './testkit';

/** Many submitters on fast members: the case both series were written for (16 fio jobs on NVMe). */
const busy = { device: 'nvme', rw: 'randread', numjobs: 16, iodepth: 32, cpus: 16 };
const window = { duration: '4ms', warmup: '1ms' };

const ios = (r: SimResult) => (r.throughput.opsPerSec * r.simulatedNs) / 1e9;
const lock = (r: SimResult, name: string) => r.locks.find((l) => l.name === name);

describe('barrier=lock takes the barrier locks on every bio', () => {
  it('raid1: resync_lock twice per bio (wait_barrier, allow_barrier), contended with 16 jobs', () => {
    const r = runMirror('raid1', { ...busy, barrier: 'lock' }, window);
    const rl = lock(r, 'resync_lock')!;
    expect(rl.acquisitions / ios(r)).toBeGreaterThan(1.95);
    expect(rl.acquisitions / ios(r)).toBeLessThan(2.05);
    expect(rl.contentions / rl.acquisitions).toBeGreaterThan(0.05);
    expect(rl.waitTimeAvgNs).toBeGreaterThan(0);
    // reads: only allow_barrier's wake_up takes the wait queue's lock
    expect(lock(r, 'wait_barrier.lock')!.acquisitions / ios(r)).toBeCloseTo(1, 1);
    // writes add the wake_up at the end of raid1's write path
    const w = runMirror('raid1', { ...busy, rw: 'randwrite', barrier: 'lock' }, window);
    expect(lock(w, 'resync_lock')!.acquisitions / ios(w)).toBeCloseTo(2, 1);
    expect(lock(w, 'wait_barrier.lock')!.acquisitions / ios(w)).toBeCloseTo(2, 1);
  });
  it('raid10: resync_lock once per bio (allow_barrier is an atomic), and every make_request wakes the queue', () => {
    const r = runMirror('raid10', { ...busy, barrier: 'lock' }, window);
    const rl = lock(r, 'resync_lock')!;
    expect(rl.acquisitions / ios(r)).toBeGreaterThan(0.97);
    expect(rl.acquisitions / ios(r)).toBeLessThan(1.05);
    expect(rl.contentions / rl.acquisitions).toBeGreaterThan(0.05);
    // one per bio, and a few more when nr_pending drains to 0 in allow_barrier
    const wq = lock(r, 'wait_barrier.lock')!.acquisitions / ios(r);
    expect(wq).toBeGreaterThan(0.97);
    expect(wq).toBeLessThan(1.1);
  });
  it('with one job there is no contention', () => {
    for (const model of ['raid1', 'raid10']) {
      const r = runMirror(model, { ...busy, numjobs: 1, iodepth: 4, barrier: 'lock' }, window);
      expect(lock(r, 'resync_lock')!.acquisitions).toBeGreaterThan(100);
      expect(lock(r, 'resync_lock')!.contentions).toBe(0);
    }
  });
  it('lockless: no barrier lock at all, even while the resync runs', () => {
    for (const model of ['raid1', 'raid10']) {
      const r = runMirror(model, { ...busy, assume_clean: false }, window);
      expect(r.params.barrier).toBe('lockless');
      expect(r.extra!.resyncRunning).toBe(true);
      expect(r.locks.map((l) => l.name)).toEqual(['device_lock']);
    }
  });
  it('raid1 with barrier=lock: the resync adds raise_barrier and lower_barrier, one round each per 64K request', () => {
    const r = runMirror('raid1', { device: 'nvme', assume_clean: false, barrier: 'lock' }, window);
    expect(r.extra!.resyncRunning).toBe(true);
    // resyncBytesPerSec counts both member bios of a raid1 resync request: 64K read, then 64K written
    const resyncRequests = ((r.extra!.resyncBytesPerSec as number) * r.simulatedNs) / 1e9 / (2 * 65536);
    expect(resyncRequests).toBeGreaterThan(50);
    const extra = lock(r, 'resync_lock')!.acquisitions - 2 * ios(r);
    expect(extra / (2 * resyncRequests)).toBeGreaterThan(0.8);
    expect(extra / (2 * resyncRequests)).toBeLessThan(1.2);
  });
});

describe('what the lock costs', () => {
  const iops = (model: string, params: Record<string, string | number>) =>
    runMirror(model, params, window).throughput.opsPerSec;
  it('16 jobs on NVMe: lockless reaches the members, the lock holds raid1 and raid10 well below', () => {
    for (const model of ['raid1', 'raid10']) {
      const lockless = iops(model, busy);
      const locked = iops(model, { ...busy, barrier: 'lock' });
      expect(locked / lockless).toBeLessThan(0.9);
    }
  });
  it('16 jobs on ramdisk members (brd, the copy in the submitter): raid1 writes lose to the lock', () => {
    const ram = { ...busy, device: 'ramdisk', rw: 'randwrite' };
    expect(iops('raid1', { ...ram, barrier: 'lock' }) / iops('raid1', ram)).toBeLessThan(0.9);
  });
  it('one job on NVMe: the member is the limit, and the lock costs nothing measurable', () => {
    for (const model of ['raid1', 'raid10']) {
      const one = { ...busy, numjobs: 1, iodepth: 4 };
      expect(iops(model, { ...one, barrier: 'lock' }) / iops(model, one)).toBeGreaterThan(0.98);
    }
  });
});

describe('invariants with barrier=lock', () => {
  const cases: ['raid1' | 'raid10', Record<string, string | number | boolean>][] = [
    ['raid1', { barrier: 'lock', numjobs: 8, cpus: 8, device: 'nvme', rw: 'randrw', assume_clean: false }],
    ['raid1', { barrier: 'lock', bitmap: 'bitmap', numjobs: 8, cpus: 4 }],
    ['raid10', { barrier: 'lock', numjobs: 8, cpus: 8, device: 'nvme', rw: 'randrw', assume_clean: false }],
    ['raid10', { barrier: 'lock', bitmap: 'llbitmap', numjobs: 8, cpus: 4, rw: 'randrw' }],
  ];
  for (const [model, params] of cases) {
    it(`${model} ${JSON.stringify(params)}`, () => {
      const m = mirrorRun(model, params);
      runChecked(m, 3e6);
      expect(m.completions).toBeGreaterThan(100);
      expect(m.conf.barrier.resyncLock.cls.stats.acquisitions).toBeGreaterThan(m.completions);
    });
  }
});

describe('the toggle as users see it', () => {
  it('--describe names the change and its release for each personality', () => {
    const help = (specs: typeof RAID1_PARAMS) => specs.find((s) => s.key === 'barrier')!;
    expect(help(RAID1_PARAMS).default).toBe('lockless');
    expect(help(RAID1_PARAMS).help).toMatch(/avoid unnecessary spin locks in I\/O barrier code.*4\.11/);
    expect(help(RAID10_PARAMS).help).toMatch(/reduce lock contention for io.*6\.1/);
  });
  it('a bad value is refused with the key, the value and what is accepted', () => {
    expect(() => resolveScenario({ model: 'raid10', params: { barrier: 'spinlock' } })).toThrow(
      /^barrier=spinlock: accepted lockless \| lock/,
    );
  });
});

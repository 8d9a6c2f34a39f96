// raid5 with write-intent bitmaps: first writes wait on bitmap_list for raid5d's bitmap batch, the classic
// bitmap's lock, llbitmap's lazy parity build and forced RCW, the initial resync, and invariants throughout.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel } from '../../run';
import type { Raid5 } from './raid5';
import { runRaid5 } from './testkit';

function debugRun(params: Record<string, string | number | boolean>, ns: number): Raid5 {
  const m = createModel('raid5', resolveScenario({ model: 'raid5', params }).params, 5) as Raid5;
  m.debug = true;
  m.runChecked(ns);
  return m;
}
const fast = { duration: '4ms', warmup: '2ms' };

describe('BITMAP UNPLUGGING in raid5d', () => {
  it('every first write parks its stripe on bitmap_list until raid5d bumps seq_flush, unplugs and sets seq_write', () => {
    const m = debugRun({ bitmap: 'llbitmap', disks: 4, numjobs: 2, iodepth: 8 }, 3e6);
    const stats = m.conf.listStats.bitmap;
    expect(stats.arrivals).toBeGreaterThan(m.completions * 0.9);
    expect(m.conf.seqWrite).toBeGreaterThan(10);
    expect(m.conf.seqWrite).toBeLessThanOrEqual(m.conf.seqFlush);
    expect(m.conf.bitmapList.length).toBeLessThanOrEqual(stats.maxLength);
  });
  it('without a bitmap nothing waits there', () => {
    const r = runRaid5({ disks: 4 }, fast);
    expect(r.queues.find((q) => q.name === 'bitmap_list')!.arrivals).toBe(0);
    expect(r.locks.map((l) => l.name)).not.toContain('bitmap_lock');
  });
  it('the classic bitmap takes bitmap_lock twice per write (start in the submitter, end in raid5d)', () => {
    const r = runRaid5({ bitmap: 'bitmap', disks: 4 }, fast);
    const lock = r.locks.find((l) => l.name === 'bitmap_lock')!;
    const writes = (r.throughput.opsPerSec * r.simulatedNs) / 1e9;
    expect(lock.acquisitions / writes).toBeGreaterThan(1.8);
    expect(lock.acquisitions / writes).toBeLessThan(2.2);
  });
});

describe('llbitmap on raid5: lazy parity build', () => {
  it('first writes make chunks NeedSync; the lazy recovery builds them; until then writes reconstruct (RCW)', () => {
    const lazy = runRaid5({ bitmap: 'llbitmap', assume_clean: false, disks: 6, size: '4g' }, fast).extra!;
    const clean = runRaid5({ bitmap: 'llbitmap', assume_clean: true, disks: 6, size: '4g' }, fast).extra!;
    expect((lazy.bits as Record<string, number>)['need sync']).toBeGreaterThan(0);
    expect(lazy.resyncKiBPerSec as number).toBeGreaterThan(0);
    expect(lazy.rmwWrites as number).toBeLessThan((lazy.rcwWrites as number) * 0.05);
    // assume-clean: every chunk starts Clean, parity is trusted, RMW is chosen on 6 disks
    expect(clean.rmwWrites as number).toBeGreaterThan((clean.rcwWrites as number) * 5);
    expect(clean.resyncKiBPerSec).toBe(0);
  });
});

describe('the initial resync of a new raid5', () => {
  it('reads every member of each row, writes nothing, and forces RCW beyond recovery_cp', () => {
    const r = runRaid5({ assume_clean: false, disks: 6, rw: 'randread' }, fast);
    expect(r.extra!.resyncRunning).toBe(true);
    expect(r.extra!.resyncKiBPerSec as number).toBeGreaterThan(1000);
    expect(r.extra!.memberWriteBytes).toBe(0);
    const w = runRaid5({ assume_clean: false, disks: 6 }, fast).extra!;
    expect(w.rmwWrites as number).toBeLessThan((w.rcwWrites as number) * 0.05);
  });
  it('keeps the invariants with resync stripes, bitmap batches and workers', () => {
    for (const bitmap of ['none', 'bitmap', 'llbitmap']) {
      const m = debugRun(
        { bitmap, assume_clean: false, disks: 5, group_thread_cnt: 2, rw: 'randrw', bitmap_chunk: '1m' },
        2e6,
      );
      expect(m.completions).toBeGreaterThan(50);
    }
  });
});

describe('sysfs knobs of the resync change live', () => {
  it('sync_speed_min raised above the resync rate stops it yielding to the writes', () => {
    // sync_speed_min 100 KiB/s to start from: in 6 ms the resync has done well under a megabyte, so with
    // the default 1000 KiB/s its currspeed is still "below the minimum" and it never considers yielding.
    const m = createModel(
      'raid5',
      resolveScenario({ model: 'raid5', params: { assume_clean: false, disks: 4, sync_speed_min: 100 } }).params,
      5,
    ) as Raid5;
    m.sim.runUntil(3e6);
    m.resetStats();
    m.sim.runUntil(6e6);
    const before = m.result({ preset: null, warmupNs: 0 }).extra!;
    expect(m.setLive('sync_speed_min', 10_000_000)).toBeNull();
    m.resetStats();
    m.sim.runUntil(9e6);
    const after = m.result({ preset: null, warmupNs: 0 }).extra!;
    expect(after.resyncThrottleWaits).toBe(0);
    expect(before.resyncThrottleWaits as number).toBeGreaterThan(0);
  });
});

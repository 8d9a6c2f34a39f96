// raid1 / raid10 model checks: invariants during runs, where copies go, the md thread's role with and
// without a bitmap, the initial resync and its throttle, live knobs and refusals of bad input.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { mirrorRun, runChecked, runMirror } from './testkit';

const fast = { duration: '3ms', warmup: '1ms' };

describe('invariants hold during runs', () => {
  const cases: [string, 'raid1' | 'raid10', Record<string, string | number | boolean>][] = [
    ['raid1, no bitmap, new array (resync)', 'raid1', { assume_clean: false }],
    ['raid1, classic bitmap, small chunks', 'raid1', { bitmap: 'bitmap', bitmap_chunk: '64k' }],
    ['raid1, llbitmap, randrw', 'raid1', { bitmap: 'llbitmap', rw: 'randrw' }],
    ['raid10, classic bitmap, new array', 'raid10', { bitmap: 'bitmap', assume_clean: false, disks: 5 }],
    ['raid10, llbitmap, sequential 64k', 'raid10', { bitmap: 'llbitmap', rw: 'write', bs: '64k' }],
  ];
  for (const [name, model, params] of cases) {
    it(name, () => {
      const m = mirrorRun(model, params);
      runChecked(m, 3e6);
      expect(m.completions).toBeGreaterThan(50);
    });
  }
});

describe('where the copies go', () => {
  it('raid1 writes every member, reads one', () => {
    const w = mirrorRun('raid1', { disks: 3, numjobs: 1, iodepth: 4 });
    runChecked(w, 2e6);
    // every completed bio wrote three copies; bios still in flight may have some copies out
    expect(w.io.writeBytes).toBeGreaterThanOrEqual(3 * w.bytes);
    expect(w.io.writeBytes).toBeLessThanOrEqual(3 * (w.bytes + 4096 * w.workload.inFlight()));
    const r = mirrorRun('raid1', { rw: 'randread', numjobs: 1, iodepth: 4 });
    runChecked(r, 2e6);
    expect(r.io.readBytes).toBeGreaterThanOrEqual(r.bytes);
    expect(r.io.readBytes).toBeLessThanOrEqual(r.bytes + 4096 * r.workload.inFlight());
  });
  it('raid10 near-2 puts each write on two neighbouring members, spread over all of them', () => {
    const m = mirrorRun('raid10', { disks: 4, numjobs: 2, iodepth: 4 });
    runChecked(m, 3e6);
    const perMember = m.io.members.map((d) => d.ops);
    const total = perMember.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2 * m.completions);
    expect(total).toBeLessThanOrEqual(2 * (m.completions + m.workload.inFlight()));
    for (const ops of perMember) expect(ops / (m.completions / 2)).toBeGreaterThan(0.8);
    expect(m.conf.layout.copiesOf(0).map((c) => c.disk)).toEqual([0, 1]);
    expect(m.conf.layout.copiesOf(128).map((c) => c.disk)).toEqual([2, 3]); // next 512K chunk
  });
});

describe('the md thread carries writes only when there is a bitmap', () => {
  it('no bitmap: submitters write the members; with one, raid1d flushes pending_bio_list', () => {
    const none = runMirror('raid1', {}, fast);
    const ll = runMirror('raid1', { bitmap: 'llbitmap' }, fast);
    const pending = (r: typeof none) => r.queues.find((q) => q.name === 'pending_bio_list')!.arrivals;
    expect(pending(none)).toBe(0);
    expect(pending(ll)).toBeGreaterThan(ll.throughput.opsPerSec * 0.003);
    expect(none.locks.map((l) => l.name)).toEqual(['device_lock']);
    expect(runMirror('raid1', { bitmap: 'bitmap' }, fast).locks.map((l) => l.name)).toEqual([
      'device_lock',
      'bitmap_lock',
    ]);
  });
});

describe('the initial resync', () => {
  it('runs without assume_clean, throttled by md: it waits for its own IO whenever the array is busy', () => {
    const r = runMirror('raid1', { assume_clean: false, device: 'nvme' }, { duration: '10ms', warmup: '2ms' });
    const x = r.extra!;
    expect(x.resyncRunning).toBe(true);
    expect(x.resyncKiBPerSec as number).toBeGreaterThan(10_000);
    expect(x.resyncThrottleWaits as number).toBeGreaterThan(5);
    expect(x.recoveryCpPages as number).toBeGreaterThan(0);
  });
  it('raid1 resync reads one mirror and writes the other; raid10 reads both copies and writes nothing', () => {
    const r1 = mirrorRun('raid1', { assume_clean: false, numjobs: 1, iodepth: 1 });
    runChecked(r1, 3e6);
    const reads = r1.io.members[0].ops,
      writes = r1.io.members[1].ops;
    expect(r1.io.syncBytes).toBeGreaterThan(0);
    expect(writes).toBeGreaterThan(0);
    expect(Math.abs(reads - writes)).toBeLessThan(reads * 0.2);
    const r10 = mirrorRun('raid10', { assume_clean: false, rw: 'randread' });
    runChecked(r10, 3e6);
    expect(r10.io.syncBytes).toBeGreaterThan(0);
    expect(r10.io.writeBytes).toBe(0);
  });
  it('llbitmap skips what was never written: no resync IO on a new raid1', () => {
    const r = runMirror('raid1', { assume_clean: false, bitmap: 'llbitmap' }, fast);
    expect(r.extra!.resyncBytesPerSec).toBe(0);
    expect(r.extra!.resyncRunning).toBe(false);
  });
  it('sync_speed_min is a live knob: raised above the resync rate, the resync stops yielding', () => {
    const m = mirrorRun('raid1', { assume_clean: false, device: 'nvme' });
    m.sim.runUntil(2e6);
    m.resetStats();
    m.sim.runUntil(6e6);
    const before = m.result({ preset: null, warmupNs: 0 }).extra!;
    expect(m.setLive('sync_speed_min', 10_000_000)).toBeNull();
    m.resetStats();
    m.sim.runUntil(10e6);
    const after = m.result({ preset: null, warmupNs: 0 }).extra!;
    expect(after.resyncThrottleWaits).toBe(0);
    expect(after.resyncKiBPerSec as number).toBeGreaterThan((before.resyncKiBPerSec as number) * 1.2);
    expect(m.setLive('disks', 3)).toMatch(/not a runtime knob/);
  });
});

describe('bad input is refused with the key, the value and what is accepted', () => {
  const bad: [string, Record<string, string | number>, RegExp][] = [
    ['raid1', { bitmap: 'lockless' }, /^bitmap=lockless: accepted none \| bitmap \| llbitmap/],
    ['raid10', { assume_clean: 'maybe' }, /^assume_clean=maybe: accepted on \| off/],
    ['raid1', { bitmap_chunk: '3k' }, /^bitmap_chunk=3k: .*power of two/],
    ['raid1', { daemon_sleep: 0 }, /^daemon_sleep=0: accepted a time/],
    [
      'raid1',
      { sync_speed_min: 5000, sync_speed_max: 4000 },
      /^sync_speed_max=4000: accepted at least sync_speed_min \(5000 KiB\/s\)/,
    ],
    ['raid10', { bs: '1m', chunk: '512k' }, /^bs=1048576: accepted at most the chunk/],
    ['raid1', { disks: 1 }, /^disks=1: accepted an integer 2\.\.8/],
    ['raid5', { bitmap: 'yes' }, /^bitmap=yes: accepted none \| bitmap \| llbitmap/],
    ['raid5', { assume_clean: 2 }, /^assume_clean=2: accepted on \| off/],
  ];
  for (const [model, params, msg] of bad) {
    it(`${model} ${JSON.stringify(params)}`, () => {
      expect(() => resolveScenario({ model, params })).toThrow(msg);
    });
  }
});

describe('determinism', () => {
  it('same seed, same bytes; another seed differs', () => {
    const run = (seed: number) =>
      JSON.stringify(runMirror('raid10', { bitmap: 'llbitmap', assume_clean: false }, { ...fast, seed }));
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });
});

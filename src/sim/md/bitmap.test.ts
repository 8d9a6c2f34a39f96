// The bitmap mechanisms on their own terms: llbitmap's state machine, block dirtying and infection, the
// classic bitmap's counters, bitmap_lock and page writes, both daemons, seen through a raid1 run.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../core/kernel';
import { Simulator } from '../core/simulator';
import { WaitQueue } from '../core/waitQueue';
import { mirrorRun, runChecked, runMirror } from '../models/mirror/testkit';
import type { MdBitmap } from './classic';
import { LlBitmap } from './llbitmap';
import {
  Clean,
  Daemon,
  Dirty,
  Endsync,
  LlState,
  NeedSync,
  Startsync,
  Startwrite,
  Syncing,
  Unwritten,
} from './llbitmapState';

const GiB = 2 ** 30;
function state(spanBytes: number, level456: boolean, assumeClean = false): LlState {
  const k = new Kernel(new Simulator(), { cpus: 1, switchNs: 0, wakeupNs: 0, sliceNs: 0 });
  return new LlState(spanBytes / 4096, level456, assumeClean, (i) => new WaitQueue(k, `p${i}`));
}

describe('llbitmap state machine and layout', () => {
  it('sizes chunks as llbitmap_init does: 20 GiB -> 256K chunks, 81920 states, 21 pages', () => {
    const s = state(20 * GiB, false);
    expect(s.chunkPages * 4096).toBe(256 * 1024);
    expect(s.chunks).toBe(81920);
    expect(s.pages.length).toBe(21);
  });
  it('first writes: Unwritten -> Dirty (raid1) or NeedSync (raid456); Clean -> Dirty; Dirty stays', () => {
    const r1 = state(GiB, false);
    expect(r1.run(5, 5, Startwrite)).toMatchObject({ dirtied: true, needSync: false });
    expect(r1.state[5]).toBe(Dirty);
    expect(r1.run(5, 5, Startwrite).last).toBe(0xff);
    const r5 = state(GiB, true);
    expect(r5.run(5, 5, Startwrite).needSync).toBe(true);
    expect(r5.state[5]).toBe(NeedSync);
    const clean = state(GiB, false, true);
    expect(clean.state[9]).toBe(Clean);
    clean.run(9, 9, Startwrite);
    expect(clean.state[9]).toBe(Dirty);
  });
  it('sync and daemon: NeedSync -> Syncing -> Dirty -> Clean', () => {
    const s = state(GiB, true);
    s.run(3, 3, Startwrite);
    s.takeDirtyBlocks(); // unplug wrote the block
    s.run(3, 3, Startsync);
    expect(s.state[3]).toBe(Syncing);
    s.run(3, 3, Endsync);
    expect(s.state[3]).toBe(Dirty);
    s.run(0, s.chunks - 1, Daemon);
    expect(s.state[3]).toBe(Clean);
    expect(s.state[4]).toBe(Unwritten); // one dirty chunk alone does not infect its block
  });
  it('block-level dirtying: one block per newly dirty chunk, a second chunk infects the whole block, then no IO', () => {
    const s = state(20 * GiB, false);
    s.run(0, 0, Startwrite);
    expect(s.takeDirtyBlocks()).toEqual([512]);
    s.run(7, 7, Startwrite); // same block, after the first was written: chunk 0 is Dirty -> infect
    expect(s.infections).toBe(1);
    expect(s.state[300]).toBe(Dirty);
    expect(s.takeDirtyBlocks()).toEqual([512]);
    s.run(300, 300, Startwrite); // already Dirty: no state change, no block to write
    expect(s.anyDirty()).toBe(false);
  });
});

describe('classic bitmap through raid1', () => {
  it('small chunks: random writes keep setting new bits, each page written to every member before the data', () => {
    const m = mirrorRun('raid1', { bitmap: 'bitmap', bitmap_chunk: '64k', numjobs: 2, iodepth: 4 });
    runChecked(m, 3e6);
    const b = m.bitmap as unknown as MdBitmap;
    const f = b.figures();
    expect(f.bitsSet as number).toBeGreaterThan(m.completions * 0.9);
    expect(f.bitmapWrites as number).toBeGreaterThan(f.unplugs as number); // pages to both members per unplug
    expect(m.io.metaBytes).toBeGreaterThan(0);
  });
  it('64M chunks (mdadm default): after the first writes the 320 bits stay set and no bitmap IO is left', () => {
    const r = runMirror('raid1', { bitmap: 'bitmap' }, { duration: '2ms', warmup: '20ms' });
    expect(r.extra!.chunks).toBe(320);
    expect(r.extra!.bitmapWrites as number).toBeLessThan(10);
    const lock = r.locks.find((l) => l.name === 'bitmap_lock')!;
    const writes = (r.throughput.opsPerSec * r.simulatedNs) / 1e9;
    expect(lock.acquisitions / writes).toBeGreaterThan(1.8); // start_write + end_write per bio
    expect(lock.acquisitions / writes).toBeLessThan(2.2);
  });
  it('the daemon clears idle chunks: 2 -> 1 -> 0 over two daemon_sleep periods, and writes the pages', () => {
    const r = runMirror(
      'raid1',
      { bitmap: 'bitmap', bitmap_chunk: '64k', rw: 'write', numjobs: 1, iodepth: 2, daemon_sleep: '1ms' },
      { duration: '6ms', warmup: '2ms' },
    );
    expect(r.extra!.bitsCleared as number).toBeGreaterThan(10);
  });
});

describe('llbitmap through raid1', () => {
  it('no lock on the IO path; block writes only until blocks are infected', () => {
    const m = mirrorRun('raid1', { bitmap: 'llbitmap', size: '1g', numjobs: 2, iodepth: 4 });
    const ll = m.bitmap as unknown as LlBitmap;
    // until every block is infected (a few ms of random writes over 1 GiB)
    for (let t = 1e6; t <= 20e6 && (ll.figures().bits as Record<string, number>).dirty < ll.s.chunks; t += 1e6)
      runChecked(m, t);
    expect(m.lockClasses().map((c) => c.name)).toEqual(['device_lock']);
    const early = ll.figures().bitmapWrites as number;
    expect(early).toBeGreaterThan(0);
    m.resetStats();
    runChecked(m, m.sim.now + 2e6);
    expect(ll.figures().bitmapWrites).toBe(0);
    expect((ll.figures().bits as Record<string, number>).dirty).toBe(ll.s.chunks);
  });
  it('the daemon cleans pages untouched for barrier_idle (Dirty -> Clean, no IO)', () => {
    const sim = new Simulator();
    const kernel = new Kernel(sim, { cpus: 2, switchNs: 0, wakeupNs: 1000, sliceNs: 0 });
    const evDone = sim.register('meta done', (i) => dones[i]());
    const dones: (() => void)[] = [];
    const host = {
      kernel,
      spanPages: GiB / 4096,
      members: 2,
      level456: false,
      costs: {
        bitmapCounterNs: 100,
        llbitmapStateNs: 50,
        unplugCheckNs: 100,
        submitNs: 500,
        syncStepNs: 100,
        handoffNs: 0,
        bounceNs: 0,
      },
      writeMetadata: (_d: number, _b: number, done: () => void) => {
        dones.push(done);
        sim.schedule(20_000, evDone, dones.length - 1);
      },
      wakeupMdThread: () => {},
    };
    const ll = new LlBitmap(host, {
      bitmap: 'llbitmap',
      assumeClean: true,
      bitmapChunkBytes: 0,
      daemonSleepNs: 2e6,
      barrierIdleNs: 1e6,
      syncSpeedMinKiB: 1000,
      syncSpeedMaxKiB: 200000,
      syncIoDepth: 32,
    });
    kernel.spawn('writer', 'test', function* (t) {
      yield* ll.startWrite(t, 0, 1); // page 0 of the bitmap
      yield* ll.unplug(t);
      yield* ll.endWrite(t, 0, 1);
    });
    sim.runUntil(1.5e6);
    expect(ll.s.state[0]).toBe(Dirty);
    expect(ll.figures().bitmapWrites).toBe(2); // the newly dirty block, to both members
    sim.runUntil(5e6); // the pending timer fires after daemon_sleep; the page expired after barrier_idle
    expect(ll.pagesCleaned).toBe(1);
    expect(ll.s.state[0]).toBe(Clean);
    expect(ll.figures().bitmapWrites).toBe(2);
  });
});

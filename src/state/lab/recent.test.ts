// Recent figures from two cumulative samples: rates and shares over the window between them, and the
// window keeping about the asked span of simulated time.
import { describe, expect, it } from 'vitest';
import { recentFigures, RecentWindow, type Sample } from './recent';

function sample(timeNs: number, k: number): Sample {
  // One thread that runs 60% and spins 10% of the time; one member 50% busy; device_lock held 30%.
  const threadNs = new Float64Array([0.6 * timeNs, 0.1 * timeNs, 0, 0, 0.3 * timeNs]);
  return {
    timeNs,
    completions: 100 * k,
    bytes: 409600 * k,
    threads: [{ name: 'md0_raid5', role: 'raid5d' }],
    threadNs,
    // sda: 100 requests of 16 KiB per 1 ms sample, 300 bios merged into them.
    members: [
      { name: 'sda', busyNs: 0.5 * timeNs, parallelism: 4, bytes: 100 * 16384 * k, requests: 100 * k, merges: 300 * k },
    ],
    locks: [{ name: 'device_lock', holdNs: 0.3 * timeNs, acquisitions: 10 * k, contentions: 2 * k, instances: 1 }],
    waitingForStripe: k % 2,
    numjobs: 1,
    groupThreadCnt: 0,
    cpus: 4,
    cacheActive: 10,
    cacheSize: 256,
    free: 246,
  };
}

describe('recent figures', () => {
  it('differences two samples into rates and shares', () => {
    const r = recentFigures(sample(1e6, 1), sample(2e6, 2));
    expect(r.spanNs).toBe(1e6);
    expect(r.opsPerSec).toBeCloseTo(100_000);
    expect(r.bytesPerSec).toBeCloseTo(409_600_000);
    expect(r.threads[0]).toMatchObject({ running: 0.6, spinning: 0.1, idle: 0.3 });
    expect(r.members[0].utilisation).toBeCloseTo(0.5);
    expect(r.locks[0]).toMatchObject({ name: 'device_lock', contended: 0.2 });
    expect(r.locks[0].held).toBeCloseTo(0.3);
  });

  it("gives each member's areq-sz and merges/s over the window, not since the start", () => {
    const r = recentFigures(sample(1e6, 1), sample(2e6, 2));
    expect(r.members[0].meanRequestBytes).toBe(16384);
    expect(r.members[0].mergesPerSec).toBeCloseTo(300_000);
    // Later requests grow to 64 KiB with fewer merges: the window shows them, the whole run's mean would not.
    const a = sample(10e6, 10);
    const b = sample(11e6, 11);
    b.members[0] = {
      ...a.members[0],
      busyNs: b.members[0].busyNs,
      bytes: a.members[0].bytes + 10 * 65536,
      requests: a.members[0].requests + 10,
      merges: a.members[0].merges + 50,
    };
    const late = recentFigures(a, b).members[0];
    expect(late.meanRequestBytes).toBe(65536);
    expect(late.mergesPerSec).toBeCloseTo(50_000);
    expect(b.members[0].bytes / b.members[0].requests).toBeLessThan(20_000); // since the start: still ~16K
  });

  it('a member that sent nothing in the window has no request size, and counters that went back count from zero', () => {
    const a = sample(1e6, 1);
    const idle = { ...sample(2e6, 2), members: [{ ...a.members[0], busyNs: a.members[0].busyNs }] };
    expect(recentFigures(a, idle).members[0]).toMatchObject({ meanRequestBytes: null, mergesPerSec: 0 });
    const reset = {
      ...sample(2e6, 2),
      members: [{ name: 'sda', busyNs: 0, parallelism: 4, bytes: 8192, requests: 1, merges: 1 }],
    };
    expect(recentFigures(a, reset).members[0]).toMatchObject({ meanRequestBytes: 8192, mergesPerSec: 1000 });
  });

  it('keeps about the asked window and starts over on a new run', () => {
    const w = new RecentWindow();
    expect(w.push(sample(0, 0), 3e6)).toBeNull();
    for (let i = 1; i <= 10; i++) w.push(sample(i * 1e6, i), 3e6);
    const r = w.push(sample(11e6, 11), 3e6)!;
    expect(r.spanNs).toBe(3e6);
    expect(w.push(sample(1e6, 1), 3e6)).toBeNull(); // time went back: a new run
  });
});

// Recent figures from two cumulative samples: rates and shares over the window between them, and the
// window keeping about the asked span of simulated time.
import { describe, expect, it } from 'vitest';
import { recentFigures, RecentWindow, type Sample } from './recent';

function sample(timeNs: number, k: number): Sample {
  // One thread that runs 60% and spins 10% of the time; one member 50% busy; device_lock held 30%.
  const threadNs = new Float64Array([0.6 * timeNs, 0.1 * timeNs, 0, 0, 0.3 * timeNs]);
  return {
    timeNs, completions: 100 * k, bytes: 409600 * k, threads: [{ name: 'md0_raid5', role: 'raid5d' }], threadNs,
    members: [{ name: 'sda', busyNs: 0.5 * timeNs, parallelism: 4 }],
    locks: [{ name: 'device_lock', holdNs: 0.3 * timeNs, acquisitions: 10 * k, contentions: 2 * k, instances: 1 }],
    waitingForStripe: k % 2, numjobs: 1, groupThreadCnt: 0, cpus: 4, cacheActive: 10, cacheSize: 256, free: 246,
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

  it('keeps about the asked window and starts over on a new run', () => {
    const w = new RecentWindow();
    expect(w.push(sample(0, 0), 3e6)).toBeNull();
    for (let i = 1; i <= 10; i++) w.push(sample(i * 1e6, i), 3e6);
    const r = w.push(sample(11e6, 11), 3e6)!;
    expect(r.spanNs).toBe(3e6);
    expect(w.push(sample(1e6, 1), 3e6)).toBeNull(); // time went back: a new run
  });
});

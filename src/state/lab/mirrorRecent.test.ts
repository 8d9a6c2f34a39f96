// The raid1/raid10 members' recent figures: hand-made samples for the differencing and the window, then real
// run for what the mirror's snapshot carries (4K random writes on nvme members: 4K requests, busy).
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { createModel } from '../../sim/run';
import { MirrorWindow, mirrorMemberFigures, mirrorSampleOf, type MirrorSample } from './mirrorRecent';

/** Each 1 ms: sda sends 100 requests of 16 KiB with 300 merges and is half busy; sdb sends 50 of 4 KiB. */
function sample(timeNs: number, k: number): MirrorSample {
  return {
    timeNs,
    members: [
      { name: 'sda', busyNs: 0.5 * timeNs, parallelism: 1, bytes: 100 * 16384 * k, requests: 100 * k, merges: 300 * k },
      { name: 'sdb', busyNs: 0.25 * timeNs, parallelism: 1, bytes: 50 * 4096 * k, requests: 50 * k, merges: 0 },
    ],
  };
}

describe('mirror member figures', () => {
  it("gives each member's %util, areq-sz and merges/s over the window, not since the start", () => {
    const [a, b] = mirrorMemberFigures(sample(1e6, 1), sample(2e6, 2));
    expect(a).toMatchObject({ name: 'sda', meanRequestBytes: 16384 });
    expect(a.utilisation).toBeCloseTo(0.5);
    expect(a.mergesPerSec).toBeCloseTo(300_000);
    expect(b).toMatchObject({ name: 'sdb', meanRequestBytes: 4096, mergesPerSec: 0 });
    const old = sample(10e6, 10);
    const late = sample(11e6, 11);
    late.members[0] = {
      ...old.members[0],
      busyNs: late.members[0].busyNs,
      bytes: old.members[0].bytes + 10 * 65536,
      requests: old.members[0].requests + 10,
      merges: old.members[0].merges,
    };
    expect(mirrorMemberFigures(old, late)[0]).toMatchObject({ meanRequestBytes: 65536, mergesPerSec: 0 });
  });

  it('matches members by name; an idle member has no request size', () => {
    const a = sample(1e6, 1);
    const b = {
      ...sample(2e6, 2),
      members: [{ ...a.members[1], busyNs: a.members[1].busyNs }, sample(2e6, 2).members[0]],
    };
    const [sdb, sda] = mirrorMemberFigures(a, b);
    expect(sdb).toMatchObject({ name: 'sdb', meanRequestBytes: null, mergesPerSec: 0 });
    expect(sda).toMatchObject({ name: 'sda', meanRequestBytes: 16384 });
  });

  it('keeps about the asked window and starts over on another array', () => {
    const w = new MirrorWindow();
    expect(w.push(sample(0, 0), 3e6)).toBeNull();
    for (let k = 1; k <= 10; k++) w.push(sample(k * 1e6, k), 3e6);
    const late = sample(11e6, 11);
    // the last 1 ms's 100 requests are 64 KiB: over the 3 ms window from 8 ms, 200 of 16 KiB and 100 of 64 KiB
    late.members[0] = { ...late.members[0], bytes: sample(10e6, 10).members[0].bytes + 100 * 65536 };
    expect(w.push(late, 3e6)?.[0].meanRequestBytes).toBe(32768);
    const three = { timeNs: 12e6, members: [...late.members, { ...late.members[1], name: 'sdc' }] };
    expect(w.push(three, 3e6)).toBeNull();
  });

  it("reads a raid1 snapshot's members: 4K random writes are 4K requests on every member", () => {
    const sc = resolveScenario({
      model: 'raid1',
      params: { device: 'nvme', rw: 'randwrite', bs: '4k', numjobs: 2, iodepth: 4 },
    });
    const run = createModel(sc.model, sc.params, 7);
    run.sim.runUntil(1e6);
    expect(mirrorSampleOf({ ...run.snapshot(), model: 'raid1', extra: { level: 'raid5' } })).toBeNull();
    const a = mirrorSampleOf(run.snapshot());
    run.sim.runUntil(3e6);
    const b = mirrorSampleOf(run.snapshot());
    expect(a && b).toBeTruthy();
    const figs = mirrorMemberFigures(a as MirrorSample, b as MirrorSample);
    expect(figs.map((f) => f.name)).toEqual(['nvme0n1', 'nvme1n1']); // device nvme: the kernel's names (lib/memberNames)
    for (const f of figs) {
      expect(f.meanRequestBytes).toBe(4096);
      expect(f.utilisation).toBeGreaterThan(0);
      expect(f.mergesPerSec).toBe(0);
    }
  });
});

// Recovery on synthetic truth (issue 17): "measurements" made by the model on a hidden machine, written through
// the fio JSON export with fio's 3% run-to-run noise from a seeded stream, then fitted from the device class's
// defaults. The truth is run on another seed than the fit's (whose every evaluation shares one seed, common random
// numbers), so the data carry the model's own sampling noise of a short run as well as fio's 3%. Short runs
// (10 ms after 3 ms) keep each fit to some seconds of CPU.
import { describe, expect, it } from 'vitest';
import { calibrate, predict, type Calibration } from './calibrate';
import { runOf, type CalRun } from './runs';
import { inProcess, syntheticRuns } from '../cli/calibrate/synthetic';
import { makeProfile, parseProfile } from './profile';

const SETS = { level: 5, disks: 4, device: 'nvme' };
const TIMING = { seed: 1, duration: '10ms', warmup: '3ms' };
const SETTINGS = { model: 'raid5', sets: SETS, ...TIMING };
/** Five runs, each bound by one part of the machine: raid5d alone (CPU), workers, QD1 (latency), deep 4K reads
 * (parallelism, when it binds), 1M sequential reads (bandwidth). */
const FIVE: Record<string, string | number>[] = [
  { rw: 'randwrite', bs: 4096, iodepth: 32, numjobs: 4, group_thread_cnt: 0 },
  { rw: 'randwrite', bs: 4096, iodepth: 16, numjobs: 4, group_thread_cnt: 4 },
  { rw: 'randread', bs: 4096, iodepth: 1, numjobs: 1 },
  { rw: 'randread', bs: 4096, iodepth: 32, numjobs: 4 },
  { rw: 'read', bs: 1 << 20, iodepth: 8, numjobs: 1 },
];

function measure(truth: Record<string, number>, runs: Record<string, string | number>[], noiseSeed: number): CalRun[] {
  // The truth runs on seed 2, the fit on seed 1: the model's own sampling noise is in the data too.
  const sources = syntheticRuns({ truth, sets: SETS, runs, ...TIMING, seed: 2, noise: 0.03, noiseSeed });
  return sources.map((s) => runOf(SETTINGS, s));
}

const within = (c: Calibration, key: string, truth: number, tol: number) => {
  const got = c.fit[key].value;
  expect(Math.abs(got / truth - 1), `${key}: fitted ${got}, truth ${truth}`).toBeLessThan(tol);
};

describe('calibration recovers a hidden machine from five fio results', () => {
  it("the issue's machine (37 us, 1.3 GB/s, parallelism 24): cpu, latency and bandwidth within 10%; parallelism reported as not pinned", async () => {
    const truth = { cpu_speed: 0.7, 'device.latency': 37_000, 'device.bandwidth': 1.3e9, 'device.parallelism': 24 };
    const c = await calibrate(measure(truth, FIVE, 7), inProcess);
    within(c, 'cpu_speed', 0.7, 0.1);
    within(c, 'device.latency', 37_000, 0.1);
    within(c, 'device.bandwidth', 1.3e9, 0.1);
    for (const k of ['cpu_speed', 'device.latency', 'device.bandwidth']) expect(c.fit[k].identified, k).toBe(true);
    // 24 / (37 us + 4K at 1.3 GB/s) = 598k IOPS per member, above the bandwidth's 317k for 4K: no run can show it.
    expect(c.fit['device.parallelism'].identified).toBe(false);
    expect(c.fit['device.parallelism'].advice).toMatch(/no fio run can tell/);
    expect(c.fit).not.toHaveProperty('xor_speed'); // no large writes: it follows cpu_speed, and says so
    expect(c.notes[0]).toMatch(/^xor_speed not fitted: no run writes blocks of 64 KiB or more/);
  }, 120_000);

  it('a machine whose parallelism binds (90 us): all four within 10%, a saved profile reproduces the residuals exactly, and new configurations are predicted within 10%', async () => {
    const truth = { cpu_speed: 0.7, 'device.latency': 90_000, 'device.bandwidth': 1.3e9, 'device.parallelism': 24 };
    const runs = measure(truth, FIVE, 8);
    const c = await calibrate(runs, inProcess);
    for (const [k, v] of Object.entries(truth)) {
      within(c, k, v, 0.1);
      expect(c.fit[k].identified, k).toBe(true);
      expect(c.fit[k].ci95[0]).toBeLessThanOrEqual(c.fit[k].value);
      expect(c.fit[k].ci95[1]).toBeGreaterThanOrEqual(c.fit[k].value);
    }
    // Round trip through the file: the same machine, bit for bit, gives the same residuals.
    const profile = parseProfile(JSON.stringify(makeProfile(c, runs, SETS, 'synthetic', '2026-12-02T00:00:00Z')));
    const again = await predict(runs, profile.machine, inProcess);
    expect(again.residuals).toEqual(c.residuals);
    expect(profile.sources.map((s) => s.sha256)).toEqual(runs.map((r) => r.sha256));
    // What-ifs on the fitted machine: two configurations it was not fitted to.
    const fresh = measure(
      truth,
      [
        { rw: 'randwrite', bs: 4096, iodepth: 16, numjobs: 4, group_thread_cnt: 2 },
        { rw: 'randread', bs: 16384, iodepth: 8, numjobs: 2 },
      ],
      9,
    );
    const p = await predict(fresh, profile.machine, inProcess);
    for (const r of p.residuals.filter((x) => x.figure === 'iops'))
      expect(Math.abs(r.ratio - 1), `${r.run} ${r.figure}`).toBeLessThan(0.1);
  }, 120_000);

  it('without a large sequential run the bandwidth is reported as not pinned, with the run that would pin it', async () => {
    const truth = { cpu_speed: 0.7, 'device.latency': 37_000, 'device.bandwidth': 1.3e9, 'device.parallelism': 24 };
    const fourK: Record<string, string | number>[] = [
      { rw: 'randwrite', bs: 4096, iodepth: 32, numjobs: 4, group_thread_cnt: 0 },
      { rw: 'randwrite', bs: 4096, iodepth: 16, numjobs: 4, group_thread_cnt: 4 },
      { rw: 'randwrite', bs: 4096, iodepth: 1, numjobs: 1, group_thread_cnt: 0 },
    ];
    const c = await calibrate(measure(truth, fourK, 10), inProcess, { fix: { 'device.parallelism': 24 } });
    expect(c.fit['device.bandwidth'].identified).toBe(false);
    expect(c.fit['device.bandwidth'].advice).toMatch(/large sequential run/);
    expect(c.fixed).toEqual({ 'device.parallelism': 24 });
  }, 120_000);
});

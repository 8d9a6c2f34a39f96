// Chart columns from sweep lines: numeric and word x, means with their intervals, lock wait per measured
// second, role utilisation in %, and the USL curve threaded between the points without moving them.
import { describe, expect, it } from 'vitest';
import type { PointLine } from '../../analysis/sweep/aggregate';
import { uslModel } from '../../analysis/usl';
import {
  latencyColumns,
  lockWaitColumns,
  pointXs,
  throughputColumns,
  utilisationColumns,
  withUslCurve,
} from './sweepSeries';

const e = (mean: number, half: number | null = 1) => ({
  mean,
  ci95: half === null ? null : ([mean - half, mean + half] as [number, number]),
});

function line(
  index: number,
  point: Record<string, string | number>,
  ops: number,
  wait: Record<string, number>,
): PointLine {
  return {
    point,
    index,
    replications: 3,
    seeds: [1, 2, 3],
    durationNs: 2e6,
    warmupNs: 1e6,
    throughput: { opsPerSec: e(ops, 10), bytesPerSec: e(ops * 4096) },
    latencyNs: { p50: e(1000), p99: e(5000, null), mean: e(1500) },
    utilisation: {},
    roleUtilisation: { raid5d: e(0.5, 0.1), ...(index > 0 ? { worker: e(0.25, 0.05) } : {}) },
    locks: Object.fromEntries(
      Object.entries(wait).map(([k, w]) => [
        k,
        { waitTimeTotalNs: e(w, 100), contentions: e(1), acquisitions: e(1), holdTimeTotalNs: e(1) },
      ]),
    ),
  };
}

const lines = [
  line(0, { g: 0 }, 100, { device_lock: 2e5, hash_lock: 0 }),
  line(1, { g: 2 }, 180, { device_lock: 1e6, hash_lock: 0 }),
  line(2, { g: 4 }, 200, { device_lock: 2e6, hash_lock: 0 }),
];

describe('sweep chart columns', () => {
  it('uses the values as x, or positions with the words for a list of words', () => {
    expect(pointXs(lines, 'g')).toEqual({ xs: [0, 2, 4], categories: null });
    expect(pointXs([line(0, { rw: 'read' }, 1, {}), line(1, { rw: 'write' }, 1, {})], 'rw')).toEqual({
      xs: [0, 1],
      categories: ['read', 'write'],
    });
  });

  it('gives each figure its mean and interval; none where one replication gave no interval', () => {
    const t = throughputColumns(lines, 'g').bands[0];
    expect(t).toMatchObject({ mean: [100, 180, 200], lo: [90, 170, 190], hi: [110, 190, 210] });
    const [p50, p99] = latencyColumns(lines, 'g').bands;
    expect(p50.mean).toEqual([1, 1, 1]); // µs
    expect(p99).toMatchObject({ label: 'p99', mean: [5, 5, 5], lo: [null, null, null] });
  });

  it('draws no band below 3 replications and says so; cuts a band at 0 and says so (issue 15, notice 7)', () => {
    const two = lines.map((l) => ({ ...l, replications: 2, seeds: [1, 2] }));
    const t = throughputColumns(two, 'g');
    expect(t.bands[0]).toMatchObject({ mean: [100, 180, 200], lo: [null, null, null], hi: [null, null, null] });
    expect(t.bandNote).toBe(
      'no band: 2 replications per point, too few for a meaningful 95% interval (3 or more give one)',
    );
    const low = [{ ...lines[0], latencyNs: { ...lines[0].latencyNs, p50: e(1000, 1500) } }, lines[1]];
    const l = latencyColumns(low, 'g');
    expect(l.bands[0].lo).toEqual([0, 0.999]); // 1 µs ± 1.5 µs is drawn from 0, and the note says so
    expect(l.bands[0].hi).toEqual([2.5, 1.001]);
    expect(l.bandNote).toBe(
      'band: 95% CI over replications; cut at 0, where the interval reaches below it (p50 at 1 point(s); the table has the raw interval)',
    );
    expect(throughputColumns(lines, 'g').bandNote).toBe('band: 95% CI over replications');
  });

  it('shows role utilisation in %, absent roles as gaps, and lock wait per measured second of the locks that wait', () => {
    const u = utilisationColumns(lines, 'g').bands;
    expect(u.map((b) => b.label)).toEqual(['raid5d', 'workers (mean per thread)']);
    expect(u[1].mean).toEqual([null, 25, 25]);
    const l = lockWaitColumns(lines, 'g').bands;
    expect(l.map((b) => b.label)).toEqual(['device_lock']); // hash_lock never waited
    expect(l[0].mean).toEqual([0.1, 0.5, 1]);
  });

  it('threads the USL curve between the points and leaves the points where they were', () => {
    const fit = { alpha: 0.1, beta: 0.01, gamma: 100 };
    const c = withUslCurve(throughputColumns(lines, 'g'), fit, (g) => g + 1, 4);
    expect(c.xs).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(c.bands[0].mean).toEqual([100, null, null, null, 180, null, null, null, 200]);
    expect(c.curve!.ys[4]).toBeCloseTo(uslModel(3, 0.1, 0.01, 100), 9);
    expect(c.curve!.ys).toHaveLength(9);
  });
});

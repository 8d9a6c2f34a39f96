// A/B comparison on hand-made results: significance (paired and Welch), better/worse per figure, lock rows
// that appear or vanish, and threads in pairs.
import { describe, expect, it } from 'vitest';
import { compareFigure, pairedCi, welchCi } from './compare';
import {
  headlineRows,
  LOCK_COLUMNS,
  lockRows,
  threadPairs,
  type LockFigures,
  type RunFigures,
  type ThreadFigures,
} from './compareTables';

const lock = (name: string, contentions: number, waitAvg: number, acquisitions = 1000): LockFigures => ({
  name,
  kind: 'spinlock',
  acquisitions,
  contentions,
  waitTimeTotalNs: contentions * waitAvg,
  waitTimeAvgNs: waitAvg,
  holdTimeAvgNs: 500,
});
const thread = (name: string, role: string, running: number, spinning = 0): ThreadFigures => ({
  name,
  role,
  states: { running, spinning, runnable: 0, blocked: 0, idle: 1 - running - spinning },
});
const run = (ops: number, p99: number, locks: LockFigures[] = [], threads: ThreadFigures[] = []): RunFigures => ({
  throughput: { opsPerSec: ops, bytesPerSec: ops * 4096 },
  latencyNs: { p50: p99 / 2, p99, p999: p99 * 1.2 },
  locks,
  threads,
});

describe('compareFigure', () => {
  it('a +10% change with tight replications is significant and better for throughput', () => {
    const d = compareFigure([100, 101, 99], [110, 111.2, 108.9], 'higher');
    expect(d.method).toBe('paired');
    expect(d.pct).toBeCloseTo(10.03, 1);
    expect(d.significant).toBe(true);
    expect(d.pctCi![0]).toBeGreaterThan(0);
    expect(d.verdict).toBe('better');
  });

  it('the same +10% is worse for a latency', () => {
    expect(compareFigure([100, 101, 99], [110, 111.2, 108.9], 'lower').verdict).toBe('worse');
  });

  it('a mean shift smaller than the noise is not significant ("noise")', () => {
    const d = compareFigure([100, 120, 80], [95, 130, 90], 'higher');
    expect(d.pctCi![0]).toBeLessThan(0);
    expect(d.pctCi![1]).toBeGreaterThan(0);
    expect(d.significant).toBe(false);
    expect(d.verdict).toBe('noise');
  });

  it('pairing on equal seeds removes the seed-to-seed spread that Welch keeps', () => {
    // Each seed moves both sides alike; B is always 5 above A.
    const a = [100, 200, 300];
    const b = [105, 205, 305];
    expect(pairedCi(a, b)).toEqual([5, 5]);
    const w = welchCi(a, b)!;
    expect(w[0]).toBeLessThan(0);
    expect(compareFigure(a, b, 'higher').verdict).toBe('better');
    expect(compareFigure(a, b, 'higher', false).verdict).toBe('noise');
    expect(compareFigure(a, b, 'higher', false).method).toBe('welch');
  });

  it('Welch matches a hand computation (df from Welch–Satterthwaite)', () => {
    // means 2 and 5, variances 1 and 1, n 3 and 3: se = sqrt(2/3), df = 4, t(0.975, 4) = 2.776445
    const [lo, hi] = welchCi([1, 2, 3], [4, 5, 6])!;
    expect((lo + hi) / 2).toBeCloseTo(3, 10);
    expect((hi - lo) / 2).toBeCloseTo(2.776445 * Math.sqrt(2 / 3), 5);
  });

  it('identical runs are "same", one replication has no CI but still a direction', () => {
    expect(compareFigure([7, 8], [7, 8], 'lower').verdict).toBe('same');
    const one = compareFigure([100], [90], 'lower');
    expect(one.method).toBe('single');
    expect(one.diffCi).toBeNull();
    expect(one.significant).toBeNull();
    expect(one.verdict).toBe('better');
    expect(compareFigure([100], [90], 'neutral').verdict).toBe('changed');
  });

  it('a figure that is 0 in A has no percentage', () => {
    const d = compareFigure([0, 0, 0], [3, 4, 3.5], 'lower');
    expect(d.pct).toBeNull();
    expect(d.pctCi).toBeNull();
    expect(d.diff).toBe(3.5);
    expect(d.verdict).toBe('worse');
  });

  it('refuses unequal pairs in pairedCi and empty sides', () => {
    expect(() => pairedCi([1, 2], [1])).toThrow(/equal counts/);
    expect(() => compareFigure([], [1], 'higher')).toThrow(/at least one value/);
  });
});

describe('compare tables', () => {
  it('headline rows: throughput up is better, p99 up is worse', () => {
    const a = [run(1000, 2e6), run(1010, 2.02e6)];
    const b = [run(1200, 2.4e6), run(1215, 2.41e6)];
    const rows = headlineRows(a, b);
    const by = Object.fromEntries(rows.map((r) => [r.spec.key, r.delta]));
    expect(rows.map((r) => r.spec.label)).toEqual([
      'throughput',
      'bandwidth',
      'latency p50',
      'latency p99',
      'latency p99.9',
    ]);
    expect(by.opsPerSec.verdict).toBe('better');
    expect(by.bytesPerSec.verdict).toBe('better');
    expect(by.p99.verdict).toBe('worse');
  });

  it('lock columns: every wait, hold and contention column is lower-is-better; acquisitions has no direction', () => {
    const better = Object.fromEntries(LOCK_COLUMNS.map((c) => [c.label, c.better]));
    expect(better).toEqual({
      contentions: 'lower',
      'waittime-total': 'lower',
      'waittime-avg': 'lower',
      'holdtime-avg': 'lower',
      acquisitions: 'neutral',
    });
  });

  it('a lock present only in B shows as new, one only in A as gone, an untaken class not at all', () => {
    const a = [
      run(1, 1, [lock('device_lock', 50, 2000), lock('hash_lock', 0, 0, 0)]),
      run(1, 1, [lock('device_lock', 52, 2100)]),
    ];
    const b = [
      run(1, 1, [lock('device_lock', 10, 900), lock('bitmap_lock', 80, 3000)]),
      run(1, 1, [lock('bitmap_lock', 82, 3100)]),
    ];
    const rows = lockRows(a, b);
    expect(rows.map((r) => [r.name, r.presence])).toEqual([
      ['bitmap_lock', 'new'],
      ['device_lock', 'both'],
    ]);
    const dev = rows[1];
    expect(dev.meanA!.contentions).toBe(51);
    expect(dev.meanB!.contentions).toBe(5); // B's second seed never took it: zeros, the pair is kept
    // Two seeds as far apart as 40 and 52 fewer: with one degree of freedom the 95% CI still spans 0.
    expect(dev.deltas!.contentions.verdict).toBe('noise');
    expect(dev.deltas!.contentions.pct).toBeCloseTo(-90.2, 1);
    expect(rows[0].meanA).toBeNull();
    expect(rows[0].deltas).toBeNull();
    expect(lockRows(b, a).find((r) => r.name === 'bitmap_lock')!.presence).toBe('gone');
  });

  it('more wait per contention is worse, and acquisitions change without a verdict of better or worse', () => {
    const a = [run(1, 1, [lock('device_lock', 50, 2000, 1000)]), run(1, 1, [lock('device_lock', 50, 2010, 1002)])];
    const b = [run(1, 1, [lock('device_lock', 50, 2600, 1500)]), run(1, 1, [lock('device_lock', 50, 2620, 1504)])];
    const d = lockRows(a, b)[0].deltas!;
    expect(d.waitTimeAvgNs.verdict).toBe('worse');
    expect(d.contentions.verdict).toBe('same');
    expect(d.acquisitions.verdict).toBe('changed');
  });

  it('threads pair by name (a thread only in B has no A bar) and by role with counts', () => {
    const a = [run(1, 1, [], [thread('md0_raid5', 'raid5d', 0.9, 0.1), thread('fio/0', 'submitter', 0.2)])];
    const b = [
      run(
        1,
        1,
        [],
        [
          thread('md0_raid5', 'raid5d', 0.5),
          thread('kworker/u:raid5wq-0', 'worker', 0.6, 0.2),
          thread('kworker/u:raid5wq-1', 'worker', 0.4),
          thread('fio/0', 'submitter', 0.3),
        ],
      ),
    ];
    const byThread = threadPairs(a, b, 'thread');
    expect(byThread.map((p) => p.label)).toEqual(['md0_raid5', 'fio/0', 'kworker/u:raid5wq-0', 'kworker/u:raid5wq-1']);
    expect(byThread[0].a!.busy).toBeCloseTo(1);
    expect(byThread[0].b!.busy).toBeCloseTo(0.5);
    expect(byThread[2].a).toBeNull();
    const byRole = threadPairs(a, b, 'role');
    const worker = byRole.find((p) => p.label === 'worker')!;
    expect(worker.a).toBeNull();
    expect(worker.b!.count).toBe(2);
    expect(worker.b!.busy).toBeCloseTo(0.6);
    expect(worker.b!.spinning).toBeCloseTo(0.1);
  });
});

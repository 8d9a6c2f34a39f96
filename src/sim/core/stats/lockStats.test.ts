// lock_stat's waittime-min is the shortest non-zero wait: a waiter queued at the nanosecond the holder releases
// (equal event times) counts as a contention with 0 wait, but never makes the minimum 0.00.
import { describe, expect, it } from 'vitest';
import { LockClassStats } from './lockStats';
import { lockRow } from '../result';
import type { LockClass } from '../lock';

const row = (s: LockClassStats) => lockRow({ name: s.name, kind: s.kind, stats: s } as unknown as LockClass);

describe('waittime-min', () => {
  it('is the smallest non-zero wait; zero waits still count as contentions and in the total', () => {
    const s = new LockClassStats('device_lock', 'spinlock');
    for (const ns of [0, 40, 0, 14, 900]) s.recordWait(ns);
    expect(row(s)).toMatchObject({ contentions: 5, waitTimeMinNs: 14, waitTimeMaxNs: 900, waitTimeTotalNs: 954 });
  });

  it('is 0 with no contention, or when every wait was 0 (nothing non-zero to report)', () => {
    const s = new LockClassStats('queue_lock', 'spinlock');
    expect(row(s).waitTimeMinNs).toBe(0);
    s.recordWait(0);
    expect(row(s)).toMatchObject({ contentions: 1, waitTimeMinNs: 0 });
  });

  it('a saturated raid5 preset: no contended class prints 0.00', async () => {
    const { resolveScenario } = await import('../../../scenarios/scenarioFile');
    const { runScenario } = await import('../../run');
    const r = runScenario(resolveScenario({ preset: 'raid5-4disk-threads', duration: '3ms', warmup: '1ms', seed: 1 }));
    const contended = r.result.locks.filter((l) => l.contentions > 0);
    expect(contended.length).toBeGreaterThan(0);
    for (const l of contended) expect(l.waitTimeMinNs, l.name).toBeGreaterThan(0);
  });
});

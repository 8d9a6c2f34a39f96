// Reading /proc/lock_stat text: a real sample (fixtures/README.md names its source) and one written from the
// kernel's format with md's class names; a file without the version line is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measuredLockStat } from './lockStat';
import { vsMeasuredLockStat } from './compare';
import type { SimResult } from '../../sim/core/result';

const fixture = (f: string) => readFileSync(join(__dirname, 'fixtures', f), 'utf8');

describe('lock_stat text', () => {
  it('reads the real sample: 4 classes, figures in ns, call-site blocks skipped', () => {
    const m = measuredLockStat(fixture('lock_stat-vmap-lkml-2023-03-22.txt'));
    expect(m.version).toBe('0.4');
    expect(m.rows.map((r) => r.name)).toEqual([
      'vmap_area_lock',
      'vmap_blocks.xa_lock',
      'free_vmap_area_lock',
      'purge_vmap_area_lock',
    ]);
    expect(m.rows[0]).toMatchObject({
      conBounces: 2554079,
      contentions: 2554276,
      waitTimeMinNs: 60,
      waitTimeMaxNs: 213610,
      waitTimeTotalNs: 11719647670,
      waitTimeAvgNs: 4590,
      acqBounces: 2986513,
      acquisitions: 3005712,
      holdTimeMinNs: 50,
      holdTimeAvgNs: 1190,
    });
  });

  it("reads the kernel's padded layout with md's names and the -W/-R states", () => {
    const m = measuredLockStat(fixture('lock_stat-md-raid5-format.txt'));
    expect(m.rows.map((r) => r.name)).toEqual([
      '&conf->device_lock',
      '&sh->stripe_lock',
      '&q->queue_lock',
      '&mm->mmap_lock-W',
      '&mm->mmap_lock-R',
    ]);
  });

  it('version 0.3 rows have no averages: they are derived', () => {
    const t = 'lock_stat version 0.3\n&x->lock:  1  2  0.10  0.30  0.40  5  10  0.10  1.00  2.00\n';
    expect(measuredLockStat(t).rows[0]).toMatchObject({ contentions: 2, waitTimeAvgNs: 200, holdTimeAvgNs: 200 });
  });

  it('refuses a file without the version line, and one with no class rows', () => {
    expect(() => measuredLockStat('&conf->device_lock: 1 2 3', 'x.txt')).toThrow(
      "measured-lockstat=x.txt: accepted /proc/lock_stat text starting with its 'lock_stat version 0.4' line (no version line found)",
    );
    expect(() => measuredLockStat('lock_stat version 0.4\n*WARNING* lock debugging disabled!!\n', 'y')).toThrow(
      /^measured-lockstat=y: accepted lock_stat 0.4 class rows/,
    );
  });

  it('matches model locks by kernel class name; counts are not compared, shares and averages are', () => {
    const m = measuredLockStat(fixture('lock_stat-md-raid5-format.txt'));
    const lock = (name: string, contentions: number, acquisitions: number) => ({
      name,
      kind: 'spinlock',
      contentions,
      acquisitions,
      waitTimeAvgNs: 700,
      holdTimeAvgNs: 328,
    });
    const r = { locks: [lock('device_lock', 10, 100), lock('hash_lock', 0, 5)] } as unknown as SimResult;
    const names: Record<string, string> = { device_lock: '&conf->device_lock', hash_lock: 'conf->hash_locks + i' };
    const vs = vsMeasuredLockStat(r, m, (n) => names[n]);
    expect(vs.modelOnly).toEqual(['conf->hash_locks + i']);
    expect(vs.locks).toHaveLength(1);
    expect(vs.locks[0].name).toBe('&conf->device_lock');
    expect(vs.locks[0].contendedShare.model).toBe(0.1);
    expect(vs.locks[0].contendedShare.measured).toBeCloseTo(130211 / 612330, 9);
    expect(vs.locks[0].waitTimeAvgNs.measured).toBe(1410);
    expect(vs.locks[0].waitTimeAvgNs.ratio).toBeCloseTo(700 / 1410, 3);
  });
});

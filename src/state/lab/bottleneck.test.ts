// The bottleneck rules on hand-made recent figures: each limit named with the numbers that show it,
// in the order that matters (saturated members first: then nothing else would help).
import { describe, expect, it } from 'vitest';
import { bottleneck, measuring } from './bottleneck';
import type { MemberFigures, RecentFigures, ThreadShare } from './recent';

const th = (name: string, role: string, running: number, spinning = 0, runnable = 0, blocked = 0): ThreadShare => ({
  name,
  role,
  running,
  spinning,
  runnable,
  blocked,
  idle: Math.max(0, 1 - running - spinning - runnable - blocked),
});

const mem = (name: string, utilisation: number): MemberFigures => ({
  name,
  utilisation,
  meanRequestBytes: null,
  mergesPerSec: 0,
});

function fig(over: Partial<RecentFigures> = {}): RecentFigures {
  return {
    spanNs: 1e6,
    opsPerSec: 1e5,
    bytesPerSec: 4e8,
    threads: [th('md0_raid5', 'raid5d', 0.5), th('fio/0', 'submitter', 0.1), th('fio/1', 'submitter', 0.1)],
    members: [mem('sda', 0.31), mem('sdb', 0.31), mem('sdc', 0.31)],
    locks: [{ name: 'device_lock', held: 0.2, contended: 0.1 }],
    submittersBlocked: 0,
    waitingForStripe: 0,
    numjobs: 2,
    groupThreadCnt: 0,
    cpus: 16,
    cacheActive: 100,
    cacheSize: 256,
    free: 156,
    ...over,
  };
}

describe('bottleneck', () => {
  it('a single busy raid5d: the thread is the limit, with both figures', () => {
    const v = bottleneck(fig({ threads: [th('md0_raid5', 'raid5d', 0.97, 0.01), th('fio/0', 'submitter', 0.1)] }))!;
    expect(v.limit).toBe('raid5d');
    expect(v.text).toBe(
      'md0_raid5 is 98% busy and the members 31%: the single stripe-handling thread is the limit; try group_thread_cnt',
    );
  });

  it('a held device_lock with spinning handlers: more threads will not help', () => {
    const threads = [
      th('md0_raid5', 'raid5d', 0.8, 0.16),
      th('kworker/u:raid5wq-0', 'worker', 0.8, 0.16),
      th('fio/0', 'submitter', 0.2),
    ];
    const v = bottleneck(
      fig({ threads, groupThreadCnt: 1, locks: [{ name: 'device_lock', held: 0.7, contended: 0.5 }] }),
    )!;
    expect(v.limit).toBe('lock');
    expect(v.text).toBe('device_lock is held 70% of the time and handlers spin 16%: adding threads will not help');
  });

  it('saturated members win over everything else', () => {
    const members = [mem('sda', 1), mem('sdb', 1), mem('sdc', 1)];
    const v = bottleneck(
      fig({
        members,
        threads: [th('md0_raid5', 'raid5d', 0.99)],
        locks: [{ name: 'device_lock', held: 0.8, contended: 0.5 }],
      }),
    )!;
    expect(v.limit).toBe('members');
    expect(v.text).toBe(
      'members are 100% busy (sda 100%, sdb 100%, sdc 100%): the disks are the limit; more threads or a bigger cache will not help',
    );
  });

  it('submitters blocked on a full cache: raise stripe_cache_size', () => {
    const threads = [
      th('md0_raid5', 'raid5d', 0.6),
      th('fio/0', 'submitter', 0.1, 0, 0, 0.8),
      th('fio/1', 'submitter', 0.1, 0, 0, 0.8),
    ];
    const v = bottleneck(
      fig({ threads, submittersBlocked: 0.8, waitingForStripe: 1.6, cacheActive: 32, cacheSize: 32, free: 0 }),
    )!;
    expect(v.limit).toBe('cache');
    expect(v.text).toBe(
      'submitters are blocked 80% waiting for free stripe_heads (32 of 32 in use): raise stripe_cache_size',
    );
  });

  it('blocked submitters with free stripes are not called a cache problem', () => {
    const threads = [th('md0_raid5', 'raid5d', 0.6), th('fio/0', 'submitter', 0.1, 0, 0, 0.8)];
    expect(bottleneck(fig({ threads, submittersBlocked: 0.8, waitingForStripe: 0, free: 200 }))!.limit).toBe('none');
  });

  it('handlers waiting for CPUs, all handlers busy, and busy submitters', () => {
    const cpu = [th('md0_raid5', 'raid5d', 0.6, 0, 0.3), th('kworker/u:raid5wq-0', 'worker', 0.6, 0, 0.3)];
    expect(bottleneck(fig({ threads: cpu, cpus: 2 }))!.text).toBe(
      'handlers wait 30% of the time for a CPU (2 threads on 2 CPUs): fewer workers or more CPUs',
    );
    const all = [
      th('md0_raid5', 'raid5d', 0.95),
      th('kworker/u:raid5wq-0', 'worker', 0.93),
      th('kworker/u:raid5wq-1', 'worker', 0.94),
    ];
    expect(bottleneck(fig({ threads: all, groupThreadCnt: 2 }))!.text).toBe(
      'md0_raid5 and 2 workers are 94% busy and the members 31%: the stripe handlers are the limit; try more group_thread_cnt',
    );
    const subs = [th('md0_raid5', 'raid5d', 0.3), th('fio/0', 'submitter', 0.96)];
    expect(bottleneck(fig({ threads: subs }))!.limit).toBe('submitters');
  });

  it('nothing saturated says so with the figures, and an empty window gives no line', () => {
    expect(bottleneck(fig())!.text).toBe(
      'nothing is saturated: md0_raid5 50% busy, members 31%, device_lock held 20%: requests wait on latency, so more in flight (iodepth, numjobs) would go faster',
    );
    expect(bottleneck(fig({ spanNs: 0 }))).toBeNull();
  });

  it('retired (idle) workers are not counted as handlers', () => {
    const threads = [
      th('md0_raid5', 'raid5d', 0.97),
      th('kworker/u:raid5wq-0', 'worker', 0),
      th('fio/0', 'submitter', 0.1),
    ];
    expect(bottleneck(fig({ threads }))!.limit).toBe('raid5d');
  });
});

describe('measuring (issue 15, notice 6)', () => {
  it('says how much of the new state the window holds and gives no verdict', () => {
    const v = measuring(3.2e6, 10e6);
    expect(v.limit).toBe('measuring');
    expect(v.text).toBe(
      'measuring… 3.2 of 10 ms of simulated time since the start or the last change; no verdict from the state before it',
    );
  });

  it('a window needs half its span of one state, and all of a short one', async () => {
    const { settleNs } = await import('./raid5Live');
    expect(settleNs(20e6)).toBe(10e6);
    expect(settleNs(1e6)).toBe(1e6);
    expect(settleNs(3e6)).toBe(2e6);
  });
});

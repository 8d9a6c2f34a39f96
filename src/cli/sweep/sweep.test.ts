// The sweep's pure parts (point expansion, sharding, ordered collection, aggregation, USL lines, the pool
// with fake workers) and one small end-to-end sweep through the CLI with real worker threads.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RAID5_PARAMS } from '../../scenarios/raid5Spec';
import type { SimResult } from '../../sim/core/result';
import { expandPoints, expandValues, parseParamFlag, parseShard, shardIndices } from '../../scenarios/sweep/points';
import { OrderedCollector, PointCollector } from '../../analysis/sweep/collect';
import { aggregatePoint, uslLines, type PointLine } from '../../analysis/sweep/aggregate';
import { runPool, type WorkerLike } from './pool';
import { parseSweepLines } from './fit';
import { uslModel } from '../../analysis/usl';
import { sweepCsv } from '../../export/csv';

const spec = (key: string) => RAID5_PARAMS.find((s) => s.key === key)!;

describe('points', () => {
  it('expands lists, ranges and stepped ranges with units', () => {
    expect(expandValues(spec('group_thread_cnt'), '0..3')).toEqual([0, 1, 2, 3]);
    expect(expandValues(spec('group_thread_cnt'), '0..16:4')).toEqual([0, 4, 8, 12, 16]);
    expect(expandValues(spec('stripe_cache_size'), '256,512,1024')).toEqual(['256', '512', '1024']);
    expect(expandValues(spec('chunk'), '64k..256k:64k')).toEqual([65536, 131072, 196608, 262144]);
    expect(expandValues(spec('wakeup'), '1us..3us:500ns')).toEqual([1000, 1500, 2000, 2500, 3000]);
    expect(expandValues(spec('xor_speed'), '0.5..1.5:0.25')).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
  });

  it('refuses bad ranges, unknown keys and ranges of non-numeric parameters, naming them', () => {
    expect(() => parseParamFlag('group_thread_cnt=4..1', RAID5_PARAMS)).toThrow(
      /^group_thread_cnt=4\.\.1: accepted .*a <= b/,
    );
    expect(() => parseParamFlag('group_thread_cnt=0..4:0', RAID5_PARAMS)).toThrow(/step > 0/);
    expect(() => parseParamFlag('nope=1,2', RAID5_PARAMS)).toThrow(/^--param=nope: accepted a known key/);
    expect(() => parseParamFlag('rw=read..write', RAID5_PARAMS)).toThrow(/ranges need a numeric parameter/);
    expect(() => parseParamFlag('group_thread_cnt', RAID5_PARAMS)).toThrow(/KEY=/);
    expect(() => parseParamFlag('group_thread_cnt=0..100000', RAID5_PARAMS)).toThrow(/at most/);
  });

  it('takes the cartesian product with the first --param slowest', () => {
    const pts = expandPoints([
      { key: 'a', values: [1, 2] },
      { key: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(pts).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
  });

  it('shards every N-th point from the K-th, and the shards together cover each point once', () => {
    expect(shardIndices(10, parseShard('2/3'))).toEqual([1, 4, 7]);
    expect(shardIndices(4, null)).toEqual([0, 1, 2, 3]);
    const all = [1, 2, 3].flatMap((k) => shardIndices(10, { k, n: 3 })).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1'])
      expect(() => parseShard(bad)).toThrow(/^shard=.*accepted K\/N/);
  });
});

/** A SimResult with just the figures aggregation reads. */
function fake(seed: number, ops: number, p99: number, wait: Record<string, number>, util = 0.5): SimResult {
  return {
    model: 'raid5',
    preset: null,
    seed,
    params: {},
    simulatedNs: 1e6,
    warmupNs: 1e5,
    events: 0,
    throughput: { opsPerSec: ops, bytesPerSec: ops * 4096 },
    latencyNs: { mean: p99 / 2, p50: 0, p90: 0, p99, p999: 0, max: 0 },
    locks: Object.entries(wait).map(([name, w]) => ({
      name,
      kind: 'spinlock',
      acquisitions: 10,
      contentions: 2,
      waitTimeMinNs: 0,
      waitTimeMaxNs: 0,
      waitTimeTotalNs: w,
      waitTimeAvgNs: 0,
      holdTimeMinNs: 0,
      holdTimeMaxNs: 0,
      holdTimeTotalNs: 5,
      holdTimeAvgNs: 0,
      conBounces: 0,
      acqBounces: 0,
    })),
    threads: [
      {
        name: 'md0_raid5',
        role: 'raid5d',
        cpuNs: 0,
        states: { running: util, spinning: 0.1, runnable: 0, blocked: 0, idle: 0.9 - util },
      },
      {
        name: 'fio/0',
        role: 'submitter',
        cpuNs: 0,
        states: { running: 1, spinning: 0, runnable: 0, blocked: 0, idle: 0 },
      },
    ],
    queues: [],
    devices: [],
  };
}

describe('collection and aggregation', () => {
  it('releases points in order however the replications arrive', () => {
    const out: [number, string[]][] = [];
    const c = new OrderedCollector<string>(3, 2, (pos, rs) => out.push([pos, rs]));
    for (const id of [5, 2, 3, 4]) c.add(id, `t${id}`);
    expect(out).toEqual([]);
    c.add(1, 't1');
    expect(out).toEqual([]);
    c.add(0, 't0');
    expect(out).toEqual([
      [0, ['t0', 't1']],
      [1, ['t2', 't3']],
      [2, ['t4', 't5']],
    ]);
    expect(c.complete).toBe(true);
    expect(() => c.add(0, 'again')).toThrow();
  });

  it('PointCollector releases each point as soon as it is whole, in any order, and refuses repeats', () => {
    const out: [number, string[]][] = [];
    const c = new PointCollector<string>(3, 2, (pos, rs) => out.push([pos, rs]));
    for (const id of [5, 2, 4]) c.add(id, `t${id}`);
    expect(out).toEqual([[2, ['t4', 't5']]]);
    c.add(3, 't3');
    expect(out).toEqual([
      [2, ['t4', 't5']],
      [1, ['t2', 't3']],
    ]);
    expect(c.complete).toBe(false);
    c.add(0, 't0');
    c.add(1, 't1');
    expect(out[2]).toEqual([0, ['t0', 't1']]);
    expect(c.complete).toBe(true);
    expect(() => c.add(4, 'again')).toThrow();
    expect(() => c.add(6, 'beyond')).toThrow();
  });

  it('gives means and Student-t intervals per figure, handler threads only', () => {
    const l = aggregatePoint(7, { group_thread_cnt: 2 }, [
      fake(1, 100, 10, { device_lock: 3 }),
      fake(2, 110, 20, { device_lock: 5 }),
      fake(3, 120, 30, { device_lock: 7 }),
    ]);
    expect(l.throughput.opsPerSec.mean).toBe(110);
    const half = (4.30265273 * 10) / Math.sqrt(3);
    expect(l.throughput.opsPerSec.ci95![0]).toBeCloseTo(110 - half, 1);
    expect(l.latencyNs.p99.mean).toBe(20);
    expect(Object.keys(l.utilisation)).toEqual(['md0_raid5']);
    expect(l.utilisation.md0_raid5.mean).toBeCloseTo(0.6, 6);
    expect(l.roleUtilisation).toEqual({ raid5d: l.utilisation.md0_raid5 }); // one raid5d: the role's mean is its own
    expect(l.locks.device_lock.waitTimeTotalNs.mean).toBe(5);
    expect(l).toMatchObject({ index: 7, replications: 3, seeds: [1, 2, 3], durationNs: 1e6, warmupNs: 1e5 });
    expect(Object.keys(l).slice(0, 6)).toEqual([
      'point',
      'replications',
      'throughput',
      'latencyNs',
      'utilisation',
      'locks',
    ]);
  });

  it('fits a USL per value of the other parameters and names the locks whose wait grows', () => {
    const lines: PointLine[] = [];
    for (const cache of [256, 512]) {
      for (let g = 0; g <= 7; g++) {
        const n = g + 1;
        const x = uslModel(n, 0.05, cache === 256 ? 0.01 : 0.004, 1000);
        lines.push(
          aggregatePoint(lines.length, { group_thread_cnt: g, stripe_cache_size: cache }, [
            fake(1, x, 0, { device_lock: n * n * 100, hash_lock: 50 }),
          ]),
        );
      }
    }
    const { fits, skipped } = uslLines(lines, ['group_thread_cnt', 'stripe_cache_size']);
    expect(skipped).toEqual([]);
    expect(fits.map((f) => f.usl.for)).toEqual([{ stripe_cache_size: 256 }, { stripe_cache_size: 512 }]);
    expect(fits[0].usl.alpha).toBeCloseTo(0.05, 3);
    expect(fits[0].usl.beta).toBeCloseTo(0.01, 4);
    expect(fits[1].usl.peakN).toBeCloseTo(Math.sqrt(0.95 / 0.004), 1);
    expect(fits[0].usl.contention).toEqual(['device_lock']);
    expect(uslLines(lines.slice(0, 2), ['group_thread_cnt']).skipped[0]).toMatch(/three values/);
    expect(uslLines(lines, ['stripe_cache_size']).fits).toEqual([]);
  });

  it('reads concatenated shard outputs back in point order, and writes CSV', () => {
    const a = aggregatePoint(0, { group_thread_cnt: 0 }, [fake(1, 10, 1, {})]);
    const b = aggregatePoint(1, { group_thread_cnt: 1 }, [fake(1, 20, 1, {})]);
    const { lines, keys } = parseSweepLines([
      { file: 's2', text: `${JSON.stringify(b)}\n` },
      { file: 's1', text: `${JSON.stringify(a)}\n{"usl":{}}\n` },
    ]);
    expect(lines.map((l) => l.index)).toEqual([0, 1]);
    expect(keys).toEqual(['group_thread_cnt']);
    expect(() => parseSweepLines([{ file: 'x', text: 'not json' }])).toThrow(/^fit=x:1: accepted/);
    const csv = sweepCsv([a, b]).split('\r\n');
    expect(csv[0].startsWith('index,group_thread_cnt,replications,ops_per_sec_mean,ops_per_sec_ci95_lo')).toBe(true);
    expect(csv[1].startsWith('0,0,1,10,,')).toBe(true);
  });
});

describe('pool', () => {
  /** A fake worker that answers each task (a number) with its square, after a delay that varies. */
  const fakeWorker = (fail?: number): WorkerLike => {
    const handlers: Record<string, (x: never) => void> = {};
    return {
      postMessage: (m) => {
        const { id, task } = m as { id: number; task: number };
        setTimeout(
          () =>
            handlers.message?.((task === fail ? { id, error: `bad ${task}` } : { id, result: task * task }) as never),
          (task * 7) % 5,
        );
      },
      on: (ev: string, fn: (x: never) => void) => (handlers[ev] = fn),
      terminate: () => undefined,
    } as WorkerLike;
  };

  it('runs every task once on the pool and reports by task index', async () => {
    const got = new Map<number, number>();
    await runPool(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      () => fakeWorker(),
      (i, r: number) => got.set(i, r),
    );
    expect([...got.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1],
      [1, 4],
      [2, 9],
      [3, 16],
      [4, 25],
      [5, 36],
      [6, 49],
    ]);
  });

  it('stops at the first error', async () => {
    await expect(
      runPool(
        [1, 2, 3],
        2,
        () => fakeWorker(2),
        () => undefined,
      ),
    ).rejects.toThrow('bad 2');
  });
});

describe('npm run sweep (end to end, real worker threads)', () => {
  const tsx = ['node_modules/.bin/tsx', 'src/cli/sweep.ts'];
  it('2 points x 2 replications as JSON lines, in point order, with seeds seed..seed+1', () => {
    const out = execFileSync(
      tsx[0],
      [
        tsx[1],
        '--preset',
        'raid5-3disk-threads',
        '--param',
        'group_thread_cnt=0,2',
        '--replications',
        '2',
        '--seed',
        '5',
        '--duration',
        '1ms',
        '--warmup',
        '500us',
        '--json',
        '--jobs',
        '2',
      ],
      { encoding: 'utf8' },
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PointLine);
    expect(lines.map((l) => l.point)).toEqual([{ group_thread_cnt: 0 }, { group_thread_cnt: 2 }]);
    for (const l of lines) {
      expect(l).toMatchObject({ replications: 2, seeds: [5, 6], durationNs: 1e6, warmupNs: 5e5 });
      expect(l.throughput.opsPerSec.mean).toBeGreaterThan(0);
      expect(l.throughput.opsPerSec.ci95).toHaveLength(2);
      expect(l.utilisation.md0_raid5.mean).toBeGreaterThan(0);
      expect(l.locks.device_lock.waitTimeTotalNs.mean).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(lines[1].utilisation)).toContain('kworker/u:raid5wq-1');
  });

  it('refuses a bad value with exit 2 and one line naming key, value and what is accepted', () => {
    const r = spawnSync(tsx[0], [tsx[1], '--preset', 'raid5-3disk-threads', '--param', 'stripe_cache_size=8,512'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('stripe_cache_size=8: accepted an integer 17..32768');
  });
});

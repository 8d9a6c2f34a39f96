// The design toggles of issue 13, each by its mechanism (not only its effect): stripe batching's single pass and
// 32K member writes, per-stripe lookups, the hash lock count, priority_stripe's hold_list, aligned reads under
// device_lock, raid5d-only dispatch on rotational members; the kernel table, its overrides and its refusals; and
// kernel=3.11 and kernel=current keeping the raid5 invariants over every preset.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../scenarios/catalog';
import { togglesOf } from '../../../scenarios/kernels';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import type { SimResult } from '../../core/result';
import { createModel } from '../../run';
import type { Raid5 } from './raid5';
import { runRaid5 } from './testkit';

const lock = (r: SimResult, name: string) => r.locks.find((l) => l.name === name)!;
const ios = (r: SimResult) => (r.throughput.opsPerSec * r.simulatedNs) / 1e9;
const queue = (r: SimResult, name: string) => r.queues.find((q) => q.name === name)!;

describe('stripe_batching (4.1)', () => {
  it('batches a full-stripe write: far fewer handle_stripe passes per write, and 32K member writes', () => {
    const run = (on: boolean) => runRaid5({ stripe_batching: on }, { preset: 'validation-v3-batching' });
    const [on, off] = [run(true), run(false)];
    const passesPerWrite = (r: SimResult) => (r.extra!.handlePasses as number) / ios(r);
    console.log(
      `160K writes: passes per write ${passesPerWrite(off).toFixed(1)} -> ${passesPerWrite(on).toFixed(1)}, member request ${off.devices[0].meanRequestBytes?.toFixed(0)} -> ${on.devices[0].meanRequestBytes?.toFixed(0)} B`,
    );
    // eight stripes a write, each handled twice without batching; the head alone (twice) with it
    expect(passesPerWrite(off)).toBeGreaterThan(12);
    expect(passesPerWrite(on)).toBeLessThan(passesPerWrite(off) / 3);
    expect(on.devices[0].meanRequestBytes!).toBeGreaterThan(0.9 * 32768);
    expect(on.devices[0].meanRequestBytes!).toBeLessThanOrEqual(32768);
  }, 60_000);
});

describe('make_request (6.0)', () => {
  it('per_stripe looks each stripe up once; per_page once per data page of it', () => {
    // raid5 on 4 members (3 data), 64K chunk, 192K sequential writes: each bio is 16 full stripes of 3 pages.
    const params = { disks: 4, chunk: '64k', rw: 'write', bs: '192k', numjobs: 2, iodepth: 4, stripe_batching: false };
    const run = (mode: string) => runRaid5({ ...params, make_request: mode }, { duration: '3ms', warmup: '1ms' });
    const [perStripe, perPage] = [run('per_stripe'), run('per_page')];
    const perStripeRow = (r: SimResult) => lock(r, 'hash_lock').acquisitions / (ios(r) * 16);
    const addsPerRow = (r: SimResult) => lock(r, 'stripe_lock').acquisitions / (ios(r) * 16);
    console.log(
      `hash_lock per stripe: per_page ${perStripeRow(perPage).toFixed(2)}, per_stripe ${perStripeRow(perStripe).toFixed(2)}; stripe_lock ${addsPerRow(perPage).toFixed(2)} -> ${addsPerRow(perStripe).toFixed(2)}`,
    );
    // one lookup (and one release_inactive_stripe_list trip) per stripe, against three lookups
    expect(perStripeRow(perStripe)).toBeLessThan(2.2);
    expect(perStripeRow(perPage)).toBeGreaterThan(perStripeRow(perStripe) + 1.5);
    expect(addsPerRow(perPage)).toBeGreaterThan(addsPerRow(perStripe) + 1.5);
  }, 30_000);
});

describe('max_segments (6.0)', () => {
  it("splits a 2M write at md0's queue limits: 512K bios with 128 segments, 1M with 65535, one completion each", () => {
    // 2M sequential direct writes on 4+1 ramdisks with a 512K chunk: a write is one full row of chunks
    const params = { disks: 5, device: 'ramdisk', rw: 'write', bs: '2m', numjobs: 1, iodepth: 2 };
    const run = (segs: string) => runRaid5({ ...params, max_segments: segs }, { duration: '4ms', warmup: '1ms' });
    const [legacy, lifted] = [run('128'), run('65535')];
    console.log(
      `md0's mean request for 2M writes: 128 segments ${legacy.extra!.mdMeanRequestBytes} B, 65535 ${lifted.extra!.mdMeanRequestBytes} B`,
    );
    expect(legacy.extra!.mdMeanRequestBytes).toBe(512 * 1024);
    expect(lifted.extra!.mdMeanRequestBytes).toBe(1024 * 1024);
    // the pieces chain to the write: fio counts 2M per completion either way
    for (const r of [legacy, lifted]) expect(r.throughput.bytesPerSec / r.throughput.opsPerSec).toBe(2 * 1024 * 1024);
  }, 30_000);

  it('leaves a write within the limits whole', () => {
    const r = runRaid5(
      { device: 'ramdisk', rw: 'write', bs: '256k', iodepth: 1, numjobs: 1, max_segments: '128' },
      { duration: '3ms', warmup: '1ms' },
    );
    expect(r.extra!.mdMeanRequestBytes).toBe(256 * 1024);
  }, 30_000);
});

describe('hash_locks', () => {
  it('builds NR_STRIPE_HASH_LOCKS locks and inactive lists; 1 puts the lookups under device_lock', () => {
    for (const n of [1, 4, 16, 64]) {
      const sc = resolveScenario({ model: 'raid5', params: { hash_locks: n, stripe_batching: false } });
      const m = createModel('raid5', sc.params, 1) as Raid5;
      expect(m.conf.inactive.length).toBe(n);
      expect(m.conf.hashLocks.length).toBe(n);
      expect(m.conf.hashIndexOf(n + 3)).toBe(3 % n);
    }
    const one = runRaid5({ hash_locks: 1, stripe_batching: false }, { duration: '2ms', warmup: '1ms' });
    const eight = runRaid5({}, { duration: '2ms', warmup: '1ms' });
    expect(lock(one, 'hash_lock').acquisitions).toBe(0);
    expect(lock(eight, 'hash_lock').acquisitions).toBeGreaterThan(ios(eight));
    expect(lock(one, 'device_lock').acquisitions).toBeGreaterThan(lock(eight, 'device_lock').acquisitions + ios(one));
  }, 30_000);
});

describe('priority_stripe (2.6.24)', () => {
  it('on: activated pre-read stripes wait on hold_list; off: they go straight to handle_list', () => {
    // buffered (not REQ_SYNC) partial-stripe writes go through delayed_list and raid5_activate_delayed
    const run = (on: boolean) =>
      runRaid5({ priority_stripe: on, direct: false, disks: 5 }, { duration: '4ms', warmup: '1ms' });
    const [on, off] = [run(true), run(false)];
    console.log(`hold_list arrivals: on ${queue(on, 'hold_list').arrivals}, off ${queue(off, 'hold_list').arrivals}`);
    expect(queue(on, 'hold_list').arrivals).toBeGreaterThan(100);
    expect(queue(off, 'hold_list').arrivals).toBe(0);
    expect(off.throughput.opsPerSec).toBeGreaterThan(0);
  }, 30_000);
});

describe('aligned_read_lock (5.14)', () => {
  it('device_lock: every chunk-aligned read takes device_lock; atomic: none does', () => {
    const run = (mode: string) =>
      runRaid5({ aligned_read_lock: mode, rw: 'randread', numjobs: 8, cpus: 8 }, { duration: '2ms', warmup: '1ms' });
    const [atomic, locked] = [run('atomic'), run('device_lock')];
    expect(lock(atomic, 'device_lock').acquisitions).toBe(0);
    expect(lock(locked, 'device_lock').acquisitions).toBeGreaterThanOrEqual(ios(locked));
    expect(atomic.extra!.alignedReadAtomics as number).toBeGreaterThanOrEqual(ios(atomic));
  }, 30_000);
});

describe('dispatch (4.12)', () => {
  it('raid5d: on rotational members with workers, the workers defer their writes and raid5d dispatches them', () => {
    const run = (dispatch: string, device = 'hdd') =>
      runRaid5({ dispatch, device }, { preset: 'validation-v2-seq-hdd', duration: '100ms', warmup: '100ms' });
    const raid5d = run('raid5d');
    const any = run('any');
    const flash = run('raid5d', 'nvme');
    console.log(
      `deferred ${raid5d.extra!.deferredWrites}, dispatched by raid5d ${raid5d.extra!.raid5dDispatchedWrites}; MB/s any ${(any.throughput.bytesPerSec / 1e6).toFixed(0)} -> raid5d ${(raid5d.throughput.bytesPerSec / 1e6).toFixed(0)}`,
    );
    expect(raid5d.extra!.deferredWrites as number).toBeGreaterThan(1000);
    expect(raid5d.extra!.raid5dDispatchedWrites as number).toBeGreaterThan(
      0.5 * (raid5d.extra!.deferredWrites as number),
    );
    expect(lock(raid5d, 'pending_bios_lock').acquisitions).toBeGreaterThan(0);
    expect(any.extra!.deferredWrites).toBe(0);
    expect(flash.extra!.deferredWrites).toBe(0); // batch_bio_dispatch is off when a member is non-rotational
  }, 60_000);
});

describe('kernel', () => {
  it('sets every toggle as it stood in a release; an explicit key overrides it', () => {
    expect(togglesOf('3.11', 'raid5')).toMatchObject({
      hash_locks: 1,
      release: 'locked',
      stripe_batching: false,
      make_request: 'per_page',
      aligned_read_lock: 'device_lock',
    });
    expect(togglesOf('3.13', 'raid5')).toMatchObject({ hash_locks: 8, release: 'lockless', release_list: 'every_ref' });
    expect(togglesOf('current', 'raid1')).toEqual({ barrier: 'lockless' });
    const sc = resolveScenario({ model: 'raid5', params: { kernel: '3.13', release_list: 'last_ref' } });
    expect(sc.params).toMatchObject({ hash_locks: 8, release_list: 'last_ref', stripe_batching: false });
    expect(resolveScenario({ model: 'raid10', params: { kernel: '6.0' } }).params.barrier).toBe('lock');
    expect(resolveScenario({ model: 'raid1', params: { kernel: '6.0' } }).params.barrier).toBe('lockless');
  });

  it('refuses a release it does not know, and combinations no kernel had, naming both keys', () => {
    expect(() => resolveScenario({ model: 'raid5', params: { kernel: '5.99' } })).toThrow(
      /kernel=5\.99: accepted current/,
    );
    expect(() => resolveScenario({ model: 'raid5', params: { release: 'locked' } })).toThrow(
      /^release=locked: .*stripe_batching=true \(from kernel=current\)/,
    );
    expect(() => resolveScenario({ model: 'raid5', params: { stripe_batching: true, kernel: '3.11' } })).toThrow(
      /^stripe_batching=true: .*release=locked \(from kernel=3\.11\)/,
    );
    expect(() => resolveScenario({ model: 'raid5', params: { kernel: '3.11', release_list: 'last_ref' } })).toThrow(
      /^release_list=last_ref: .*release=locked/,
    );
    expect(() => resolveScenario({ model: 'raid5', params: { hash_locks: 3 } })).toThrow(/a power of two/);
    expect(() => resolveScenario({ model: 'raid5', params: { max_stripe_batch: 0 } })).toThrow(/max_stripe_batch=0/);
  });

  const raid5Presets = PRESETS.filter((p) => p.model === 'raid5');
  it.each(raid5Presets.flatMap((p) => ['3.11', 'current'].map((k) => [p.id, k] as const)))(
    '%s keeps the invariants with kernel=%s',
    (id, kernel) => {
      const sc = resolveScenario({ model: 'raid5', preset: id, params: { kernel } });
      const m = createModel('raid5', sc.params, 5) as Raid5;
      m.debug = true;
      m.runChecked(2e6);
      expect(m.kernel.now).toBeGreaterThan(0);
    },
    30_000,
  );
});

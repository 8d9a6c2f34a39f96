// raid1 and raid10 parameters in the spelling users know, their CPU-cost table and derived defaults.
// Data and checks only; the models live in src/sim/models/mirror.
import { CPU_PARAMS, deriveCpu } from './cpuClasses';
import { BITMAP_PARAMS, deriveBitmap } from './bitmapPresets';
import { ParamError, type ParamSpec, type Resolved } from './paramSpec';
import { DEVICE_PARAMS, deriveDevice } from './blockSpec';
import { applyKernel, KERNEL_PARAM } from './kernels';

const C = 'costs';
const array = (level: 1 | 10): readonly ParamSpec[] => [
  level === 1
    ? {
        key: 'disks',
        kind: 'int',
        unit: 'mirrors',
        default: 2,
        min: 2,
        max: 8,
        group: 'array',
        help: 'Members, each holding a full copy.',
      }
    : {
        key: 'disks',
        kind: 'int',
        unit: 'members',
        default: 4,
        min: 2,
        max: 24,
        group: 'array',
        help: 'Members; near-2 layout: each chunk on two neighbouring members.',
      },
  {
    key: 'chunk',
    kind: 'size',
    default: 512 * 1024,
    min: 4096,
    max: 64 << 20,
    powerOfTwo: true,
    group: 'array',
    help:
      level === 10
        ? 'raid10 chunk size (mdadm default 512K).'
        : 'Unused by raid1 (no striping); kept for scenario files shared with raid10.',
  },
  ...DEVICE_PARAMS('ramdisk'),
];

/** The barrier toggle: its help names the change and the release for each personality. */
const barrier = (level: 1 | 10): ParamSpec => ({
  key: 'barrier',
  kind: 'enum',
  values: ['lockless', 'lock'],
  default: 'lockless',
  group: 'design',
  help:
    level === 1
      ? 'The I/O barrier. lockless: wait_barrier / allow_barrier count each bio in per-bucket nr_pending atomics and take resync_lock only while a resync raises the barrier (Coly Li, "RAID1: a new I/O barrier implementation to remove resync window" and "RAID1: avoid unnecessary spin locks in I/O barrier code", 4.11). lock: every bio takes conf->resync_lock twice (wait_barrier in raid1_make_request, allow_barrier when it ends) and wake_up takes the wait_barrier queue\'s lock, as in 4.10 and before.'
      : 'The I/O barrier. lockless: wait_barrier only reads resync_lock\'s sequence count and bumps the nr_pending atomic, and wake_up runs only when someone sleeps (Yu Kuai, "md/raid10: reduce lock contention for io": "convert resync_lock to use seqlock", "prevent unnecessary calls to wake_up() in fast path", merged for 6.1). lock: wait_barrier takes conf->resync_lock for every bio and raid10_make_request always calls wake_up, which takes the wait_barrier queue\'s lock, as in 6.0 and before.',
});

const common: readonly ParamSpec[] = [
  {
    key: 'cpus',
    kind: 'int',
    unit: 'CPUs',
    default: 4,
    min: 1,
    max: 256,
    group: 'threads',
    help: 'CPUs shared by fio, the md thread, the resync thread, workqueues and interrupt work.',
  },
  {
    key: 'rw',
    kind: 'enum',
    values: ['read', 'write', 'randread', 'randwrite', 'randrw'],
    default: 'randwrite',
    group: 'workload',
    help: 'fio rw.',
  },
  {
    key: 'bs',
    kind: 'size',
    default: 4096,
    min: 4096,
    max: 1 << 20,
    multipleOf: 4096,
    group: 'workload',
    help: 'fio bs: block size, a multiple of 4K (raid10: at most the chunk).',
  },
  {
    key: 'iodepth',
    kind: 'int',
    unit: 'IOs',
    default: 8,
    min: 1,
    max: 4096,
    group: 'workload',
    help: 'fio iodepth per job (libaio).',
  },
  {
    key: 'numjobs',
    kind: 'int',
    unit: 'jobs',
    default: 4,
    min: 1,
    max: 256,
    group: 'workload',
    help: 'fio numjobs: submitting threads.',
  },
  {
    key: 'rwmixread',
    kind: 'int',
    unit: '%',
    default: 50,
    min: 0,
    max: 100,
    group: 'workload',
    help: 'fio rwmixread for randrw.',
  },
  {
    key: 'size',
    kind: 'size',
    default: 20 * 2 ** 30,
    min: 1 << 20,
    max: 2 ** 44,
    group: 'workload',
    help: 'Array size, all of which fio addresses (the bitmap and the resync cover it).',
  },
  ...BITMAP_PARAMS,
  ...CPU_PARAMS,
  {
    key: 'cost.fio',
    kind: 'time',
    default: 1_500,
    min: 0,
    max: 1e9,
    group: C,
    help: 'fio submission and reaping per IO (submitter CPU).',
  },
  {
    key: 'cost.make_request',
    kind: 'time',
    default: 800,
    min: 0,
    max: 1e9,
    group: C,
    help: 'raid1_make_request: md_write_start, wait_barrier, r1bio allocation.',
  },
  { key: 'cost.clone', kind: 'time', default: 300, min: 0, max: 1e9, group: C, help: 'bio_alloc_clone for one copy.' },
  {
    key: 'cost.list',
    kind: 'time',
    default: 150,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Adding to or taking pending_bio_list under device_lock.',
  },
  {
    key: 'cost.submit',
    kind: 'time',
    default: 1_500,
    min: 0,
    max: 1e9,
    group: C,
    help: 'submit_bio of one member bio.',
  },
  {
    key: 'cost.completion',
    kind: 'time',
    default: 1_000,
    min: 0,
    max: 1e9,
    group: C,
    help: 'raid1_end_*_request per member completion (interrupt).',
  },
  {
    key: 'cost.sync_write',
    kind: 'time',
    default: 2_000,
    min: 0,
    max: 1e9,
    group: C,
    help: 'sync_request_write per resync bio, in the md thread.',
  },
  {
    key: 'cost.sync_compare',
    kind: 'time',
    default: 300,
    min: 0,
    max: 1e9,
    group: C,
    help: 'memcmp of one 4K page of two copies (raid10 resync).',
  },
  {
    key: 'cost.handoff',
    kind: 'time',
    default: 100,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Cache-line hand-off of a contended spinlock to its next waiter.',
  },
  {
    key: 'cost.bounce',
    kind: 'time',
    default: 300,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Extra time in a spinlock taken from another CPU (acq-bounces).',
  },
];

export const RAID1_PARAMS: readonly ParamSpec[] = [...array(1), KERNEL_PARAM, barrier(1), ...common];
export const RAID10_PARAMS: readonly ParamSpec[] = [...array(10), KERNEL_PARAM, barrier(10), ...common];

/** device.* follow the device preset unless given; bitmap defaults and checks. */
function deriveMirror(model: 'raid1' | 'raid10', params: Resolved, given: ReadonlySet<string>): void {
  applyKernel(params, given, model);
  deriveCpu(RAID1_PARAMS, params, given);
  deriveDevice(params, given);
  deriveBitmap(params, given);
}

export function deriveRaid1(params: Resolved, given: ReadonlySet<string>): void {
  deriveMirror('raid1', params, given);
}

/** As raid1, and a bio must fit in one chunk (this model does not split bios across chunks). */
export function deriveRaid10(params: Resolved, given: ReadonlySet<string>): void {
  deriveMirror('raid10', params, given);
  if ((params.bs as number) > (params.chunk as number))
    throw new ParamError('bs', params.bs, `at most the chunk (${params.chunk} bytes)`);
}

// md raid5's parameters in the spelling users know (sysfs, fio, plain names), the member-device
// presets, the CPU-cost table with its defaults, and the calibrated presets of the multi-thread series.
import { CPU_PARAMS, deriveCpu } from './cpuClasses';
import type { ParamSpec } from './paramSpec';
import { ParamError, type Resolved } from './paramSpec';
import { DEVICE_PARAMS, deriveDevice } from './blockSpec';
import type { Preset } from './preset';
import { BITMAP_PARAMS, deriveBitmap } from './bitmapPresets';
import { applyKernel, KERNEL_PARAM, origin } from './kernels';

const C = 'costs';
export const RAID5_PARAMS: readonly ParamSpec[] = [
  {
    key: 'level',
    kind: 'int',
    unit: 'raid level',
    default: 5,
    min: 5,
    max: 6,
    group: 'array',
    help: 'RAID level: 5 (P) or 6 (P+Q), left-symmetric layout.',
  },
  {
    key: 'disks',
    kind: 'int',
    unit: 'members',
    default: 3,
    min: 3,
    max: 24,
    group: 'array',
    help: 'Member disks (raid6 needs at least 4).',
  },
  {
    key: 'chunk',
    kind: 'size',
    default: 512 * 1024,
    min: 4096,
    max: 64 << 20,
    powerOfTwo: true,
    group: 'array',
    help: 'Chunk size (mdadm default 512K): a power of two, at least 4K.',
  },
  ...DEVICE_PARAMS('nvme'),
  {
    key: 'stripe_cache_size',
    kind: 'int',
    unit: 'stripe_heads',
    default: 256,
    min: 17,
    max: 32768,
    live: true,
    group: 'cache',
    help: 'sysfs stripe_cache_size: stripe_heads in the cache (split over 8 hash lists).',
  },
  {
    key: 'group_thread_cnt',
    kind: 'int',
    unit: 'threads',
    default: 0,
    min: 0,
    max: 8192,
    live: true,
    group: 'threads',
    help: 'sysfs group_thread_cnt: worker threads per group; 0 = raid5d does everything.',
  },
  {
    key: 'preread_bypass_threshold',
    kind: 'int',
    unit: 'stripes',
    default: 1,
    min: 0,
    max: 32768,
    live: true,
    group: 'cache',
    help: 'sysfs preread_bypass_threshold: how often full writes may jump ahead of pre-reads.',
  },
  {
    key: 'rmw_level',
    kind: 'int',
    unit: 'level',
    default: 1,
    min: 0,
    max: 2,
    live: true,
    group: 'cache',
    help: 'sysfs rmw_level: 0 = always RCW, 1 = cheaper of RMW/RCW, 2 = prefer RMW on ties.',
  },
  {
    key: 'skip_copy',
    kind: 'bool',
    default: false,
    live: true,
    group: 'cache',
    help: "sysfs skip_copy: use the writer's page instead of copying into the cache.",
  },
  {
    key: 'cpus',
    kind: 'int',
    unit: 'CPUs',
    default: 16,
    min: 1,
    max: 256,
    group: 'threads',
    help: 'CPUs shared by submitters, raid5d, workers and interrupt work.',
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
    min: 512,
    max: 16 << 20,
    multipleOf: 512,
    group: 'workload',
    help: 'fio bs: block size, a multiple of 512.',
  },
  {
    key: 'iodepth',
    kind: 'int',
    unit: 'IOs',
    default: 32,
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
    key: 'direct',
    kind: 'bool',
    default: true,
    group: 'workload',
    help: 'fio direct: O_DIRECT writes are REQ_SYNC (PREREAD_ACTIVE at submission).',
  },
  {
    key: 'size',
    kind: 'size',
    default: 16 * 2 ** 30,
    min: 1 << 20,
    max: 2 ** 44,
    group: 'workload',
    help: 'fio size: the span of the array the jobs address.',
  },
  KERNEL_PARAM,
  {
    key: 'hash_locks',
    kind: 'int',
    unit: 'locks',
    default: 8,
    min: 1,
    max: 64,
    powerOfTwo: true,
    group: 'design',
    help: 'NR_STRIPE_HASH_LOCKS: hash locks and inactive lists of the stripe cache, 8 since 3.13 ("raid5: relieve lock contention in get_active_stripe()"); 1: one inactive_list and everything under device_lock, as before.',
  },
  {
    key: 'priority_stripe',
    kind: 'bool',
    default: true,
    group: 'design',
    help: 'hold_list, bypass_count and __get_priority_stripe (2.6.24): activated pre-read stripes wait on hold_list behind full-stripe writes; off: every ready stripe goes to handle_list in FIFO order.',
  },
  {
    key: 'make_request',
    kind: 'enum',
    values: ['per_stripe', 'per_page'],
    default: 'per_stripe',
    group: 'design',
    help: 'raid5_make_request: per_stripe looks each stripe_head up once and adds all of its pages under one stripe_lock (add_all_stripe_bios, "Improve Raid5 Lock Contention", 6.0); per_page looks a stripe up for every 4K page of the bio, as before.',
  },
  {
    key: 'stripe_batching',
    kind: 'bool',
    default: true,
    group: 'design',
    help: 'batch_head / batch_list ("RAID5: batch adjacent full stripe write", 4.1): a full-stripe write joins the batch of the stripe before it; handle_stripe runs on the head for the whole batch and the batch members are skipped (clear_batch_ready).',
  },
  {
    key: 'dispatch',
    kind: 'enum',
    values: ['raid5d', 'any'],
    default: 'raid5d',
    group: 'design',
    help: 'raid5d: on rotational members with workers, handlers defer their writes and raid5d dispatches them sorted by sector (batch_bio_dispatch, "raid5: only dispatch IO from raid5d for harddisk raid", 4.12); any: every handler submits its own.',
  },
  {
    key: 'aligned_read_lock',
    kind: 'enum',
    values: ['atomic', 'device_lock'],
    default: 'atomic',
    group: 'design',
    help: 'raid5_read_one_chunk: atomic counts active_aligned_reads with an atomic ("md/raid5: avoid device_lock in read_one_chunk()", 5.14); device_lock takes device_lock for every chunk-aligned read, as before.',
  },
  {
    key: 'release',
    kind: 'enum',
    values: ['lockless', 'locked'],
    default: 'lockless',
    group: 'design',
    help: 'lockless: released_stripes llist (3.12+); locked: every last release takes device_lock.',
  },
  {
    key: 'max_stripe_batch',
    kind: 'int',
    unit: 'stripes',
    default: 8,
    min: 1,
    max: 64,
    group: 'design',
    help: 'MAX_STRIPE_BATCH (raid5.c, 8 since 3.12): stripes raid5d or a worker takes off handle_list per trip through device_lock (handle_active_stripes), and the queued stripes per extra worker woken (raid5_wakeup_stripe_thread).',
  },
  {
    key: 'release_list',
    kind: 'enum',
    values: ['last_ref', 'every_ref'],
    default: 'last_ref',
    group: 'design',
    help: 'With release=lockless: last_ref queues a stripe on released_stripes only when its last reference goes (atomic_add_unless, "md/raid5: avoid release list until last reference of the stripe", 3.14); every_ref queues it on every release, raid5d dropping the reference when it drains the list (3.12-3.13).',
  },
  {
    key: 'batch_release',
    kind: 'bool',
    default: true,
    group: 'design',
    help: 'Plug batching in make_request: one device_lock trip per request, not per stripe.',
  },
  {
    key: 'blk',
    kind: 'enum',
    values: ['mq', 'sq'],
    default: 'mq',
    group: 'design',
    help: 'Member block layer: mq = blk-mq (no shared lock), sq = the legacy request queue whose queue_lock every submission and completion takes.',
  },
  {
    key: 'ops',
    kind: 'enum',
    values: ['inline', 'async'],
    default: 'inline',
    group: 'design',
    help: "inline: prexor/biodrain/reconstruct run in handle_stripe's thread; async: handed to an offload engine (async_tx), the stripe held until done.",
  },
  {
    key: 'offload',
    kind: 'enum',
    values: ['threads', 'dma'],
    default: 'threads',
    group: 'design',
    help: 'With ops=async: a pool of offload threads on the CPUs, or a DMA engine with its own throughput.',
  },
  {
    key: 'offload_threads',
    kind: 'int',
    unit: 'threads or channels',
    default: 2,
    min: 1,
    max: 64,
    group: 'design',
    help: 'Offload threads (offload=threads) or DMA channels (offload=dma).',
  },
  {
    key: 'dma_speed',
    kind: 'number',
    unit: 'bytes/s',
    default: 4e9,
    min: 1e6,
    max: 1e12,
    group: 'design',
    help: 'Throughput of one DMA channel for copy + xor.',
  },
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
    key: 'cost.lookup',
    kind: 'time',
    default: 300,
    min: 0,
    max: 1e9,
    group: C,
    help: 'raid5_get_active_stripe under the hash lock.',
  },
  {
    key: 'cost.add_bio',
    kind: 'time',
    default: 250,
    min: 0,
    max: 1e9,
    group: C,
    help: 'add_stripe_bio under stripe_lock.',
  },
  {
    key: 'cost.release',
    kind: 'time',
    default: 200,
    min: 0,
    max: 1e9,
    group: C,
    help: '__release_stripe under device_lock, per stripe.',
  },
  {
    key: 'cost.pick',
    kind: 'time',
    default: 150,
    min: 0,
    max: 1e9,
    group: C,
    help: '__get_priority_stripe under device_lock, per stripe.',
  },
  {
    key: 'cost.handle',
    kind: 'time',
    default: 1_500,
    min: 0,
    max: 1e9,
    group: C,
    help: 'One handle_stripe pass without ops and IO.',
  },
  {
    key: 'cost.copy_page',
    kind: 'time',
    default: 400,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Copying one 4K page (biodrain, unless skip_copy).',
  },
  {
    key: 'xor_speed',
    kind: 'number',
    unit: 'bytes/s',
    default: 20e9,
    min: 1e6,
    max: 1e12,
    group: C,
    help: 'xor throughput of one CPU for raid5\'s P (boot log "xor: using function: avx (... MB/sec)"). Default from cpu_model.',
  },
  {
    key: 'raid6_speed',
    kind: 'number',
    unit: 'bytes/s',
    default: 20e9,
    min: 1e6,
    max: 1e12,
    group: C,
    help: 'raid6 P+Q syndrome throughput of one CPU over the data blocks (boot log "raid6: avx2x4 gen() ... MB/s"). Default from cpu_model.',
  },
  {
    key: 'cost.submit',
    kind: 'time',
    default: 1_500,
    min: 0,
    max: 1e9,
    group: C,
    help: 'ops_run_io per member bio (build + submit_bio).',
  },
  {
    key: 'cost.completion',
    kind: 'time',
    default: 1_000,
    min: 0,
    max: 1e9,
    group: C,
    help: 'raid5_end_*_request per member completion (interrupt).',
  },
  {
    key: 'cost.bounce',
    kind: 'time',
    default: 300,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Extra time in a spinlock taken from another CPU: the lock and the lists it guards change cache (acq-bounces).',
  },
  {
    key: 'cost.cacheline',
    kind: 'time',
    default: 100,
    min: 0,
    max: 1e9,
    group: C,
    help: 'One cache line moving to another CPU for an atomic op (conf->active_aligned_reads on every aligned read): ~70 ns within a socket, ~140 ns across on a two-socket server.',
  },
  {
    key: 'cost.queue_lock',
    kind: 'time',
    default: 500,
    min: 0,
    max: 1e9,
    group: C,
    help: 'With blk=sq: the part of cost.submit spent under the member queue_lock (and half of it again at completion).',
  },
  {
    key: 'cost.offload_queue',
    kind: 'time',
    default: 600,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Queueing one op on the offload workqueue or DMA channel, under its lock.',
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
  ...BITMAP_PARAMS,
];

/** device.* and the queue knobs follow the device class unless given; raid6 needs 4 disks. */
export function deriveRaid5(params: Resolved, given: ReadonlySet<string>): void {
  applyKernel(params, given, 'raid5');
  refuseImpossible(params, given);
  deriveCpu(RAID5_PARAMS, params, given);
  deriveDevice(params, given);
  if (params.level === 6 && (params.disks as number) < 4)
    throw new ParamError('disks', params.disks, '4..24 for level 6 (3..24 for level 5)');
  deriveBitmap(params, given);
}

/** Combinations no kernel had. The refusal is on the key the user gave (the first, when both were given) and
 * names the other, saying when its value came from kernel=. */
function refuseImpossible(params: Resolved, given: ReadonlySet<string>): void {
  const refuse = (a: string, b: string, why: string) => {
    const [key, other] = !given.has(a) && given.has(b) ? [b, a] : [a, b];
    throw new ParamError(key, params[key], `a value that fits ${origin(other, params, given)}: ${why}`);
  };
  // Stripe batching (4.1) was written on top of the lockless release (3.12) and the hash locks (3.13).
  if (params.stripe_batching === true && params.release === 'locked')
    refuse('stripe_batching', 'release', 'batch_head (4.1) came after the lockless release (3.12); turn one off');
  if (params.stripe_batching === true && params.hash_locks === 1)
    refuse('stripe_batching', 'hash_locks', 'batch_head (4.1) came after the hash locks (3.13); turn one off');
  // released_stripes exists only with the lockless release: a release_list rule means nothing without it.
  if (given.has('release_list') && params.release === 'locked')
    refuse('release_list', 'release', 'there is no released_stripes list with the locked release');
}

const S = 'The multi-thread series (seed 000)';
/** The series was measured before the 3.13 hash locks (everything of the cache under device_lock) and
 * on the legacy single-queue block layer, whose queue_lock the author names as a limit. */
const SERIES_2012 = { kernel: '3.12', blk: 'sq' };
/** "Fast storage" in the series (Shaohua Li was at Fusion-io; the posts name no device): PCIe flash with
 * interrupts and a queue, here the nvme class. Not brd: a ram disk copies in md0_raid5 itself. */
const FAST_FLASH = 'nvme';
export const RAID5_PRESETS: readonly Preset[] = [
  {
    id: 'raid5-3disk-threads',
    model: 'raid5',
    story: S,
    title: '3 disks: +2 threads, cache doubled',
    shows:
      "4K random writes on 3 members: one raid5d is the limit; 2 workers and stripe_cache_size 512 give ~+130%, at the members' limit.",
    params: {
      ...SERIES_2012,
      disks: 3,
      'device.parallelism': 4,
      'device.latency': 18_000,
      group_thread_cnt: 2,
      stripe_cache_size: 512,
    },
    baseline: { group_thread_cnt: 0, stripe_cache_size: 256 },
    durationNs: 40e6,
    warmupNs: 10e6,
  },
  {
    id: 'raid5-4disk-threads',
    model: 'raid5',
    story: S,
    title: '4 disks: +3 threads',
    shows:
      "On 4 fast members and 8 CPUs, 3 workers give ~+200%, well below 4 threads' worth: device_lock and the members' queue_lock are contended, waiters spin, and 20 threads share 8 CPUs.",
    params: {
      ...SERIES_2012,
      disks: 4,
      device: FAST_FLASH,
      cpus: 8,
      numjobs: 8,
      group_thread_cnt: 3,
      stripe_cache_size: 1024,
    },
    baseline: { group_thread_cnt: 0 },
    durationNs: 20e6,
    warmupNs: 5e6,
  },
  {
    id: 'raid5-single-thread-ceiling',
    model: 'raid5',
    story: S,
    title: 'The single-thread ceiling',
    shows:
      'Members at memory speed, no workers: md0_raid5 is ~100% busy while the members idle; it handles >450k requests/s.',
    params: { ...SERIES_2012, disks: 4, device: FAST_FLASH, numjobs: 8, stripe_cache_size: 1024 },
    durationNs: 20e6,
    warmupNs: 5e6,
  },
  {
    id: 'raid5-device-lock-before-after',
    model: 'raid5',
    story: S,
    title: 'device_lock before and after the series',
    shows:
      'Four workers on 4 fast members: one hash lock, locked release and no plug batching (before) vs 8 hash locks, the llist and batching (after).',
    // After: 3.13, the series complete (hash locks). Before: 3.11 with plug batching off, as the series' own
    // "before" measured it (one hash lock, locked release, a device_lock trip per stripe).
    params: { kernel: '3.13', disks: 4, device: FAST_FLASH, numjobs: 8, group_thread_cnt: 4, stripe_cache_size: 1024 },
    baseline: { kernel: '3.11', batch_release: false },
    durationNs: 20e6,
    warmupNs: 5e6,
  },
  {
    id: 'raid5-stripe-cache-starved',
    model: 'raid5',
    story: S,
    title: 'A starved stripe cache',
    shows:
      '8 jobs x iodepth 64 with stripe_cache_size 32: submitters sleep in R5_INACTIVE_BLOCKED; raise the cache and they stop.',
    params: { disks: 4, 'device.parallelism': 4, numjobs: 8, iodepth: 64, stripe_cache_size: 32, group_thread_cnt: 4 },
    baseline: { stripe_cache_size: 1024 },
    durationNs: 30e6,
    warmupNs: 10e6,
  },
];

const A = 'Async parity offload (seed 001)';
/** The RFC is of 2006 (2.6.17); the oldest release this model's table knows is 2.6.32, the closest. */
const RFC_2006 = { kernel: '2.6.32' };
export const RAID5_ASYNC_PRESETS: readonly Preset[] = [
  {
    id: 'raid5-async-slow-parity',
    model: 'raid5',
    story: A,
    title: 'Offload helps when parity is costly',
    shows:
      'raid6 on 10 disks, full-stripe writes on an Atom-class core (cpu_model=atom, SSE xor ~5 GB/s): inline, md0_raid5 pays the xor with the rest of each stripe; four offload threads take the xor over.',
    params: {
      ...RFC_2006,
      level: 6,
      disks: 10,
      chunk: '64k',
      bs: '512k',
      rw: 'write',
      numjobs: 4,
      iodepth: 4,
      cpu_model: 'atom',
      ops: 'async',
      offload_threads: 4,
    },
    baseline: { ops: 'inline' },
    // 2.6.32's per-page lookups and releases under device_lock make a 512K write take ~27 ms: a window of
    // 100 ms after 30 ms sees completions on both sides (20 ms saw none inline).
    durationNs: 100e6,
    warmupNs: 30e6,
  },
  {
    id: 'raid5-async-fast-storage',
    model: 'raid5',
    story: A,
    title: 'On fast storage the hand-off costs more than it saves',
    shows:
      '4K random writes on 4 fast members with 4 workers: xor is cheap, and handing it off adds a lock (wq_pool_lock), wake-ups and a pass per stripe.',
    // The "useless on fast storage" remark is Shaohua Li's, in the 2013 series (seed 000): its kernel, 3.12.
    params: {
      kernel: '3.12',
      disks: 4,
      device: FAST_FLASH,
      group_thread_cnt: 4,
      numjobs: 8,
      stripe_cache_size: 1024,
      ops: 'async',
      offload_threads: 4,
    },
    baseline: { ops: 'inline' },
    durationNs: 10e6,
    warmupNs: 2e6,
  },
];

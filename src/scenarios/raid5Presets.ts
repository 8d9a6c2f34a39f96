// The raid5 presets of seed 000 (the multi-thread series) and seed 001 (async parity offload): hardware,
// workload, knobs and the kernel each post measured; never a cost.*.
import type { Preset } from './preset';

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

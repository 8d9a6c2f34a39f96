// Write-intent bitmaps (seed 004): the bitmap/resync parameters every array shares, their checks, and the
// presets reproducing the llbitmap cover letter's fio table. Data only; no simulation code here.
import { ParamError, type ParamSpec, type Resolved } from './paramSpec';
import type { Preset } from './preset';

const B = 'bitmap';
export const BITMAP_PARAMS: readonly ParamSpec[] = [
  {
    key: 'bitmap',
    kind: 'enum',
    values: ['none', 'bitmap', 'llbitmap'],
    default: 'none',
    group: B,
    help: 'Write-intent bitmap: none, bitmap (classic md-bitmap: counters under one global bitmap_lock) or llbitmap (lockless, one state byte per chunk; mdadm --bitmap=lockless).',
  },
  {
    key: 'assume_clean',
    kind: 'bool',
    default: true,
    group: B,
    help: 'on: the array starts in sync (mdadm --assume-clean, or a long-lived array); off: a new array whose initial resync runs in the background (llbitmap skips regions never written).',
  },
  {
    key: 'bitmap_chunk',
    kind: 'size',
    default: 64 << 20,
    min: 4096,
    max: 2 ** 34,
    powerOfTwo: true,
    group: B,
    help: 'Classic bitmap: array space per bit (mdadm --bitmap-chunk; internal default 64M). llbitmap sizes its own chunk (64K doubled until 128K of state bytes cover the array).',
  },
  {
    key: 'daemon_sleep',
    kind: 'time',
    default: 5e9,
    min: 1e6,
    max: 1e12,
    group: B,
    help: 'Interval of the bitmap daemon that clears bits (classic 5 s, llbitmap 30 s unless given).',
  },
  {
    key: 'barrier_idle',
    kind: 'time',
    default: 5e9,
    min: 1e6,
    max: 1e12,
    group: B,
    help: 'llbitmap: a dirty page untouched this long is cleaned by the daemon.',
  },
  {
    key: 'sync_speed_min',
    kind: 'int',
    unit: 'KiB/s',
    default: 1000,
    min: 1,
    max: 1e9,
    live: true,
    group: B,
    help: 'sysfs sync_speed_min: below this the resync never yields to array IO.',
  },
  {
    key: 'sync_speed_max',
    kind: 'int',
    unit: 'KiB/s',
    default: 200_000,
    min: 1,
    max: 1e9,
    live: true,
    group: B,
    help: 'sysfs sync_speed_max: above this the resync sleeps 500 ms.',
  },
  {
    key: 'sync_io_depth',
    kind: 'int',
    unit: 'IOs',
    default: 32,
    min: 1,
    max: 1024,
    live: true,
    group: B,
    help: 'sysfs sync_io_depth: resync IOs (a 4K stripe for raid456, 64K otherwise) in flight before a busy array makes the resync wait for them.',
  },
  {
    key: 'cost.md_clone',
    kind: 'time',
    default: 400,
    min: 0,
    max: 1e9,
    group: 'costs',
    help: 'With a bitmap, md core clones each write (md_clone_bio) and ends the clone (md_end_clone_io) in the thread that completes it: raid5d for raid5, interrupt context for raid1/raid10. Paid at each end.',
  },
  {
    key: 'cost.bitmap_counter',
    kind: 'time',
    default: 150,
    min: 0,
    max: 1e9,
    group: 'costs',
    help: 'Classic bitmap: one counter update under bitmap_lock (start_write, end_write).',
  },
  {
    key: 'cost.llbitmap_state',
    kind: 'time',
    default: 60,
    min: 0,
    max: 1e9,
    group: 'costs',
    help: 'llbitmap: one chunk through the state machine plus the percpu reference, no lock.',
  },
  {
    key: 'cost.unplug_check',
    kind: 'time',
    default: 200,
    min: 0,
    max: 1e9,
    group: 'costs',
    help: 'bitmap unplug looking for dirty pages.',
  },
  {
    key: 'cost.sync_step',
    kind: 'time',
    default: 300,
    min: 0,
    max: 1e9,
    group: 'costs',
    help: 'md_do_sync per sync_request or per bitmap chunk skipped.',
  },
];

/** llbitmap's daemon_sleep default is 30 s; sync_speed_max may not be below sync_speed_min. */
export function deriveBitmap(params: Resolved, given: ReadonlySet<string>): void {
  if (params.bitmap === 'llbitmap' && !given.has('daemon_sleep')) params.daemon_sleep = 30e9;
  if ((params.sync_speed_max as number) < (params.sync_speed_min as number)) {
    throw new ParamError(
      'sync_speed_max',
      params.sync_speed_max,
      `at least sync_speed_min (${params.sync_speed_min} KiB/s)`,
    );
  }
}

const S = 'Write-intent bitmaps (seed 004)';
/** The cover letter's VM, one machine for every row: cpu_model=vm (src/scenarios/cpuClasses.ts) and virtio
 * members that serve one request at a time, 24 us + size / 1.09 GB/s (a 64K resync IO costs about twice a 4K
 * write). The target is the table's ratios and row order, not its absolute MiB/s. fio: 4 jobs of libaio
 * randwrite 4K (iodepth 4 on raid1/raid10, 32 on raid5; see RAID5_ROW). 3 CPUs. */
const VM: Preset['params'] = {
  cpu_model: 'vm',
  device: 'virtio',
  cpus: 3,
  numjobs: 4,
  iodepth: 4,
  bs: '4k',
  rw: 'randwrite',
  size: '20g',
};
/** raid1/raid10: the classic bitmap's chunk is 512K, small enough that random writes over 20 GB keep setting
 * new bits, so its pages are written before the data in steady state (with mdadm's 64M default the 320 bits
 * stay set). */
const MIRROR: Preset['params'] = { bitmap_chunk: '512k' };
/** raid5 (5 members). iodepth 32: raid5's resync keeps up to sync_io_depth (32) stripes in md0_raid5 at once,
 * and at a shallow queue it would take most of raid5d; bitmap chunk: mdadm's default. */
const RAID5_ROW: Preset['params'] = { disks: 5, iodepth: 32, bitmap_chunk: '64m' };

/** The seed's rows: the array, and whether it was created with --assume-clean. */
const ROWS: { level: 'raid1' | 'raid10' | 'raid5'; clean: boolean; shows: string }[] = [
  {
    level: 'raid1',
    clean: false,
    shows:
      'A new raid1: without a bitmap the initial resync (read one mirror, write the other) competes for the members; llbitmap skips what was never written and is faster than no bitmap; with the classic bitmap writes go through md0_raid1, where they wait behind its resync work.',
  },
  {
    level: 'raid1',
    clean: true,
    shows:
      'raid1 created with --assume-clean: llbitmap costs nothing once its blocks are dirty (no lock, no IO); the classic bitmap writes a page before the data whenever a write sets a new bit, and md0_raid1 waits for it.',
  },
  {
    level: 'raid10',
    clean: false,
    shows:
      'A new raid10 (near-2): the resync reads both copies and md0_raid10 compares them page by page; classic-bitmap writes queue behind that work.',
  },
  {
    level: 'raid10',
    clean: true,
    shows:
      "raid10 with --assume-clean: llbitmap is free; the classic bitmap's page writes go to all four members before the data.",
  },
  {
    level: 'raid5',
    clean: false,
    shows:
      "A new raid5: resync stripes share md0_raid5 with the writes and force RCW past recovery_cp; llbitmap builds parity lazily where it was written, and raid5's own bitmap batching (bitmap_list) still costs.",
  },
  {
    level: 'raid5',
    clean: true,
    shows:
      "raid5 with --assume-clean: both bitmaps cost ~15-20%, mostly in md0_raid5: each first write parks its stripe on bitmap_list until raid5d's next bitmap batch, two more trips through device_lock; bitmap_lock adds a little.",
  },
];

/** One preset per row: bitmap=bitmap against the baseline bitmap=none (llbitmap is the third column). */
export const BITMAP_PRESETS: readonly Preset[] = ROWS.map(({ level, clean, shows }) => ({
  id: `bitmap-${level}${clean ? '-assume-clean' : ''}`,
  model: level,
  story: S,
  title: `${level}${clean ? ', --assume-clean' : ', new array'}: bitmap vs none (llbitmap by override)`,
  shows,
  params: { ...VM, ...(level === 'raid5' ? RAID5_ROW : MIRROR), bitmap: 'bitmap', assume_clean: clean },
  baseline: { bitmap: 'none' },
  durationNs: 300e6,
  warmupNs: 150e6,
}));

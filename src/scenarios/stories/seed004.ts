// Story of seed 004: Yu Kuai's lockless bitmap, llbitmap (2025), tied to the six bitmap-* presets (one per
// row of the cover letter's fio table). Data and small pure figure functions only.
import { bytesPerSec } from './figures';
import type { Claim, Story } from './types';

const TEST = 'src/sim/md/table.test.ts';

/** The cover letter's table, MiB/s: none, bitmap, llbitmap; by preset id. */
const TABLE: { preset: string; row: string; mib: [number, number, number] }[] = [
  { preset: 'bitmap-raid1', row: 'raid1', mib: [13.7, 9696 / 1024, 19.5] },
  { preset: 'bitmap-raid1-assume-clean', row: 'raid1 (assume clean)', mib: [19.5, 11.9, 19.5] },
  { preset: 'bitmap-raid10', row: 'raid10', mib: [21.9, 11.6, 27.8] },
  { preset: 'bitmap-raid10-assume-clean', row: 'raid10 (assume clean)', mib: [27.8, 15.4, 27.8] },
  { preset: 'bitmap-raid5', row: 'raid5', mib: [14.0, 11.6, 12.9] },
  { preset: 'bitmap-raid5-assume-clean', row: 'raid5 (assume clean)', mib: [17.8, 13.4, 13.9] },
];

const mibText = (x: number) => (x < 10 ? `${Math.round(x * 1024)} KiB/s` : `${x} MiB/s`);

const RESYNC_BITMAP =
  'with the VM described by its own costs (cpu_model=vm, virtio members) the classic bitmap costs ' +
  'little during the initial resync. Suspected missing: md_bitmap_cond_end_sync, which makes the resync wait for ' +
  "recovery_active to drain and writes bitmap pages as sync clears bits, and the presets' 300 ms window is shorter " +
  'than the 500 ms msleep md_do_sync takes above sync_speed_max, so a row may see the resync only in bursts.';
const CLEAN_BITMAP =
  "at the VM's own costs a bitmap costs raid5 little: raid5's bitmap batching (bitmap_list, two more " +
  'device_lock trips per first write) was only made to matter by a 4 us cost.release chosen for this row. Suspected ' +
  'missing: md0_raid5 waiting in md_bitmap_unplug for the bitmap pages before it handles the batch.';
/** Figures the model misses with the setup's own parameters (issue 12 removed the per-row cost tuning). */
export const KNOWN_MISSES: Record<string, string> = {
  'bitmap-raid1-bitmap': RESYNC_BITMAP,
  'bitmap-raid10-bitmap': RESYNC_BITMAP,
  'bitmap-raid10-llbitmap': `the none row is barely slowed by the resync (see the bitmap row): ${RESYNC_BITMAP}`,
  // Not a claim of its own (none is every claim's baseline), but the table test reads it.
  'bitmap-raid10-none':
    "the initial resync runs at the virtio members' speed until md_do_sync's currspeed passes " +
    "sync_speed_max, then sleeps 500 ms: the preset's 150 ms warm-up and 300 ms window fall in that sleep, so the none " +
    'row of a new raid10 runs as fast as a clean one. A window of seconds would show the duty cycle.',
  'bitmap-raid1-assume-clean-bitmap':
    "just outside (0.74 against at most 0.73): the classic bitmap's page write before the data costs a little less than published on the VM's own costs.",
  'bitmap-raid5-assume-clean-bitmap': CLEAN_BITMAP,
  'bitmap-raid5-assume-clean-llbitmap': CLEAN_BITMAP,
};

/** Two claims per row: bitmap / none and llbitmap / none, each within 20% of the published ratio. */
function rowClaims({ preset, row, mib }: (typeof TABLE)[number]): Claim[] {
  const none = { preset, baseline: true };
  return (['bitmap', 'llbitmap'] as const).map((kind) => {
    const col = kind === 'bitmap' ? 1 : 2;
    const published = mib[col] / mib[0];
    return {
      id: `${preset}-${kind}`,
      what: `${row}: ${kind} vs none`,
      published: `${mibText(mib[col])} vs ${mibText(mib[0])} (${published.toFixed(2)}x)`,
      publishedValue: published,
      unit: `× MiB/s (${kind} / none)`,
      runs: { [kind]: kind === 'bitmap' ? { preset } : { preset, params: { bitmap: 'llbitmap' } }, none },
      lab: preset,
      how: `Throughput in MB/s with bitmap=${kind} over the baseline bitmap=none, the same preset otherwise.`,
      figure: (r) => bytesPerSec(r[kind]) / bytesPerSec(r.none),
      digits: 2,
      check: { kind: 'within', target: Number(published.toFixed(3)), tolerance: 0.2 },
      test: TEST,
      knownMiss: KNOWN_MISSES[`${preset}-${kind}`],
    } satisfies Claim;
  });
}

export const SEED_004: Story = {
  id: '004',
  seedFile: '004_efed1093a104abd8.txt',
  title: 'A write-intent bitmap without a lock on the IO path',
  gist: 'llbitmap takes no lock on the IO path and skips the initial resync; the classic bitmap costs 30-50% on mirrors.',
  author: 'Yu Kuai',
  list: 'linux-raid',
  date: '24 May 2025',
  subject: 'md/md-llbitmap: introduce a new lockless bitmap (23 patches)',
  quote: {
    text: "For raid1/raid10 llbitmap can be better than none bitmap with background initial resync, and it's the same as none bitmap without it.",
    by: 'Yu Kuai',
  },
  plain: [
    'A write-intent bitmap remembers which regions of a mirror or parity array might be inconsistent, so that after a ' +
      'crash md resyncs only those regions instead of the whole array. The price is paid on writes: before data goes to ' +
      'the members, the bit covering it must be on disk. The classic md-bitmap keeps a counter per chunk, all under one ' +
      'global spinlock (counts.lock, shown here as bitmap_lock), writes dirty bitmap pages before the data (unplug), and a daemon clears bits every ' +
      'daemon_sleep (5 s).',
    'llbitmap keeps one state byte per chunk (Unwritten, Clean, Dirty, NeedSync, Syncing) driven by a table, with no ' +
      "lock on the IO path: a writer takes a per-page reference and pushes the page's expiry (barrier_idle, 5 s) forward. " +
      'Only a write that newly dirties a block of the bitmap pays a bitmap write, and nearby chunks are dirtied together ' +
      'so later writes pay nothing. The daemon cleans pages that have expired. Since regions never written need no sync, a ' +
      'new array skips the full initial resync; raid5 builds parity lazily where data is written.',
    "The cover letter's fio table (random writes on 20 GB ramdisks in a VM) shows llbitmap matching or beating no bitmap " +
      'on raid1 and raid10, where the classic bitmap costs 30-50%. On raid5 the differences are small, because raid5 has ' +
      "other bottlenecks. The presets model a slow VM: what they reproduce is each row's ratios, not the absolute MiB/s.",
  ],
  model: {
    summary:
      'md core (src/sim/md) supplies the classic bitmap, llbitmap and md_do_sync to the raid1, raid10 and raid5 ' +
      'models; assume_clean decides whether the initial resync runs in the background.',
    names: [
      {
        name: 'md_bitmap_startwrite / endwrite, bitmap_lock',
        what: 'classic: a counter per chunk under one global spinlock',
      },
      {
        name: 'bitmap unplug, md_super_write',
        what: 'classic: dirty bitmap pages written, and waited for, before the data',
      },
      { name: 'llbitmap state machine', what: 'one byte per chunk: Unwritten, Clean, Dirty, NeedSync, Syncing' },
      { name: 'llbitmap_page_ctl, barrier_idle', what: 'lock-free per-page references with expiry on the IO path' },
      {
        name: 'md_llbitmap_unplug / md_llbitmap_io',
        what: 'workqueues writing newly dirty blocks, and the daemon cleaning expired pages',
      },
      { name: 'md_do_sync, sync_speed_min/max', what: 'the background initial resync and its throttle' },
      {
        name: 'raid1d / raid10d / raid5d',
        what: 'the md thread: flushes pending writes after the bitmap (raid5: bitmap_list, seq_flush)',
      },
    ],
  },
  claims: TABLE.flatMap(rowClaims),
};

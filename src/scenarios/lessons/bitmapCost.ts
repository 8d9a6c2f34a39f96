// Lesson: what a write-intent bitmap costs (seed 004, the llbitmap cover letter): no bitmap, the classic
// bitmap, then llbitmap on raid5 created with --assume-clean.
import type { Lesson } from './types';

const PRESET = 'bitmap-raid5-assume-clean';
/** The bitmap's bits must be set and its batches going before the figures mean anything. */
const SETTLE = 20e6;

export const BITMAP_COST: Lesson = {
  id: 'bitmap-cost',
  title: 'What a bitmap costs',
  seed: 'seed 004: "md/md-llbitmap" cover letter (Yu Kuai)',
  summary:
    'A write-intent bitmap makes resync after a crash short; raid5 pays for it on every first write to a region.',
  speed: 1e8,
  steps: [
    {
      title: 'No bitmap',
      text: 'raid5 on 5 virtio disks in a small VM, created with --assume-clean; 4 fio jobs write 4K blocks at random. No write-intent bitmap: after a crash the whole array would have to be resynced. md0_raid5 is already the busiest thread.',
      target: 'handlers',
      look: 'md0_raid5 in the handlers column, and IOPS.',
      figure: 'iops',
      setup: { kind: 'run', preset: PRESET, params: { bitmap: 'none' }, settleNs: SETTLE },
      claims: [{ figure: 'raid5dBusy', at: 'before', above: 0.9 }],
    },
    {
      title: 'The classic bitmap',
      text: "A write-intent bitmap keeps one bit per region (64 MiB here) on disk: set before a write to that region, cleared later when the region is quiet. Before such a write, its bit must reach the disk. raid5 parks the stripe on bitmap_list until raid5d's next bitmap batch is written.",
      target: 'stripe-cache',
      look: 'bitmap_list in the stripe cache legend; IOPS in this panel.',
      figure: 'iops',
      predict: {
        question: 'We turn the classic bitmap on. IOPS...',
        choices: [
          'stay exactly the same: a bit per 64 MiB is nothing',
          'fall: each first write waits for a bitmap batch',
          'halve',
        ],
        answer: 1,
        explain:
          "IOPS fall: each first write goes onto bitmap_list and back, two more trips through device_lock in md0_raid5, and bitmap_lock is taken for every write. The cover letter measured 17.8 -> 13.4 MiB/s (-25%) for this row; the model, with the VM's own costs, loses only about 5% (a known miss, shown on the Stories page: md0_raid5's wait in md_bitmap_unplug is not modelled).",
        reveal: { kind: 'run', preset: PRESET, settleNs: SETTLE },
      },
      claims: [
        { figure: 'iops', at: 'change', above: 0.7, below: 0.99 },
        { figure: 'deviceLockContentionsPerIo', at: 'change', above: 1.1 },
      ],
    },
    {
      title: 'llbitmap: no lock',
      text: 'llbitmap (6.18, experimental) keeps one state byte per chunk and takes no lock on the IO path. On raid1 and raid10 it costs almost nothing.',
      target: 'series',
      look: 'IOPS in this panel and the chart.',
      figure: 'iops',
      predict: {
        question: 'We switch to llbitmap. Does raid5 get back to its no-bitmap speed?',
        choices: ['Yes: no lock, no cost', 'No: only a little better than the classic bitmap'],
        answer: 1,
        explain:
          'Only a little better. The cover letter: raid5 13.4 (bitmap) vs 13.9 (llbitmap) vs 17.8 MiB/s (none); "other raid5 bottlenecks dominate". raid5 still batches first writes through bitmap_list and md0_raid5.',
        reveal: { kind: 'run', preset: PRESET, params: { bitmap: 'llbitmap' }, settleNs: SETTLE },
      },
      claims: [{ figure: 'iops', at: 'change', above: 0.95, below: 1.15 }],
    },
  ],
};

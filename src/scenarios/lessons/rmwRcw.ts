// Lesson: RMW or RCW? How a small write updates parity: read-modify-write (old data + old parity) or
// reconstruct-write (the rest of the row), chosen by cost unless rmw_level forces RCW.
import type { Lesson } from './types';

const PRESET = 'raid5-stripe-cache-starved';
/** Wide rows so RMW and RCW differ (2 reads vs 6), and a cache big enough that writers never wait for one. */
const WIDE = { disks: 8, stripe_cache_size: 1024 };
/** 4 disks, 64K chunks: a full stripe is 192K. */
const ROWS_64K = { disks: 4, stripe_cache_size: 1024, chunk: '64k' };

export const RMW_RCW: Lesson = {
  id: 'rmw-rcw',
  title: 'RMW or RCW?',
  seed: '"md/raid5: activate raid6 rmw feature" and handle_stripe\'s choice',
  summary: "A 4K write must update its row's parity; the two ways of doing it read different amounts.",
  steps: [
    {
      title: 'Two ways to update parity',
      text: 'A 4K write changes one data block, so the parity of its row must change too. Read-modify-write (RMW) reads the old data and the old parity: 2 reads. Reconstruct-write (RCW) reads every other data block of the row and computes parity afresh. On 8 disks a row has 7 data blocks, so RCW needs 6 reads. With rmw_level = 1 (the default) the kernel counts both and picks the cheaper.',
      target: 'members',
      look: 'The members column, and the reads per write in this panel.',
      figure: 'memberReadsPerWrite',
      setup: { kind: 'run', preset: PRESET, params: WIDE },
      claims: [
        { figure: 'memberReadsPerWrite', at: 'before', above: 1.8, below: 2.2 },
        { figure: 'memberUtil', at: 'before', above: 0.8 },
      ],
    },
    {
      title: 'Force RCW',
      text: 'rmw_level = 0 makes every small write use RCW, the way raid6 always worked before its RMW support was switched on. It changes at run time.',
      target: 'series',
      look: 'Reads per write in this panel, and IOPS in the chart.',
      figure: 'memberReadsPerWrite',
      predict: {
        question: 'We set rmw_level = 0 (always RCW). What happens?',
        choices: [
          'About 6 reads per write, and IOPS fall',
          'Still about 2 reads per write',
          'About 6 reads per write, IOPS unchanged',
        ],
        answer: 0,
        explain:
          'Each write now reads the 6 other data blocks of its row. The disks were already the limit, so three times the reads cut IOPS by about 40%. The raid6 RMW patch measured the same kind of gap on disks: 165 vs 140 KB/s for 4K writes.',
        reveal: { kind: 'live', params: { rmw_level: 0 } },
      },
      claims: [
        { figure: 'memberReadsPerWrite', at: 'after', above: 5.5 },
        { figure: 'iops', at: 'change', below: 0.75 },
      ],
    },
    {
      title: 'A narrow row',
      text: 'Now 3 disks: a row has 2 data blocks and the parity. RMW still reads 2 (old data, old parity); RCW reads only the one other data block. This run starts with rmw_level = 0, always RCW.',
      target: 'members',
      look: 'Reads per write in this panel.',
      figure: 'memberReadsPerWrite',
      setup: { kind: 'run', preset: PRESET, params: { ...WIDE, disks: 3, rmw_level: 0 } },
      predict: {
        question: 'We set rmw_level back to 1 (choose the cheaper). Reads per write...',
        choices: ['rise to about 2: RMW is back', 'stay at about 1: RCW is already the cheaper'],
        answer: 1,
        explain:
          'The kernel chooses by counting reads: on 3 disks RCW needs 1, RMW 2, so it keeps choosing RCW. RMW pays off only on wider rows.',
        reveal: { kind: 'live', params: { rmw_level: 1 } },
      },
      claims: [
        { figure: 'memberReadsPerWrite', at: 'before', above: 0.9, below: 1.1 },
        { figure: 'memberReadsPerWrite', at: 'change', above: 0.9, below: 1.1 },
      ],
    },
    {
      title: 'Whole rows: no reads at all',
      text: 'When a write covers a whole row (a full stripe: chunk x data disks), every data block of the row is new, so parity comes from the new data alone. Here 4 disks with 64K chunks: a full stripe is 3 x 64K = 192K. This run starts with 4K random writes again.',
      target: 'members',
      look: "Reads per write in this panel, and the members' queues.",
      figure: 'memberReadsPerWrite',
      setup: { kind: 'run', preset: PRESET, params: ROWS_64K },
      predict: {
        question: 'One fio job now writes 192K blocks in order, each exactly one row. Member reads per write?',
        choices: ['None: parity comes from the new data alone', 'About 2 for every 4K page', 'One per chunk: 3'],
        answer: 0,
        explain:
          'No reads: a full-stripe write needs neither RMW nor RCW, and the members, now only writing, carry about three times the MB/s. This is why the array tells file systems its optimal IO size (io_opt = chunk x data disks).',
        reveal: {
          kind: 'run',
          preset: PRESET,
          params: { ...ROWS_64K, bs: '192k', rw: 'write', numjobs: 1, iodepth: 8 },
        },
      },
      claims: [
        { figure: 'memberReadsPerWrite', at: 'before', above: 1.8 },
        { figure: 'memberReadsPerWrite', at: 'after', below: 0.05 },
        { figure: 'mbps', at: 'change', above: 2 },
      ],
    },
  ],
};

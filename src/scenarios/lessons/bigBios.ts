// Lesson: big bios and the queue lock (seed 003, ext4 page-io): 4K buffer submissions vs 512K bios per MiB,
// and with many writers the legacy request queue's queue_lock as the limit that big bios remove.
import type { Lesson } from './types';

/** ext4 writeback settles slower than raid5: dirty pages must reach their steady level first. */
const SETTLE = 10e6;

export const BIG_BIOS: Lesson = {
  id: 'big-bios',
  title: 'Big bios and the queue lock',
  seed: 'seed 003: ext4 page-io, "use the block layer directly" (2.6.37)',
  summary: 'Submitting 4K buffers one by one takes the request queue lock 256 times per MiB; 512K bios take it twice.',
  steps: [
    {
      title: 'One buffer at a time',
      text: "Before 2.6.37, ext4 wrote dirty pages back through the buffer layer: block_write_full_page submits each 4K block on its own. One MiB of file is 256 submissions into the block layer, and each one takes the request queue's queue_lock. Here one writer streams into a file on a fast device.",
      target: 'figures',
      look: 'Submissions per MiB in this panel; the throughput figure in the figures panel.',
      figure: 'submissionsPerMiB',
      setup: { kind: 'run', preset: 'ext4-one-writer', params: { submit: 'buffer' }, settleNs: SETTLE },
      claims: [{ figure: 'submissionsPerMiB', at: 'before', above: 250, below: 262 }],
    },
    {
      title: 'Build bios instead',
      text: "Ted Ts'o's page-io series makes ext4 build bios itself: each contiguous page joins the open bio until it holds 512K (the device's limit), then the bio is submitted.",
      target: 'figures',
      look: 'Submissions per MiB in this panel.',
      figure: 'submissionsPerMiB',
      predict: {
        question: 'With 512K bios, how many fewer submissions per MiB?',
        choices: ['2x fewer', '16x fewer', '128x fewer', '1024x fewer'],
        answer: 2,
        explain:
          '512K / 4K = 128: two bios per MiB instead of 256 buffers. The cover letter says "128x fewer queue submissions" (1024x only in the ideal case). Less CPU per MiB too, and far fewer trips through queue_lock.',
        reveal: { kind: 'run', preset: 'ext4-one-writer', settleNs: SETTLE },
      },
      claims: [{ figure: 'submissionsPerMiB', at: 'change', above: 1 / 135, below: 1 / 121 }],
    },
    {
      title: 'Sixteen writers, one queue_lock',
      text: "Eric Whitney's lock_stat runs found the block request queue lock to be ext4's top scalability problem. Here 16 writers submit 4K buffers into one request queue.",
      target: 'lockstat',
      look: 'The queue_lock row of lock_stat: contentions and waittime-total, the top of the table.',
      figure: 'queueLockContentionsPerMiB',
      setup: { kind: 'run', preset: 'ext4-many-writers', params: { submit: 'buffer' }, settleNs: SETTLE },
      predict: {
        question: 'The same 16 writers with 512K bios. Throughput...',
        choices: [
          'rises well: queue_lock stops being the limit',
          'stays the same: the device is the limit',
          'falls: big bios take longer',
        ],
        answer: 0,
        explain:
          'queue_lock traffic drops about 128x, its contentions almost vanish, and MB/s more than double here. The top of lock_stat is now j_state_lock, the journal lock every written page takes: the next lock to look at.',
        reveal: { kind: 'run', preset: 'ext4-many-writers', settleNs: SETTLE },
      },
      claims: [
        { figure: 'queueLockContentionsPerMiB', at: 'before', above: 100 },
        { figure: 'queueLockContentionsPerMiB', at: 'change', below: 0.05 },
        { figure: 'mbps', at: 'change', above: 1.3 },
      ],
    },
  ],
};

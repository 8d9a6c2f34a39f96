// Story of seed 003: Ted Ts'o's ext4 series moving writeback from the buffer layer to bios (2010), tied to
// the ext4 presets. Data and small pure figure functions only.
import { bytesPerSec, contentionRank, extra, lock } from './figures';
import type { Story } from './types';

const TEST = 'src/sim/models/ext4/calibration.test.ts';
const pair = (preset: string) => ({ with: { preset }, without: { preset, baseline: true } });

export const SEED_003: Story = {
  id: '003',
  seedFile: '003_25efd3887200d801.txt',
  title: 'ext4 writeback in 512K bios instead of 4K buffers',
  gist: "Build 512K bios instead of submitting 4K buffers: 128x fewer trips through the request queue's lock.",
  author: "Theodore Ts'o",
  list: 'linux-ext4',
  date: '2010 (for 2.6.37)',
  subject: 'ext4: use bio layer instead of buffer layer in mpage_da_submit_io (6 patches)',
  quote: {
    text: 'Lockstat measurements by Eric Whitney show that the block I/O request queue lock is the top cause of scalability problems in ext4',
    by: "Theodore Ts'o",
  },
  plain: [
    "When ext4 writes a file's dirty pages back to disk (delayed allocation: ext4_da_writepages, then " +
      "mpage_da_submit_io), it used the kernel's generic buffer layer: block_write_full_page walks the buffer_heads " +
      'of each page and calls submit_bh for every 4 KiB block. Each of those submissions enters the block layer and ' +
      "takes the request queue's lock, queue_lock, to find a request to merge into.",
    "Ted Ts'o's series (a new file, fs/ext4/page-io.c) builds bios directly. ext4_bio_write_page appends each page " +
      'to an open bio carried in struct ext4_io_submit while the blocks are contiguous, and ext4_io_submit sends the bio ' +
      "when it is full, typically at 512 KiB, the device's limit. That is one submission where there were 128: 128x fewer " +
      'trips through queue_lock (the letter also speaks of a factor of 1024 in the ideal case), and less CPU per MiB ' +
      'written.',
    "Why it matters: Eric Whitney's lockstat runs on 2.6.35 found queue_lock the top contended lock when many threads " +
      'write. Fewer, larger submissions relieve it, and a block plug around writepages (a later patch by Shaohua Li) ' +
      'cuts its acquisitions further. The new path was switched off by default in 2.6.37 after a data-corruption ' +
      'report, and became unconditional later.',
  ],
  model: {
    summary:
      'The ext4 model runs fio writers streaming buffered writes into their own files, writeback by buffer or ' +
      'by bio (submit), an optional block plug, and one device behind the legacy single-queue block layer.',
    names: [
      {
        name: 'generic_perform_write / j_state_lock',
        what: 'the writers: copy, dirty the page, a journal handle per page',
      },
      { name: 'block_write_full_page / submit_bh', what: 'submit=buffer: one 4K submission per block' },
      {
        name: 'ext4_bio_write_page / io_submit_add_bh / ext4_io_submit',
        what: 'submit=bio: contiguous pages gathered into bios of up to max_bio',
      },
      { name: '__make_request under queue_lock', what: 'merge check, get_request and insert for every bio' },
      {
        name: 'blk_start_plug / blk_finish_plug',
        what: "plug=true: bios wait in the task's plug list and go in with one queue_lock trip",
      },
      {
        name: 'request_fn / blk_end_request',
        what: 'dispatch up to the tag depth, and completion, also under queue_lock',
      },
    ],
  },
  claims: [
    {
      id: 'submissions',
      what: 'One streaming writer: block I/O submissions per MiB written',
      published: '4K → up to 512K per submission (128x fewer)',
      publishedValue: 128,
      unit: '× fewer submissions per MiB (buffer / bio)',
      runs: pair('ext4-one-writer'),
      lab: 'ext4-one-writer',
      how: 'Block I/O submissions per MiB written, the baseline (submit buffer) over the preset (submit bio).',
      figure: (r) => extra(r.without, 'submissionsPerMiB') / extra(r.with, 'submissionsPerMiB'),
      digits: 1,
      check: { kind: 'within', target: 128, tolerance: 0.05 },
      test: TEST,
    },
    {
      id: 'cpu',
      what: 'One streaming writer: CPU time per MiB written',
      published: 'reduces CPU overhead "by a significant amount"',
      publishedValue: null,
      unit: '× CPU per MiB (bio / buffer)',
      runs: pair('ext4-one-writer'),
      lab: 'ext4-one-writer',
      how: 'CPU time per MiB written, the preset (bio) over the baseline (buffer); the test wants at least 25% less.',
      figure: (r) => extra(r.with, 'cpuNsPerMiB') / extra(r.without, 'cpuNsPerMiB'),
      digits: 2,
      check: { kind: 'below', bound: 0.75 },
      test: TEST,
    },
    {
      id: 'top-lock',
      what: '16 writers, 4K buffers: where queue_lock ranks among contended locks',
      published: 'the top cause of scalability problems',
      publishedValue: 1,
      unit: 'rank by contentions (1 = top)',
      source: "Eric Whitney's lockstat runs, 2.6.35",
      runs: { buffer: { preset: 'ext4-many-writers', baseline: true } },
      lab: 'ext4-many-writers',
      how: "Position of queue_lock when the buffer run's lock classes are sorted by contentions, as lock_stat sorts them.",
      figure: (r) => contentionRank(r.buffer, 'queue_lock'),
      digits: 0,
      check: { kind: 'equals', value: 1 },
      test: TEST,
    },
    {
      id: 'throughput',
      what: '16 writers: throughput with bios vs with buffers',
      published: '"should resolve these issues" (no figure)',
      publishedValue: null,
      unit: '× MB/s (bio / buffer)',
      runs: pair('ext4-many-writers'),
      lab: 'ext4-many-writers',
      how: 'Throughput in MB/s, the preset (bio) over the baseline (buffer); the test wants more than 1.3x.',
      figure: (r) => bytesPerSec(r.with) / bytesPerSec(r.without),
      digits: 2,
      check: { kind: 'above', bound: 1.3 },
      test: TEST,
    },
    {
      id: 'queue-lock',
      what: '16 writers: queue_lock contentions with buffers vs bios',
      published: 'queue_lock traffic falls with the submissions',
      publishedValue: null,
      unit: '× fewer queue_lock contentions (buffer / bio)',
      runs: pair('ext4-many-writers'),
      lab: 'ext4-many-writers',
      how: 'queue_lock contentions of the baseline (buffer) over the preset (bio); the test wants more than 20x fewer.',
      figure: (r) => lock(r.without, 'queue_lock').contentions / Math.max(1, lock(r.with, 'queue_lock').contentions),
      digits: 1,
      check: { kind: 'above', bound: 20 },
      test: TEST,
    },
    {
      id: 'plug',
      what: '16 writers with bios: a block plug around writepages',
      published: 'fewer queue_lock round trips (no figure)',
      publishedValue: null,
      unit: '× queue_lock acquisitions per MiB (plug / no plug)',
      source: 'Shaohua Li, "Add block plug for ext4 .writepages"',
      runs: pair('ext4-plug'),
      lab: 'ext4-plug',
      how: 'queue_lock acquisitions per MiB written, with plug over without; the test wants at least 15% fewer.',
      figure: (r) => extra(r.with, 'queueLockAcquisitionsPerMiB') / extra(r.without, 'queueLockAcquisitionsPerMiB'),
      digits: 2,
      check: { kind: 'below', bound: 0.85 },
      test: TEST,
    },
  ],
};

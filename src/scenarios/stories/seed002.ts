// Story of seed 002: Ming Lei's loop conversion to blk-mq and kernel AIO (2014), tied to the loop presets.
// Data and small pure figure functions only.
import { iops } from './figures';
import type { Story } from './types';

const TEST = 'src/sim/models/loop/calibration.test.ts';
const pair = (preset: string) => ({ with: { preset }, without: { preset, baseline: true } });
const RANDWRITE = { rw: 'randwrite', dirty_bytes: '2m' };

export const SEED_002: Story = {
  id: '002',
  seedFile: '002_b74a501827ec92ae.txt',
  title: 'A loop device that reads one request at a time',
  gist: 'blk-mq let loop serve reads concurrently; AIO with O_DIRECT then did it with one thread and no double copy.',
  author: 'Ming Lei (answering Jens Axboe)',
  list: 'linux-kernel, linux-fsdevel',
  date: '15 August 2014',
  subject: 'Re: [PATCH v1 0/9] block & aio: kernel aio and loop mq conversion',
  quote: {
    text: "With the change, loop block's performance can be doubled in my fio test(randread, single job, libaio).",
    by: 'Ming Lei, quoted in his reply',
  },
  plain: [
    'A loop device turns a file into a block device: disk images, containers and live CDs all sit on one. Up to 3.19 ' +
      'the loop driver put every bio on one list (lo_bio_list, under lo_lock) and one kernel thread, loop0, served them ' +
      'one at a time with synchronous buffered reads and writes on the backing file. However many IOs fio keeps in ' +
      'flight, the device under the file sees one request at a time, and every page is copied through two page caches.',
    "Ming Lei's series converted loop to blk-mq: each request becomes a work item on a workqueue, so reads run " +
      'concurrently while writes to the file stay serial. On a backing device that serves many requests at once, random ' +
      'reads scale with the work items in flight: his table shows 1,740 → 25,318 IOPS for 4K random reads at queue depth ' +
      "64, and in this reply he reports close to 10x on another machine, thanks to the workqueue's concurrency " +
      'management. A further patch submits to the backing file with kernel AIO and O_DIRECT, so IOs stay in flight ' +
      'without a thread waiting on each one and without the page-cache copy: that doubled single-job random reads.',
    'What happened next is part of the story: the 4.0 concurrency scattered sequential reads over several workers and ' +
      'made a Fedora live-CD boot more than twice as slow on 4 CPUs as on 1, so 4.4 went back to one kthread_worker per ' +
      'device plus AIO and O_DIRECT (use_dio). Random writes did not gain, because writes to the file stay serial.',
  ],
  model: {
    summary:
      'The loop model runs fio on /dev/loop0 over a backing file on a readahead-sensitive device, in one of ' +
      'three designs (loop_mode): single-thread (<= 3.19), blk-mq (4.0) and dio-aio (4.4).',
    names: [
      {
        name: 'loop_make_request / lo_bio_list / lo_lock',
        what: 'single-thread: bios queued for the one loop0 thread (loop_thread)',
      },
      { name: 'loop_queue_rq / kloopd0', what: 'blk-mq: each read a work item, max_active (workers, 16) at once' },
      { name: 'write_cmd_head', what: 'blk-mq: writes queued under lo_lock for one write_work, so they stay serial' },
      { name: 'lo_rw_aio', what: 'dio-aio: one kthread_worker submits async O_DIRECT IO and moves on' },
      {
        name: 'page cache, balance_dirty_pages',
        what: 'buffered modes: the double copy and the dirty limit on the backing file',
      },
    ],
  },
  claims: [
    {
      id: 'blk-mq',
      what: '4K random reads, libaio QD64, one job: blk-mq vs one thread',
      published: '1,740 → 25,318 IOPS (14.5x)',
      publishedValue: 14.55,
      unit: '× IOPS (blk-mq / single-thread)',
      source: 'the series\' table (ext4 file on SSD); the post\'s "close to 10 times" was another box',
      runs: pair('loop-blk-mq-randread'),
      lab: 'loop-blk-mq-randread',
      how: 'IOPS of the preset (loop_mode blk-mq) over its baseline (single-thread).',
      figure: (r) => iops(r.with) / iops(r.without),
      digits: 2,
      check: { kind: 'within', target: 14.5, tolerance: 0.2 },
      test: TEST,
    },
    {
      id: 'dio-aio',
      what: 'Single-job random reads: AIO + O_DIRECT vs blk-mq',
      published: 'doubled',
      publishedValue: 2,
      unit: '× IOPS (dio-aio / blk-mq)',
      runs: pair('loop-dio-aio-randread'),
      lab: 'loop-dio-aio-randread',
      how: 'IOPS of the preset (loop_mode dio-aio) over its baseline (blk-mq).',
      figure: (r) => iops(r.with) / iops(r.without),
      digits: 2,
      check: { kind: 'within', target: 2, tolerance: 0.2 },
      test: TEST,
    },
    {
      id: 'seqread',
      what: 'Sequential reads on a readahead disk: blk-mq on 1 CPU vs on 4',
      published: 'live-CD boot > 2x slower on 4 CPUs than on 1',
      publishedValue: 2,
      unit: '× IOPS (1 CPU / 4 CPUs)',
      source: 'Fedora report of the 4.0 regression',
      runs: {
        oneCpu: { preset: 'loop-seqread-regression', params: { cpus: 1 } },
        fourCpus: { preset: 'loop-seqread-regression' },
      },
      lab: 'loop-seqread-regression',
      how: 'IOPS of the preset with cpus 1 over the preset as it is (4 CPUs): workers overtaking each other break the stream.',
      figure: (r) => iops(r.oneCpu) / iops(r.fourCpus),
      digits: 2,
      check: { kind: 'above', bound: 2 },
      test: TEST,
    },
    {
      id: 'randwrite',
      what: '4K random writes: blk-mq vs one thread',
      published: '35,709 → 34,624 IOPS (about equal)',
      publishedValue: 34_624 / 35_709,
      unit: '× IOPS (blk-mq / single-thread)',
      source: "the series' table",
      runs: {
        mq: { preset: 'loop-blk-mq-randread', params: RANDWRITE, duration: '30ms', warmup: '10ms' },
        st: {
          preset: 'loop-blk-mq-randread',
          params: { ...RANDWRITE, loop_mode: 'single-thread' },
          duration: '30ms',
          warmup: '10ms',
        },
      },
      lab: 'loop-blk-mq-randread',
      how: 'IOPS with rw randwrite and vm.dirty_bytes 2m, blk-mq over single-thread; the test wants them within 10% of each other.',
      figure: (r) => iops(r.mq) / iops(r.st),
      digits: 2,
      check: { kind: 'within', target: 1, tolerance: 0.1 },
      test: TEST,
    },
  ],
};

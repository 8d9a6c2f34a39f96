// Lesson: why one thread is not enough (seed 000, Shaohua Li's multi-thread raid5 series): one raid5d
// as the limit, two workers lifting IOPS to the members' limit, and more workers adding nothing after that.
import type { Lesson } from './types';

const PRESET = 'raid5-3disk-threads';

export const ONE_THREAD: Lesson = {
  id: 'one-thread',
  title: 'Why one thread is not enough',
  seed: 'seed 000: "raid5: make stripe handling multi-threading" (2012)',
  summary: 'One md0_raid5 thread handles every stripe of the array; on fast disks it, not the disks, sets the pace.',
  steps: [
    {
      title: 'One thread does all the work',
      text: 'Every write to a raid5 array becomes work on a stripe_head: add the data, compute parity, send the member IOs, finish them. By default (group_thread_cnt = 0) one kernel thread, md0_raid5 (raid5d), does all of it for the whole array. Here fio writes 4K blocks at random to 3 fast members.',
      target: 'handlers',
      look: "In the handlers column, md0_raid5's share of time running: it never rests.",
      figure: 'raid5dBusy',
      setup: { kind: 'run', preset: PRESET, params: { group_thread_cnt: 0, stripe_cache_size: 256 } },
      claims: [{ figure: 'raid5dBusy', at: 'before', above: 0.95 }],
    },
    {
      title: 'The disks are waiting',
      text: 'The members could do much more: each serves several requests at once, yet they sit idle most of the time. The one thread, not the disks, is the limit. The "Limit now" line above the machine says the same.',
      target: 'members',
      look: 'The members column: the share of time each disk was busy.',
      figure: 'memberUtil',
      claims: [{ figure: 'memberUtil', at: 'before', below: 0.5 }],
    },
    {
      title: 'Add two workers',
      text: "Since 3.12 raid5 can hand stripes to worker threads: group_thread_cnt sets how many per group. It changes at run time, like the sysfs file. The series' test added 2 threads and doubled the stripe cache.",
      target: 'series',
      look: 'The IOPS figure and the throughput chart, before and after the change.',
      figure: 'iops',
      predict: {
        question: 'We set group_thread_cnt = 2 and stripe_cache_size = 512. What happens to IOPS?',
        choices: [
          'About the same: the disks are the limit',
          'A little more (10-30%)',
          'More than double',
          'Lower: the threads fight over device_lock',
        ],
        answer: 2,
        explain:
          'IOPS rise about 2.3x and the members go from under half busy to nearly always busy. The series reported +130% for this setup, "near theoretical": with three threads handling stripes, the disks are the limit now.',
        reveal: { kind: 'live', params: { group_thread_cnt: 2, stripe_cache_size: 512 } },
      },
      claims: [
        { figure: 'iops', at: 'change', above: 1.8 },
        { figure: 'memberUtil', at: 'after', above: 0.85 },
      ],
    },
    {
      title: 'More threads than the disks need',
      text: 'The members are now busy almost all the time. Would more threads help again?',
      target: 'members',
      look: "The members' busy shares, and the IOPS figure.",
      figure: 'iops',
      predict: {
        question: 'Two more workers: group_thread_cnt = 4. What happens to IOPS?',
        choices: ['About double again', 'Little change (under 10%)', 'Much lower'],
        answer: 1,
        explain:
          'Threads help only while a thread is the bottleneck. The disks are saturated, so the extra workers mostly wait: IOPS move by a few percent at most.',
        reveal: { kind: 'live', params: { group_thread_cnt: 4 } },
      },
      claims: [
        { figure: 'iops', at: 'change', above: 0.9, below: 1.1 },
        { figure: 'memberUtil', at: 'after', above: 0.9 },
      ],
    },
  ],
};

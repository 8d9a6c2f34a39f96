// Story of seed 000: Shaohua Li's multi-thread raid5 series (2012), in plain words, with its published
// figures tied to the raid5 presets that reproduce them. Data and small pure figure functions only.
import { extra, iops, lock, opsDone } from './figures';
import type { Story } from './types';

const TEST = 'src/sim/models/raid5/calibration.test.ts';
const pair = (preset: string) => ({ with: { preset }, without: { preset, baseline: true } });

export const SEED_000: Story = {
  id: '000',
  seedFile: '000_389ee7efa278439a.txt',
  title: 'One raid5 thread cannot keep up with fast disks',
  gist: 'On fast disks one raid5d thread saturates; device_lock had to be tamed before more threads could help.',
  author: 'Shaohua Li',
  list: 'linux-raid',
  date: '2012 (v3 of the series)',
  subject: 'raid5: make stripe handling multi-threading',
  quote: { text: 'In a fast storage, the thread becomes a bottleneck.', by: 'Shaohua Li' },
  plain: [
    "md's raid5 driver did all of its stripe work in one kernel thread per array, raid5d (it shows up as md0_raid5). " +
      'Every write becomes work on one or more stripe_heads, cached rows across all member disks, and raid5d runs ' +
      "handle_stripe on each: choose what to read, compute parity, submit the member IO, finish the writer's bio. " +
      'With disks that take milliseconds one thread keeps up easily. With flash, the members answer faster than one ' +
      'thread can dispatch and complete requests: Shaohua Li counted more than 450,000 requests a second for raid5d, ' +
      'and dispatch and completion alone saturated it, before any parity arithmetic.',
    'More threads did not help at first, because every stripe list was guarded by one array-wide spinlock, ' +
      'conf->device_lock, and the threads spent their time spinning on it. Patches 3-9 of the series cut its use: a ' +
      "per-stripe lock (stripe_lock) for each stripe's bio lists, releasing every stripe a request touched in one go " +
      'at unplug, and handling stripes in batches. device_lock stays contended but stops being the heaviest lock, and ' +
      'then extra handler threads pay off.',
    'His figures: on 3 disks, two extra threads (with stripe_cache_size doubled) gave +130%, close to what the disks ' +
      'can do; on 4 disks +200%, yet far below theory, which he put down to the request-queue lock, cache effects and ' +
      'per-disk latency. The threads were merged in 3.12 as worker groups (sysfs group_thread_cnt, default 0).',
    'Why it matters: a storage stack is a queueing system. When devices get fast, the CPU path in front of them ' +
      'becomes the bottleneck, and a global lock serialises exactly what the extra threads were meant to run in parallel.',
  ],
  model: {
    summary:
      'The raid5 model runs fio jobs, the stripe cache and its handler threads on simulated CPUs, with every ' +
      "lock keeping lock_stat's figures. The presets measured against the 2012 kernel set hash_locks 1 and blk sq: " +
      'then all of the cache was under device_lock, and each member had the legacy request queue.',
    names: [
      {
        name: 'raid5d / raid5_do_work',
        what: 'md0_raid5 and the worker-group threads (group_thread_cnt) that handle stripes',
      },
      {
        name: 'handle_active_stripes',
        what: 'takes up to MAX_STRIPE_BATCH (8) stripes under device_lock, handles them with no global lock held',
      },
      { name: 'handle_stripe', what: 'one pass of the per-stripe state machine: RMW or RCW, parity, ops_run_io' },
      { name: 'raid5_get_active_stripe', what: 'lookup or allocation in the stripe cache under a hash lock' },
      {
        name: 'add_stripe_bio / stripe_lock',
        what: 'queues a bio on a stripe under its own lock (patch "add a per-stripe lock")',
      },
      {
        name: 'raid5_release_stripe / released_stripes',
        what: 'lockless release llist, or device_lock per release (knob release)',
      },
      {
        name: 'raid5_unplug',
        what: 'releases all stripes a request touched with one device_lock trip (knob batch_release)',
      },
      { name: 'queue_lock (blk sq)', what: "the members' legacy request-queue lock the author names as a limit" },
    ],
  },
  claims: [
    {
      id: '3disk',
      what: '3 disks: two extra handler threads, stripe_cache_size doubled',
      published: '+130% throughput',
      publishedValue: 2.3,
      unit: '× IOPS (threads / raid5d alone)',
      runs: pair('raid5-3disk-threads'),
      lab: 'raid5-3disk-threads',
      how: 'IOPS of the preset (group_thread_cnt 2, stripe_cache_size 512) over its baseline (0 workers, 256).',
      figure: (r) => iops(r.with) / iops(r.without),
      digits: 2,
      check: { kind: 'within', target: 2.3, tolerance: 0.15 },
      test: TEST,
    },
    {
      id: '4disk',
      what: '4 disks: three extra handler threads',
      published: '+200% throughput, far below theory',
      publishedValue: 3,
      unit: '× IOPS (threads / raid5d alone)',
      runs: pair('raid5-4disk-threads'),
      lab: 'raid5-4disk-threads',
      how: 'IOPS of the preset (group_thread_cnt 3) over its baseline (0 workers).',
      figure: (r) => iops(r.with) / iops(r.without),
      digits: 2,
      check: { kind: 'within', target: 3, tolerance: 0.15 },
      test: TEST,
    },
    {
      id: 'ceiling',
      what: 'Requests one raid5d handles when it is the limit',
      published: '> 450k requests/s',
      publishedValue: 450_000,
      unit: 'member requests / s through md0_raid5',
      runs: { one: { preset: 'raid5-single-thread-ceiling' } },
      lab: 'raid5-single-thread-ceiling',
      how:
        'Requests md0_raid5 dispatches to the members and sees completed, per simulated second; ' +
        'the test also wants md0_raid5 at least 95% busy and the members nearly idle.',
      figure: (r) => extra(r.one, 'raid5dRequestsPerSec'),
      digits: 0,
      check: { kind: 'above', bound: 450_000 },
      test: TEST,
    },
    {
      id: 'device-lock',
      what: 'device_lock after patches 3-9 (8 hash locks, lockless release, plug batching)',
      published: 'still contended, but much less CPU time',
      publishedValue: null,
      unit: '× device_lock wait per IO (after / before)',
      runs: pair('raid5-device-lock-before-after'),
      lab: 'raid5-device-lock-before-after',
      how: "device_lock's total wait (lock_stat's waittime-total) per completed IO, the preset (after) over its baseline (before); the test wants under half.",
      figure: (r) =>
        lock(r.with, 'device_lock').waitTimeTotalNs /
        opsDone(r.with) /
        (lock(r.without, 'device_lock').waitTimeTotalNs / opsDone(r.without)),
      digits: 2,
      check: { kind: 'below', bound: 0.5 },
      test: TEST,
    },
  ],
};

// Lesson: adding threads hits device_lock (seed 000): on memory-speed members more handlers scale less
// than linearly because every one of them takes the array-wide device_lock; then what the series changed.
import type { Lesson } from './types';

const PRESET = 'raid5-4disk-threads';
const SERIES = 'raid5-device-lock-before-after';

export const DEVICE_LOCK: Lesson = {
  id: 'device-lock',
  title: 'Adding threads hits device_lock',
  seed: 'seed 000: the multi-thread raid5 series and its lock patches',
  summary: "Four handler threads on fast disks give about three threads' worth: they queue for one spinlock.",
  steps: [
    {
      title: 'Fast disks, one thread',
      text: 'Four fast PCIe flash members (the series\' "fast storage"), 8 CPUs, 8 fio jobs writing 4K at random. With no workers, md0_raid5 is busy all the time and the disks are far from busy.',
      target: 'handlers',
      look: "md0_raid5 in the handlers column, and the members' busy shares.",
      figure: 'raid5dBusy',
      setup: { kind: 'run', preset: PRESET, params: { group_thread_cnt: 0 } },
      claims: [
        { figure: 'raid5dBusy', at: 'before', above: 0.95 },
        { figure: 'memberUtil', at: 'before', below: 0.2 },
      ],
    },
    {
      title: 'Four threads',
      text: 'The disks have room to spare, so the only limit is the handling itself. Three workers plus md0_raid5 make four threads handling stripes.',
      target: 'series',
      look: 'The IOPS figure and the throughput chart.',
      figure: 'iops',
      predict: {
        question: 'We set group_thread_cnt = 3. How much faster does the array get?',
        choices: [
          'About 4x: four threads, four times the work',
          "About 3x: clearly less than four threads' worth",
          'No faster',
        ],
        answer: 1,
        explain:
          'About 3x, not 4x. The series reported +200% on 4 disks, "far below theory". The threads share one array-wide spinlock, device_lock, and the members\' queue_lock: device_lock contentions per write rise.',
        reveal: { kind: 'live', params: { group_thread_cnt: 3 } },
      },
      claims: [
        { figure: 'iops', at: 'change', above: 2.5, below: 3.8 },
        { figure: 'deviceLockContentionsPerIo', at: 'change', above: 1.1 },
      ],
    },
    {
      title: 'Where the time goes',
      text: 'device_lock guards the lists of stripes waiting to be handled. Every handler takes it to pick a batch of up to 8 stripes and again to put them back. A thread that finds it taken spins: it burns its CPU doing nothing until the lock is free.',
      target: 'device-lock',
      look: 'The device_lock line under the machine: who holds it and the queue of spinning waiters. In lock_stat, its contentions.',
      figure: 'deviceLockContended',
      claims: [
        { figure: 'deviceLockContended', at: 'before', above: 0.7 },
        { figure: 'handlersSpinning', at: 'before', above: 0.1 },
      ],
    },
    {
      title: 'Even more threads',
      text: 'There are 8 CPUs. What if every CPU gets a worker?',
      target: 'series',
      look: "The IOPS figure, and the handlers' spin shares.",
      figure: 'iops',
      predict: {
        question: 'We set group_thread_cnt = 8. What happens to IOPS?',
        choices: ['About double again', 'Little or nothing', 'IOPS halve'],
        answer: 1,
        explain:
          'Little or nothing, far from double: more threads queue for the same device_lock, and 16 busy threads now share 8 CPUs with the fio jobs.',
        reveal: { kind: 'live', params: { group_thread_cnt: 8 } },
      },
      claims: [{ figure: 'iops', at: 'change', above: 0.9, below: 1.6 }],
    },
    {
      title: 'What the series did about it',
      text: 'Now four workers on a kernel without the lock patches: one lock for the whole cache instead of 8 hash locks, every release taking device_lock, and no batching of releases at unplug.',
      target: 'lockstat',
      look: 'The device_lock row of lock_stat: contentions and waittime.',
      figure: 'deviceLockContentionsPerIo',
      setup: { kind: 'run', preset: SERIES, params: { hash_locks: 1, release: 'locked', batch_release: false } },
      predict: {
        question:
          'With the patches (8 hash locks, lock-free release list, batched release), device_lock contentions per write...',
        choices: ['fall by more than half', 'stay about the same', 'rise'],
        answer: 0,
        explain:
          'They fall to about a third and IOPS rise by over a third. device_lock is still contended, but no longer the top of the list, as the series promised.',
        reveal: { kind: 'run', preset: SERIES },
      },
      claims: [
        { figure: 'deviceLockContentionsPerIo', at: 'change', below: 0.5 },
        { figure: 'iops', at: 'change', above: 1.2 },
      ],
    },
  ],
};

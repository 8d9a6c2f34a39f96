// Lesson: what the stripe cache is for: stripe_heads as the array's working rows, fio jobs sleeping when
// none is free (R5_INACTIVE_BLOCKED), stripe_cache_size raised live, and what the memory costs.
import type { Lesson } from './types';

export const STRIPE_CACHE: Lesson = {
  id: 'stripe-cache',
  title: 'What the stripe cache is for',
  seed: 'seed 000: the series doubled stripe_cache_size with its threads',
  summary: 'Every write needs a stripe_head; when the cache has none free, the writers sleep.',
  steps: [
    {
      title: 'Rows in memory',
      text: 'raid5 works on rows, not on single blocks. A stripe_head is one row of the array held in memory: one 4K page per member, with its state and the writes waiting on it. The stripe cache holds stripe_cache_size of them (default 256). Here it has only 32, for 8 fio jobs with 64 writes in flight each.',
      target: 'stripe-cache',
      look: 'The stripe cache grid: each cell is a stripe_head, coloured and labelled by where it is (free, handle_list, handling, member IO...).',
      figure: 'iops',
      setup: { kind: 'run', preset: 'raid5-stripe-cache-starved' },
      claims: [{ figure: 'memberUtil', at: 'before', below: 0.85 }],
    },
    {
      title: 'No free stripe_head',
      text: 'A write first looks up the stripe_head of its row, or takes a free one. When none is free, the writer sleeps until stripes are released and the cache is less than 3/4 in use. While it sleeps, its writes cannot even start.',
      target: 'submitters',
      look: 'The fio jobs column: jobs marked "waits: stripe" are asleep waiting for a free stripe_head.',
      figure: 'submittersBlocked',
      claims: [{ figure: 'submittersBlocked', at: 'before', above: 0.5 }],
    },
    {
      title: 'A bigger cache',
      text: 'stripe_cache_size is a sysfs knob: echo 1024 > /sys/block/md0/md/stripe_cache_size changes it on a running array, and so does this step.',
      target: 'submitters',
      look: 'The fio jobs column and the share of time they sleep.',
      figure: 'submittersBlocked',
      predict: {
        question: 'stripe_cache_size goes from 32 to 1024. The share of time fio jobs sleep...',
        choices: ['falls to almost nothing', 'halves', 'stays the same: the disks are the limit'],
        answer: 0,
        explain:
          'With 1024 stripe_heads there is nearly always a free one: the jobs stop sleeping and IOPS rise until the members are the limit.',
        reveal: { kind: 'live', params: { stripe_cache_size: 1024 } },
      },
      claims: [
        { figure: 'submittersBlocked', at: 'after', below: 0.05 },
        { figure: 'iops', at: 'change', above: 1.15 },
      ],
    },
    {
      title: 'What it costs',
      text: 'Each stripe_head holds one page per member, so the cache costs stripe_cache_size x members x 4K: 1024 x 4 x 4K = 16 MiB here, and about 1 GiB at the maximum 32768 on 8 disks. A bigger cache helps only until the disks are the limit.',
      target: 'members',
      look: 'The members: now busy nearly all the time.',
      figure: 'memberUtil',
      claims: [{ figure: 'memberUtil', at: 'before', above: 0.9 }],
    },
  ],
};

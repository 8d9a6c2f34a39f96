// The validation set of ../shared/validation.md as claims the Validation page runs: figures the model was never
// calibrated to, each run from its setup's preset (src/scenarios/validationPresets.ts; hardware, workload and
// knobs, no cost.*) with the check validation.md states and the assumptions src/sim/models/raid5/validation.test.ts
// makes (that test asserts the same bounds; the two known misses are its it.fails). Figures the model cannot
// express yet are listed as gaps, naming the mechanism they need. Each group's claims live in v1.ts..v5.ts; this
// file gathers them with their sources and gaps.
import type { Claim } from '../stories/types';
import { V1_CLAIMS } from './v1';
import { V2_CLAIMS } from './v2';
import { V3_CLAIMS } from './v3';
import { V4_CLAIMS } from './v4';
import { V5_CLAIMS } from './v5';

/** A published figure the model cannot express today: what it is, and the mechanism (toggle) it needs. */
export interface Gap {
  id: string;
  what: string;
  published: string;
  needs: string;
}

/** One published setup of validation.md: its claims (runnable) and its gaps (not expressible yet). */
export interface ValidationGroup {
  /** 'V1'..'V5': also the key the page's measurements are stored under. */
  id: string;
  title: string;
  /** The commit or thread, as validation.md cites it. */
  source: string;
  setup: string;
  claims: Claim[];
  gaps: Gap[];
}

/** Each claim names its source (the page shows it per row). */
const sourced = (claims: Claim[], source: string): Claim[] => claims.map((c) => ({ ...c, source }));

export const VALIDATION: readonly ValidationGroup[] = [
  {
    id: 'V1',
    title: 'raid6 read-modify-write on ten disks',
    source: 'Markus Stockhausen, "md/raid5: activate raid6 rmw feature", commit 584acdd49cd2, 2015',
    setup:
      'Xeon E5630 (4 cores, 8 threads), ten 7200 rpm disks, raid6 of 10 × 400 GB, 64K chunk, group_thread_cnt=4; 300 s of random writes from 8 threads.',
    claims: sourced(V1_CLAIMS, 'V1: Stockhausen, 584acdd49cd2 (2015)'),
    gaps: [
      {
        id: 'v1-skip-copy',
        what: 'The skip_copy=1 penalty with RMW (about −30%)',
        published: '115 vs 165 KB/s at 4K',
        needs:
          'the mechanism behind it (skip_copy is a knob, but the commit does not explain the penalty and nothing models one)',
      },
    ],
  },
  {
    id: 'V2',
    title: 'Sequential writes on nine disks',
    source: 'Shaohua Li, "raid5: only dispatch IO from raid5d for harddisk raid", commit 765d704db1f5, 2017',
    setup:
      'Nine disks of about 180 MB/s sequential write each (theory 8 × 180 = 1,440 MB/s), an Atom CPU, sequential writes with a large iodepth.',
    claims: sourced(V2_CLAIMS, 'V2: Shaohua Li, 765d704db1f5 (2017)'),
    gaps: [],
  },
  {
    id: 'V3',
    title: 'Batching adjacent full-stripe writes',
    source: 'Shaohua Li, "RAID5: batch adjacent full stripe write", commit 59fc630b8b5f, 2014/2015',
    setup: 'raid5 on 6 PCIe SSDs, 32K chunk; 160K random writes (each one full stripe) and 4K random writes.',
    claims: sourced(V3_CLAIMS, 'V3: Shaohua Li, 59fc630b8b5f (2015)'),
    gaps: [],
  },
  {
    id: 'V4',
    title: 'One stripe lookup per stripe, not per page',
    source: 'Logan Gunthorpe, "Improve Raid5 Lock Contention", v1 and v3, 2022 (merged for 6.0)',
    setup:
      'A small VM with 5 ram disks; fio rw=write direct=1 bs=2m iodepth=16 numjobs=12 offset_increment=8G, group_thread_cnt=4, stripe_cache_size=8192.',
    claims: sourced(V4_CLAIMS, 'V4: Logan Gunthorpe, Improve Raid5 Lock Contention (6.0)'),
    gaps: [],
  },
  {
    id: 'V5',
    title: 'Aligned reads without device_lock',
    source: 'Gal Ofri, "md/raid5: avoid device_lock in read_one_chunk()", commit 97ae27252f49, 2021',
    setup:
      'raid6 6+2, 1,024 fio threads on a 96-core, two-socket host; 4K random reads (IOPS) and 128K sequential reads (bandwidth).',
    claims: sourced(V5_CLAIMS, 'V5: Gal Ofri, 97ae27252f49 (2021)'),
    gaps: [],
  },
];

export function findValidationGroup(id: string): ValidationGroup | undefined {
  return VALIDATION.find((g) => g.id === id);
}

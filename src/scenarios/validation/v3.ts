// V3 of ../shared/validation.md: batching adjacent full-stripe writes (Shaohua Li, 2014/2015).
// Its claims, as the Validation page runs them and validation.test.ts asserts them (index.ts gathers the groups).
import { iops } from '../stories/figures';
import type { Claim, ClaimRun } from '../stories/types';
import { TEST } from './shared';

const V3_PRESET = 'validation-v3-batching';
const V3_ASSUMED =
  'The commit gives only "6 PCIe SSD", 32K chunk and the block sizes: nvme-class members, the server CPU class, ' +
  'fio numjobs=4 iodepth=32 direct=1, group_thread_cnt=0 (the default then), stripe_cache_size=2048 (enough for the ' +
  '1,024 stripes in flight; at the default 256 the member requests average 31.1K, not 32K, and the gain is the same); ' +
  '4.1 (after) against 3.14 (before).';
const V3_PAIR = (params: Record<string, string | number | boolean> = {}): Record<string, ClaimRun> => ({
  after: { preset: V3_PRESET, params },
  before: { preset: V3_PRESET, params, baseline: true },
});
export const V3_CLAIMS: Claim[] = [
  {
    id: 'v3-160k',
    what: '160K full-stripe random writes, batching (4.1) over none (3.14)',
    published: 'about +30%',
    publishedValue: 1.3,
    unit: '× IOPS (4.1 / 3.14)',
    runs: V3_PAIR(),
    lab: V3_PRESET,
    how: 'IOPS with kernel=4.1 over kernel=3.14; the sign, and within a third of +30%.',
    figure: (r) => iops(r.after) / iops(r.before),
    digits: 2,
    check: { kind: 'between', low: 1.2, high: 1.4 },
    test: TEST,
    assumptions: V3_ASSUMED,
  },
  {
    id: 'v3-io-size',
    what: 'Mean member write size with batching',
    published: 'exactly 32K (one chunk: eight 4K stripe units merged)',
    publishedValue: 32768,
    unit: 'bytes per member request',
    runs: { after: { preset: V3_PRESET } },
    lab: V3_PRESET,
    how: "iostat's areq-sz of the first member; within 5% of 32K.",
    figure: (r) => r.after.devices[0].meanRequestBytes ?? 0,
    digits: 0,
    check: { kind: 'within', target: 32768, tolerance: 0.05 },
    test: TEST,
    assumptions: V3_ASSUMED,
  },
  {
    id: 'v3-4k',
    what: '4K random writes, batching on vs off',
    published: 'unchanged',
    publishedValue: 1,
    unit: '× IOPS (4.1 / 3.14)',
    runs: V3_PAIR({ bs: '4k' }),
    lab: V3_PRESET,
    how: 'IOPS with bs=4k, kernel=4.1 over 3.14; within 5% of 1.',
    figure: (r) => iops(r.after) / iops(r.before),
    digits: 3,
    check: { kind: 'within', target: 1, tolerance: 0.05 },
    test: TEST,
    assumptions: V3_ASSUMED,
  },
];

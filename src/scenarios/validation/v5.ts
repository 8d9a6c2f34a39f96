// V5 of ../shared/validation.md: aligned reads without device_lock (Gal Ofri, 2021).
// Its claims, as the Validation page runs them and validation.test.ts asserts them (index.ts gathers the groups).
import { bytesPerSec, iops } from '../stories/figures';
import type { Claim, ClaimRun } from '../stories/types';
import { TEST } from './shared';

const V5_NVME = 'validation-v5-nvme';
const V5_BRD = 'validation-v5-brd';
const V5_ASSUMED =
  "fio's 1,024 threads as 256 jobs × iodepth 4 (numjobs stops at 256); 96 CPUs of the server class; NVMe members of " +
  '~250k IOPS (80 us × 20 in flight) and 2 GB/s each, as the post\'s "drive-bound" figures imply (2 M IOPS and 16 GB/s over 8 drives); ' +
  "brd members; memory_bandwidth of a two-socket server (the default). After: kernel=5.14; before: kernel=4.12, the preset's baseline (nothing else the table switches differs). " +
  'Two NUMA nodes of 48 CPUs (numa_nodes=2, the SLIT distance 21 of a two-socket x86 server): a lock or atomic ' +
  'line that comes from the other socket costs 2.1 times the local move, its hand-off to a spinner too.';
const seq128 = (preset: string): ClaimRun => ({ preset, params: { rw: 'read', bs: '128k' } });
export const V5_CLAIMS: Claim[] = [
  {
    id: 'v5-nvme-iops',
    what: '8 NVMe: 4K random reads',
    published: '2 M IOPS (drive-bound)',
    publishedValue: 2,
    unit: 'M IOPS',
    runs: { r: { preset: V5_NVME } },
    lab: V5_NVME,
    how: 'IOPS in millions; absolute: within ×1.5.',
    figure: (r) => iops(r.r) / 1e6,
    digits: 2,
    check: { kind: 'factor', target: 2, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
  },
  {
    id: 'v5-nvme-bw',
    what: '8 NVMe: 128K sequential reads',
    published: '16 GB/s (drive-bound)',
    publishedValue: 16,
    unit: 'GB/s',
    runs: { r: seq128(V5_NVME) },
    lab: V5_NVME,
    how: 'Throughput in GB/s with rw=read bs=128k; absolute: within ×1.5.',
    figure: (r) => bytesPerSec(r.r) / 1e9,
    digits: 1,
    check: { kind: 'factor', target: 16, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
  },
  {
    id: 'v5-brd-iops',
    what: "8 brd ram disks: 4K random reads (the counter's cache line, not the lock, is the limit now)",
    published: '4 M IOPS',
    publishedValue: 4,
    unit: 'M IOPS',
    runs: { r: { preset: V5_BRD } },
    lab: V5_BRD,
    how: 'IOPS in millions; absolute: within ×1.5.',
    figure: (r) => iops(r.r) / 1e6,
    digits: 2,
    check: { kind: 'factor', target: 4, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
  },
  {
    id: 'v5-brd-bw',
    what: '8 brd ram disks: 128K sequential reads',
    published: '55 GB/s',
    publishedValue: 55,
    unit: 'GB/s',
    runs: { r: seq128(V5_BRD) },
    lab: V5_BRD,
    how: 'Throughput in GB/s with rw=read bs=128k; absolute: within ×1.5.',
    figure: (r) => bytesPerSec(r.r) / 1e9,
    digits: 1,
    check: { kind: 'factor', target: 55, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
    knownMiss:
      "about 96 GB/s: the copies share the machine's memory_bandwidth (a two-socket server's ~100 GB/s of copying, the default) " +
      "and nothing else; brd's per-page work (one xarray lookup and kmap per 4K page) is not charged.",
  },
  {
    id: 'v5-before-nvme',
    what: '8 NVMe before the patch (kernel=4.12: device_lock in read_one_chunk): 4K random reads',
    published: '1.6 M IOPS (~50% of CPU in lock contention)',
    publishedValue: 1.6,
    unit: 'M IOPS',
    runs: { r: { preset: V5_NVME, baseline: true } },
    lab: V5_NVME,
    how: 'IOPS in millions of the baseline (kernel=4.12); absolute: within ×1.5.',
    figure: (r) => iops(r.r) / 1e6,
    digits: 2,
    check: { kind: 'factor', target: 1.6, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
  },
  {
    id: 'v5-nvme-gain',
    what: '8 NVMe: the patch (5.14) over before (4.12), 4K random reads',
    published: '2 M against 1.6 M IOPS (×1.25)',
    publishedValue: 1.25,
    unit: '× IOPS (5.14 / 4.12)',
    runs: { after: { preset: V5_NVME }, before: { preset: V5_NVME, baseline: true } },
    lab: V5_NVME,
    how: 'IOPS after over before; the sign, and within a third of +25%.',
    figure: (r) => iops(r.after) / iops(r.before),
    digits: 2,
    check: { kind: 'between', low: 1 + (2 / 3) * 0.25, high: 1 + (4 / 3) * 0.25 },
    test: TEST,
    assumptions: V5_ASSUMED,
    knownMiss:
      'about 1.15× (1.69 M before, 1.96 M after), just short of the band from 1.17: before the patch device_lock ' +
      "hands over between 96 CPUs on two sockets, and that alone holds the NVMe side to the post's 1.6 M; what is " +
      'left is the after side, 2 % under the drives. On one node (numa_nodes=1) there was no gain at all (0.98×).',
  },
  {
    id: 'v5-before-brd',
    what: '8 brd before the patch (kernel=4.12): 4K random reads',
    published: '2 M IOPS (~80% of CPU in lock contention)',
    publishedValue: 2,
    unit: 'M IOPS',
    runs: { r: { preset: V5_BRD, baseline: true } },
    lab: V5_BRD,
    how: 'IOPS in millions of the baseline (kernel=4.12); absolute: within ×1.5.',
    figure: (r) => iops(r.r) / 1e6,
    digits: 2,
    check: { kind: 'factor', target: 2, factor: 1.5 },
    test: TEST,
    assumptions: V5_ASSUMED,
  },
  {
    id: 'v5-brd-gain',
    what: '8 brd: the patch (5.14) over before (4.12), 4K random reads',
    published: '4 M against 2 M IOPS (×2)',
    publishedValue: 2,
    unit: '× IOPS (5.14 / 4.12)',
    runs: { after: { preset: V5_BRD }, before: { preset: V5_BRD, baseline: true } },
    lab: V5_BRD,
    how: 'IOPS after over before; the sign, and within a third of +100%.',
    figure: (r) => iops(r.after) / iops(r.before),
    digits: 2,
    check: { kind: 'between', low: 1 + (2 / 3) * 1, high: 1 + (4 / 3) * 1 },
    test: TEST,
    assumptions: V5_ASSUMED,
    knownMiss:
      'about 1.5× (2.41 M before, 3.66 M after) against ×2: both absolute figures are within the band, but on two ' +
      "nodes the after side pays for conf->active_aligned_reads's line crossing the sockets on about half of its " +
      'two moves per read. On one node this claim held (2.02×). Suspected: the model serialises every move of that ' +
      "line at the full cross-node cost, where a real host's moves overlap.",
  },
];

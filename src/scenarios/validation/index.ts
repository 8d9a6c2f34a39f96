// The validation set of ../shared/validation.md as claims the Validation page runs: figures the model was never
// calibrated to, each run from its setup's preset (src/scenarios/validationPresets.ts; hardware, workload and
// knobs, no cost.*) with the check validation.md states and the assumptions src/sim/models/raid5/validation.test.ts
// makes (that test asserts the same bounds; the two known misses are its it.fails). Figures the model cannot
// express yet are listed as gaps, naming the mechanism they need. Data and small pure figure functions only.
import type { SimResult } from '../../sim/core/result';
import { bytesPerSec, iops } from '../stories/figures';
import type { Claim, ClaimRun } from '../stories/types';

const TEST = 'src/sim/models/raid5/validation.test.ts';

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

// V1 ---------------------------------------------------------------------------------------------------------
const V1_PRESET = 'validation-v1-raid6-hdd';
const V1_SEEDS = [1, 2];
type V1Bs = '4k' | '64k' | '128k' | '256k' | '512k';
const v1Name = (bs: V1Bs, rmw: number, seed: number) => `${bs}-rmw${rmw}-s${seed}`;
/** Both columns (rmw_level 1 and 0) at the given block sizes, each on seeds 1 and 2 (the test's mean). */
function v1Runs(sizes: readonly V1Bs[]): Record<string, ClaimRun> {
  const runs: Record<string, ClaimRun> = {};
  for (const bs of sizes) {
    for (const rmw of [1, 0]) {
      for (const seed of V1_SEEDS)
        runs[v1Name(bs, rmw, seed)] = { preset: V1_PRESET, params: { bs, rmw_level: rmw }, seed };
    }
  }
  return runs;
}
/** Writes per second at a block size and rmw_level, mean over the seeds. */
const v1Wps = (r: Record<string, SimResult>, bs: V1Bs, rmw: number) =>
  V1_SEEDS.reduce((s, seed) => s + iops(r[v1Name(bs, rmw, seed)]), 0) / V1_SEEDS.length;
const v1Ratio = (r: Record<string, SimResult>, bs: V1Bs) => v1Wps(r, bs, 1) / v1Wps(r, bs, 0);
/** RMW/RCW, mean of 4K and 64K (the test's rmwGain + 1). */
const v1MeanRatio = (r: Record<string, SimResult>) => (v1Ratio(r, '4k') + v1Ratio(r, '64k')) / 2;
/** The post's KB/s, rmw_level=1 and 0 with skip_copy=0. */
const V1_PUB = {
  '4k': [165, 140],
  '64k': [2282, 1962],
  '128k': [4113, 3898],
  '256k': [7557, 7638],
  '512k': [19652, 19688],
} as const;
const v1PubRatio = (bs: V1Bs) => V1_PUB[bs][0] / V1_PUB[bs][1];
const V1_PUB_MEAN = (v1PubRatio('4k') + v1PubRatio('64k')) / 2;
const V1_ASSUMED =
  'fio randwrite with libaio, 8 jobs at iodepth 1 (the post says "8 threads"), O_DIRECT; 7200 rpm disks of the hdd ' +
  "class; the E5630's 4 cores / 8 threads as 8 CPUs (cpu_model=xeon-2010); the array's 3.2 TB all addressed. The skip_copy=0 " +
  'columns (the skip_copy=1 penalty with RMW is unexplained by the commit and not modelled). Each figure is the mean of seeds 1 and 2.';
const V1_CLAIMS: Claim[] = [
  {
    id: 'v1-flat',
    what: 'Writes per second at 4K over those at 128K (rmw_level=1): each write costs seeks, not transfer',
    published: '165 KB/s at 4K, 4,113 KB/s at 128K: 41 down to 32 writes/s (×1.28)',
    publishedValue: 165 / 4 / (4113 / 128),
    unit: '× writes/s (4K / 128K)',
    runs: v1Runs(['4k', '128k']),
    lab: V1_PRESET,
    how: 'opsPerSec at bs=4k over bs=128k, rmw_level=1; roughly flat: within ×1.7 of 1 (a third more than the published ×1.28).',
    figure: (r) => v1Wps(r, '4k', 1) / v1Wps(r, '128k', 1),
    digits: 2,
    check: { kind: 'factor', target: 1, factor: 1.7 },
    test: TEST,
    assumptions: V1_ASSUMED,
  },
  {
    id: 'v1-rmw-leads',
    what: 'RMW ahead of RCW at 4K..64K (the sign of the effect)',
    published: 'RMW/RCW 1.18 at 4K, 1.16 at 64K',
    publishedValue: V1_PUB_MEAN,
    unit: '× writes/s (rmw_level=1 / 0), mean of 4K and 64K',
    runs: v1Runs(['4k', '64k']),
    lab: V1_PRESET,
    how: 'opsPerSec with rmw_level=1 over rmw_level=0 at 4K and at 64K, averaged; the sign: above 1.',
    figure: v1MeanRatio,
    digits: 3,
    check: { kind: 'above', bound: 1 },
    test: TEST,
    assumptions: V1_ASSUMED,
  },
  {
    id: 'v1-rmw-size',
    what: "RMW's lead over RCW at 4K..64K, within a third of the published +16..+20%",
    published: '+16% to +20% (mean +17%)',
    publishedValue: V1_PUB_MEAN,
    unit: '× writes/s (rmw_level=1 / 0), mean of 4K and 64K',
    runs: v1Runs(['4k', '64k']),
    lab: V1_PRESET,
    how: "The same ratio; validation.md's tolerance for a relative effect: +12% to +24%.",
    figure: v1MeanRatio,
    digits: 3,
    check: { kind: 'between', low: 1.12, high: 1.24 },
    test: TEST,
    assumptions: V1_ASSUMED,
    knownMiss:
      'RMW leads by about +27% (4K +22%, 64K +33%). The disks have NCQ (32 commands, served by seek and rotational position), ' +
      "which narrowed it at 4K; still unmodelled and suspected: the drives' write cache (a write is done once in the cache, so RCW's " +
      "three writes cost less than its reads suggest) and the post's unstated fio queue depth.",
  },
  {
    id: 'v1-128k',
    what: 'At 128K RMW leads by less than at 4K..64K',
    published: 'RMW/RCW 1.055 at 128K, against 1.17 below it',
    publishedValue: v1PubRatio('128k') / V1_PUB_MEAN,
    unit: 'RMW/RCW at 128K over RMW/RCW at 4K..64K',
    runs: v1Runs(['4k', '64k', '128k']),
    lab: V1_PRESET,
    how: 'The 128K ratio over the mean 4K and 64K ratio; smaller: below 1.',
    figure: (r) => v1Ratio(r, '128k') / v1MeanRatio(r),
    digits: 3,
    check: { kind: 'below', bound: 1 },
    test: TEST,
    assumptions: V1_ASSUMED,
  },
  {
    id: 'v1-converge',
    what: 'The columns meet at 256K and 512K (full stripes: no read either way)',
    published: 'within 1.5% (256K: 7,557 vs 7,638 KB/s; 512K: 19,652 vs 19,688)',
    publishedValue: Math.max(Math.abs(v1PubRatio('256k') - 1), Math.abs(v1PubRatio('512k') - 1)),
    unit: 'largest |RMW/RCW − 1| of 256K and 512K',
    runs: v1Runs(['256k', '512k']),
    lab: V1_PRESET,
    how: 'The larger of |ratio − 1| at 256K and at 512K; the test wants each under 0.05.',
    figure: (r) => Math.max(Math.abs(v1Ratio(r, '256k') - 1), Math.abs(v1Ratio(r, '512k') - 1)),
    digits: 3,
    check: { kind: 'below', bound: 0.05 },
    test: TEST,
    assumptions: V1_ASSUMED,
  },
];

// V2 ---------------------------------------------------------------------------------------------------------
const V2_PRESET = 'validation-v2-seq-hdd';
const V2_RUNS: Record<string, ClaimRun> = { gtc4: { preset: V2_PRESET }, gtc0: { preset: V2_PRESET, baseline: true } };
const V2_ASSUMED =
  'The commit says only "sequential writes with a large iodepth" on an Atom: fio rw=write bs=1M iodepth=32 direct=1 ' +
  'numjobs=1 with iodepth_batch_submit=16 (one plug per batch), stripe_cache_size=4096 (the usual setting for streaming writes to ' +
  'HDD raid5), 8 Atom cores (cpu_model=atom), 9 hdd-class disks (180 MB/s).';
const mbs = (r: SimResult) => bytesPerSec(r) / 1e6;
const V2_CLAIMS: Claim[] = [
  {
    id: 'v2-workers',
    what: 'Workers help: group_thread_cnt=4 over group_thread_cnt=0',
    published: '750 MB/s against ~600',
    publishedValue: 750 / 600,
    unit: '× MB/s (gtc=4 / gtc=0)',
    runs: V2_RUNS,
    lab: V2_PRESET,
    how: 'bytesPerSec with group_thread_cnt=4 over the baseline 0; the sign: above 1.',
    figure: (r) => mbs(r.gtc4) / mbs(r.gtc0),
    digits: 2,
    check: { kind: 'above', bound: 1 },
    test: TEST,
    assumptions: V2_ASSUMED,
  },
  {
    id: 'v2-gtc0',
    what: 'Sequential write bandwidth with raid5d alone (group_thread_cnt=0)',
    published: '~600 MB/s',
    publishedValue: 600,
    unit: 'MB/s',
    runs: { gtc0: V2_RUNS.gtc0 },
    lab: V2_PRESET,
    how: 'bytesPerSec / 1e6 of the baseline side; an absolute figure from old hardware: within ×1.5.',
    figure: (r) => mbs(r.gtc0),
    digits: 0,
    check: { kind: 'factor', target: 600, factor: 1.5 },
    test: TEST,
    assumptions: V2_ASSUMED,
  },
  {
    id: 'v2-patch',
    what: 'Only raid5d dispatches member writes on rotational arrays (the patch, 4.12) over 4.1, group_thread_cnt=4',
    published: '950 MB/s against 750 (×1.27)',
    publishedValue: 950 / 750,
    unit: '× MB/s (dispatch=raid5d / any)',
    runs: { patch: { preset: V2_PRESET, params: { kernel: '4.12' } }, before: { preset: V2_PRESET } },
    lab: V2_PRESET,
    how: 'bytesPerSec with kernel=4.12 over kernel=4.1 (the preset); a relative effect: the sign, and within a third of +27%.',
    figure: (r) => mbs(r.patch) / mbs(r.before),
    digits: 2,
    check: { kind: 'between', low: 1 + (2 / 3) * (950 / 750 - 1), high: 1 + (4 / 3) * (950 / 750 - 1) },
    test: TEST,
    assumptions: V2_ASSUMED,
    knownMiss:
      'about +10%: raid5d dispatches in order and the members reach 99% busy, but each serves ~100 MB/s of 512K ' +
      'requests rather than 180: the disks still seek between the nine streams raid5d interleaves. Suspected missing: ' +
      "the elevator's per-disk sorting window (mq-deadline's batching by sector over the dispatched writes) is short here.",
  },
  {
    id: 'v2-skip-copy',
    what: '+ skip_copy=1 on top of the patch',
    published: '1,150 MB/s against 950 (×1.21), below the 1,440 theory',
    publishedValue: 1150 / 950,
    unit: '× MB/s (skip_copy=1 / 0, kernel=4.12)',
    runs: {
      skip: { preset: V2_PRESET, params: { kernel: '4.12', skip_copy: true } },
      copy: { preset: V2_PRESET, params: { kernel: '4.12' } },
    },
    lab: V2_PRESET,
    how: 'bytesPerSec with skip_copy=1 over 0, both kernel=4.12; the sign, and within a third of +21%.',
    figure: (r) => mbs(r.skip) / mbs(r.copy),
    digits: 2,
    check: { kind: 'between', low: 1 + (2 / 3) * (1150 / 950 - 1), high: 1 + (4 / 3) * (1150 / 950 - 1) },
    test: TEST,
    assumptions: V2_ASSUMED,
    knownMiss:
      'about +5%: with the members at 99% busy after the patch, saving the copy frees CPU the array cannot use; the ' +
      'published +21% says the real disks had room the model gives them no way to use (see v2-patch).',
  },
];

// V3 ---------------------------------------------------------------------------------------------------------
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
const V3_CLAIMS: Claim[] = [
  {
    id: 'v3-160k',
    what: '160K full-stripe random writes, batching (4.1) over none (3.14)',
    published: 'about +30%',
    publishedValue: 1.3,
    unit: '× IOPS (4.1 / 3.14)',
    runs: V3_PAIR(),
    lab: V3_PRESET,
    how: 'opsPerSec with kernel=4.1 over kernel=3.14; the sign, and within a third of +30%.',
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
    how: "iostat's areq-sz (meanRequestBytes) of the first member; within 5% of 32K.",
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
    how: 'opsPerSec with bs=4k, kernel=4.1 over 3.14; within 5% of 1.',
    figure: (r) => iops(r.after) / iops(r.before),
    digits: 3,
    check: { kind: 'within', target: 1, tolerance: 0.05 },
    test: TEST,
    assumptions: V3_ASSUMED,
  },
];

// V4 ---------------------------------------------------------------------------------------------------------
const V4_PRESET = 'validation-v4-large-writes';
const V4_ASSUMED =
  'A "small VM": 4 vCPUs of the vm class; brd members; the default 512K chunk; fio direct=1 on one 8G region per ' +
  "job (size 96g), its buffers in 4K pages, so md0's queue splits each 2M write into 512K bios before 6.0 " +
  '(128 segments) and 1M bios from 6.0 (max_segments lifted, max_hw_sectors 256 pages); 6.0 (after) against ' +
  '5.14 (before, one lookup per 4K page). 300 ms warm-up and 400 ms measured: the 384 MB in flight turns over ' +
  'in about 250 ms. The workload has no random part, so every seed gives the same run.';
const V4_RUNS: Record<string, ClaimRun> = {
  after: { preset: V4_PRESET },
  before: { preset: V4_PRESET, baseline: true },
};
const hashContentions = (r: SimResult) => r.locks.find((l) => l.name === 'hash_lock')?.contentions ?? 0;
const V4_CLAIMS: Claim[] = [
  {
    id: 'v4-bw',
    what: 'Bandwidth, one lookup per stripe (6.0) over one per page (5.14)',
    published: 'about +14% (+3% to +20% on larger NVMe systems)',
    publishedValue: 1.14,
    unit: '× MB/s (6.0 / 5.14)',
    runs: V4_RUNS,
    lab: V4_PRESET,
    how: 'bytesPerSec with kernel=6.0 over 5.14; the sign, and within a third of +14%.',
    figure: (r) => mbs(r.after) / mbs(r.before),
    digits: 2,
    check: { kind: 'between', low: 1 + (2 / 3) * 0.14, high: 1 + (4 / 3) * 0.14 },
    test: TEST,
    assumptions: V4_ASSUMED,
    knownMiss:
      'about 0.96× (0.98× over 800 ms): the two kernels tie. Both sides are CPU-bound on the 4 vCPUs (workers ' +
      'runnable 28-40% of the time) with the cache exhausted, and 5.14 does spend more CPU in lookups (193k hash_lock ' +
      'acquisitions in 400 ms against 78k), but the model wins it back elsewhere. Suspected missing: what a ' +
      "contended hash_lock really costs a VM's vCPUs (lock holder preemption, cache-line transfers under load), " +
      'which the series removed and the model charges at about 1.2 us per hold.',
  },
  {
    id: 'v4-hash-lock',
    what: 'hash_lock contentions (lock_stat), per page (5.14) over per stripe (6.0)',
    published: 'down by more than 5×, still contended',
    publishedValue: 5,
    unit: '× hash_lock contentions (5.14 / 6.0)',
    runs: V4_RUNS,
    lab: V4_PRESET,
    how: "lock_stat's hash_lock contentions of 5.14 over those of 6.0; above 5.",
    figure: (r) => hashContentions(r.before) / Math.max(1, hashContentions(r.after)),
    digits: 2,
    check: { kind: 'above', bound: 5 },
    test: TEST,
    assumptions: V4_ASSUMED,
    knownMiss:
      'about 3×, short of the published 5×: the model gets the acquisitions right (each 2M write takes a hash ' +
      'lock about 640 times in 5.14, one per 4K page and one per batch head, and about 256 in 6.0, one per stripe ' +
      'and 1M bio), and contentions fall a little faster (31% of acquisitions in 5.14, 26% in 6.0). Most are ' +
      "lookups in lockstep: the jobs' regions start 8G apart, a multiple of the eight hash locks, and every " +
      'release wakes all of wait_for_stripe, so submitters walk the same hash lock at the same time. Suspected ' +
      'missing: what breaks that lockstep on a real VM (vCPU scheduling noise), and contention growing faster than load.',
  },
];

// V5 ---------------------------------------------------------------------------------------------------------
const V5_NVME = 'validation-v5-nvme';
const V5_BRD = 'validation-v5-brd';
const V5_ASSUMED =
  "fio's 1,024 threads as 256 jobs × iodepth 4 (numjobs stops at 256); 96 CPUs of the server class; NVMe members of " +
  '~250k IOPS (80 us × 20 in flight) and 2 GB/s each, as the post\'s "drive-bound" figures imply (2 M IOPS and 16 GB/s over 8 drives); ' +
  "brd members; memory_bandwidth of a two-socket server (the default). After: kernel=5.14; before: kernel=4.12, the preset's baseline (nothing else the table switches differs). " +
  'Two NUMA nodes of 48 CPUs (numa_nodes=2, the SLIT distance 21 of a two-socket x86 server): a lock or atomic ' +
  'line that comes from the other socket costs 2.1 times the local move, its hand-off to a spinner too.';
const seq128 = (preset: string): ClaimRun => ({ preset, params: { rw: 'read', bs: '128k' } });
const V5_CLAIMS: Claim[] = [
  {
    id: 'v5-nvme-iops',
    what: '8 NVMe: 4K random reads',
    published: '2 M IOPS (drive-bound)',
    publishedValue: 2,
    unit: 'M IOPS',
    runs: { r: { preset: V5_NVME } },
    lab: V5_NVME,
    how: 'opsPerSec / 1e6; absolute: within ×1.5.',
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
    how: 'bytesPerSec / 1e9 with rw=read bs=128k; absolute: within ×1.5.',
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
    how: 'opsPerSec / 1e6; absolute: within ×1.5.',
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
    how: 'bytesPerSec / 1e9 with rw=read bs=128k; absolute: within ×1.5.',
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
    how: 'opsPerSec / 1e6 of the baseline (kernel=4.12); absolute: within ×1.5.',
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
    how: 'opsPerSec after over before; the sign, and within a third of +25%.',
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
    how: 'opsPerSec / 1e6 of the baseline (kernel=4.12); absolute: within ×1.5.',
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
    how: 'opsPerSec after over before; the sign, and within a third of +100%.',
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

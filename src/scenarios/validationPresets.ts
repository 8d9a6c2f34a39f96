// The validation set's setups (../shared/validation.md): one preset per published setup, stating only its
// hardware, workload and sysfs knobs (never a cost.*), exactly as src/sim/models/raid5/validation.test.ts runs
// them. The Validation page's claims run these with per-figure overrides (block size, rmw_level, rw...).
import type { Preset } from './preset';

const S = 'Validation: published figures beyond the seeds';

export const VALIDATION_PRESETS: readonly Preset[] = [
  {
    id: 'validation-v1-raid6-hdd',
    model: 'raid5',
    story: S,
    title: 'V1: raid6 on ten HDDs, 4K random writes, rmw_level=1 (Stockhausen 2015)',
    shows:
      'Ten 7200 rpm disks in raid6, 64K chunk, group_thread_cnt=4, 8 fio jobs at iodepth 1 on an 8-CPU 2010 Xeon: each write costs seeks, so writes/s stay nearly flat from 4K to 128K; rmw_level=0 (RCW) is the other column.',
    // The commit is of 2015 (merged for 4.1): its kernel had stripe batching but not raid5d-only dispatch.
    params: {
      kernel: '4.1',
      level: 6,
      disks: 10,
      chunk: '64k',
      device: 'hdd',
      group_thread_cnt: 4,
      rw: 'randwrite',
      bs: '4k',
      numjobs: 8,
      iodepth: 1,
      size: '3200g',
      cpus: 8,
      cpu_model: 'xeon-2010',
      rmw_level: 1,
    },
    baseline: { rmw_level: 0 },
    durationNs: 3e9,
    warmupNs: 500e6,
  },
  {
    id: 'validation-v2-seq-hdd',
    model: 'raid5',
    story: S,
    title: 'V2: raid5 on nine HDDs, 1M sequential writes on an Atom, group_thread_cnt=4 (Shaohua Li 2017)',
    shows:
      'Nine 180 MB/s disks in raid5 streaming 1M writes (iodepth 32, batches of 16) on 8 Atom cores: with four worker groups the members see interleaved streams; group_thread_cnt=0 (raid5d alone) is the other side.',
    // The rows before the patch: the kernel it applied to (4.11; nothing this table switches changed since 4.1).
    params: {
      kernel: '4.1',
      level: 5,
      disks: 9,
      device: 'hdd',
      rw: 'write',
      bs: '1m',
      numjobs: 1,
      iodepth: 32,
      iodepth_batch_submit: 16,
      size: '1000g',
      cpus: 8,
      cpu_model: 'atom',
      stripe_cache_size: 4096,
      group_thread_cnt: 4,
    },
    baseline: { group_thread_cnt: 0 },
    durationNs: 400e6,
    warmupNs: 200e6,
  },
  {
    id: 'validation-v3-batching',
    model: 'raid5',
    story: S,
    title:
      'V3: raid5 on six PCIe SSDs, 32K chunk, 160K random writes (one full stripe each), batching on (Shaohua Li 2015)',
    shows:
      'Each 160K write covers one stripe row of 5 × 32K: with stripe batching (4.1) its eight 4K stripes form one batch, handled once, and each member sees one 32K write; kernel=3.14 (before) is the other side.',
    // After: 4.1, the release the patch went into; before: 3.14, the release before it.
    params: {
      kernel: '4.1',
      level: 5,
      disks: 6,
      chunk: '32k',
      device: 'nvme',
      rw: 'randwrite',
      bs: '160k',
      numjobs: 4,
      iodepth: 32,
      // Assumed: a cache that holds the writes in flight (4 jobs x 32 x 8 stripes = 1,024). At the default 256 the
      // submitters sleep for stripes mid-bio, their plugs release partial stripes, and ~5% of member IO is 4K RMW.
      stripe_cache_size: 2048,
    },
    baseline: { kernel: '3.14' },
    // 60 ms: ~500 writes of 160K a side; at 20 ms the ratio moved by ±0.1 with the seed.
    durationNs: 60e6,
    warmupNs: 10e6,
  },
  {
    id: 'validation-v4-large-writes',
    model: 'raid5',
    story: S,
    title: 'V4: raid5 on five ram disks in a small VM, 2M sequential writes from 12 jobs (Logan Gunthorpe 2022)',
    shows:
      'fio rw=write bs=2m iodepth=16 numjobs=12 (each job its own 8G region), group_thread_cnt=4, stripe_cache_size=8192 on 4 vCPUs: 6.0 looks each stripe up once per bio, 5.14 (the other side) once per 4K page.',
    params: {
      kernel: '6.0',
      level: 5,
      disks: 5,
      device: 'ramdisk',
      cpu_model: 'vm',
      cpus: 4,
      rw: 'write',
      bs: '2m',
      iodepth: 16,
      numjobs: 12,
      size: '96g',
      group_thread_cnt: 4,
      stripe_cache_size: 8192,
      // Assumed (the post gives no chunk): 128K, the largest chunk at which a ~512K bio covers whole stripe rows
      // of the 4 data disks. The post's v1 had no max_segments patch (bios split near 512K) yet measured the same
      // gains, and says the pivot cuts lookups by the number of data disks: true only when a bio spans whole rows.
      // At mdadm's default 512K a bio holds one chunk, so v1's pivot could not have cut a single lookup.
      chunk: '128k',
    },
    baseline: { kernel: '5.14' },
    // 192 writes of 2M (384 MB) are in flight against a 128 MB cache: the queue turns over in about 250 ms, and a
    // window inside the first turnover measures the start-up (all 192 arriving at once), not the steady state.
    // The cache empties and refills in bursts (R5_INACTIVE_BLOCKED waits for a quarter of it to free), so 1 s
    // holds about four turnovers: fio's completions and the member writes then agree within 3%.
    durationNs: 1000e6,
    warmupNs: 300e6,
  },
  {
    id: 'validation-v5-nvme',
    model: 'raid5',
    story: S,
    title: 'V5: raid6 6+2 on NVMe, 4K random reads from 1,024 threads on 96 CPUs (Gal Ofri 2021)',
    shows:
      'Eight NVMe members of ~250k IOPS and 2 GB/s each, 256 jobs x iodepth 4 of chunk-aligned 4K random reads on a 96-CPU server: drive-bound, ~2 M IOPS (128K sequential reads by override: ~16 GB/s).',
    // After the patch (5.14); the before rows run kernel=4.12, where read_one_chunk took device_lock.
    params: {
      kernel: '5.14',
      level: 6,
      disks: 8,
      numjobs: 256,
      iodepth: 4,
      cpus: 96,
      numa_nodes: 2, // the post's two-socket host
      size: '1000g',
      device: 'nvme',
      'device.bandwidth': 2e9,
      'device.latency': '80us',
      'device.parallelism': 20,
      rw: 'randread',
      bs: '4k',
    },
    baseline: { kernel: '4.12' },
    durationNs: 3e6,
    warmupNs: 1e6,
  },
  {
    id: 'validation-v5-brd',
    model: 'raid5',
    story: S,
    title: 'V5: raid6 6+2 on brd ram disks, 4K random reads from 1,024 threads on 96 CPUs (Gal Ofri 2021)',
    shows:
      'Eight brd members (synchronous copies in the submitter, no queue, no interrupt), 256 jobs x iodepth 4 of 4K random reads on a 96-CPU server: ~4 M IOPS (128K sequential reads by override: published 55 GB/s).',
    params: {
      kernel: '5.14',
      level: 6,
      disks: 8,
      numjobs: 256,
      iodepth: 4,
      cpus: 96,
      numa_nodes: 2, // the post's two-socket host
      size: '1000g',
      device: 'ramdisk',
      rw: 'randread',
      bs: '4k',
    },
    baseline: { kernel: '4.12' },
    durationNs: 3e6,
    warmupNs: 1e6,
  },
];

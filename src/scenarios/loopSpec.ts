// The loop driver's parameters (loop_mode, fio names, backing device presets, CPU costs) and the presets
// of seed 002. Data only: the model that reads these lives in src/sim/models/loop.
import { CPU_PARAMS, deriveCpu } from './cpuClasses';
import type { ParamSpec } from './paramSpec';
import { fillDeviceParams, ParamError, type Resolved } from './paramSpec';
import type { Preset } from './preset';

/** Backing devices under the loop file: random-access latency, latency of a request that continues the
 * previous one (readahead), transfer rate and requests in service at once. */
export const LOOP_DEVICES: Record<string, { latency: number; seqLatency: number; bandwidth: number; parallelism: number; about: string }> = {
  'ssd-image': { latency: 560_000, seqLatency: 560_000, bandwidth: 400e6, parallelism: 32, about: 'virtio-blk over an image file on an SSD (the setup of the blk-mq figures): ~0.56 ms per random 4K read, 32 in flight' },
  nvme: { latency: 80_000, seqLatency: 80_000, bandwidth: 2e9, parallelism: 64, about: 'a PCIe flash device' },
  'sata-ssd': { latency: 100_000, seqLatency: 100_000, bandwidth: 500e6, parallelism: 32, about: 'a SATA SSD with NCQ' },
  hdd: { latency: 4_000_000, seqLatency: 40_000, bandwidth: 120e6, parallelism: 1, about: 'a disk (or an image on one) with readahead: a request that continues the previous one is already in the read-ahead cache; any other pays a seek and rotation' },
};

const C = 'costs';
export const LOOP_PARAMS: readonly ParamSpec[] = [
  { key: 'loop_mode', kind: 'enum', values: ['single-thread', 'blk-mq', 'dio-aio'], default: 'blk-mq', group: 'loop', help: 'single-thread: <= 3.19, bios on lo_bio_list under lo_lock, one loop0 kthread doing buffered IO one bio at a time; blk-mq: 4.0, each request a work item on the kloopd workqueue (reads concurrent, writes serialised); dio-aio: 4.4, one loop0 kthread_worker submitting async O_DIRECT IO to the backing file.' },
  { key: 'workers', kind: 'int', unit: 'work items', default: 16, min: 1, max: 1024, group: 'loop', help: 'blk-mq: max_active of the kloopd workqueue (16 since "block: loop: avoiding too many pending per work I/O"): requests served at once.' },
  { key: 'cpus', kind: 'int', unit: 'CPUs', default: 4, min: 1, max: 256, group: 'loop', help: 'CPUs shared by fio, the loop threads, the interrupt and writeback.' },
  { key: 'device', kind: 'enum', values: Object.keys(LOOP_DEVICES), default: 'ssd-image', group: 'backing', help: 'Backing device preset under the loop file; device.* override it.' },
  { key: 'device.latency', kind: 'time', default: 560_000, min: 0, max: 1e9, group: 'backing', help: 'Service latency of a request that does not continue the previous one (default from the device preset).' },
  { key: 'device.seq_latency', kind: 'time', default: 560_000, min: 0, max: 1e9, group: 'backing', help: 'Service latency of a request that starts where the previous one ended: the readahead hit (default from the device preset).' },
  { key: 'device.bandwidth', kind: 'number', unit: 'bytes/s', default: 400e6, min: 1e6, max: 1e12, group: 'backing', help: 'Transfer rate of the backing device (default from the device preset).' },
  { key: 'device.parallelism', kind: 'int', unit: 'requests', default: 32, min: 1, max: 1024, group: 'backing', help: 'Requests the backing device serves at once (default from the device preset).' },
  { key: 'rw', kind: 'enum', values: ['read', 'write', 'randread', 'randwrite', 'randrw'], default: 'randread', group: 'workload', help: 'fio rw, on /dev/loop0.' },
  { key: 'bs', kind: 'size', default: 4096, min: 4096, max: 1 << 20, multipleOf: 4096, group: 'workload', help: 'fio bs: a multiple of 4K (the loop and page-cache paths work in pages).' },
  { key: 'iodepth', kind: 'int', unit: 'IOs', default: 64, min: 1, max: 1024, group: 'workload', help: 'fio iodepth per job (libaio).' },
  { key: 'iodepth_low', kind: 'int', unit: 'IOs', default: 64, min: 0, max: 1024, group: 'workload', help: 'fio iodepth_low: once the queue is full, let it drain to this before refilling it in one batch (default: iodepth, keep it full). A batch of IOs arriving together is what a readahead window looks like to loop.' },
  { key: 'numjobs', kind: 'int', unit: 'jobs', default: 1, min: 1, max: 64, group: 'workload', help: 'fio numjobs: submitting threads, each on its own region of the device.' },
  { key: 'rwmixread', kind: 'int', unit: '%', default: 50, min: 0, max: 100, group: 'workload', help: 'fio rwmixread for randrw.' },
  { key: 'direct', kind: 'bool', default: true, group: 'workload', help: 'fio direct: O_DIRECT on /dev/loop0. Off, libaio falls back to synchronous IO (one IO at a time per job) and every page is also copied through loop0\'s own page cache.' },
  { key: 'size', kind: 'size', default: 8 * 2 ** 30, min: 1 << 20, max: 2 ** 44, multipleOf: 4096, group: 'workload', help: 'Size of the backing file (= /dev/loop0); random reads miss the page cache.' },
  { key: 'dirty_bytes', kind: 'size', default: 64 << 20, min: 1 << 20, max: 2 ** 36, group: 'workload', help: 'vm.dirty_bytes: buffered writes to the backing file wait in balance_dirty_pages above it.' },
  { key: 'jitter', kind: 'number', unit: 'fraction', default: 0.2, min: 0, max: 0.9, group: C, help: 'Each CPU cost is drawn uniformly within +-jitter of its mean (caches, interrupts): what lets concurrent workers overtake one another.' },
  ...CPU_PARAMS,
  { key: 'cost.fio', kind: 'time', default: 1_500, min: 0, max: 1e9, group: C, help: 'fio io_submit / io_getevents and job overhead per IO.' },
  { key: 'cost.submit', kind: 'time', default: 600, min: 0, max: 1e9, group: C, help: 'submit_bio into loop (loop_make_request, or blk-mq tag + loop_queue_rq), on the submitter.' },
  { key: 'cost.lo_lock', kind: 'time', default: 150, min: 0, max: 1e9, group: C, help: 'Time under lo_lock to add or take a bio (lo_bio_list) or a write command (write_cmd_head).' },
  { key: 'cost.queue_work', kind: 'time', default: 250, min: 0, max: 1e9, group: C, help: 'Time under the work pool\'s lock to queue or take one work item.' },
  { key: 'cost.page_cache', kind: 'time', default: 2_000, min: 0, max: 1e9, group: C, help: 'A page-cache miss on the backing file, per 4K page: find_get_page, page allocation, add_to_page_cache_lru, readpage.' },
  { key: 'cost.copy', kind: 'time', default: 600, min: 0, max: 1e9, group: C, help: 'Copying one 4K page between the backing file\'s page cache and the loop bio (the double copy).' },
  { key: 'cost.dio', kind: 'time', default: 2_500, min: 0, max: 1e9, group: C, help: 'lo_rw_aio per request: iov_iter over the bio pages, direct-IO block mapping, bio to the backing device.' },
  { key: 'cost.write_page', kind: 'time', default: 3_000, min: 0, max: 1e9, group: C, help: 'A buffered write of one 4K page into the backing file: write_begin, copy, write_end, dirty accounting.' },
  { key: 'cost.writeback', kind: 'time', default: 400, min: 0, max: 1e9, group: C, help: 'Writeback of one dirty page of the backing file (flusher thread).' },
  { key: 'cost.completion', kind: 'time', default: 1_000, min: 0, max: 1e9, group: C, help: 'Backing device interrupt and end_io per request.' },
  { key: 'cost.endio', kind: 'time', default: 800, min: 0, max: 1e9, group: C, help: 'Completing a loop bio or request to fio: bio_endio / blk_mq_complete_request and aio_complete.' },
  { key: 'cost.handoff', kind: 'time', default: 100, min: 0, max: 1e9, group: C, help: 'Cache-line hand-off of a contended spinlock to its next waiter.' },
  { key: 'cost.bounce', kind: 'time', default: 200, min: 0, max: 1e9, group: C, help: 'Extra time in a spinlock last held on another CPU.' },
];

/** device.* follow the chosen device preset unless given; iodepth_low defaults to iodepth, as in fio. */
export function deriveLoop(params: Resolved, given: ReadonlySet<string>): void {
  deriveCpu(LOOP_PARAMS, params, given);
  if (!given.has('iodepth_low')) params.iodepth_low = params.iodepth;
  if ((params.iodepth_low as number) > (params.iodepth as number)) throw new ParamError('iodepth_low', params.iodepth_low, `an integer 0..${params.iodepth} (at most iodepth)`);
  const d = LOOP_DEVICES[params.device as string];
  fillDeviceParams(params, given, d);
}

const S = 'The loop driver (seed 002)';
export const LOOP_PRESETS: readonly Preset[] = [
  {
    id: 'loop-blk-mq-randread', model: 'loop', story: S, title: 'blk-mq: reads run concurrently',
    shows: '4K random reads, libaio iodepth 64, one job: one loop0 thread waits for each backing read in turn; 16 kloopd work items keep 16 in flight (published 1,740 -> 25,318 IOPS).',
    params: { loop_mode: 'blk-mq', rw: 'randread', bs: '4k', iodepth: 64, numjobs: 1 },
    baseline: { loop_mode: 'single-thread' }, durationNs: 40e6, warmupNs: 5e6,
  },
  {
    id: 'loop-dio-aio-randread', model: 'loop', story: S, title: 'AIO + O_DIRECT: one thread, all in flight',
    shows: 'Single-job 4K random reads: blk-mq stops at 16 work items, each waiting for its read; one loop0 submitting async direct IO fills the backing queue and skips the page-cache copy (published ~2x).',
    params: { loop_mode: 'dio-aio', rw: 'randread', bs: '4k', iodepth: 64, numjobs: 1 },
    baseline: { loop_mode: 'blk-mq' }, durationNs: 30e6, warmupNs: 5e6,
  },
  {
    id: 'loop-seqread-regression', model: 'loop', story: S, title: 'The 4.0 sequential-read regression',
    shows: 'Sequential reads on a readahead-sensitive backing disk: blk-mq scatters one stream over several workers on 4 CPUs, requests reach the disk out of order and pay seeks; one loop0 thread keeps them in order.',
    params: { loop_mode: 'blk-mq', device: 'hdd', rw: 'read', bs: '32k', iodepth: 16, iodepth_low: 8, numjobs: 1 },
    baseline: { loop_mode: 'single-thread' }, durationNs: 200e6, warmupNs: 10e6,
  },
];

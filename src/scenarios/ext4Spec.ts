// ext4 buffered streaming writes (seed 003): writeback by buffer_head or by bio, the block plug, the legacy
// request queue and its queue_lock. Parameters, device presets and presets; data only, no model code.
import { CPU_PARAMS, deriveCpu } from './cpuClasses';
import type { ParamSpec } from './paramSpec';
import { fillDeviceParams, ParamError, type Resolved } from './paramSpec';
import type { Preset } from './preset';

/** Devices behind the legacy request queue: latency, transfer rate and tag depth (requests in flight). */
export const EXT4_DEVICES: Record<string, { latency: number; bandwidth: number; parallelism: number; about: string }> = {
  array: { latency: 50_000, bandwidth: 4e9, parallelism: 64, about: 'a fast array or PCIe flash card' },
  'sata-ssd': { latency: 100_000, bandwidth: 500e6, parallelism: 32, about: 'a SATA SSD with NCQ' },
  hdd: { latency: 200_000, bandwidth: 150e6, parallelism: 4, about: 'a disk streaming sequential writes (no seeks modelled)' },
};

const C = 'costs';
export const EXT4_PARAMS: readonly ParamSpec[] = [
  { key: 'submit', kind: 'enum', values: ['buffer', 'bio'], default: 'bio', group: 'ext4', help: 'buffer: writeback through block_write_full_page, one 4K submit_bh per block (before 2.6.37); bio: ext4_bio_write_page gathers contiguous pages into bios of up to max_bio (fs/ext4/page-io.c).' },
  { key: 'max_bio', kind: 'size', default: 512 * 1024, min: 4096, max: 4 << 20, multipleOf: 4096, group: 'ext4', help: 'Largest bio io_submit_add_bh builds before ext4_io_submit sends it (the device\'s vector limit, typically 512K).' },
  { key: 'plug', kind: 'bool', default: false, group: 'ext4', help: 'Block plug around .writepages ("Add block plug for ext4 .writepages"): submissions wait in the task\'s plug list, merge there without a lock, and are inserted with one queue_lock round trip at unplug.' },
  { key: 'nr_to_write', kind: 'int', unit: 'pages', default: 1024, min: 1, max: 1 << 20, group: 'ext4', help: 'wbc->nr_to_write: pages one writeback pass writes (MAX_WRITEBACK_PAGES, 4 MiB).' },
  { key: 'dirty_bytes', kind: 'size', default: 64 << 20, min: 1 << 20, max: 2 ** 36, live: true, group: 'ext4', help: 'vm.dirty_bytes: above it writers wait in balance_dirty_pages until writeback completes.' },
  { key: 'max_sectors', kind: 'size', default: 512 * 1024, min: 4096, max: 4 << 20, multipleOf: 4096, group: 'device', help: 'max_sectors_kb: the largest request the elevator or the plug builds by merging.' },
  { key: 'device', kind: 'enum', values: Object.keys(EXT4_DEVICES), default: 'array', group: 'device', help: 'Device preset; device.* override it.' },
  { key: 'device.latency', kind: 'time', default: 50_000, min: 0, max: 1e9, group: 'device', help: 'Fixed service latency per request (default from the device preset).' },
  { key: 'device.bandwidth', kind: 'number', unit: 'bytes/s', default: 3e9, min: 1e6, max: 1e12, group: 'device', help: 'Transfer rate of the whole device: latencies of requests in flight overlap, their transfers take turns (default from the device preset).' },
  { key: 'device.parallelism', kind: 'int', unit: 'requests', default: 64, min: 1, max: 1024, group: 'device', help: 'Tag depth: requests the driver dispatches at once; the rest wait in the elevator (default from the device preset).' },
  { key: 'numjobs', kind: 'int', unit: 'writers', default: 1, min: 1, max: 256, group: 'workload', help: 'fio numjobs: writer threads, each streaming into its own file.' },
  { key: 'bs', kind: 'size', default: 1 << 20, min: 4096, max: 64 << 20, multipleOf: 4096, group: 'workload', help: 'fio bs: bytes per write(2) call, a multiple of 4K.' },
  { key: 'size', kind: 'size', default: 4 * 2 ** 30, min: 64 << 20, max: 2 ** 44, group: 'workload', help: 'Space the files take on the device, split between the writers; each rewrites its file in a loop.' },
  { key: 'cpus', kind: 'int', unit: 'CPUs', default: 8, min: 1, max: 256, group: 'workload', help: 'CPUs shared by the writers and the interrupt thread.' },
  { key: 'jitter', kind: 'number', unit: 'fraction', default: 0.1, min: 0, max: 0.9, group: C, help: 'Each CPU cost is drawn uniformly within +-jitter of its mean, so identical writers do not run in lockstep.' },
  ...CPU_PARAMS,
  { key: 'cost.write_page', kind: 'time', default: 1_200, min: 0, max: 1e9, group: C, help: 'generic_perform_write per page: copy_from_user, ext4_da_write_begin / write_end, dirtying.' },
  { key: 'cost.journal', kind: 'time', default: 120, min: 0, max: 1e9, group: C, help: 'start_this_handle under j_state_lock, once per page written (a spinlock in 2.6.35).' },
  { key: 'cost.page_wb', kind: 'time', default: 300, min: 0, max: 1e9, group: C, help: 'Writeback per page: find and lock the dirty page, map delalloc blocks (amortised), set_page_writeback.' },
  { key: 'cost.buffer', kind: 'time', default: 700, min: 0, max: 1e9, group: C, help: 'block_write_full_page per 4K block: walk the buffer_heads, submit_bh, bio_alloc.' },
  { key: 'cost.bio_add', kind: 'time', default: 80, min: 0, max: 1e9, group: C, help: 'io_submit_add_bh / bio_add_page per page in bio mode.' },
  { key: 'cost.bio_submit', kind: 'time', default: 600, min: 0, max: 1e9, group: C, help: 'Per bio: bio_alloc, submit_bio, generic_make_request outside the queue lock.' },
  { key: 'cost.queue_lock', kind: 'time', default: 600, min: 0, max: 1e9, group: C, help: '__make_request under queue_lock per bio: elevator merge check, get_request, insert (and per request at unplug).' },
  { key: 'cost.plug', kind: 'time', default: 100, min: 0, max: 1e9, group: C, help: 'With plug: adding a bio to the task\'s plug list (attempt_plug_merge), no lock.' },
  { key: 'cost.dispatch', kind: 'time', default: 400, min: 0, max: 1e9, group: C, help: 'request_fn per request dispatched, under queue_lock: elv_next_request, blk_start_request, driver prep.' },
  { key: 'cost.completion', kind: 'time', default: 1_000, min: 0, max: 1e9, group: C, help: 'Device interrupt and driver completion per request.' },
  { key: 'cost.bio_end', kind: 'time', default: 250, min: 0, max: 1e9, group: C, help: 'bio_endio and bio_put per bio of a finished request.' },
  { key: 'cost.end_page', kind: 'time', default: 150, min: 0, max: 1e9, group: C, help: 'end_page_writeback (or end_buffer_async_write) per page.' },
  { key: 'cost.end_request', kind: 'time', default: 300, min: 0, max: 1e9, group: C, help: 'blk_finish_request under queue_lock per finished request (the driver then runs the queue again).' },
  { key: 'cost.handoff', kind: 'time', default: 100, min: 0, max: 1e9, group: C, help: 'Cache-line hand-off of a contended spinlock to its next waiter.' },
  { key: 'cost.bounce', kind: 'time', default: 300, min: 0, max: 1e9, group: C, help: 'Extra time in a spinlock last held on another CPU: the lock and the queue it guards change cache.' },
];

/** device.* follow the device preset unless given; a bio cannot outgrow the largest request. */
export function deriveExt4(params: Resolved, given: ReadonlySet<string>): void {
  deriveCpu(EXT4_PARAMS, params, given);
  const d = EXT4_DEVICES[params.device as string];
  fillDeviceParams(params, given, d);
  if ((params.max_bio as number) > (params.max_sectors as number)) throw new ParamError('max_bio', params.max_bio, `a size 4K..max_sectors (${(params.max_sectors as number) / 1024}K)`);
}

const S = 'ext4 page-io (seed 003)';
export const EXT4_PRESETS: readonly Preset[] = [
  {
    id: 'ext4-one-writer', model: 'ext4', story: S, title: 'One writer: 4K buffers vs 512K bios',
    shows: 'One streaming writer: block_write_full_page submits 256 buffers per MiB, ext4_bio_write_page 2 bios (128x fewer), and the CPU per MiB falls.',
    params: { submit: 'bio', numjobs: 1 }, baseline: { submit: 'buffer' }, durationNs: 20e6, warmupNs: 10e6,
  },
  {
    id: 'ext4-many-writers', model: 'ext4', story: S, title: 'Many writers: queue_lock',
    shows: '16 writers on a fast device: with buffer submission queue_lock is the top contended lock and throughput is lower; with bios its traffic drops 128x and throughput rises.',
    params: { submit: 'bio', numjobs: 16, cpus: 18 }, baseline: { submit: 'buffer' }, durationNs: 40e6, warmupNs: 10e6,
  },
  {
    id: 'ext4-plug', model: 'ext4', story: S, title: 'A block plug around writepages',
    shows: '16 writers submitting bios: with a plug each writeback pass takes queue_lock once for all its bios instead of once per bio.',
    params: { submit: 'bio', plug: true, numjobs: 16, cpus: 18 }, baseline: { plug: false }, durationNs: 40e6, warmupNs: 10e6,
  },
];

// The resolved raid5 parameters the model reads, in CLI spelling, and the CPU-cost table.
// Values come validated from src/scenarios/raid5Spec.ts; this file only types and unpacks them.
import { unpackFio, type FioParams } from '../../block/fioJobs';
import { unpackMachine, type MachineParams } from '../../core/machine';
import type { Params } from '../../core/model';
import { mediaFromParams, type MediaParams } from '../../block/media';

export interface Costs {
  /** fio: io_submit/getevents and job overhead per IO, on the submitter's CPU. */
  fioNs: number;
  /** raid5_get_active_stripe: hash lookup / init under the hash lock. */
  lookupNs: number;
  /** add_stripe_bio under sh->stripe_lock. */
  addBioNs: number;
  /** __release_stripe / do_release_stripe under device_lock, per stripe. */
  releaseNs: number;
  /** __get_priority_stripe under device_lock, per stripe picked. */
  pickNs: number;
  /** One handle_stripe pass: analyse_stripe and the state machine, without ops and IO. */
  handleNs: number;
  /** Copy of one 4K page (biodrain without skip_copy). */
  copyPageNs: number;
  /** xor throughput in bytes per second (raid5's P: prexor, reconstruct). */
  xorBytesPerSec: number;
  /** raid6 gen_syndrome / xor_syndrome throughput over the data blocks, P and Q together. */
  raid6BytesPerSec: number;
  /** ops_run_io per member bio: build and submit_bio. */
  submitNs: number;
  /** raid5_end_{read,write}_request per member completion, in interrupt context. */
  completionNs: number;
  /** Hand-off of a contended spinlock's cache line to the next waiter. */
  handoffNs: number;
  /** Extra hold time when a spinlock was last held on another CPU (cache-line migration). */
  bounceNs: number;
  /** One cache line moving to this CPU for an atomic op (atomic_inc on a counter another CPU touched last). */
  cachelineNs: number;

  /** md core's bitmap and resync (bitmapHooks.ts): counter update, llbitmap state, unplug check, sync step. */
  mdCloneNs: number;
  bitmapCounterNs: number;
  llbitmapStateNs: number;
  unplugCheckNs: number;
  syncStepNs: number;
  /** With the legacy single-queue block layer: the part of a submission (and half of a completion)
   * spent under the member's request-queue lock. */
  queueLockNs: number;
  /** Queueing an op on the offload workqueue / DMA channel, under its lock. */
  offloadQueueNs: number;
}

export interface Raid5Params extends MachineParams, FioParams {
  level: 5 | 6;
  disks: number;
  chunk: number;
  device: string;
  /** The member device as the block layer serves it (device class and device.*). */
  media: MediaParams;
  maxSectorsKb: number;
  nrRequests: number;
  scheduler: 'none' | 'mq-deadline';
  /** fio iodepth_batch_submit: IOs per io_submit, under one plug above AIO_PLUG_THRESHOLD. */
  iodepthBatchSubmit: number;
  memcpyBytesPerSec: number;
  memoryBytesPerSec: number;
  stripeCacheSize: number;
  groupThreadCnt: number;
  prereadBypassThreshold: number;
  rmwLevel: number;
  skipCopy: boolean;
  /** NUMA nodes: one worker group per node, its workers on its CPUs. */
  numaNodes: number;
  /** SLIT distance between nodes (10 = local): a remote line move costs distance / 10 times a local one. */
  numaDistance: number;
  direct: boolean;
  /** NR_STRIPE_HASH_LOCKS (8 since 3.13), a power of two; 1: everything under device_lock, as before 3.13. */
  hashLocks: number;
  /** hold_list, bypass_count and __get_priority_stripe (2.6.24), or one FIFO handle_list. */
  priorityStripe: boolean;
  /** raid5_make_request: one lookup per stripe_head with all its pages (6.0), or one per 4K page. */
  makeRequest: 'per_stripe' | 'per_page';
  /** md's max_segments: 65535 (USHRT_MAX, 6.0) or the block layer's default 128; bounds the bios raid5 sees. */
  maxSegments: number;
  /** batch_head / batch_list for adjacent full-stripe writes (4.1). */
  stripeBatching: boolean;
  /** Writes to rotational members dispatched by raid5d alone, sorted (batch_bio_dispatch, 4.12), or by any handler. */
  dispatch: 'any' | 'raid5d';
  /** raid5_read_one_chunk: an atomic active_aligned_reads (5.14) or device_lock around it. */
  alignedReadLock: 'atomic' | 'device_lock';
  release: 'locked' | 'lockless';
  /** Lockless release: only the last reference goes on released_stripes (3.14), or every one (3.12). */
  releaseList: 'last_ref' | 'every_ref';
  batchRelease: boolean;
  /** MAX_STRIPE_BATCH: stripes handled per trip through device_lock. */
  maxStripeBatch: number;
  /** Parity and copy ops run in the handling thread (inline) or are handed off (async, seed 001). */
  ops: 'inline' | 'async';
  offload: 'threads' | 'dma';
  offloadThreads: number;
  dmaBytesPerSec: number;
  /** Member block layer: 'sq' = legacy request queue with its queue_lock (2012), 'mq' = blk-mq. */
  blk: 'sq' | 'mq';
  costs: Costs;
  /** Write-intent bitmap and initial resync (bitmapPresets.ts). */
  md: {
    bitmap: 'none' | 'bitmap' | 'llbitmap';
    assumeClean: boolean;
    bitmapChunk: number;
    daemonSleepNs: number;
    barrierIdleNs: number;
    syncSpeedMin: number;
    syncSpeedMax: number;
    syncIoDepth: number;
    /** The parameters md core was built with, which sysfs knobs change at run time. */
    live?: { syncSpeedMinKiB: number; syncSpeedMaxKiB: number; syncIoDepth: number };
  };
}

export function unpack(p: Params): Raid5Params {
  const n = (k: string) => p[k] as number;
  return {
    level: n('level') as 5 | 6,
    disks: n('disks'),
    chunk: n('chunk'),
    device: p.device as string,
    media: mediaFromParams(p),
    maxSectorsKb: n('max_sectors_kb'),
    nrRequests: n('nr_requests'),
    scheduler: p.scheduler as 'none' | 'mq-deadline',
    iodepthBatchSubmit: n('iodepth_batch_submit'),
    memcpyBytesPerSec: n('memcpy_speed'),
    memoryBytesPerSec: n('memory_bandwidth'),
    stripeCacheSize: n('stripe_cache_size'),
    groupThreadCnt: n('group_thread_cnt'),
    prereadBypassThreshold: n('preread_bypass_threshold'),
    rmwLevel: n('rmw_level'),
    skipCopy: p.skip_copy as boolean,
    ...unpackMachine(p),
    ...unpackFio(p),
    numaNodes: n('numa_nodes'),
    numaDistance: n('numa_distance'),
    direct: p.direct as boolean,
    hashLocks: n('hash_locks'),
    priorityStripe: p.priority_stripe as boolean,
    makeRequest: p.make_request as Raid5Params['makeRequest'],
    maxSegments: Number(p.max_segments),
    stripeBatching: p.stripe_batching as boolean,
    dispatch: p.dispatch as Raid5Params['dispatch'],
    alignedReadLock: p.aligned_read_lock as Raid5Params['alignedReadLock'],
    release: p.release as 'locked' | 'lockless',
    releaseList: p.release_list as 'last_ref' | 'every_ref',
    batchRelease: p.batch_release as boolean,
    maxStripeBatch: n('max_stripe_batch'),
    blk: p.blk as 'sq' | 'mq',
    ops: p.ops as 'inline' | 'async',
    offload: p.offload as 'threads' | 'dma',
    offloadThreads: n('offload_threads'),
    dmaBytesPerSec: n('dma_speed'),
    md: {
      bitmap: p.bitmap as Raid5Params['md']['bitmap'],
      assumeClean: p.assume_clean as boolean,
      bitmapChunk: n('bitmap_chunk'),
      daemonSleepNs: n('daemon_sleep'),
      barrierIdleNs: n('barrier_idle'),
      syncSpeedMin: n('sync_speed_min'),
      syncSpeedMax: n('sync_speed_max'),
      syncIoDepth: n('sync_io_depth'),
    },
    costs: {
      fioNs: n('cost.fio'),
      lookupNs: n('cost.lookup'),
      addBioNs: n('cost.add_bio'),
      releaseNs: n('cost.release'),
      pickNs: n('cost.pick'),
      handleNs: n('cost.handle'),
      copyPageNs: n('cost.copy_page'),
      xorBytesPerSec: n('xor_speed'),
      raid6BytesPerSec: n('raid6_speed'),
      submitNs: n('cost.submit'),
      completionNs: n('cost.completion'),
      handoffNs: n('cost.handoff'),
      bounceNs: n('cost.bounce'),
      cachelineNs: n('cost.cacheline'),

      mdCloneNs: n('cost.md_clone'),
      bitmapCounterNs: n('cost.bitmap_counter'),
      llbitmapStateNs: n('cost.llbitmap_state'),
      unplugCheckNs: n('cost.unplug_check'),
      syncStepNs: n('cost.sync_step'),
      queueLockNs: n('cost.queue_lock'),
      offloadQueueNs: n('cost.offload_queue'),
    },
  };
}

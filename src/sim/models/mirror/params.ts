// The resolved raid1 / raid10 parameters and CPU-cost table, unpacked from the CLI spelling. Values arrive
// validated from src/scenarios/mirrorSpec.ts; nothing is checked or defaulted here.
import { unpackFio, type FioParams } from '../../block/fioJobs';
import { unpackMachine, type MachineParams } from '../../core/machine';
import type { Params } from '../../core/model';
import { mediaFromParams, type MediaParams } from '../../block/media';

export interface MirrorCosts {
  /** fio: io_submit / getevents per IO on the submitter. */
  fioNs: number;
  /** md_submit_bio -> raid1_make_request: md_write_start, wait_barrier, r1bio allocation. */
  makeRequestNs: number;
  /** One bio_alloc_clone for a copy (r1_bio->bios[i]). */
  cloneNs: number;
  /** Adding a bio to pending_bio_list (or taking the list) under device_lock. */
  listNs: number;
  /** submit_bio of one member bio. */
  submitNs: number;
  /** raid1_end_{write,read}_request per member completion, in interrupt context. */
  completionNs: number;
  /** sync_request_write / raid10's per-r1bio resync work in the md thread. */
  syncWriteNs: number;
  /** memcmp of one 4K page of two copies (raid10 resync). */
  syncComparePageNs: number;
  /** md_clone_bio / md_end_clone_io around a write when a bitmap is present. */
  mdCloneNs: number;
  bitmapCounterNs: number;
  llbitmapStateNs: number;
  unplugCheckNs: number;
  syncStepNs: number;
  handoffNs: number;
  bounceNs: number;
}

export interface MirrorParams extends MachineParams, FioParams {
  level: 1 | 10;
  disks: number;
  chunk: number;
  /** The member device as the block layer serves it, and the member queue's knobs. */
  media: MediaParams;
  maxSectorsKb: number;
  nrRequests: number;
  scheduler: 'none' | 'mq-deadline';
  memcpyBytesPerSec: number;
  memoryBytesPerSec: number;
  bitmap: 'none' | 'bitmap' | 'llbitmap';
  assumeClean: boolean;
  bitmapChunk: number;
  daemonSleepNs: number;
  barrierIdleNs: number;
  syncSpeedMin: number;
  syncSpeedMax: number;
  syncIoDepth: number;
  /** The I/O barrier: lockless (today) or lock (resync_lock on every array IO, raid1 <= 4.10, raid10 <= 6.0). */
  barrier: 'lockless' | 'lock';
  costs: MirrorCosts;
}

export function unpackMirror(level: 1 | 10, p: Params): MirrorParams {
  const n = (k: string) => p[k] as number;
  return {
    level,
    disks: n('disks'),
    chunk: n('chunk'),
    media: mediaFromParams(p),
    maxSectorsKb: n('max_sectors_kb'),
    nrRequests: n('nr_requests'),
    scheduler: p.scheduler as 'none' | 'mq-deadline',
    memcpyBytesPerSec: n('memcpy_speed'),
    memoryBytesPerSec: n('memory_bandwidth'),
    ...unpackMachine(p),
    ...unpackFio(p),
    bitmap: p.bitmap as MirrorParams['bitmap'],
    assumeClean: p.assume_clean as boolean,
    bitmapChunk: n('bitmap_chunk'),
    daemonSleepNs: n('daemon_sleep'),
    barrierIdleNs: n('barrier_idle'),
    syncSpeedMin: n('sync_speed_min'),
    syncSpeedMax: n('sync_speed_max'),
    syncIoDepth: n('sync_io_depth'),
    barrier: p.barrier as MirrorParams['barrier'],
    costs: {
      fioNs: n('cost.fio'),
      makeRequestNs: n('cost.make_request'),
      cloneNs: n('cost.clone'),
      listNs: n('cost.list'),
      submitNs: n('cost.submit'),
      completionNs: n('cost.completion'),
      syncWriteNs: n('cost.sync_write'),
      syncComparePageNs: n('cost.sync_compare'),
      mdCloneNs: n('cost.md_clone'),
      bitmapCounterNs: n('cost.bitmap_counter'),
      llbitmapStateNs: n('cost.llbitmap_state'),
      unplugCheckNs: n('cost.unplug_check'),
      syncStepNs: n('cost.sync_step'),
      handoffNs: n('cost.handoff'),
      bounceNs: n('cost.bounce'),
    },
  };
}

// The contract between md core (the write-intent bitmaps and md_do_sync, this folder) and the array
// personalities (raid5, raid1/raid10), as struct bitmap_operations and md's sync hooks give it: what md core
// asks of an array (MdHost, SyncPersonality) and what it gives back (BitmapOps, MdSync).
import type { Kernel } from '../core/kernel';
import type { Lock, LockClass } from '../core/lock';
import type { Gen, SimThread } from '../core/thread';

export type { Gen };

/** CPU costs of the md-core side, in ns (the array model's cost table supplies them). */
export interface MdCosts {
  /** One counter update in md_bitmap_startwrite / endwrite, under bitmap_lock. */
  bitmapCounterNs: number;
  /** llbitmap_state_machine on one chunk plus the percpu reference (no lock). */
  llbitmapStateNs: number;
  /** bitmap_ops->unplug looking for dirty pages when there are none. */
  unplugCheckNs: number;
  /** md_super_write: building and submitting one metadata bio. */
  submitNs: number;
  /** md_do_sync's loop around one sync_request, and skipping one chunk of a bitmap. */
  syncStepNs: number;
  handoffNs: number;
  bounceNs: number;
}

/** The resolved bitmap and resync parameters (CLI spelling in the scenario; units here). */
export interface MdParams {
  bitmap: 'none' | 'bitmap' | 'llbitmap';
  assumeClean: boolean;
  /** Classic bitmap chunk (mdadm --bitmap-chunk); llbitmap sizes its own chunk from its space. */
  bitmapChunkBytes: number;
  daemonSleepNs: number;
  barrierIdleNs: number;
  syncSpeedMinKiB: number;
  syncSpeedMaxKiB: number;
  /** sync_io_depth: resync IOs that may be in flight before a busy array makes it drain. */
  syncIoDepth: number;
}

export interface MdHost {
  readonly kernel: Kernel;
  /** Pages (4K) the bitmap and the resync cover (resync_max_sectors). */
  readonly spanPages: number;
  readonly members: number;
  /** raid_is_456: first writes to unwritten llbitmap chunks need a lazy parity build. */
  readonly level456: boolean;
  readonly costs: MdCosts;
  /** md_super_write to one member: `bytes` of metadata; `done` runs when it completes. */
  writeMetadata(disk: number, bytes: number, done: () => void): void;
  /** md_wakeup_thread(mddev->thread). */
  wakeupMdThread(): void;
}

/** struct bitmap_operations, the part the IO path and the md thread call. */
export interface BitmapOps {
  readonly kind: 'bitmap' | 'llbitmap';
  /** Pages of array space one bit (or state byte) covers. */
  readonly chunkPages: number;
  /** start_write for pages [page, page + pages) of the bitmap's space (md_clone_bio). */
  startWrite(t: SimThread, page: number, pages: number): Gen;
  /** end_write (md_end_clone_io). */
  endWrite(t: SimThread, page: number, pages: number): Gen;
  /** unplug(mddev, sync=true): write what is dirty and wait, before the data may go. */
  unplug(t: SimThread): Gen;
  /** daemon_work from md_check_recovery (classic); a no-op for llbitmap, whose daemon is a workqueue. */
  daemonWork(t: SimThread): Gen;
  /** blocks_synced: false while parity there is not built yet (llbitmap, raid456). */
  blocksSynced(page: number): boolean;
  /** How many pages from `page` md_do_sync may skip (0: sync them). */
  skipSyncPages(page: number): number;
  /** start_sync for the chunk at `page`; returns the pages to its end. */
  startSync(page: number): number;
  /** The chunk at `page` is in sync now. */
  endSync(page: number): void;
  lockClasses(): LockClass[];
  resetStats(): void;
  figures(): Record<string, unknown>;
  /** Optional: the state the live view draws (snapshots only, never results). */
  live?(): Record<string, unknown>;
  /** Optional: md core's debug invariants (src/sim/checked.ts); throws an InvariantViolation. */
  checkInvariants?(): void;
  /** Optional: md core's lock instances, for the snapshot's locks (the Locks now panel). */
  liveLocks?(): { name: string; lock: Lock }[];
}

/** A personality's sync_request, as md_do_sync drives it. */
export interface SyncPersonality {
  /** Starts syncing at `page`; returns the pages it covers and calls `done(pages)` when they are in sync
   * (possibly before it returns). */
  syncRequest(t: SimThread, page: number, done: (pages: number) => void): Gen<number>;
  /** Bytes of non-resync IO the members have done (is_mddev_idle compares these). */
  nonSyncBytes(): number;
}

/** md_do_sync's state as the array sees it. */
export interface MdSync {
  /** Pages below which the array is in sync (recovery_cp); Infinity when no resync is due. */
  readonly recoveryCp: number;
  readonly running: boolean;
  /** MD_RECOVERY_NEEDED (+ LAZY_RECOVER): ask for a (new) pass. */
  request(): void;
  resetStats(): void;
  figures(): Record<string, unknown>;
  /** Optional: the state the live view draws (snapshots only, never results). */
  live?(): Record<string, unknown>;
  /** Optional: md core's debug invariants (src/sim/checked.ts); throws an InvariantViolation. */
  checkInvariants?(): void;
}

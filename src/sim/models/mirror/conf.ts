// struct r1conf / r10conf as this model needs them: device_lock, the barrier's locks, pending_bio_list, retry_list,
// the md thread's wake-up, and the records that travel with a bio. State and tiny helpers only; no kernel function.
import type { Kernel } from '../../core/kernel';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { QueueStats } from '../../core/stats/queueStats';
import { IDLE, type SimThread, type Gen } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import { Barrier } from './barrier';
import type { Copy, Layout } from './layout';
import type { MirrorParams } from './params';

/** A top-level bio from fio. */
export interface MirrorBio {
  id: number;
  write: boolean;
  bytes: number;
  page: number;
  pages: number;
  submittedAt: number;
  job: number;
}

/** struct r1bio for a write: the copies still in flight. */
export interface R1Bio {
  bio: MirrorBio;
  remaining: number;
}

/** A copy's bio waiting on pending_bio_list for the md thread. */
export interface PendingWrite {
  r1: R1Bio;
  copy: Copy;
  queuedAt: number;
}

/** A resync r1bio: read phase, then (in the md thread) write or compare phase. */
export interface SyncBio {
  page: number;
  pages: number;
  copies: Copy[];
  left: number;
  /** put_buf -> lower_barrier and md_done_sync; a generator when lower_barrier takes locks (barrier=lock). */
  done: (t: SimThread, pages: number) => Gen | null;
  queuedAt: number;
}

export class MirrorConf {
  readonly deviceLockClass = new LockClass('device_lock', 'spinlock');
  readonly deviceLock: Lock;
  /** wait_barrier / allow_barrier's locks (barrier=lock only). */
  readonly barrier: Barrier;
  pending: PendingWrite[] = [];
  readonly retry: SyncBio[] = [];
  readonly pendingStats = new QueueStats('pending_bio_list');
  readonly retryStats = new QueueStats('retry_list');
  mdThread!: SimThread;
  readonly mdWq: WaitQueue;
  mdWakeup = false;
  readonly threadName: string;
  readonly labels: {
    fio: number;
    makeRequest: number;
    clone: number;
    list: number;
    submit: number;
    endRequest: number;
    flush: number;
    syncWrite: number;
    endio: number;
  };

  constructor(
    readonly kernel: Kernel,
    readonly p: MirrorParams,
    readonly layout: Layout,
  ) {
    this.deviceLock = spinlock(kernel, this.deviceLockClass, p.costs);
    this.barrier = new Barrier(kernel, p);
    this.threadName = `md0_raid${p.level}`;
    this.mdWq = new WaitQueue(kernel, `${this.threadName} wait`, IDLE);
    const L = (n: string) => kernel.label(n);
    const r = `raid${p.level}`;
    this.labels = {
      fio: L('fio io_submit'),
      makeRequest: L(`${r}_make_request`),
      clone: L('bio_alloc_clone'),
      list: L('pending_bio_list'),
      submit: L('submit_bio'),
      endRequest: L(`${r}_end_request`),
      flush: L('flush_pending_writes'),
      syncWrite: L('sync_request_write'),
      endio: L('bio_endio'),
    };
  }

  /** md_wakeup_thread(mddev->thread). */
  wakeupMdThread(): void {
    this.mdWakeup = true;
    this.mdWq.wakeThread(this.mdThread);
  }
}

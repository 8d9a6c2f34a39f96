// The I/O barrier's locks as raid1 / raid10 took them on every array IO before their barriers went lockless
// (barrier=lock): conf->resync_lock and the wait_barrier wait queue's own spinlock. Lock rounds only: with
// barrier=lockless (today) nothing here runs, and no IO here ever sleeps on a raised barrier.
//
// raid1 up to 4.10 (wait_barrier / allow_barrier under resync_lock; 4.11 brought Coly Li's bucketed barrier,
// "RAID1: a new I/O barrier implementation to remove resync window", and its per-bucket nr_pending atomics,
// "RAID1: avoid unnecessary spin locks in I/O barrier code"):
//   raid1_make_request  wait_barrier: resync_lock, nr_pending++          (every bio)
//   raid1 write path    wake_up(&conf->wait_barrier) at its end           ("in case raid1d snuck in to freeze_array")
//   call_bio_endio      allow_barrier: resync_lock, nr_pending--, then wake_up(&conf->wait_barrier)
// raid10 up to 6.0 (Yu Kuai's "md/raid10: reduce lock contention for io", merged for 6.1, made resync_lock a
// seqlock that wait_barrier only reads, and calls wake_up only when someone sleeps):
//   regular_request_wait / wait_barrier: resync_lock, nr_pending++       (every bio)
//   raid10_make_request wake_up(&conf->wait_barrier) at its end           (every bio)
//   allow_barrier       atomic_dec_and_test(nr_pending), wake_up only when it reaches 0
// Both resyncs take resync_lock in raise_barrier and lower_barrier (lower_barrier also wakes the queue).
//
// What is held is a few instructions (test conf->barrier, bump a counter; wake_up walks an empty list): the
// cost is the cache line, so a take from another CPU pays cost.bounce inside the lock and a spinner's turn
// cost.handoff, the same figures device_lock pays. Nothing new is charged on the CPU-class table.
import type { Kernel } from '../../core/kernel';
import { Lock, LockClass, spinlock } from '../../core/lock';
import type { SimThread, Gen } from '../../core/thread';
import type { MirrorParams } from './params';

export class Barrier {
  /** barrier=lock: the generators below run; lockless: callers skip them (no event, no lock_stat row). */
  readonly locked: boolean;
  readonly resyncLockClass = new LockClass('resync_lock', 'spinlock');
  /** wait_queue_head_t's spinlock: __wake_up_common_lock takes it even when nobody sleeps on the queue. */
  readonly waitLockClass = new LockClass('wait_barrier.lock', 'spinlock');
  readonly resyncLock: Lock;
  readonly waitLock: Lock;
  /** conf->nr_pending: array bios between wait_barrier and allow_barrier. */
  nrPending = 0;
  private readonly level: 1 | 10;

  constructor(kernel: Kernel, p: MirrorParams) {
    this.locked = p.barrier === 'lock';
    this.level = p.level;
    // spin_lock_irq: the holder and its spinners keep their CPU.
    this.resyncLock = spinlock(kernel, this.resyncLockClass, p.costs);
    this.waitLock = spinlock(kernel, this.waitLockClass, p.costs);
  }

  lockClasses(): LockClass[] {
    return this.locked ? [this.resyncLockClass, this.waitLockClass] : [];
  }

  /** wait_barrier at the start of raid1_make_request / raid10's regular_request_wait. The barrier is never
   * raised against array IO in this model, so the test of conf->barrier always passes. */
  *waitBarrier(t: SimThread): Gen {
    yield t.acquire(this.resyncLock);
    this.nrPending++;
    this.resyncLock.release(t);
  }

  /** The wake_up(&conf->wait_barrier) at the end of raid1's write path and of every raid10_make_request. */
  *makeRequestDone(t: SimThread, write: boolean): Gen {
    if (this.level === 10 || write) yield* this.wakeUp(t);
  }

  /** allow_barrier when the r1bio / r10bio ends (after bio_endio, in the completing context). */
  *allowBarrier(t: SimThread): Gen {
    if (this.level === 10) {
      // raid10 made this an atomic in 2016 ("raid10: improve random reads performance"); only the wake-up locks.
      if (--this.nrPending === 0) yield* this.wakeUp(t);
      return;
    }
    yield t.acquire(this.resyncLock);
    this.nrPending--;
    this.resyncLock.release(t);
    yield* this.wakeUp(t);
  }

  /** raise_barrier's (or lower_barrier's) round on resync_lock, from the resync path. */
  *resyncRound(t: SimThread, lower: boolean): Gen {
    yield t.acquire(this.resyncLock);
    this.resyncLock.release(t);
    if (lower) yield* this.wakeUp(t);
  }

  /** wake_up() on the barrier's wait queue with nobody on it: take its lock, find the list empty. */
  private *wakeUp(t: SimThread): Gen {
    yield t.acquire(this.waitLock);
    this.waitLock.release(t);
  }
}

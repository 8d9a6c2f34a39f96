// "raid5: only dispatch IO from raid5d for harddisk raid" (4.12, 765d704db1f5): on an array whose members are all
// rotational (conf->batch_bio_dispatch) with worker groups, ops_run_io defers a stripe's writes
// (defer_issue_bios) onto conf->pending_list under pending_bios_lock and wakes raid5d, which dispatches them sorted
// by sector (flush_deferred_bios, dispatch_defer_bios), so each disk sees one ordered stream instead of the
// workers' interleaved ones. Past PENDING_IO_MAX stripes the deferring handler dispatches a batch itself.
import { Lock, LockClass, spinlock } from '../../core/lock';
import type { SimThread, Gen } from '../../core/thread';
import type { R5Conf } from './conf';
import type { MemberIo } from './io';
import type { StripeHead } from './stripeHead';

/** PENDING_IO_MAX and PENDING_IO_ONE_FLUSH (raid5.c). */
const PENDING_IO_MAX = 512;
const PENDING_IO_ONE_FLUSH = 128;

interface PendingWrite {
  sh: StripeHead;
  dev: number;
  sector: number;
}

export class DeferredIo {
  readonly lockClass = new LockClass('pending_bios_lock', 'spinlock');
  readonly lock: Lock;
  private pending: PendingWrite[] = [];
  /** Stripes' writes deferred, and dispatched by raid5d, since the last reset. */
  deferred = 0;
  dispatchedByRaid5d = 0;

  constructor(private readonly conf: R5Conf) {
    const c = conf.p.costs;
    this.lock = spinlock(conf.kernel, this.lockClass, c);
  }

  /** should_defer: batch_bio_dispatch (the model builds this only for dispatch=raid5d on rotational members)
   * and worker groups, which group_thread_cnt may add or remove while the array runs. */
  shouldDefer(): boolean {
    return this.conf.workerCnt > 0;
  }

  /** defer_issue_bios: queue a stripe's writes; past PENDING_IO_MAX, dispatch the oldest batch here. */
  *defer(t: SimThread, io: MemberIo, writes: readonly { sh: StripeHead; dev: number }[]): Gen {
    if (writes.length === 0) return;
    yield t.acquireAndCompute(this.lock, this.conf.p.costs.pickNs, this.conf.labels.submit);
    for (const w of writes) this.pending.push({ ...w, sector: w.sh.sector });
    this.deferred += writes.length;
    const over = this.pending.length >= PENDING_IO_MAX ? this.take(PENDING_IO_ONE_FLUSH) : [];
    this.lock.release(t);
    this.conf.wakeupRaid5d();
    yield* this.dispatch(t, io, over);
  }

  /** flush_deferred_bios: raid5d takes every pending write and submits them in sector order. */
  *flush(t: SimThread, io: MemberIo): Gen {
    if (this.pending.length === 0) return;
    yield t.acquire(this.lock);
    const all = this.take(this.pending.length);
    this.lock.release(t);
    this.dispatchedByRaid5d += all.length;
    yield* this.dispatch(t, io, all);
  }

  /** dispatch_defer_bios: the first n pending writes, sorted by sector (list_sort on the stripe's sector). */
  private take(n: number): PendingWrite[] {
    const out = this.pending.splice(0, n);
    out.sort((a, b) => a.sector - b.sector || a.dev - b.dev);
    return out;
  }

  private *dispatch(t: SimThread, io: MemberIo, writes: readonly PendingWrite[]): Gen {
    for (const w of writes) yield* io.submitStripeIo(t, w.sh, w.dev, true);
  }

  resetStats(): void {
    this.deferred = 0;
    this.dispatchedByRaid5d = 0;
  }
}

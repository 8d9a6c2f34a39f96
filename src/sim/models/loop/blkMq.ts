// loop 4.0 (blk-mq): loop_queue_rq makes each read a work item on kloopd0 (max_active at once) and queues
// writes on write_cmd_head under lo_lock for one write_work, so writes stay serial. No page-cache logic here.
import { Fifo } from '../../core/fifo';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { lockView, type LockView } from '../../core/model';
import { QueueStats } from '../../core/stats/queueStats';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { BLOCKED, IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { Backing } from './backing';
import type { LoopCtx, LoopDriver, LoopIo } from './ctx';

/** A work item: one read command's read_work, or the device's write_work. */
type Work = { io: LoopIo | null; queuedAt: number };

export class BlkMqLoop implements LoopDriver {
  readonly loLockClass = new LockClass('lo_lock', 'spinlock');
  /** The unbound worker pool's lock (worker_pool->lock), taken to queue and to take work. */
  readonly poolLockClass = new LockClass('pool->lock', 'spinlock');
  private readonly loLock: Lock;
  private readonly poolLock: Lock;
  private readonly worklist = new Fifo<Work>();
  readonly worklistStats = new QueueStats('kloopd0 worklist');
  private readonly writeCmds = new Fifo<LoopIo>();
  readonly writeCmdStats = new QueueStats('write_cmd_head');
  private writeStarted = false;
  /** Idle workers sleep here (worker_thread -> schedule()). */
  private readonly idle: WaitQueue;

  constructor(
    private readonly ctx: LoopCtx,
    private readonly backing: Backing,
  ) {
    const c = ctx.p.costs;
    this.loLock = spinlock(ctx.kernel, this.loLockClass, c);
    this.poolLock = spinlock(ctx.kernel, this.poolLockClass, c);
    this.idle = new WaitQueue(ctx.kernel, 'kloopd0 idle workers', IDLE);
    // max_active workers (the pool number in the name is illustrative).
    for (let i = 0; i < ctx.p.workers; i++) {
      const wq = new WaitQueue(ctx.kernel, `kworker/u16:${i} wait_on_page_locked`, BLOCKED);
      ctx.kernel.spawn(`kworker/u16:${i}`, 'kworker', (t) => this.workerThread(t, wq));
    }
  }

  /** loop_queue_rq (on the submitter): reads become work items; writes join write_cmd_head. */
  *submit(t: SimThread, io: LoopIo): Gen {
    if (!io.write) {
      yield* this.queueWork(t, io);
      return;
    }
    yield t.acquire(this.loLock);
    yield this.ctx.cpu(t, this.ctx.p.costs.loLockNs, this.ctx.labels.loLock);
    io.queuedAt = this.ctx.kernel.now;
    this.writeCmds.push(io);
    this.writeCmdStats.enter(io.queuedAt);
    const start = !this.writeStarted;
    this.writeStarted = true;
    this.loLock.release(t);
    if (start) yield* this.queueWork(t, null);
  }

  /** queue_work(lo->wq, ...): insert under pool->lock and wake an idle worker. */
  private *queueWork(t: SimThread, io: LoopIo | null): Gen {
    yield t.acquire(this.poolLock);
    yield this.ctx.cpu(t, this.ctx.p.costs.queueWorkNs, this.ctx.labels.queueWork);
    this.worklist.push({ io, queuedAt: this.ctx.kernel.now });
    this.worklistStats.enter(this.ctx.kernel.now);
    this.poolLock.release(t);
    this.idle.wakeOne();
  }

  /** worker_thread: take the next work item under pool->lock, run it (process_one_work), repeat. */
  private *workerThread(t: SimThread, pageWq: WaitQueue): ThreadBody {
    for (;;) {
      yield t.acquire(this.poolLock);
      const w = this.worklist.shift();
      if (!w) {
        this.poolLock.release(t);
        yield t.wait(this.idle);
        continue;
      }
      yield this.ctx.cpu(t, this.ctx.p.costs.queueWorkNs, this.ctx.labels.queueWork);
      this.worklistStats.leave(this.ctx.kernel.now, this.ctx.kernel.now - w.queuedAt);
      this.poolLock.release(t);
      if (w.io)
        yield* this.backing.doReqFilebacked(t, pageWq, w.io); // loop_queue_read_work
      else yield* this.queueWriteWork(t, pageWq);
    }
  }

  /** loop_queue_write_work: splice write_cmd_head under lo_lock, handle each in order, until empty. */
  private *queueWriteWork(t: SimThread, pageWq: WaitQueue): Gen {
    const c = this.ctx.p.costs;
    for (;;) {
      yield t.acquire(this.loLock);
      yield this.ctx.cpu(t, c.loLockNs, this.ctx.labels.loLock);
      if (this.writeCmds.length === 0) {
        this.writeStarted = false;
        this.loLock.release(t);
        return;
      }
      const batch: LoopIo[] = [];
      const now = this.ctx.kernel.now;
      for (let io = this.writeCmds.shift(); io; io = this.writeCmds.shift()) {
        this.writeCmdStats.leave(now, now - io.queuedAt);
        batch.push(io);
      }
      this.loLock.release(t);
      for (const io of batch) yield* this.backing.doReqFilebacked(t, pageWq, io);
    }
  }

  lockClasses(): LockClass[] {
    return [this.loLockClass, this.poolLockClass];
  }

  queues(): QueueStats[] {
    return [this.worklistStats, this.writeCmdStats];
  }

  lockViews(): LockView[] {
    return [lockView('lo_lock', this.loLock), lockView('pool->lock', this.poolLock)];
  }
}

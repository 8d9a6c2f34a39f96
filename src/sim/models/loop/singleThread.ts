// loop <= 3.19 (drivers/block/loop.c, bio-based): loop_make_request puts bios on lo_bio_list under
// lo_lock; one kthread, loop0 (loop_thread), takes them one at a time and does each synchronously.
import { Fifo } from '../../core/fifo';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { lockView, type LockView } from '../../core/model';
import { QueueStats } from '../../core/stats/queueStats';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { BLOCKED, IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { Backing } from './backing';
import type { LoopCtx, LoopDriver, LoopIo } from './ctx';

export class SingleThreadLoop implements LoopDriver {
  readonly loLockClass = new LockClass('lo_lock', 'spinlock');
  private readonly loLock: Lock;
  private readonly bioList = new Fifo<LoopIo>();
  readonly bioListStats = new QueueStats('lo_bio_list');
  /** lo->lo_event: loop0 sleeps here while lo_bio_list is empty. */
  private readonly loEvent: WaitQueue;
  /** Where loop0 sleeps for its backing read (wait_on_page_locked). */
  private readonly pageWq: WaitQueue;
  private readonly thread: SimThread;

  constructor(
    private readonly ctx: LoopCtx,
    private readonly backing: Backing,
  ) {
    const c = ctx.p.costs;
    this.loLock = spinlock(ctx.kernel, this.loLockClass, c);
    this.loEvent = new WaitQueue(ctx.kernel, 'lo_event', IDLE);
    this.pageWq = new WaitQueue(ctx.kernel, 'loop0 wait_on_page_locked', BLOCKED);
    this.thread = ctx.kernel.spawn('loop0', 'loop_thread', (t) => this.loopThread(t));
  }

  /** loop_make_request: spin_lock_irq(lo_lock), bio_list_add, unlock, wake_up(lo_event). */
  *submit(t: SimThread, io: LoopIo): Gen {
    yield t.acquire(this.loLock);
    yield this.ctx.cpu(t, this.ctx.p.costs.loLockNs, this.ctx.labels.loLock);
    io.queuedAt = this.ctx.kernel.now;
    this.bioList.push(io);
    this.bioListStats.enter(this.ctx.kernel.now);
    this.loLock.release(t);
    this.loEvent.wakeThread(this.thread);
  }

  /** loop_thread: wait for bios, take one under lo_lock (loop_get_bio), loop_handle_bio, repeat. */
  private *loopThread(t: SimThread): ThreadBody {
    for (;;) {
      while (this.bioList.length === 0) yield t.wait(this.loEvent);
      yield t.acquire(this.loLock);
      yield this.ctx.cpu(t, this.ctx.p.costs.loLockNs, this.ctx.labels.loLock);
      const io = this.bioList.shift() as LoopIo;
      this.bioListStats.leave(this.ctx.kernel.now, this.ctx.kernel.now - io.queuedAt);
      this.loLock.release(t);
      // loop_handle_bio -> do_bio_filebacked -> lo_receive / lo_send, then bio_endio.
      yield* this.backing.doReqFilebacked(t, this.pageWq, io);
    }
  }

  lockClasses(): LockClass[] {
    return [this.loLockClass];
  }

  queues(): QueueStats[] {
    return [this.bioListStats];
  }

  lockViews(): LockView[] {
    return [lockView('lo_lock', this.loLock)];
  }
}

// loop 4.4 (kthread_work + AIO/O_DIRECT): one loop0 kthread_worker submits each request as async direct IO
// (lo_rw_aio) and moves on; it completes from the backing device's interrupt. No page cache, no copy.
import { Fifo } from '../../core/fifo';
import { Lock, LockClass, spinlock } from '../../core/lock';
import { lockView, type LockView } from '../../core/model';
import { QueueStats } from '../../core/stats/queueStats';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { Backing } from './backing';
import type { LoopCtx, LoopDriver, LoopIo } from './ctx';

export class DioAioLoop implements LoopDriver {
  /** kthread_worker->lock, guarding the worker's work_list. */
  readonly workerLockClass = new LockClass('worker->lock', 'spinlock');
  private readonly workerLock: Lock;
  private readonly workList = new Fifo<LoopIo>();
  readonly workListStats = new QueueStats('loop0 work_list');
  private readonly idle: WaitQueue;
  private readonly thread: SimThread;

  constructor(
    private readonly ctx: LoopCtx,
    private readonly backing: Backing,
  ) {
    const c = ctx.p.costs;
    this.workerLock = spinlock(ctx.kernel, this.workerLockClass, c);
    this.idle = new WaitQueue(ctx.kernel, 'loop0 idle', IDLE);
    this.thread = ctx.kernel.spawn('loop0', 'loop_thread', (t) => this.kthreadWorkerFn(t));
  }

  /** loop_queue_rq -> kthread_queue_work: add to work_list under worker->lock, wake loop0. */
  *submit(t: SimThread, io: LoopIo): Gen {
    yield t.acquire(this.workerLock);
    yield this.ctx.cpu(t, this.ctx.p.costs.queueWorkNs, this.ctx.labels.queueWork);
    io.queuedAt = this.ctx.kernel.now;
    this.workList.push(io);
    this.workListStats.enter(io.queuedAt);
    this.workerLock.release(t);
    this.idle.wakeThread(this.thread);
  }

  /** kthread_worker_fn: take the next work under worker->lock and run loop_queue_work -> lo_rw_aio. */
  private *kthreadWorkerFn(t: SimThread): ThreadBody {
    for (;;) {
      while (this.workList.length === 0) yield t.wait(this.idle);
      yield t.acquire(this.workerLock);
      yield this.ctx.cpu(t, this.ctx.p.costs.queueWorkNs, this.ctx.labels.queueWork);
      const io = this.workList.shift() as LoopIo;
      this.workListStats.leave(this.ctx.kernel.now, this.ctx.kernel.now - io.queuedAt);
      this.workerLock.release(t);
      yield* this.loRwAio(t, io);
    }
  }

  /** lo_rw_aio: build the iov_iter over the request's pages, call_read_iter / call_write_iter with
   * IOCB_DIRECT; the backing bio is in flight when it returns (-EIOCBQUEUED). */
  private *loRwAio(t: SimThread, io: LoopIo): Gen {
    yield this.ctx.cpu(t, this.ctx.p.costs.dioNs, this.ctx.labels.dio);
    const endIo = this.ctx.endIo;
    // lo_rw_aio_complete, where the backing bio completes.
    yield* this.backing.submit(t, io.offset, io.bytes, io.write, (irq) => endIo(irq, io));
  }

  lockClasses(): LockClass[] {
    return [this.workerLockClass];
  }

  queues(): QueueStats[] {
    return [this.workListStats];
  }

  lockViews(): LockView[] {
    return [lockView('worker->lock', this.workerLock)];
  }
}

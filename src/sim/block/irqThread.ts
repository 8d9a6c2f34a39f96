// A device's completion interrupt as a thread (a threaded IRQ handler, irq/<name>): the device raises a
// completion, it queues, and one thread handles them in order, sleeping (idle) when there are none.
// What handling one costs and does is the caller's.
import { Fifo } from '../core/fifo';
import type { Kernel } from '../core/kernel';
import { IDLE, type SimThread, type ThreadBody, type Gen } from '../core/thread';
import { WaitQueue } from '../core/waitQueue';

export class IrqThread<T> {
  readonly thread: SimThread;
  private readonly pending = new Fifo<T>();
  private readonly wq: WaitQueue;

  constructor(
    kernel: Kernel,
    readonly name: string,
    private readonly handle: (t: SimThread, item: T) => Gen,
  ) {
    this.wq = new WaitQueue(kernel, name, IDLE);
    this.thread = kernel.spawn(name, 'interrupt', (t) => this.body(t));
  }

  /** The device signals a completion (the hard IRQ): queue it and wake the handler. */
  raise(item: T): void {
    this.pending.push(item);
    this.wq.wakeThread(this.thread);
  }

  /** Completions raised and not yet taken by the handler. */
  get queued(): number {
    return this.pending.length;
  }

  private *body(t: SimThread): ThreadBody {
    for (;;) {
      while (this.pending.length === 0) yield t.wait(this.wq);
      yield* this.handle(t, this.pending.shift() as T);
    }
  }
}

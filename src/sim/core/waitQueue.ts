// A wait queue (wait_queue_head_t): threads sleep on it off-CPU until woken, paying the Kernel's
// wake-up cost. Sleepers show as `idle` (waiting for work) or `blocked` (waiting for a resource).
import { Fifo } from './fifo';
import type { Kernel } from './kernel';
import { QueueStats } from './stats/queueStats';
import { BLOCKED, IDLE, type SimThread } from './thread';

export class WaitQueue {
  readonly sleepers = new Fifo<SimThread>();
  readonly stats: QueueStats;

  constructor(
    private readonly kernel: Kernel,
    readonly name: string,
    readonly sleepState: typeof IDLE | typeof BLOCKED = BLOCKED,
  ) {
    this.stats = new QueueStats(name);
  }

  add(t: SimThread): void {
    this.sleepers.push(t);
    // On the thread, not in a Map: a sleeping thread sleeps on one queue at a time.
    t.sleepSince = this.kernel.now;
    this.stats.enter(this.kernel.now);
  }

  get length(): number {
    return this.sleepers.length;
  }

  /** wake_up(): wakes the first sleeper; returns whether there was one. */
  wakeOne(): boolean {
    const t = this.sleepers.shift();
    if (!t) return false;
    this.leave(t);
    this.kernel.wake(t);
    return true;
  }

  /** wake_up_all(). */
  wakeAll(): number {
    let n = 0;
    while (this.wakeOne()) n++;
    return n;
  }

  /** Wakes one particular sleeper (e.g. a named worker); returns whether it was asleep here. */
  wakeThread(t: SimThread): boolean {
    if (!this.sleepers.remove(t)) return false;
    this.leave(t);
    this.kernel.wake(t);
    return true;
  }

  private leave(t: SimThread): void {
    const now = this.kernel.now;
    this.stats.leave(now, now - t.sleepSince);
  }
}

// Spinlock (FIFO ticket order, waiters spin on their CPU), mutex (waiters sleep, pay a wake-up) and
// counting semaphore. Each instance reports into a shared lock class, as lock_stat aggregates them.
// Granting and waking go through the Kernel; a lock never touches the event queue itself.
import { Fifo } from './fifo';
import type { Kernel } from './kernel';
import { LockClassStats, type LockKind } from './stats/lockStats';
import { QueueStats } from './stats/queueStats';
import type { SimThread } from './thread';

/** A lock class: the lock_stat row and the aggregate waiter queue of every instance. */
export class LockClass {
  readonly stats: LockClassStats;
  readonly waiters: QueueStats;
  constructor(
    readonly name: string,
    readonly kind: LockKind,
  ) {
    this.stats = new LockClassStats(name, kind);
    this.waiters = new QueueStats(`${name} waiters`);
  }

  /** Starts a new measurement window: lock_stat's figures and the waiters' queue figures (lock_stat -c). */
  reset(now: number): void {
    this.stats.reset();
    this.waiters.reset(now);
  }
}

export interface LockOptions {
  /** Units that may hold it at once: 1 for a lock, c for a semaphore. */
  capacity?: number;
  /** Kernel spinlocks disable preemption (holder and spinners); a user-space spinlock does not. */
  preemptOff?: boolean;
  /** Cost for a spinning waiter to see the release and take the lock (cache-line hand-off). */
  handoffNs?: number;
  /** Extra time inside the lock when it was last held on another CPU: the lock word and the data it
   * guards migrate (what lock_stat counts as acq-bounces / con-bounces). */
  bounceNs?: number;
  /** Added to bounceNs when the last holder ran on another NUMA node: the line comes over the socket link. */
  remoteBounceNs?: number;
  /** Added to handoffNs when the spinner it passes to runs on another NUMA node than the releaser. */
  remoteHandoffNs?: number;
}

export class Lock {
  readonly capacity: number;
  readonly spins: boolean;
  readonly preemptOff: boolean;
  readonly handoffNs: number;
  readonly bounceNs: number;
  readonly remoteBounceNs: number;
  readonly remoteHandoffNs: number;
  /** CPU and node of the last holder, and whether the latest take came from another CPU, or node. */
  private lastCpu = -1;
  private lastNode = -1;
  lastTakeBounced = false;
  lastTakeRemote = false;
  holders = 0;
  /** The Kernel's label id for this lock's class name (-1 until first needed); only the Kernel sets it. */
  labelId = -1;
  /** The holder when capacity is 1 (what the UI draws and what the invariant checks). */
  owner: SimThread | null = null;
  private ownerSince = 0;
  private readonly since = new Map<SimThread, number>();
  readonly waiters = new Fifo<SimThread>();

  constructor(
    private readonly kernel: Kernel,
    readonly cls: LockClass,
    opts: LockOptions = {},
  ) {
    this.capacity = opts.capacity ?? 1;
    if (!(this.capacity >= 1)) throw new Error(`lock ${cls.name}: capacity must be >= 1, got ${this.capacity}`);
    this.spins = cls.kind === 'spinlock';
    this.preemptOff = opts.preemptOff ?? false;
    this.handoffNs = opts.handoffNs ?? 0;
    this.bounceNs = opts.bounceNs ?? 0;
    this.remoteBounceNs = opts.remoteBounceNs ?? 0;
    this.remoteHandoffNs = opts.remoteHandoffNs ?? 0;
  }

  /** Takes the lock if free and no one is queued (FIFO fairness); returns whether it did. */
  tryAcquire(t: SimThread): boolean {
    if (this.holders >= this.capacity || this.waiters.length > 0) return false;
    this.take(t);
    return true;
  }

  /** Queues a thread that could not take the lock (the Kernel puts it to spin or sleep). */
  enqueue(t: SimThread): void {
    t.waitStart = this.kernel.now;
    this.waiters.push(t);
    this.cls.waiters.enter(this.kernel.now);
  }

  release(t: SimThread): void {
    const now = this.kernel.now;
    if (this.capacity === 1) {
      if (this.owner !== t) this.notHeld(t);
      this.cls.stats.recordHold(now - this.ownerSince);
      this.owner = null;
    } else this.releaseUnit(t, now);
    this.holders--;
    if (this.preemptOff) t.preemptCount--;
    const next = this.waiters.shift();
    if (next) {
      const waited = now - next.waitStart;
      this.cls.waiters.leave(now, waited);
      this.cls.stats.recordWait(waited);
      this.take(next);
      if (this.lastTakeBounced) this.cls.stats.conBounces++;
      this.kernel.grant(next, this);
    }
  }

  // Cold paths live in their own methods: release() and take() run on every acquisition, and the
  // JIT inlines a hot path only while it stays small (bench: a few % of the engine's speed).

  /** Semaphore release: each holder's since-time is kept per thread. */
  private releaseUnit(t: SimThread, now: number): void {
    const s = this.since.get(t);
    if (s === undefined) throw new Error(`${t.name} released ${this.cls.name} without holding it`);
    this.cls.stats.recordHold(now - s);
    this.since.delete(t);
  }

  private notHeld(t: SimThread): never {
    throw new Error(`${t.name} released ${this.cls.name} held by ${this.owner?.name ?? 'nobody'}`);
  }

  private overHeld(): never {
    throw new Error(`${this.cls.name} has ${this.holders} holders`);
  }

  private take(t: SimThread): void {
    const now = this.kernel.now;
    this.holders++;
    if (this.holders > this.capacity) this.overHeld();
    this.cls.stats.acquisitions++;
    const cpu = t.cpu ? t.cpu.index : -2;
    this.lastTakeBounced = this.lastCpu !== -1 && cpu !== this.lastCpu;
    if (this.lastTakeBounced) this.cls.stats.acqBounces++;
    this.lastCpu = cpu;
    const node = t.cpu ? t.cpu.node : -1;
    this.lastTakeRemote = this.lastTakeBounced && this.lastNode !== -1 && node !== this.lastNode;
    this.lastNode = node;
    if (this.capacity === 1) {
      this.owner = t;
      this.ownerSince = now;
    } else this.since.set(t, now);
  }
}

/** The two costs a kernel spinlock takes from a model's cost table. */
export interface SpinCosts {
  handoffNs: number;
  bounceNs: number;
}

/** A kernel spinlock (spin_lock: preemption off while spinning and holding) with the table's cache-line costs;
 * `more` adds the NUMA extras or overrides one. */
export function spinlock(kernel: Kernel, cls: LockClass, c: SpinCosts, more: LockOptions = {}): Lock {
  return new Lock(kernel, cls, { preemptOff: true, handoffNs: c.handoffNs, bounceNs: c.bounceNs, ...more });
}

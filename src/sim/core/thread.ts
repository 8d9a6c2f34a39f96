// A simulated thread: a generator body that yields operations (compute, acquire, wait, sleep) to the
// Kernel, plus its state accounting. It never schedules events itself; the Kernel does.
import type { Lock } from './lock';
import type { WaitQueue } from './waitQueue';
import type { Cpu } from './kernel';

/** Thread states, as design.md names them; indices into `stateNs`. */
export const RUNNING = 0;
export const SPINNING = 1;
export const RUNNABLE = 2;
export const BLOCKED = 3;
export const IDLE = 4;
export const STATE_NAMES = ['running', 'spinning', 'runnable', 'blocked', 'idle'] as const;
export type ThreadStateName = (typeof STATE_NAMES)[number];

/** Operations a body yields. */
export const OP_COMPUTE = 1;
export const OP_ACQUIRE = 2;
export const OP_WAIT = 3;
export const OP_SLEEP = 4;
export const OP_YIELD = 5;
export const OP_EXIT = 6;
export const OP_ACQUIRE_COMPUTE = 7;
export type Op =
  | typeof OP_COMPUTE
  | typeof OP_ACQUIRE
  | typeof OP_WAIT
  | typeof OP_SLEEP
  | typeof OP_YIELD
  | typeof OP_EXIT
  | typeof OP_ACQUIRE_COMPUTE;

/** A step of a thread's body that yields operations and returns T (a mechanism's sub-generator). */
export type Gen<T = void> = Generator<Op, T, void>;
export type ThreadBody = Gen;

/** Internal phases: which pending event (if any) a thread is waiting for. */
export const PH_NONE = 0;
export const PH_DISPATCH = 1;
export const PH_COMPUTE = 2;
export const PH_SPIN = 3;
export const PH_TIMER = 4;
export const PH_WAKE = 5;
export const PH_GRANTED = 6;

/** What to do once the thread next gets a CPU. */
export const NEXT_STEP = 0;
export const NEXT_COMPUTE = 1;
export const NEXT_SPIN = 2;

export class SimThread {
  state = IDLE;
  stateSince = 0;
  readonly stateNs = new Float64Array(5);
  cpu: Cpu | null = null;
  body: ThreadBody | null = null;
  /** Bumped whenever pending events for this thread become stale. */
  token = 0;
  phase = PH_NONE;
  next = NEXT_STEP;
  /** Operation arguments, set by the helpers below right before `yield`. */
  opNs = 0;
  opLabel = 0;
  opLock: Lock | null = null;
  opQueue: WaitQueue | null = null;
  opSleepState = IDLE;
  /** The compute an acquireAndCompute runs once it holds the lock: its label, and whether one is owed. */
  opThenLabel = 0;
  thenCompute = false;
  /** A compute that follows the running one without a body step (the critical section after a bounce). */
  chainNs = 0;
  chainLabel = 0;
  computeLeft = 0;
  runStart = 0;
  sliceEnd = 0;
  /** Token for which a spin slice-end timer is pending (-1: none); spinners are timed only when
   * someone waits for a CPU, so an uncontended spin leaves no stale event behind. */
  spinTimer = -1;
  readySince = 0;
  /** Kernel spinlocks disable preemption; >0 means this thread cannot be preempted. */
  preemptCount = 0;
  /** Set when a lock was handed to this thread while it was off its CPU. */
  granted = false;
  waitStart = 0;
  /** When it went to sleep on its current wait queue (WaitQueue's own bookkeeping). */
  sleepSince = 0;
  /** The NUMA node whose CPUs it may run on (a bound kworker of an unbound workqueue's node pool), or -1: any. */
  node = -1;
  /** Label id of what the thread is doing now (for timelines and "what is it doing"). */
  label = 0;
  alive = false;
  onExit: ((t: SimThread) => void) | null = null;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly role: string,
  ) {}

  /** Run on a CPU for `ns` nanoseconds, doing what `label` names. */
  compute(ns: number, label = 0): Op {
    this.opNs = ns;
    this.opLabel = label;
    return OP_COMPUTE;
  }

  /** Take `lock`; `site` (a label id) names the function taking it, for lock_stat's contention points, when it
   * is not the function the thread last computed in. */
  acquire(lock: Lock, site = 0): Op {
    this.opLock = lock;
    if (site !== 0) this.opLabel = site;
    return OP_ACQUIRE;
  }

  /** Take `lock`, then run on for `ns` doing what `label` names, as one step: the body resumes only once
   * both are done (spin_lock followed by the critical section's work). The same as `acquire` then `compute`
   * with nothing between, at one generator step less, and a bounce the take pays runs in the same event. */
  acquireAndCompute(lock: Lock, ns: number, label: number, site = 0): Op {
    this.opLock = lock;
    if (site !== 0) this.opLabel = site;
    this.opNs = ns;
    this.opThenLabel = label;
    return OP_ACQUIRE_COMPUTE;
  }

  /** Sleep on a wait queue until woken; state while asleep is the queue's (idle or blocked). */
  wait(q: WaitQueue): Op {
    this.opQueue = q;
    return OP_WAIT;
  }

  /** Sleep off-CPU for `ns` (a timer), in the given state. */
  sleep(ns: number, state: typeof IDLE | typeof BLOCKED = IDLE): Op {
    this.opNs = ns;
    this.opSleepState = state;
    return OP_SLEEP;
  }

  /** cond_resched(): give the CPU up if someone else is waiting for one. */
  yieldCpu(): Op {
    return OP_YIELD;
  }

  /** Ends this run exactly as returning from the body would, but keeps the body suspended here, so
   * Kernel.restart runs it on from this point: a pooled task reuses one generator for every job. */
  exit(): Op {
    return OP_EXIT;
  }

  cpuNs(): number {
    return this.stateNs[RUNNING] + this.stateNs[SPINNING];
  }
}

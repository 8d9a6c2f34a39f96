// The simulated kernel: thread life cycles on the CPU scheduler (scheduler.ts): running bodies and the ops
// they yield (compute, acquire, wait, sleep, yield, exit), spinning, lock grants and wake-ups. No model logic.
import type { Lock } from './lock';
import type { Simulator } from './simulator';
import { CpuScheduler } from './scheduler';
import type { Cpu, KernelOptions, StateListener } from './machine';
import {
  BLOCKED,
  IDLE,
  NEXT_COMPUTE,
  NEXT_SPIN,
  NEXT_STEP,
  OP_ACQUIRE,
  OP_ACQUIRE_COMPUTE,
  OP_COMPUTE,
  OP_EXIT,
  OP_SLEEP,
  OP_WAIT,
  OP_YIELD,
  PH_COMPUTE,
  PH_DISPATCH,
  PH_GRANTED,
  PH_NONE,
  PH_SPIN,
  PH_TIMER,
  PH_WAKE,
  RUNNING,
  SPINNING,
  SimThread,
  type ThreadBody,
} from './thread';

export type { Cpu, KernelOptions, StateListener };

export class Kernel extends CpuScheduler {
  /** Activity labels; index 0 is the empty label. */
  readonly labels: string[] = [''];
  private readonly labelIds = new Map<string, number>([['', 0]]);

  constructor(sim: Simulator, opts: KernelOptions) {
    super(sim, opts);
  }

  label(name: string): number {
    let id = this.labelIds.get(name);
    if (id === undefined) {
      id = this.labels.length;
      this.labels.push(name);
      this.labelIds.set(name, id);
    }
    return id;
  }

  /** The lock's class name as a label, cached on the lock: spins and bounces look it up per event.
   * Assigned on first use, as label() would, so label ids keep their order. */
  private lockLabel(lock: Lock): number {
    if (lock.labelId < 0) lock.labelId = this.label(lock.cls.name);
    return lock.labelId;
  }

  createThread(name: string, role: string): SimThread {
    const t = new SimThread(this.threads.length, name, role);
    // A thread created inside the measured window was idle (did not exist) since the window began,
    // so its state fractions still sum to 1 over the window.
    t.stateSince = this.clock.measureStart;
    this.threads.push(t);
    return t;
  }

  /** Starts a body on a (new or idle, exited) thread; it becomes ready at once. It runs on a free CPU
   * only from an event (`fromEvent`), never inside the caller's own set-up (a model constructor). */
  start(t: SimThread, body: ThreadBody, fromEvent = false): void {
    if (t.alive) throw new Error(`${t.name} is already running a body`);
    t.body = body;
    t.alive = true;
    this.starting = !fromEvent;
    this.makeReady(t, NEXT_STEP);
    this.starting = false;
  }

  /** Starts again a thread whose body ended its last run with `yield t.exit()`. */
  restart(t: SimThread): void {
    if (!t.body) throw new Error(`${t.name} has no body to restart`);
    this.start(t, t.body, true);
  }

  spawn(name: string, role: string, body: (t: SimThread) => ThreadBody): SimThread {
    const t = this.createThread(name, role);
    this.start(t, body(t));
    return t;
  }

  /** Wakes a sleeping thread (from a wait queue, or a lock handing itself to a sleeper). */
  wake(t: SimThread): void {
    t.token++;
    t.phase = PH_WAKE;
    this.sim.schedule(this.opts.wakeupNs, this.evThread, t.id, t.token);
  }

  /** A lock was handed to `t`, which was queued on it. */
  grant(t: SimThread, lock: Lock): void {
    if (!lock.spins) {
      // A free wake-up goes straight to the run queue: no zero-delay event on the hot path.
      if (this.opts.wakeupNs === 0) {
        t.token++;
        this.makeReady(t, NEXT_STEP);
      } else this.wake(t);
      return;
    }
    if (t.phase === PH_SPIN && t.cpu) {
      // Spinners' slice renewals are not timed while nobody waits for a CPU: bring the end up to date.
      if (this.preemptible(t)) while (t.sliceEnd <= this.now) t.sliceEnd += this.opts.sliceNs;
      t.token++;
      t.phase = PH_GRANTED;
      // the lock word travels from the releaser's CPU to this one: farther from the other node
      const handoff = lock.lastTakeRemote ? lock.handoffNs + lock.remoteHandoffNs : lock.handoffNs;
      if (handoff === 0) this.onGranted(t);
      else this.sim.schedule(handoff, this.evThread, t.id, t.token);
    } else {
      // Preempted while spinning: the ticket is its own, but it runs only when it gets a CPU back.
      t.granted = true;
    }
  }

  protected onThreadEvent(id: number, token: number): void {
    const t = this.threads[id];
    if (t.token !== token) return; // stale: superseded by a preemption, grant or wake
    switch (t.phase) {
      case PH_DISPATCH:
        this.afterDispatch(t);
        return;
      case PH_COMPUTE:
        t.computeLeft -= this.now - t.runStart;
        if (t.computeLeft > 0) this.computeSliceEnded(t);
        else if (t.chainNs > 0) this.runChained(t);
        else this.advance(t);
        return;
      case PH_SPIN:
        this.spinSliceEnded(t);
        return;
      case PH_GRANTED:
        this.onGranted(t);
        return;
      case PH_TIMER:
      case PH_WAKE:
        this.makeReady(t, NEXT_STEP);
        return;
      default:
        this.badPhase(t);
    }
  }

  // Slice ends, apart from onThreadEvent so its common path stays small enough to inline.

  /** A compute's slice ended with work left. */
  private computeSliceEnded(t: SimThread): void {
    if (this.runQueue.length > 0 && this.preemptible(t)) this.preempt(t, NEXT_COMPUTE);
    else {
      t.sliceEnd = this.now + this.opts.sliceNs;
      this.runCompute(t);
    }
  }

  private spinSliceEnded(t: SimThread): void {
    t.spinTimer = -1;
    if (this.runQueue.length > 0 && this.preemptible(t)) this.preempt(t, NEXT_SPIN);
    else {
      t.sliceEnd = this.now + this.opts.sliceNs;
      this.spin(t);
    }
  }

  private badPhase(t: SimThread): never {
    throw new Error(`thread ${t.name} got an event in phase ${t.phase}`);
  }

  protected afterDispatch(t: SimThread): void {
    if (t.next === NEXT_COMPUTE) this.runCompute(t);
    else if (t.next === NEXT_SPIN && !t.granted) this.spin(t);
    else if (t.granted) {
      t.granted = false;
      this.afterTake(t);
    } else if (t.thenCompute) {
      // woken holding a sleeping lock (granted while asleep): its critical section, with no bounce, as
      // a sleeper that took the lock and resumed its body never paid one
      this.afterTake(t, false);
    } else this.advance(t);
  }

  /** A spinner on its CPU got the lock: it runs on, paying the cache-line bounce if there is one. */
  private onGranted(t: SimThread): void {
    this.setState(t, RUNNING);
    this.afterTake(t);
  }

  /** A queued thread holds the lock and its CPU: the compute its acquireAndCompute owes, or its body. */
  private afterTake(t: SimThread, bounces = true): void {
    const lock = t.opLock as Lock;
    if (t.thenCompute) {
      t.thenCompute = false;
      if (this.computeUnder(t, lock, bounces)) return;
    } else if (this.payBounce(t, lock)) return;
    this.advance(t);
  }

  /** The critical section of an acquireAndCompute, just after the take; false if there is nothing to run.
   * A bounce and the work after it are one event when nothing can cut the compute between them (the
   * holder cannot be preempted: a kernel spinlock): the listener still sees the work's label from the
   * instant the bounce ends (labelAt). Otherwise the work is chained after the bounce's own event, where a
   * slice end can fall between them as it did when the body asked for each (kernel.test.ts checks both). */
  private computeUnder(t: SimThread, lock: Lock, bounces = true): boolean {
    const work = Math.round(t.opNs);
    const label = t.opThenLabel;
    const bounce = bounces ? this.takeBounce(lock) : 0;
    if (bounce === 0) {
      if (work <= 0) return false;
      this.computeFor(t, work, label);
      return true;
    }
    if (work > 0 && !this.preemptible(t)) {
      this.computeFor(t, bounce + work, this.lockLabel(lock));
      this.labelAt(t, this.now + bounce, label);
      return true;
    }
    t.chainNs = work;
    t.chainLabel = label;
    this.computeFor(t, bounce, this.lockLabel(lock));
    return true;
  }

  /** The bounce ended; the critical section's work runs now, without a body step between. */
  private runChained(t: SimThread): void {
    const ns = t.chainNs;
    t.chainNs = 0;
    this.computeFor(t, ns, t.chainLabel);
  }

  /** Runs a compute of `ns` the body did not yield itself (a bounce, a critical section), labelled `label`. */
  private computeFor(t: SimThread, ns: number, label: number): void {
    t.computeLeft = ns;
    t.opLabel = label;
    this.runCompute(t);
  }

  /** The cache-line migration a lock just taken from another CPU owes (0: none), claimed once. */
  private takeBounce(lock: Lock): number {
    if (lock.bounceNs <= 0 || !lock.lastTakeBounced) return 0;
    lock.lastTakeBounced = false;
    return lock.lastTakeRemote ? lock.bounceNs + lock.remoteBounceNs : lock.bounceNs;
  }

  /** Runs the cache-line migration cost of a lock just taken from another CPU; true if it did. */
  private payBounce(t: SimThread, lock: Lock): boolean {
    const bounce = this.takeBounce(lock);
    if (bounce === 0) return false;
    this.computeFor(t, bounce, this.lockLabel(lock));
    return true;
  }

  /** A slice that ran out inside a non-preemptible section ends at the next preemption point. */
  private sliceOverrun(t: SimThread, next: number): boolean {
    if (t.sliceEnd > this.now || !this.preemptible(t)) return false;
    if (this.runQueue.length > 0) {
      this.preempt(t, next);
      return true;
    }
    t.sliceEnd = this.now + this.opts.sliceNs;
    return false;
  }

  private runCompute(t: SimThread): void {
    if (this.sliceOverrun(t, NEXT_COMPUTE)) return;
    t.phase = PH_COMPUTE;
    t.runStart = this.now;
    if (t.state !== RUNNING || t.label !== t.opLabel) this.setState(t, RUNNING, t.opLabel);
    const end = this.now + t.computeLeft;
    const at = this.preemptible(t) && end > t.sliceEnd ? t.sliceEnd : end;
    this.sim.schedule(at - this.now, this.evThread, t.id, t.token);
  }

  private spin(t: SimThread): void {
    if (this.sliceOverrun(t, NEXT_SPIN)) return;
    t.phase = PH_SPIN;
    const lock = t.opLock as Lock;
    this.setState(t, SPINNING, this.lockLabel(lock));
    if (this.runQueue.length > 0 && t.spinTimer !== t.token && this.preemptible(t)) {
      t.spinTimer = t.token;
      this.sim.schedule(Math.max(0, t.sliceEnd - this.now), this.evThread, t.id, t.token);
    }
  }

  private goToSleep(t: SimThread, state: number): void {
    this.setState(t, state);
    this.releaseCpu(t);
  }

  /** Runs the body until it yields an operation that takes time. */
  private advance(t: SimThread): void {
    const body = t.body as ThreadBody;
    for (;;) {
      const r = body.next();
      if (r.done) {
        t.body = null;
        this.exit(t);
        return;
      }
      switch (r.value) {
        case OP_COMPUTE:
          // Whole nanoseconds: a fractional remainder would round to a zero-delay event forever.
          t.computeLeft = Math.round(t.opNs);
          if (t.computeLeft <= 0) continue;
          this.runCompute(t);
          return;
        case OP_ACQUIRE:
        case OP_ACQUIRE_COMPUTE: {
          // acquireAndCompute owes its critical section once the lock is taken, now or when granted
          const lock = t.opLock as Lock;
          const then = r.value === OP_ACQUIRE_COMPUTE;
          if (lock.preemptOff) t.preemptCount++;
          if (lock.tryAcquire(t)) {
            if (then ? this.computeUnder(t, lock) : this.payBounce(t, lock)) return;
            continue;
          }
          t.thenCompute = then;
          this.contend(t, lock);
          return;
        }
        case OP_EXIT:
          this.exit(t); // the body stays, suspended, for restart()
          return;
        default:
          if (this.offCpuOp(t, r.value)) continue;
          return;
      }
    }
  }

  /** The lock was not free: queue on it and spin (a spinlock) or sleep. */
  private contend(t: SimThread, lock: Lock): void {
    lock.enqueue(t);
    if (lock.spins) this.spin(t);
    else {
      t.phase = PH_NONE;
      this.goToSleep(t, BLOCKED);
    }
  }

  /** The operations that leave the CPU (wait, sleep, yield): apart from
   * advance() so its compute/acquire path stays small enough for the JIT to inline. Returns
   * whether the body goes on at once. */
  private offCpuOp(t: SimThread, op: number): boolean {
    switch (op) {
      case OP_WAIT: {
        const q = t.opQueue!;
        t.phase = PH_NONE;
        q.add(t);
        this.goToSleep(t, q.sleepState);
        return false;
      }
      case OP_SLEEP:
        t.token++;
        t.phase = PH_TIMER;
        this.sim.schedule(t.opNs, this.evThread, t.id, t.token);
        this.goToSleep(t, t.opSleepState);
        return false;
      case OP_YIELD:
        if (this.runQueue.length > 0 && t.preemptCount === 0) {
          this.preempt(t, NEXT_STEP);
          return false;
        }
        return true;
    }
    return true;
  }

  /** The body's run is over: the thread goes idle and its owner hears of it. */
  private exit(t: SimThread): void {
    t.alive = false;
    t.phase = PH_NONE;
    this.goToSleep(t, IDLE);
    t.onExit?.(t);
  }
}

// The CPU scheduler under the Kernel: CPUs, a FIFO run queue with time slices (dispatch, preemption, a CPU
// handed to the next in line) and where each thread's time goes. What a dispatched thread does is the Kernel's.
import { Fifo } from './fifo';
import type { Simulator } from './simulator';
import { QueueStats } from './stats/queueStats';
import { Histogram } from './stats/histogram';
import { StateClock } from './stateClock';
import type { Cpu, KernelOptions, StateListener } from './machine';
import { PH_DISPATCH, PH_NONE, PH_SPIN, RUNNABLE, RUNNING, type SimThread } from './thread';

export abstract class CpuScheduler {
  readonly cpus: Cpu[] = [];
  readonly threads: SimThread[] = [];
  readonly runQueue = new Fifo<SimThread>();
  /** CPUs running nothing, as a stack: finding one is O(1) however many CPUs there are. */
  private readonly idleCpus: Cpu[] = [];
  /** Set while start() runs, so a body never runs inside its creator's constructor. */
  protected starting = false;
  readonly runQueueStats = new QueueStats('runqueue');
  readonly runQueueLatency = new Histogram();
  listener: StateListener | null = null;
  protected readonly evThread: number;
  protected readonly clock = new StateClock();

  constructor(
    readonly sim: Simulator,
    readonly opts: KernelOptions,
  ) {
    if (!(opts.cpus >= 1)) throw new Error(`cpus must be >= 1, got ${opts.cpus}`);
    const nodes = opts.numaNodes ?? 1;
    if (!(nodes >= 1 && opts.cpus % nodes === 0))
      throw new Error(`numaNodes must divide cpus (${opts.cpus}), got ${nodes}`);
    const perNode = opts.cpus / nodes;
    for (let i = 0; i < opts.cpus; i++)
      this.cpus.push({ index: i, node: Math.floor(i / perNode), thread: null, last: null });
    for (let i = opts.cpus - 1; i >= 0; i--) this.idleCpus.push(this.cpus[i]);
    this.evThread = sim.register('thread', (id, token) => this.onThreadEvent(id, token));
  }

  get now(): number {
    return this.sim.now;
  }

  /** A thread's timed event (dispatch done, compute or slice end, timer, wake, grant). */
  protected abstract onThreadEvent(id: number, token: number): void;
  /** The thread has its CPU (and has paid any switch): it goes on with what it was doing. */
  protected abstract afterDispatch(t: SimThread): void;

  // ---- state accounting ----

  /** `label` -1 keeps the thread's label (read after due label changes are applied). */
  setState(t: SimThread, state: number, label = -1): void {
    const now = this.now;
    if (this.labelsDue.length > 0) this.settleLabels(now);
    if (label < 0) label = t.label;
    t.stateNs[t.state] += now - t.stateSince;
    t.stateSince = now;
    t.state = state;
    t.label = label;
    if (this.listener) this.listener(now, t, state, label);
  }

  // ---- label changes inside one compute event ----

  /** Label changes due inside a running compute (a bounce folded into the critical section after it), in
   * time order: [time, thread, label] flattened. They reach the listener in time order with every
   * other state change, so a trace or a timeline sees the bounce and the work as two slices. The Kernel
   * folds only a compute nothing can cut (preemption is off), so each is due. */
  private readonly labelsDue: (number | SimThread)[] = [];

  /** At `at`, `t` (still in this compute) goes on doing `label`. */
  protected labelAt(t: SimThread, at: number, label: number): void {
    const due = this.labelsDue;
    let i = due.length;
    while (i > 0 && (due[i - 3] as number) > at) i -= 3;
    due.splice(i, 0, at, t, label);
  }

  /** Applies the label changes due by `now`; the trace and frame recorders call it before they cut. */
  settleLabels(now: number): void {
    const due = this.labelsDue;
    let i = 0;
    while (i < due.length && (due[i] as number) <= now) {
      const at = due[i] as number;
      const t = due[i + 1] as SimThread;
      const label = due[i + 2] as number;
      t.label = label;
      if (this.listener) this.listener(at, t, RUNNING, label);
      i += 3;
    }
    if (i > 0) due.splice(0, i);
  }

  /** Starts a new measurement window for every thread and the run queue. */
  resetStats(): void {
    this.clock.reset(this.threads, this.now);
    this.runQueueStats.reset(this.now);
    this.runQueueLatency.reset();
  }

  /** Fractions of the measured window per state (see StateClock). */
  stateFractions(t: SimThread): Float64Array {
    return this.clock.fractions(t, this.now);
  }

  busyNs(t: SimThread): number {
    return this.clock.busyNs(t, this.now);
  }

  protected preemptible(t: SimThread): boolean {
    return t.preemptCount === 0 && this.opts.sliceNs > 0;
  }

  /** Binds `t` to the CPUs of `node` (-1: any CPU again). It takes effect at its next dispatch. */
  bindToNode(t: SimThread, node: number): void {
    if (node >= (this.opts.numaNodes ?? 1)) throw new Error(`${t.name}: no NUMA node ${node}`);
    if (t.node < 0 && node >= 0) this.boundThreads++;
    if (t.node >= 0 && node < 0) this.boundThreads--;
    t.node = node;
  }

  /** Threads bound to a node: while there are none, every CPU takes the run queue's head (the fast path). */
  private boundThreads = 0;

  /** An idle CPU `t` may run on, taken off the idle stack, or undefined. */
  private takeIdleCpu(t: SimThread): Cpu | undefined {
    if (t.node < 0) return this.idleCpus.pop();
    for (let i = this.idleCpus.length - 1; i >= 0; i--) {
      const cpu = this.idleCpus[i];
      if (cpu.node === t.node) {
        this.idleCpus.splice(i, 1);
        return cpu;
      }
    }
    return undefined;
  }

  /** The first thread in the run queue that may run on `cpu`, taken out of it (FIFO among those). */
  private takeWaiterFor(cpu: Cpu): SimThread | undefined {
    if (this.boundThreads === 0) return this.runQueue.shift();
    for (let i = 0; i < this.runQueue.length; i++) {
      const t = this.runQueue.at(i) as SimThread;
      if (t.node < 0 || t.node === cpu.node) {
        if (i === 0) this.runQueue.shift();
        else this.runQueue.remove(t);
        return t;
      }
    }
    return undefined;
  }

  protected makeReady(t: SimThread, next: number): void {
    t.next = next;
    const cpu = this.takeIdleCpu(t);
    if (cpu) {
      this.dispatch(cpu, t);
      return;
    }
    t.readySince = this.now;
    t.phase = PH_NONE;
    this.setState(t, RUNNABLE);
    this.runQueue.push(t);
    this.runQueueStats.enter(this.now);
    if (this.runQueue.length === 1) this.armSpinTimers();
  }

  /** Someone now waits for a CPU: spinners' slices start to matter. Each gets the slice end its
   * renewals (every sliceNs since the last one) would have reached. */
  private armSpinTimers(): void {
    for (const cpu of this.cpus) {
      const s = cpu.thread;
      if (!s || s.phase !== PH_SPIN || s.spinTimer === s.token || !this.preemptible(s)) continue;
      while (s.sliceEnd <= this.now) s.sliceEnd += this.opts.sliceNs;
      s.spinTimer = s.token;
      this.sim.schedule(s.sliceEnd - this.now, this.evThread, s.id, s.token);
    }
  }

  private dispatch(cpu: Cpu, t: SimThread): void {
    cpu.thread = t;
    t.cpu = cpu;
    const cost = cpu.last === t ? 0 : this.opts.switchNs;
    cpu.last = t;
    t.sliceEnd = this.now + cost + this.opts.sliceNs;
    t.token++;
    t.phase = PH_DISPATCH;
    this.setState(t, RUNNING);
    // No switch to pay: go on at once rather than through a zero-delay event.
    if (cost === 0 && !this.starting) this.afterDispatch(t);
    else this.sim.schedule(cost, this.evThread, t.id, t.token);
  }

  protected releaseCpu(t: SimThread): void {
    const cpu = t.cpu;
    if (!cpu) return;
    cpu.thread = null;
    t.cpu = null;
    const next = this.takeWaiterFor(cpu);
    if (next) {
      this.dispatchWaiter(cpu, next);
    } else this.idleCpus.push(cpu);
  }

  protected preempt(t: SimThread, next: number): void {
    t.token++;
    this.releaseCpuTo(t, next);
  }

  /** Puts `t` at the back of the run queue and gives its CPU to the next in line. */
  /** Gives a CPU to the thread that was first in the run queue, counting its wait. */
  private dispatchWaiter(cpu: Cpu, t: SimThread): void {
    const waited = this.now - t.readySince;
    this.runQueueStats.leave(this.now, waited);
    this.runQueueLatency.record(waited);
    this.dispatch(cpu, t);
  }

  private releaseCpuTo(t: SimThread, next: number): void {
    const cpu = t.cpu;
    t.next = next;
    t.phase = PH_NONE;
    t.readySince = this.now;
    this.setState(t, RUNNABLE);
    this.runQueue.push(t);
    this.runQueueStats.enter(this.now);
    if (cpu) {
      cpu.thread = null;
      t.cpu = null;
      // t itself may run here, so someone in the queue can
      this.dispatchWaiter(cpu, this.takeWaiterFor(cpu) as SimThread);
    }
  }
}

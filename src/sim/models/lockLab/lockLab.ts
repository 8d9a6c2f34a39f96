// Lock Lab: threads (closed loop) or Poisson tasks (open) contending for `shards` locks of
// `capacity` holders. The engine's proving ground against queueing theory; no kernel subsystem.
import { byName, type DistName } from '../../core/distributions';
import { Kernel } from '../../core/kernel';
import { Lock, LockClass } from '../../core/lock';
import { lockView, type ModelFactory, type ModelRun, type ModelSnapshot, type Params } from '../../core/model';
import type { RandomStream } from '../../core/random';
import { RandomStreams } from '../../core/random';
import { Measurement, type RunMeta } from '../../core/measurement';
import type { SimResult } from '../../core/result';
import { Histogram } from '../../core/stats/histogram';
import { Simulator } from '../../core/simulator';
import type { SimThread, ThreadBody } from '../../core/thread';

/** More live tasks than this means arrivals outrun service: the run stops with a clear error. */
const MAX_OPEN_TASKS = 100_000;

export class LockLab implements ModelRun {
  readonly sim = new Simulator();
  readonly kernel: Kernel;
  readonly cls: LockClass;
  readonly locks: Lock[] = [];
  readonly latency = new Histogram();
  completions = 0;
  private readonly think;
  private readonly hold;
  private readonly streams: RandomStreams;
  private readonly idleTasks: SimThread[] = [];
  private readonly lHold: number;
  private readonly lThink: number;
  private readonly arrivalRng: RandomStream;
  private readonly evArrival: number;
  /** Mean gap between open arrivals (ns), computed once rather than per arrival. */
  private readonly meanGapNs: number;
  private readonly measurement: Measurement;

  constructor(
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = params;
    this.kernel = new Kernel(this.sim, {
      cpus: p.cpus as number,
      switchNs: p.switch as number,
      wakeupNs: p.wakeup as number,
      sliceNs: p.slice as number,
    });
    this.measurement = new Measurement({
      sim: this.sim,
      kernel: this.kernel,
      latency: this.latency,
      lockClasses: () => [this.cls],
      queues: () => [this.cls.waiters],
      devices: () => [],
      totals: () => ({ completions: this.completions, bytes: 0 }),
    });
    this.streams = new RandomStreams(seed);
    const capacity = p.capacity as number;
    const kind = capacity > 1 ? 'semaphore' : (p.lock as 'spinlock' | 'mutex');
    this.cls = new LockClass(kind === 'semaphore' ? 'sem' : 'lock', kind);
    for (let i = 0; i < (p.shards as number); i++) this.locks.push(new Lock(this.kernel, this.cls, { capacity }));
    this.think = byName(p.think_dist as Exclude<DistName, 'empirical'>, p.think as number);
    this.hold = byName(p.hold_dist as Exclude<DistName, 'empirical'>, p.hold as number);
    this.lHold = this.kernel.label('hold');
    this.lThink = this.kernel.label('think');
    this.arrivalRng = this.streams.get('arrivals');
    this.evArrival = this.sim.register('arrival', () => this.arrive());
    this.meanGapNs = 1e9 / (p.rate as number);
    if (p.arrival === 'closed') {
      for (let i = 0; i < (p.threads as number); i++) this.kernel.spawn(`thread-${i}`, 'worker', (t) => this.loop(t));
    } else {
      this.scheduleArrival();
    }
  }

  /** An open-arrival task: one round per job (ask for a lock, hold it, release it; latency runs from
   * asking to releasing), then exit() to the idle pool. One generator per task, not per arrival. */
  private *task(t: SimThread): ThreadBody {
    // Tasks share one stream so the arrival sequence, not task reuse, decides the draws.
    const rng = this.streams.get('tasks');
    const locks = this.locks;
    for (;;) {
      const lock = locks.length === 1 ? locks[0] : locks[rng.below(locks.length)];
      const asked = this.sim.now;
      yield t.acquireAndCompute(lock, this.hold.sample(rng), this.lHold);
      lock.release(t);
      this.completions++;
      this.latency.record(this.sim.now - asked);
      yield t.exit();
    }
  }

  /** The closed loop, with the round written out: a nested generator per round would cost more than
   * the round itself on the engine's hot path. Same steps as round(). */
  private *loop(t: SimThread): ThreadBody {
    const rng = this.streams.get(t.name);
    const locks = this.locks;
    for (;;) {
      yield t.compute(this.think.sample(rng), this.lThink);
      const lock = locks.length === 1 ? locks[0] : locks[rng.below(locks.length)];
      const asked = this.sim.now;
      yield t.acquireAndCompute(lock, this.hold.sample(rng), this.lHold);
      lock.release(t);
      this.completions++;
      this.latency.record(this.sim.now - asked);
    }
  }

  private scheduleArrival(): void {
    this.sim.schedule(-this.meanGapNs * Math.log(this.arrivalRng.uniform()), this.evArrival);
  }

  private arrive(): void {
    const t = this.idleTasks.pop();
    if (t) this.kernel.restart(t);
    else this.newTask();
    this.scheduleArrival();
  }

  /** No idle task: a new one (apart from arrive(), which runs per arrival and should stay small). */
  private newTask(): void {
    if (this.kernel.threads.length >= MAX_OPEN_TASKS) {
      throw new Error(`open arrivals outrun the lock: more than ${MAX_OPEN_TASKS} tasks alive (lower rate or hold)`);
    }
    const t = this.kernel.createThread(`task-${this.kernel.threads.length}`, 'task');
    t.onExit = (done) => this.idleTasks.push(done);
    this.kernel.start(t, this.task(t), true);
  }

  resetStats(): void {
    this.measurement.reset();
  }

  result(meta: RunMeta): SimResult {
    return this.measurement.result('lock-lab', this.seed, this.params, meta);
  }

  snapshot(): ModelSnapshot<'lock-lab'> {
    return {
      model: 'lock-lab',
      ...this.measurement.snapshot(
        this.locks.map((l, i) => lockView(this.locks.length > 1 ? `${this.cls.name}[${i}]` : this.cls.name, l)),
      ),
      extra: {
        lockHistograms: [
          {
            name: this.cls.name,
            wait: this.cls.stats.waitHist.log2Buckets(),
            hold: this.cls.stats.holdHist.log2Buckets(),
          },
        ],
      },
    };
  }

  setLive(key: string): string | null {
    return `${key} cannot change while Lock Lab runs; it starts a new run`;
  }
}

export const lockLabFactory: ModelFactory<ModelSnapshot<'lock-lab'>> = {
  name: 'lock-lab',
  create: (params, seed) => new LockLab(params, seed),
};

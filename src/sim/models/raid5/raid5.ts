// The md raid5 model: wires r5conf, member disks and their interrupts, raid5d and the worker group,
// and fio jobs onto one simulated machine; reports the contract result, live snapshots and sysfs knobs.
import { Kernel } from '../../core/kernel';
import { kernelOptions } from '../../core/machine';
import type { LockClass } from '../../core/lock';
import { mdLiveLocks } from '../../md/live';
import { lockView, type ModelFactory, type ModelRun, type ParamValue, type Params } from '../../core/model';
import { RandomStreams } from '../../core/random';
import { Measurement, type RunMeta } from '../../core/measurement';
import type { SimResult } from '../../core/result';
import { deviceRow } from '../../block/device';
import { Histogram } from '../../core/stats/histogram';
import { Simulator } from '../../core/simulator';
import type { Bio } from './bio';
import { R5Conf, type Worker } from './conf';
import { makeGeometry } from './geometry';
import type { HandleCounters } from './handleStripe';
import { MemberIo } from './io';
import { MdSubmit } from './mdSubmit';
import { unpack, type Raid5Params } from './params';
import { dropStripe } from './release';
import { raid5d, raid5DoWork, type HandlerContext } from './threads';
import type { FioJobs } from '../../block/fioJobs';
import { raid5Workload } from './workload';
import { Offload } from './offload';
import { DeferredIo } from './deferredIo';
import { WaitQueue } from '../../core/waitQueue';
import { IDLE } from '../../core/thread';
import { followStripe, snapshotExtra, type Raid5Snapshot } from './snapshot';
import { LatencyWindows } from './latencyWindow';
import type { StripeHead } from './stripeHead';
import { checkInvariants, raid5Invariants } from './invariants';
import { attachMd, setMdLive } from './bitmapSync';

const SAMPLE_NS = 100_000;
/** The series keeps at most this many samples: when full, every other one goes and the period doubles,
 * so memory stays flat however long the run. */
const MAX_SAMPLES = 2048;

export class Raid5 implements ModelRun {
  readonly sim = new Simulator();
  readonly kernel: Kernel;
  readonly p: Raid5Params;
  readonly conf: R5Conf;
  readonly io: MemberIo;
  readonly workload: FioJobs;
  /** md_submit_bio: the split to md0's limits and the personality's entry. */
  private readonly mdSubmit: MdSubmit;
  readonly latency = new Histogram();
  /** The UI's recent latency window, closed as completions arrive; not part of the result. */
  readonly latencyWindows = new LatencyWindows();
  /** The stripe_head the UI follows (its history is kept while set), or null. */
  followed: StripeHead | null = null;
  readonly counters: HandleCounters = {
    rmw: 0,
    rcw: 0,
    fullWrites: 0,
    passes: 0,
    batches: 0,
    batchedStripes: 0,
    passesDone: 0,
    lastPassStripe: -1,
    memberIosByThread: new Map(),
  };
  completions = 0;
  bytes = 0;
  bytesWritten = 0;
  bytesRead = 0;
  private readonly ctx: HandlerContext;
  private readonly measurement: Measurement;
  /** Invariants are checked after every event when set (tests turn it on). */
  debug = false;
  /** stripe_cache_active sampled every SAMPLE_NS of the measured part (the sysfs file, over time). */
  private activeSeries: number[] = [];
  private samplePeriodNs = SAMPLE_NS;
  private sampleSkip = 0;

  constructor(
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpack(params));
    this.kernel = new Kernel(this.sim, kernelOptions(p, p.numaNodes));
    const streams = new RandomStreams(seed);
    const geo = makeGeometry(p.level, p.disks, p.chunk);
    this.conf = new R5Conf(this.kernel, p, geo);
    const endBio = (bio: Bio) => this.endBio(bio);
    const memberPages = Math.ceil(p.size / 4096 / geo.dataDisks);
    this.io = new MemberIo(this.kernel, this.conf, endBio, memberPages);
    this.ctx = { conf: this.conf, io: this.io, counters: this.counters, endBio };
    if (p.ops === 'async') this.conf.offload = new Offload(this.kernel, this.conf);
    if (p.dispatch === 'raid5d' && p.media.kind === 'hdd') this.conf.deferred = new DeferredIo(this.conf);
    this.conf.raid5d = this.kernel.spawn(this.conf.threadName, 'raid5d', (t) => raid5d(this.ctx, t));
    // alloc_thread_groups: group_thread_cnt workers in each node's group
    for (let g = 0; g < p.numaNodes; g++) for (let i = 0; i < p.groupThreadCnt; i++) this.addWorker(g);
    const evSample = this.sim.register('stripe_cache_active sample', () => {
      if (++this.sampleSkip >= this.samplePeriodNs / SAMPLE_NS) {
        this.sampleSkip = 0;
        this.activeSeries.push(this.conf.activeStripes);
        if (this.activeSeries.length >= MAX_SAMPLES) {
          this.activeSeries = this.activeSeries.filter((_, i) => i % 2 === 1);
          this.samplePeriodNs *= 2;
        }
      }
      this.sim.schedule(SAMPLE_NS, evSample);
    });
    this.sim.schedule(SAMPLE_NS, evSample);
    attachMd(this, memberPages);
    const md = (this.mdSubmit = new MdSubmit(this.conf, this.io, p.maxSegments));
    this.workload = raid5Workload(
      this.kernel,
      p,
      p.size,
      (n) => streams.get(n),
      (t, bio) => md.submit(t, bio),
      this.conf.labels.fio,
      this.io.blk,
    );
    this.measurement = new Measurement({
      sim: this.sim,
      kernel: this.kernel,
      latency: this.latency,
      lockClasses: () => this.lockClasses(),
      queues: () => Object.values(this.conf.listStats),
      devices: (ns) => this.io.members.map((d, i) => ({ ...deviceRow(d, ns), ...this.io.blk.memberFigures(i, ns) })),
      totals: () => ({ completions: this.completions, bytes: this.bytes }),
      resetOwn: (now) => this.resetOwn(now),
    });
  }

  /** A worker of `group`: raid5_wq is unbound, so its work runs in the kworker pool of the group's node. */
  private addWorker(group: number): void {
    const i = this.conf.workers.length;
    const w: Worker = {
      thread: null as never,
      wq: new WaitQueue(this.kernel, `kworker ${i}`, IDLE),
      pending: false,
      running: false,
      retired: false,
      group,
    };
    const numa = this.p.numaNodes > 1;
    const name = numa ? `kworker/u${group}:raid5wq-${i}` : `kworker/u:raid5wq-${i}`;
    w.thread = this.kernel.spawn(name, 'worker', (t) => raid5DoWork(this.ctx, t, w));
    if (numa) this.kernel.bindToNode(w.thread, group);
    this.conf.workers.push(w);
  }

  /** The lock classes lock_stat shows for this array, in a fixed order. */
  lockClasses(): LockClass[] {
    const c = this.conf;
    const out = [c.deviceLockClass, c.hashLockClass, c.stripeLockClass, this.io.queueLockClass];
    if (c.offload) out.push(c.offload.lockClass);
    if (c.deferred) out.push(c.deferred.lockClass);
    if (c.bitmap) out.push(...c.bitmap.lockClasses());
    return out;
  }

  /** bio_endio for a piece: the bio completes when its last stripe or chunk piece is done. */
  private endBio(bio: Bio): void {
    bio.remaining--;
    if (bio.remaining < 0) throw new Error(`bio ${bio.id} completed twice`);
    if (bio.remaining > 0) return;
    if (bio.parent) return this.endBio(bio.parent); // bio_chain: a split piece ends into its parent
    this.completions++;
    this.bytes += bio.bytes;
    if (bio.write) this.bytesWritten += bio.bytes;
    else this.bytesRead += bio.bytes;
    this.latency.record(this.sim.now - bio.submittedAt);
    this.latencyWindows.record(this.sim.now - bio.submittedAt, this.sim.now);
    this.workload.complete(bio.job);
  }

  /** Runs to `untilNs`, checking invariants after every event in debug mode. */
  runChecked(untilNs: number): void {
    while (this.sim.peek() <= untilNs) {
      this.sim.step();
      checkInvariants(this);
    }
  }

  /** The invariants whatever `debug` says (src/sim/checked.ts calls this after every event). */
  checkInvariants(): void {
    raid5Invariants(this);
  }

  listLengths(): [string, number][] {
    const c = this.conf;
    return [
      ...Object.values(c.listStats).map((q): [string, number] => [q.name, q.length]),
      ['stripe_cache_active', c.activeStripes],
      ...this.io.members.map((d): [string, number] => [`${d.name} depth`, d.depth]),
    ];
  }

  resetStats(): void {
    this.measurement.reset();
  }

  /** raid5's own figures over the window: its counters, the active-stripes series, the members, md core. */
  private resetOwn(now: number): void {
    this.conf.alignedReadsClass.reset(now);
    this.conf.releasedQueueings = 0;
    this.conf.deferred?.resetStats();
    this.io.resetStats();
    this.activeSeries = [];
    this.conf.bitmap?.resetStats();
    this.conf.sync?.resetStats();
    this.samplePeriodNs = SAMPLE_NS;
    this.sampleSkip = 0;
    this.counters.rmw =
      this.counters.rcw =
      this.counters.fullWrites =
      this.counters.passes =
      this.counters.batches =
      this.counters.batchedStripes =
        0;
    this.counters.memberIosByThread.clear();
    this.mdSubmit.resetStats();
  }

  result(meta: RunMeta): SimResult {
    const r = this.measurement.result('raid5', this.seed, this.params, meta);
    return { ...r, extra: this.extraFigures(r.simulatedNs / 1e9) };
  }

  private extraFigures(sec: number): Record<string, unknown> {
    const c = this.conf;
    const byThread = Object.fromEntries([...this.counters.memberIosByThread].map(([k, v]) => [k, Math.round(v / sec)]));
    const raid5dIos = this.counters.memberIosByThread.get(this.conf.threadName) ?? 0;
    return {
      stripeCacheActive: c.activeStripes,
      stripeCacheActiveSeries: { periodNs: this.samplePeriodNs, values: this.activeSeries },
      stripeCacheSize: c.maxNrStripes,
      rmwWrites: this.counters.rmw,
      rcwWrites: this.counters.rcw,
      fullStripeWrites: this.counters.fullWrites,
      // handle_active_stripes: stripes taken per trip through device_lock (at most max_stripe_batch)
      releasedStripesQueued: this.conf.releasedQueueings,
      /** dispatch=raid5d on rotational members: member writes deferred by handlers, and dispatched by raid5d. */
      deferredWrites: this.conf.deferred?.deferred ?? 0,
      raid5dDispatchedWrites: this.conf.deferred?.dispatchedByRaid5d ?? 0,
      meanHandleBatch: this.counters.batches
        ? Number((this.counters.batchedStripes / this.counters.batches).toFixed(3))
        : 0,
      // conf->active_aligned_reads: atomic ops on its cache line, and the share that found another CPU holding it
      alignedReadAtomics: c.alignedReadsClass.stats.acquisitions,
      alignedReadAtomicsContended: c.alignedReadsClass.stats.acquisitions
        ? Number((c.alignedReadsClass.stats.contentions / c.alignedReadsClass.stats.acquisitions).toFixed(4))
        : 0,
      asyncOpsInFlight: c.offload?.inFlight ?? 0,
      handlePasses: this.counters.passes,
      memberIosPerSecByThread: byThread,
      // Each member IO raid5d issues is dispatched and later completed through it: two requests.
      raid5dRequestsPerSec: Math.round((2 * raid5dIos) / sec),
      // md0's iostat: the requests raid5_make_request saw (after the split to md's queue limits), per second
      // and their mean size
      ...this.mdSubmit.figures(sec),
      memberReadBytes: this.io.readBytes,
      memberWriteBytes: this.io.writeBytes,
      costs: this.p.costs,
      ...(c.bitmap?.figures() ?? { bitmap: 'none' }),
      ...(c.sync?.figures() ?? {}),
    };
  }

  snapshot(): Raid5Snapshot {
    const c = this.conf;
    return {
      model: 'raid5',
      ...this.measurement.snapshot([
        lockView('device_lock', c.deviceLock),
        ...c.hashLocks.map((l, i) => lockView(`hash_lock[${i}]`, l)),
        ...mdLiveLocks(c.bitmap),
      ]),
      extra: snapshotExtra(this),
    };
  }

  passesDone(): number {
    return this.counters.passesDone;
  }

  follow(id: number | null): string | null {
    return followStripe(this, id);
  }

  setLive(key: string, value: ParamValue): string | null {
    const c = this.conf;
    const v = value as number;
    switch (key) {
      case 'stripe_cache_size':
        if (v > c.maxNrStripes) c.growTo(c.stripes.length + (v - c.liveStripes));
        c.maxNrStripes = v;
        // raid5_set_cache_size: drop free stripes now; busy ones are dropped as they are released.
        for (const l of c.inactive) {
          for (let sh = l.head; sh && c.liveStripes > v;) {
            const next = sh.next;
            l.remove(sh);
            dropStripe(c, sh);
            sh = next;
          }
        }
        break;
      case 'group_thread_cnt': {
        for (let g = 0; g < c.groups.length; g++) {
          const live = c.workers.filter((w) => !w.retired && w.group === g);
          for (let i = live.length; i < v; i++) this.addWorker(g);
          for (let i = v; i < live.length; i++) {
            live[i].retired = true;
            live[i].wq.wakeThread(live[i].thread);
          }
        }
        // alloc_thread_groups quiesces the array: move queued work to where handlers now look.
        if (v > 0) for (let sh = c.handleList.shift(); sh; sh = c.handleList.shift()) c.queueOnGroup(sh);
        else
          for (const g of c.groups)
            for (let sh = g.handleList.shift(); sh; sh = g.handleList.shift()) c.handleList.push(sh);
        for (const g of c.groups) g.stripesCnt = g.handleList.length;
        c.workerCnt = v;
        c.wakeupRaid5d();
        break;
      }
      case 'preread_bypass_threshold':
        c.bypassThreshold = v;
        break;
      case 'rmw_level':
        c.rmwLevel = v;
        break;
      case 'skip_copy':
        c.skipCopy = value as boolean;
        break;
      case 'sync_speed_min':
      case 'sync_speed_max':
      case 'sync_io_depth':
        setMdLive(this.p, key, v);
        break;
      default:
        return `${key} is not a runtime knob; changing it starts a new run`;
    }
    this.params[key] = value;
    return null;
  }
}

export const raid5Factory: ModelFactory<Raid5Snapshot> = {
  name: 'raid5',
  create: (params, seed) => new Raid5(params, seed),
};

// The loop model: fio jobs on /dev/loop0, one of three loop designs (loop_mode), and the backing file on a
// readahead-sensitive device; reports the contract result and live snapshots. Wiring only, no kernel logic.
import { Kernel } from '../../core/kernel';
import type { ModelFactory, ModelRun, ModelSnapshot, Params } from '../../core/model';
import { RandomStreams } from '../../core/random';
import { latencyFigures, lockRow, queueRow, threadRows, type SimResult } from '../../core/result';
import { deviceRow } from '../../block/device';
import { Histogram } from '../../core/stats/histogram';
import { Simulator } from '../../core/simulator';
import type { Op, SimThread } from '../../core/thread';
import { Backing } from './backing';
import { BlkMqLoop } from './blkMq';
import { LoopCtx, type LoopDriver, type LoopIo } from './ctx';
import { DioAioLoop } from './dioAio';
import { Fio } from './fio';
import { unpackLoop, type LoopParams } from './params';
import { SingleThreadLoop } from './singleThread';

export class Loop implements ModelRun {
  readonly sim = new Simulator();
  readonly kernel: Kernel;
  readonly p: LoopParams;
  readonly ctx: LoopCtx;
  readonly backing: Backing;
  readonly driver: LoopDriver;
  readonly fio: Fio;
  readonly latency = new Histogram();
  completions = 0;
  bytes = 0;
  private measureStart = 0;
  private measured = { completions: 0, bytes: 0 };

  constructor(
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpackLoop(params));
    this.kernel = new Kernel(this.sim, {
      cpus: p.cpus,
      switchNs: p.switchNs,
      wakeupNs: p.wakeupNs,
      sliceNs: 3_000_000,
    });
    const streams = new RandomStreams(seed);
    this.ctx = new LoopCtx(this.kernel, p, streams);
    this.ctx.endIo = (t, io) => this.endIo(t, io);
    this.backing = new Backing(this.ctx);
    this.driver =
      p.mode === 'single-thread'
        ? new SingleThreadLoop(this.ctx, this.backing)
        : p.mode === 'blk-mq'
          ? new BlkMqLoop(this.ctx, this.backing)
          : new DioAioLoop(this.ctx, this.backing);
    this.fio = new Fio(
      this.ctx,
      (n) => streams.get(n),
      (t, io) => this.driver.submit(t, io),
    );
  }

  /** bio_endio / blk_mq_complete_request on the completing thread, then aio_complete to fio. */
  private *endIo(t: SimThread, io: LoopIo): Generator<Op, void, void> {
    yield this.ctx.cpu(t, this.p.costs.endioNs, this.ctx.labels.endio);
    this.completions++;
    this.bytes += io.bytes;
    this.latency.record(this.sim.now - io.submittedAt);
    this.fio.complete(io);
  }

  resetStats(): void {
    const now = this.sim.now;
    this.measureStart = now;
    this.measured = { completions: this.completions, bytes: this.bytes };
    this.kernel.resetStats();
    for (const c of this.driver.lockClasses()) c.reset(now);
    for (const q of this.driver.queues()) q.reset(now);
    this.backing.resetStats();
    this.latency.reset();
  }

  private queueRows(now: number) {
    return [...this.driver.queues(), this.backing.blk.queues[0].waitStats, this.kernel.runQueueStats].map((q) =>
      queueRow(q, now),
    );
  }

  result(meta: { preset: string | null; warmupNs: number }): SimResult {
    const now = this.sim.now;
    const ns = now - this.measureStart;
    const sec = ns / 1e9;
    const b = this.backing;
    return {
      model: 'loop',
      preset: meta.preset,
      seed: this.seed,
      params: this.params,
      simulatedNs: ns,
      warmupNs: meta.warmupNs,
      events: this.sim.events,
      throughput: {
        opsPerSec: Number(((this.completions - this.measured.completions) / sec).toFixed(1)),
        bytesPerSec: Math.round((this.bytes - this.measured.bytes) / sec),
      },
      latencyNs: latencyFigures(this.latency),
      locks: this.driver.lockClasses().map(lockRow),
      threads: threadRows(this.kernel),
      queues: this.queueRows(now),
      devices: [deviceRow(b.device, ns)],
      extra: {
        loopMode: this.p.mode,
        // Share of backing requests that continued the previous one (readahead hits).
        backingSequentialFraction: b.requests ? Number((b.seqRequests / b.requests).toFixed(4)) : 0,
        backingRequests: b.requests,
        dirtyPages: b.writeback.dirtyPages,
        writebackPages: b.writeback.writebackPages,
        inFlight: this.fio.inFlight(),
        costs: this.p.costs,
      },
    };
  }

  snapshot(): ModelSnapshot<'loop'> {
    const k = this.kernel;
    const now = this.sim.now;
    const d = this.backing.device;
    return {
      model: 'loop',
      timeNs: now,
      events: this.sim.events,
      completions: this.completions,
      bytes: this.bytes,
      threads: k.threads.map((t) => {
        const f = k.stateFractions(t);
        return { name: t.name, role: t.role, state: t.state, label: k.labels[t.label] ?? '', utilisation: f[0] + f[1] };
      }),
      locks: this.driver.lockViews(),
      lockStats: this.driver.lockClasses().map(lockRow),
      queues: this.queueRows(now),
      devices: [deviceRow(d, Math.max(1, now - this.measureStart))],
      extra: {
        loopMode: this.p.mode,
        inFlight: this.fio.inFlight(),
        backingQueued: this.backing.queued,
        backingInService: d.inService,
        // For the loop machine view: what waits where now, and the page cache in between (observation only).
        loopQueues: this.driver.queues().map((q) => ({ name: q.name, length: q.length })),
        backingParallelism: this.p.deviceParallelism,
        backingOutstanding: this.backing.outstanding,
        direct: this.p.direct,
        workers: this.p.workers,
        iodepth: this.p.iodepth,
        numjobs: this.p.numjobs,
        bs: this.p.bs,
        rw: this.p.rw,
        dirtyPages: this.backing.writeback.dirtyPages,
        writebackPages: this.backing.writeback.writebackPages,
        backingRequests: this.backing.requests,
        backingSeqRequests: this.backing.seqRequests,
      },
    };
  }

  setLive(key: string): string | null {
    return `${key} is not a runtime knob; changing it starts a new run`;
  }
}

export const loopFactory: ModelFactory<ModelSnapshot<'loop'>> = {
  name: 'loop',
  create: (params, seed) => new Loop(params, seed),
};

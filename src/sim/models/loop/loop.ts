// The loop model: fio jobs on /dev/loop0, one of three loop designs (loop_mode), and the backing file on a
// readahead-sensitive device; reports the contract result and live snapshots. Wiring only, no kernel logic.
import { Kernel } from '../../core/kernel';
import { kernelOptions } from '../../core/machine';
import type { ModelFactory, ModelRun, ModelSnapshot, Params } from '../../core/model';
import { RandomStreams } from '../../core/random';
import { Measurement, type RunMeta } from '../../core/measurement';
import type { SimResult } from '../../core/result';
import { deviceRow } from '../../block/device';
import { Histogram } from '../../core/stats/histogram';
import { Simulator } from '../../core/simulator';
import type { SimThread, Gen } from '../../core/thread';
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
  private readonly measurement: Measurement;

  constructor(
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpackLoop(params));
    this.kernel = new Kernel(this.sim, kernelOptions(p));
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
    this.measurement = new Measurement({
      sim: this.sim,
      kernel: this.kernel,
      latency: this.latency,
      lockClasses: () => this.driver.lockClasses(),
      queues: () => [...this.driver.queues(), this.backing.blk.queues[0].waitStats],
      devices: (ns) => [deviceRow(this.backing.device, ns)],
      totals: () => ({ completions: this.completions, bytes: this.bytes }),
      resetOwn: () => this.backing.resetStats(),
    });
  }

  /** bio_endio / blk_mq_complete_request on the completing thread, then aio_complete to fio. */
  private *endIo(t: SimThread, io: LoopIo): Gen {
    yield this.ctx.cpu(t, this.p.costs.endioNs, this.ctx.labels.endio);
    this.completions++;
    this.bytes += io.bytes;
    this.latency.record(this.sim.now - io.submittedAt);
    this.fio.complete(io);
  }

  resetStats(): void {
    this.measurement.reset();
  }

  result(meta: RunMeta): SimResult {
    const b = this.backing;
    return {
      ...this.measurement.result('loop', this.seed, this.params, meta),
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
    const d = this.backing.device;
    return {
      model: 'loop',
      ...this.measurement.snapshot(this.driver.lockViews()),
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

// The ext4 page-io model: fio writers streaming buffered writes, writeback by buffer or by bio (with or
// without a plug), one device behind the shared block layer's legacy queue; the contract result, per-MiB figures, snapshots.
import { Kernel } from '../../core/kernel';
import { kernelOptions } from '../../core/machine';
import type { LockClass } from '../../core/lock';
import {
  lockView,
  type ModelFactory,
  type ModelRun,
  type ModelSnapshot,
  type ParamValue,
  type Params,
} from '../../core/model';
import { RandomStreams } from '../../core/random';
import { Measurement, type RunMeta } from '../../core/measurement';
import type { SimResult } from '../../core/result';
import { deviceRow } from '../../block/device';
import { Simulator } from '../../core/simulator';
import { Ext4Ctx } from './ctx';
import { Ext4Disk } from './disk';
import { unpackExt4, type Ext4Params } from './params';
import { Writeback } from './writeback';
import { Writers } from './writer';

const MiB = 1 << 20;

export class Ext4 implements ModelRun {
  readonly sim = new Simulator();
  readonly kernel: Kernel;
  readonly p: Ext4Params;
  readonly rq: Ext4Disk;
  readonly wb: Writeback;
  readonly writers: Writers;
  private readonly measurement: Measurement;

  constructor(
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpackExt4(params));
    this.kernel = new Kernel(this.sim, kernelOptions(p));
    const streams = new RandomStreams(seed);
    const ctx = new Ext4Ctx(this.kernel, p, streams);
    this.rq = new Ext4Disk(ctx, (pages) => this.writers.pagesWritten(pages));
    this.wb = new Writeback(ctx, this.rq);
    this.writers = new Writers(ctx, this.wb);
    this.measurement = new Measurement({
      sim: this.sim,
      kernel: this.kernel,
      latency: this.writers.latency,
      lockClasses: () => this.lockClasses(),
      // balance_dirty_pages' queue is reset with the window like the others
      queues: () => [this.rq.elevatorStats, this.writers.throttle.stats],
      devices: (ns) => [deviceRow(this.rq.device, ns)],
      totals: () => ({ completions: this.writers.calls, bytes: this.writers.bytes }),
      resetOwn: () => this.rq.resetStats(),
    });
  }

  lockClasses(): LockClass[] {
    return [this.rq.queueLockClass, this.writers.jStateLockClass];
  }

  resetStats(): void {
    this.measurement.reset();
  }

  result(meta: RunMeta): SimResult {
    const r = this.measurement.result('ext4', this.seed, this.params, meta);
    return { ...r, extra: this.perMiB(r.threads.reduce((s, t) => s + t.cpuNs, 0)) };
  }

  /** The seed's figures per MiB: submissions by what writeback handed to the block layer, CPU and lock
   * traffic by what the writers wrote (the two agree in steady state). */
  private perMiB(cpuNs: number): Record<string, unknown> {
    const written = this.measurement.window().bytes / MiB;
    const submittedMiB = (this.rq.submittedPages * 4096) / MiB;
    const ql = this.rq.queueLockClass.stats;
    const per = (x: number, mib: number) => (mib > 0 ? Number((x / mib).toFixed(2)) : 0);
    return {
      submit: this.p.submit,
      plug: this.p.plug,
      mibWritten: Number(written.toFixed(3)),
      submissionsPerMiB: per(this.rq.submissions, submittedMiB),
      requestsPerMiB: per(this.rq.dispatched, submittedMiB),
      cpuNsPerMiB: Math.round(per(cpuNs, written)),
      queueLockAcquisitionsPerMiB: per(ql.acquisitions, written),
      queueLockContentionsPerMiB: per(ql.contentions, written),
      dirtyPages: this.writers.dirtyPages,
      writebackPages: this.writers.writebackPages,
      costs: this.p.costs,
    };
  }

  snapshot(): ModelSnapshot<'ext4'> {
    return {
      model: 'ext4',
      ...this.measurement.snapshot([
        lockView('queue_lock', this.rq.queueLock),
        lockView('j_state_lock', this.writers.jStateLock),
      ]),
      extra: {
        dirtyPages: this.writers.dirtyPages,
        writebackPages: this.writers.writebackPages,
        submissions: this.rq.submissions,
        // For the ext4 machine view: the path's settings and what sits where now (observation only).
        submit: this.p.submit,
        plug: this.p.plug,
        maxBioPages: this.p.maxBioPages,
        numjobs: this.p.numjobs,
        dirtyLimitPages: Math.floor(this.p.dirtyBytes / 4096),
        throttled: this.writers.throttle.length,
        submittedPages: this.rq.submittedPages,
        dispatched: this.rq.dispatched,
        pluggedRequests: this.rq.pluggedRequests,
        elevatorLength: this.rq.elevatorStats.length,
        deviceInService: this.rq.device.inService,
        deviceQueued: this.rq.device.queue.length,
        deviceParallelism: this.p.deviceParallelism,
      },
    };
  }

  /** vm.dirty_bytes is a sysctl: it changes while writers run. */
  setLive(key: string, value: ParamValue): string | null {
    if (key !== 'dirty_bytes') return `${key} is not a runtime knob; changing it starts a new run`;
    this.p.dirtyBytes = value as number;
    this.params[key] = value;
    this.writers.pagesWritten(0); // writers under the new limit may go on
    return null;
  }
}

export const ext4Factory: ModelFactory<ModelSnapshot<'ext4'>> = {
  name: 'ext4',
  create: (params, seed) => new Ext4(params, seed),
};

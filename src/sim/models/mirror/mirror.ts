// The md raid1 and raid10 models: wires conf, members, md thread, fio jobs, and md core's bitmap and resync
// (handed in by the composition root); reports results, snapshots, live knobs. Holds no kernel function.
import { Kernel } from '../../core/kernel';
import { kernelOptions } from '../../core/machine';
import { mdLiveExtra, mdLiveLocks } from '../../md/live';
import { lockView } from '../../core/model';
import type { LockClass } from '../../core/lock';
import type { ModelFactory, ModelRun, ModelSnapshot, ParamValue, Params } from '../../core/model';
import { RandomStreams } from '../../core/random';
import { Measurement, type RunMeta } from '../../core/measurement';
import type { SimResult } from '../../core/result';
import { deviceRow } from '../../block/device';
import { Histogram } from '../../core/stats/histogram';
import { Simulator } from '../../core/simulator';
import { MirrorConf, type MirrorBio } from './conf';
import { MirrorIo } from './io';
import { raid10Layout, raid1Layout } from './layout';
import type { BitmapOps as Bitmap, MdHost, MdParams, MdSync } from '../../md/contract';
import { createBitmap, createSync } from '../../md/create';
import { mirrorD } from './mdThread';
import { unpackMirror, type MirrorParams } from './params';
import { mirrorSyncPersonality } from './sync';
import type { FioJobs } from '../../block/fioJobs';
import { mirrorWorkload } from './workload';
import { readRequest, writeRequest, type MirrorCtx } from './write';

export class Mirror implements ModelRun {
  readonly sim = new Simulator();
  readonly kernel: Kernel;
  readonly p: MirrorParams;
  readonly conf: MirrorConf;
  readonly io: MirrorIo;
  readonly bitmap: Bitmap | null;
  readonly sync: MdSync | null;
  readonly md: MdParams;
  readonly workload: FioJobs;
  readonly latency = new Histogram();
  readonly model: 'raid1' | 'raid10';
  completions = 0;
  bytes = 0;
  private readonly measurement: Measurement;

  constructor(
    level: 1 | 10,
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpackMirror(level, params));
    this.model = level === 1 ? 'raid1' : 'raid10';
    this.kernel = new Kernel(this.sim, kernelOptions(p));
    const streams = new RandomStreams(seed);
    const layout = level === 1 ? raid1Layout(p.disks) : raid10Layout(p.disks, p.chunk);
    this.conf = new MirrorConf(this.kernel, p, layout);
    const spanPages = Math.floor(p.size / 4096);
    this.io = new MirrorIo(this.kernel, this.conf, spanPages, this.kernel.label('brd_submit_bio (memcpy)'));
    const c = p.costs;
    const host: MdHost = {
      kernel: this.kernel,
      spanPages,
      members: p.disks,
      level456: false,
      costs: {
        bitmapCounterNs: c.bitmapCounterNs,
        llbitmapStateNs: c.llbitmapStateNs,
        unplugCheckNs: c.unplugCheckNs,
        submitNs: c.submitNs,
        syncStepNs: c.syncStepNs,
        handoffNs: c.handoffNs,
        bounceNs: c.bounceNs,
      },
      writeMetadata: (disk, bytes, done) =>
        this.io.start(disk, 0, bytes, true, 'meta', () => {
          done();
          return null;
        }),
      wakeupMdThread: () => this.conf.wakeupMdThread(),
    };
    this.md = {
      bitmap: p.bitmap,
      assumeClean: p.assumeClean,
      bitmapChunkBytes: p.bitmapChunk,
      daemonSleepNs: p.daemonSleepNs,
      barrierIdleNs: p.barrierIdleNs,
      syncSpeedMinKiB: p.syncSpeedMin,
      syncSpeedMaxKiB: p.syncSpeedMax,
      syncIoDepth: p.syncIoDepth,
    };
    this.bitmap = createBitmap(host, this.md);
    const ctx: MirrorCtx = { conf: this.conf, io: this.io, bitmap: this.bitmap, endBio: (bio) => this.endBio(bio) };
    this.conf.mdThread = this.kernel.spawn(this.conf.threadName, `raid${level}d`, (t) => mirrorD(ctx, t));
    this.sync = p.assumeClean ? null : createSync(host, this.md, mirrorSyncPersonality(ctx, spanPages), this.bitmap);
    const fio = { rw: p.rw, bs: p.bs, iodepth: p.iodepth, numjobs: p.numjobs, rwmixread: p.rwmixread, fioNs: c.fioNs };
    this.workload = mirrorWorkload(
      this.kernel,
      fio,
      spanPages,
      (n) => streams.get(n),
      (t, bio) => (bio.write ? writeRequest(ctx, t, bio) : readRequest(ctx, t, bio)),
      this.conf.labels.fio,
    );
    this.measurement = new Measurement({
      sim: this.sim,
      kernel: this.kernel,
      latency: this.latency,
      lockClasses: () => this.lockClasses(),
      queues: () => [this.conf.pendingStats, this.conf.retryStats],
      devices: (ns) => this.io.members.map((d, i) => ({ ...deviceRow(d, ns), ...this.io.blk.memberFigures(i, ns) })),
      totals: () => ({ completions: this.completions, bytes: this.bytes }),
      resetOwn: () => {
        this.io.resetStats();
        this.bitmap?.resetStats();
        this.sync?.resetStats();
      },
    });
  }

  private endBio(bio: MirrorBio): void {
    this.completions++;
    this.bytes += bio.bytes;
    this.latency.record(this.sim.now - bio.submittedAt);
    this.workload.complete(bio.job);
  }

  lockClasses(): LockClass[] {
    return [this.conf.deviceLockClass, ...this.conf.barrier.lockClasses(), ...(this.bitmap?.lockClasses() ?? [])];
  }

  resetStats(): void {
    this.measurement.reset();
  }

  result(meta: RunMeta): SimResult {
    const r = this.measurement.result(this.model, this.seed, this.params, meta);
    return { ...r, extra: this.extra(r.simulatedNs / 1e9) };
  }

  private extra(sec: number): Record<string, unknown> {
    const perSec = (x: number) => Math.round(x / sec);
    return {
      memberReadBytesPerSec: perSec(this.io.readBytes),
      memberWriteBytesPerSec: perSec(this.io.writeBytes),
      resyncBytesPerSec: perSec(this.io.syncBytes),
      bitmapBytesPerSec: perSec(this.io.metaBytes),
      ...(this.bitmap?.figures() ?? { bitmap: 'none' }),
      ...(this.sync?.figures() ?? { resyncRunning: false }),
      costs: this.p.costs,
    };
  }

  snapshot(): ModelSnapshot<'raid1' | 'raid10'> {
    return {
      model: this.model,
      ...this.measurement.snapshot([
        lockView('device_lock', this.conf.deviceLock),
        ...this.barrierLocks(),
        ...mdLiveLocks(this.bitmap),
      ]),
      extra: {
        pendingWrites: this.conf.pending.length,
        memberIosInFlight: this.io.inFlight(),
        ...mdLiveExtra(this.bitmap, this.sync),
        // For the mirror machine view (observation only): members now, the bitmap grid, the resync window.
        level: this.model,
        assumeClean: this.p.assumeClean,
        bitmap: this.p.bitmap,
        memberQueues: this.io.blk.memberSnapshot(this.sim.now),
      },
    };
  }

  private barrierLocks() {
    const b = this.conf.barrier;
    return b.locked ? [lockView('resync_lock', b.resyncLock), lockView('wait_barrier.lock', b.waitLock)] : [];
  }

  setLive(key: string, value: ParamValue): string | null {
    switch (key) {
      case 'sync_speed_min':
        this.md.syncSpeedMinKiB = value as number;
        break;
      case 'sync_speed_max':
        this.md.syncSpeedMaxKiB = value as number;
        break;
      case 'sync_io_depth':
        this.md.syncIoDepth = value as number;
        break;
      default:
        return `${key} is not a runtime knob; changing it starts a new run`;
    }
    this.params[key] = value;
    return null;
  }
}

export function mirrorFactory(level: 1 | 10): ModelFactory<ModelSnapshot<'raid1' | 'raid10'>> {
  return { name: `raid${level}`, create: (params, seed) => new Mirror(level, params, seed) };
}

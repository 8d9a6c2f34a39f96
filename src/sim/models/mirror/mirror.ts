// The md raid1 and raid10 models: wires conf, members, md thread, fio jobs, and md core's bitmap and resync
// (handed in by the composition root); reports results, snapshots, live knobs. Holds no kernel function.
import { Kernel } from '../../core/kernel';
import { mdLiveExtra, mdLiveLocks } from '../../md/live';
import { lockView } from '../../core/model';
import type { LockClass } from '../../core/lock';
import type { ModelFactory, ModelRun, ModelSnapshot, ParamValue, Params } from '../../core/model';
import { RandomStreams } from '../../core/random';
import { latencyFigures, lockRow, queueRow, threadRows, type SimResult } from '../../core/result';
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
  private measureStart = 0;
  private measured = { completions: 0, bytes: 0 };

  constructor(
    level: 1 | 10,
    readonly params: Params,
    readonly seed: number,
  ) {
    const p = (this.p = unpackMirror(level, params));
    this.model = level === 1 ? 'raid1' : 'raid10';
    this.kernel = new Kernel(this.sim, {
      cpus: p.cpus,
      switchNs: p.switchNs,
      wakeupNs: p.wakeupNs,
      sliceNs: 3_000_000,
    });
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
    const now = this.sim.now;
    this.measureStart = now;
    this.measured = { completions: this.completions, bytes: this.bytes };
    this.kernel.resetStats();
    for (const c of this.lockClasses()) c.reset(now);
    this.conf.pendingStats.reset(now);
    this.conf.retryStats.reset(now);
    this.io.resetStats();
    this.latency.reset();
    this.bitmap?.resetStats();
    this.sync?.resetStats();
  }

  result(meta: { preset: string | null; warmupNs: number }): SimResult {
    const now = this.sim.now;
    const ns = now - this.measureStart;
    const sec = ns / 1e9;
    return {
      model: this.model,
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
      locks: this.lockClasses().map(lockRow),
      threads: threadRows(this.kernel),
      queues: [
        queueRow(this.conf.pendingStats, now),
        queueRow(this.conf.retryStats, now),
        queueRow(this.kernel.runQueueStats, now),
      ],
      devices: this.io.members.map((d, i) => ({ ...deviceRow(d, ns), ...this.io.blk.memberFigures(i, ns) })),
      extra: this.extra(sec),
    };
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
    const k = this.kernel;
    const now = this.sim.now;
    return {
      model: this.model,
      timeNs: now,
      events: this.sim.events,
      completions: this.completions,
      bytes: this.bytes,
      threads: k.threads.map((t) => {
        const f = k.stateFractions(t);
        return { name: t.name, role: t.role, state: t.state, label: k.labels[t.label] ?? '', utilisation: f[0] + f[1] };
      }),
      locks: [lockView('device_lock', this.conf.deviceLock), ...this.barrierLocks(), ...mdLiveLocks(this.bitmap)],
      lockStats: this.lockClasses().map(lockRow),
      queues: [queueRow(this.conf.pendingStats, now), queueRow(this.conf.retryStats, now)],
      devices: this.io.members.map((d, i) => ({
        ...deviceRow(d, Math.max(1, now - this.measureStart)),
        ...this.io.blk.memberFigures(i, Math.max(1, now - this.measureStart)),
      })),
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

// A model's instruments, declared once: the lock classes lock_stat prints, the queues it reports, its
// devices, its latency histogram and its lifetime totals. From that list core builds what every model
// used to write by hand and let drift apart: the measured window's reset, the contract part of `result`
// and the generic part of `snapshot` (the same queues in both, the kernel's run queue last).
import type { Kernel } from './kernel';
import type { LockClass } from './lock';
import type { LockView, Params, SnapshotBase } from './model';
import { latencyFigures, lockRow, queueRow, threadRows, type DeviceRow, type SimResult } from './result';
import type { Simulator } from './simulator';
import type { Histogram } from './stats/histogram';
import type { QueueStats } from './stats/queueStats';

export interface Instruments {
  readonly sim: Simulator;
  readonly kernel: Kernel;
  readonly latency: Histogram;
  /** lock_stat's classes, in the order it prints them. */
  lockClasses(): LockClass[];
  /** The model's own queues, reported in results and snapshots (the kernel's run queue is added after them). */
  queues(): QueueStats[];
  /** The device rows over a window of `ns` (none for a model without devices). */
  devices(ns: number): DeviceRow[];
  /** Completed top-level operations and their bytes since the run began (never reset). */
  totals(): { completions: number; bytes: number };
  /** Whatever else the model counts over the window: its own counters, block layer, md core. */
  resetOwn?(now: number): void;
}

export interface RunMeta {
  preset: string | null;
  warmupNs: number;
}

export class Measurement {
  private startNs = 0;
  private base = { completions: 0, bytes: 0 };

  constructor(private readonly m: Instruments) {}

  /** When the measured window began (the last reset). */
  get start(): number {
    return this.startNs;
  }

  /** What the window holds so far: its length and the completions and bytes done in it. */
  window(): { ns: number; completions: number; bytes: number } {
    const t = this.m.totals();
    return {
      ns: this.m.sim.now - this.startNs,
      completions: t.completions - this.base.completions,
      bytes: t.bytes - this.base.bytes,
    };
  }

  /** Starts a new measured window (lock_stat -c, the queues, the threads' clocks, the histogram). */
  reset(): void {
    const now = this.m.sim.now;
    this.startNs = now;
    this.base = { ...this.m.totals() };
    this.m.kernel.resetStats();
    for (const c of this.m.lockClasses()) c.reset(now);
    for (const q of this.m.queues()) q.reset(now);
    this.m.latency.reset();
    this.m.resetOwn?.(now);
  }

  private queueRows(now: number) {
    return [...this.m.queues(), this.m.kernel.runQueueStats].map((q) => queueRow(q, now));
  }

  /** The contract result over the window; the model adds its `extra`. */
  result(model: string, seed: number, params: Params, meta: RunMeta): Omit<SimResult, 'extra'> {
    const now = this.m.sim.now;
    const w = this.window();
    const sec = w.ns / 1e9;
    return {
      model,
      preset: meta.preset,
      seed,
      params,
      simulatedNs: w.ns,
      warmupNs: meta.warmupNs,
      events: this.m.sim.events,
      throughput: {
        opsPerSec: Number((w.completions / sec).toFixed(1)),
        bytesPerSec: Math.round(w.bytes / sec),
      },
      latencyNs: latencyFigures(this.m.latency),
      locks: this.m.lockClasses().map(lockRow),
      threads: threadRows(this.m.kernel),
      queues: this.queueRows(now),
      devices: this.m.devices(w.ns),
    };
  }

  /** A snapshot's generic part now; the model names its lock instances (`locks`). */
  snapshot(locks: LockView[]): SnapshotBase {
    const k = this.m.kernel;
    const now = this.m.sim.now;
    const t = this.m.totals();
    return {
      timeNs: now,
      events: this.m.sim.events,
      completions: t.completions,
      bytes: t.bytes,
      threads: k.threads.map((th) => {
        const f = k.stateFractions(th);
        return {
          name: th.name,
          role: th.role,
          state: th.state,
          label: k.labels[th.label] ?? '',
          utilisation: f[0] + f[1],
        };
      }),
      locks,
      lockStats: this.m.lockClasses().map(lockRow),
      queues: this.queueRows(now),
      devices: this.m.devices(Math.max(1, now - this.startNs)),
    };
  }
}

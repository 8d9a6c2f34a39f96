// A block device: a FIFO queue in front of `parallelism` service slots (NVMe-style internal
// parallelism); service time = latency + size / bandwidth, or a model-supplied function (seek, rotation).
// It reports completions through a callback; it knows nothing of who submitted.
import { Fifo } from '../core/fifo';
import type { Simulator } from '../core/simulator';
import { rounded as r, type DeviceRow } from '../core/result';
import { QueueStats } from '../core/stats/queueStats';

export interface DeviceParams {
  latencyNs: number;
  bandwidthBytesPerSec: number;
  parallelism: number;
}

/** Optional service-time override, e.g. an HDD's seek + rotation + transfer. */
export type ServiceTime = (bytes: number, sector: number, write: boolean) => number;

interface Pending {
  tag: number;
  bytes: number;
  sector: number;
  write: boolean;
  queuedAt: number;
}

export class BlockDevice {
  readonly queue = new Fifo<Pending>();
  readonly queueStats: QueueStats;
  inService = 0;
  ops = 0;
  bytes = 0;
  private busyArea = 0;
  private depthArea = 0;
  private lastChange = 0;
  private measureStart = 0;
  private readonly slotTag: Int32Array;
  private readonly slotBytes: Float64Array;
  private readonly freeSlots: number[] = [];
  private readonly evDone: number;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    readonly params: DeviceParams,
    private readonly onComplete: (tag: number) => void,
    private readonly serviceTime?: ServiceTime,
  ) {
    if (!(params.parallelism >= 1)) throw new Error(`${name}: parallelism must be >= 1`);
    this.queueStats = new QueueStats(`${name} queue`);
    this.slotTag = new Int32Array(params.parallelism);
    this.slotBytes = new Float64Array(params.parallelism);
    for (let i = params.parallelism - 1; i >= 0; i--) this.freeSlots.push(i);
    this.evDone = sim.register(`${name} done`, (slot) => this.complete(slot));
  }

  /** Requests waiting plus in service: what iostat calls aqu-sz, instantaneous. */
  get depth(): number {
    return this.queue.length + this.inService;
  }

  submit(tag: number, bytes: number, sector = 0, write = false): void {
    this.account();
    const req = { tag, bytes, sector, write, queuedAt: this.sim.now };
    if (this.freeSlots.length > 0) this.startService(req);
    else {
      this.queue.push(req);
      this.queueStats.enter(this.sim.now);
    }
  }

  private startService(req: Pending): void {
    const slot = this.freeSlots.pop() as number;
    this.inService++;
    this.slotTag[slot] = req.tag;
    this.slotBytes[slot] = req.bytes;
    const p = this.params;
    const ns = this.serviceTime
      ? this.serviceTime(req.bytes, req.sector, req.write)
      : p.latencyNs + (req.bytes * 1e9) / p.bandwidthBytesPerSec;
    this.sim.schedule(ns, this.evDone, slot);
  }

  private complete(slot: number): void {
    this.account();
    this.inService--;
    this.ops++;
    this.bytes += this.slotBytes[slot];
    const tag = this.slotTag[slot];
    this.freeSlots.push(slot);
    const next = this.queue.shift();
    if (next) {
      this.queueStats.leave(this.sim.now, this.sim.now - next.queuedAt);
      this.startService(next);
    }
    this.onComplete(tag);
  }

  private account(): void {
    const now = this.sim.now;
    const dt = now - this.lastChange;
    this.busyArea += this.inService * dt;
    this.depthArea += (this.inService + this.queue.length) * dt;
    this.lastChange = now;
  }

  /** Mean fraction of service slots in use over the measured window (0..1). */
  utilisation(): number {
    this.account();
    const span = this.sim.now - this.measureStart;
    return span > 0 ? this.busyArea / span / this.params.parallelism : 0;
  }

  meanQueueDepth(): number {
    this.account();
    const span = this.sim.now - this.measureStart;
    return span > 0 ? this.depthArea / span : 0;
  }

  resetStats(): void {
    this.account();
    this.measureStart = this.sim.now;
    this.busyArea = 0;
    this.depthArea = 0;
    this.ops = 0;
    this.bytes = 0;
    this.queueStats.reset(this.sim.now);
  }
}

/** A device's row of the result contract over a measured window. */
export function deviceRow(d: BlockDevice, measuredNs: number): DeviceRow {
  const sec = measuredNs / 1e9;
  return {
    name: d.name,
    utilisation: r(d.utilisation(), 4),
    opsPerSec: r(d.ops / sec, 1),
    bytesPerSec: r(d.bytes / sec, 0),
    meanQueueDepth: r(d.meanQueueDepth(), 3),
  };
}

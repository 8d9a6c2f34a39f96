// The JSON result contract of design.md section 6, and the builder that fills it from core stats.
// Field names here are fixed: scripts outside src rely on them.
import type { Histogram } from './stats/histogram';
import type { Kernel } from './kernel';
import type { LockClass } from './lock';
import type { QueueStats } from './stats/queueStats';
import { STATE_NAMES, type ThreadStateName } from './thread';

export interface LockRow {
  name: string;
  kind: string;
  acquisitions: number;
  contentions: number;
  waitTimeMinNs: number;
  waitTimeMaxNs: number;
  waitTimeTotalNs: number;
  waitTimeAvgNs: number;
  holdTimeMinNs: number;
  holdTimeMaxNs: number;
  holdTimeTotalNs: number;
  holdTimeAvgNs: number;
  conBounces: number;
  acqBounces: number;
}
export interface ThreadRow {
  name: string;
  role: string;
  cpuNs: number;
  states: Record<ThreadStateName, number>;
}
export interface QueueRow {
  name: string;
  arrivals: number;
  meanLength: number;
  maxLength: number;
  meanWaitNs: number;
}
export interface DeviceRow {
  name: string;
  utilisation: number;
  opsPerSec: number;
  bytesPerSec: number;
  meanQueueDepth: number;
  /** Members behind the block layer (src/sim/block) also report iostat's rkB/s, wkB/s, areq-sz and merges. */
  readBytesPerSec?: number;
  writeBytesPerSec?: number;
  meanRequestBytes?: number;
  mergesPerSec?: number;
}

export interface SimResult {
  model: string;
  preset: string | null;
  seed: number;
  params: Record<string, string | number | boolean>;
  simulatedNs: number;
  warmupNs: number;
  events: number;
  throughput: { opsPerSec: number; bytesPerSec: number };
  latencyNs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  locks: LockRow[];
  threads: ThreadRow[];
  queues: QueueRow[];
  devices: DeviceRow[];
  /** Model-specific extra figures (welcome beyond the contract). */
  extra?: Record<string, unknown>;
  /** Only on a run asked for detected warm-up (--warmup auto): how warmupNs was chosen. A fixed warm-up has none. */
  warmup?: WarmupDetection;
}

/** Detected warm-up: MSER-5 on completions per interval of a sampling run over the whole horizon. When the
 * rule finds no cut (`not-detected`), the scenario's fixed warm-up is discarded instead, and `reason` says why. */
export interface WarmupDetection {
  mode: 'detected' | 'not-detected';
  rule: 'MSER-5';
  /** Warm-up discarded (equals warmupNs); with simulatedNs it makes up the horizon. */
  ns: number;
  horizonNs: number;
  samples: number;
  intervalNs: number;
  /** Batches of 5 samples cut, of the total. */
  batchesCut: number;
  batches: number;
  reason?: string;
}

/** A figure rounded for the JSON contract (non-finite reads 0). */
export const rounded = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : 0);
const r = rounded;

export function lockRow(c: LockClass): LockRow {
  const s = c.stats;
  return {
    name: c.name,
    kind: c.kind,
    acquisitions: s.acquisitions,
    contentions: s.contentions,
    waitTimeMinNs: Number.isFinite(s.waitMin) ? s.waitMin : 0,
    waitTimeMaxNs: s.waitMax,
    waitTimeTotalNs: s.waitTotal,
    waitTimeAvgNs: r(s.contentions ? s.waitTotal / s.contentions : 0, 1),
    holdTimeMinNs: s.holdHist.count ? s.holdMin : 0,
    holdTimeMaxNs: s.holdMax,
    holdTimeTotalNs: s.holdTotal,
    holdTimeAvgNs: r(s.holdHist.count ? s.holdTotal / s.holdHist.count : 0, 1),
    conBounces: s.conBounces,
    acqBounces: s.acqBounces,
  };
}

export function threadRows(k: Kernel): ThreadRow[] {
  return k.threads.map((t) => {
    const f = k.stateFractions(t);
    const states = Object.fromEntries(STATE_NAMES.map((n, i) => [n, r(f[i], 6)])) as Record<ThreadStateName, number>;
    return { name: t.name, role: t.role, cpuNs: Math.round(k.busyNs(t)), states };
  });
}

export function queueRow(q: QueueStats, now: number): QueueRow {
  return {
    name: q.name,
    arrivals: q.arrivals,
    meanLength: r(q.meanLength(now), 4),
    maxLength: q.maxLength,
    meanWaitNs: r(q.meanWaitNs(), 1),
  };
}

export function latencyFigures(h: Histogram): SimResult['latencyNs'] {
  return {
    mean: r(h.mean, 1),
    p50: r(h.quantile(0.5), 0),
    p90: r(h.quantile(0.9), 0),
    p99: r(h.quantile(0.99), 0),
    p999: r(h.quantile(0.999), 0),
    max: h.count ? h.max : 0,
  };
}

// How long a run may go without a completion before it is a stall, from its configuration alone: the
// device's worst service time for one request, times the requests that can be queued in front of it, plus
// the CPU those requests need, times a margin. A measured window shorter than the bound may see no
// completion without anything being wrong; a longer one with none is a stall (src/sim/checked.ts).
import type { Params } from './core/model';
import { DEFAULT_SLICE_NS } from './core/machine';

/** Kernel scheduler slice every fio model runs with (a thread behind a CPU hog waits at most this long). */
const SLICE_NS = DEFAULT_SLICE_NS;
/** CPU an IO can cost on its way through any model (the costs are 0.1..3 us each, a few dozen steps). */
const IO_CPU_NS = 50_000;
export const STALL_MARGIN = 4;

export interface StallBound {
  ns: number;
  /** How the bound was derived, for the stall line and the too-short warning. */
  why: string;
}

const num = (p: Params, k: string, d = 0): number => (typeof p[k] === 'number' ? (p[k] as number) : d);

/** Worst service time of one request of `bytes`: latency, a full-stroke seek and a full rotation on an HDD,
 * the transfer at the slower direction's bandwidth. */
export function worstServiceNs(p: Params, bytes: number): number {
  const bw = Math.min(num(p, 'device.bandwidth', 1e9), num(p, 'device.write_bandwidth', Infinity));
  const seq = Math.max(num(p, 'device.latency'), num(p, 'device.seq_latency'));
  const hdd = p.device === 'hdd' ? (num(p, 'device.seek') * 15) / 8 + 60e9 / num(p, 'device.rpm', 7200) : 0;
  return seq + hdd + (bytes * 1e9) / bw;
}

function fioBound(p: Params, model: string): StallBound {
  const bs = num(p, 'bs', 4096);
  // A bio is split at chunk (raid) or max_bio (ext4) boundaries; one member request is at most that big.
  const request = Math.max(bs, model === 'ext4' ? num(p, 'max_bio', bs) : 0);
  let depth = num(p, 'numjobs', 1) * num(p, 'iodepth', 1);
  // raid5's read-modify-write and a mirror's copies: each bio can queue twice in front of one member.
  if (model === 'raid5' || model === 'raid1' || model === 'raid10') depth *= 2;
  // Resync queues its own window of requests in front of the same members.
  if (p.assume_clean === false) depth += num(p, 'sync_io_depth', 32);
  // Buffered writes wait for writeback of up to dirty_bytes before they return.
  const buffered = model === 'ext4' || p.direct === false;
  if (buffered) depth += Math.ceil(num(p, 'dirty_bytes', 64 << 20) / request);
  const worst = worstServiceNs(p, request);
  const cpus = Math.max(1, num(p, 'cpus', 1));
  const cpuNs = (depth * IO_CPU_NS) / cpus + SLICE_NS;
  const ns = Math.ceil(STALL_MARGIN * (depth * worst + cpuNs));
  return {
    ns,
    why: `${STALL_MARGIN} x (worst service ${fmtNs(worst)} x ${depth} requests in front + CPU ${fmtNs(cpuNs)})`,
  };
}

function lockLabBound(p: Params): StallBound {
  const threads = p.arrival === 'open' ? Math.max(1, Math.ceil(num(p, 'rate') * 1e-3)) : num(p, 'threads', 1);
  const perOp = num(p, 'hold') + num(p, 'switch') + num(p, 'wakeup');
  const slices = Math.ceil(threads / Math.max(1, num(p, 'cpus', 1))) * num(p, 'slice', SLICE_NS);
  const gap = p.arrival === 'open' ? 1e9 / Math.max(1, num(p, 'rate', 1)) : num(p, 'think');
  // Exponential holds and thinks reach ten times their mean often enough to matter.
  const margin = 10 * STALL_MARGIN;
  const ns = Math.ceil(margin * (threads * perOp + slices + gap));
  return { ns, why: `${margin} x (${threads} threads x (hold + switch + wake-up) + slices + think)` };
}

export function stallBound(model: string, p: Params): StallBound {
  return model === 'lock-lab' ? lockLabBound(p) : fioBound(p, model);
}

export function fmtNs(ns: number): string {
  if (ns >= 1e9) return `${Number((ns / 1e9).toPrecision(3))}s`;
  if (ns >= 1e6) return `${Number((ns / 1e6).toPrecision(3))}ms`;
  if (ns >= 1e3) return `${Number((ns / 1e3).toPrecision(3))}us`;
  return `${Math.round(ns)}ns`;
}

// What the async offload strip draws (raid5 ops=async), from one snapshot: the engine (offload threads or DMA
// channels) busy and queued, its hand-off lock, and the stripes with an op by phase. Pure; null when ops=inline.
import type { Snapshot } from '../../protocol/messages';

/** The op states raid5's async_tx path has (enum check_states / the ops_run_* functions, in kernel order). */
export const KERNEL_OPS = ['biofill', 'compute', 'prexor', 'biodrain', 'reconstruct', 'check'] as const;
export type KernelOp = (typeof KERNEL_OPS)[number];

export interface OpStripe {
  idx: number;
  code: number;
  phase: string;
}

export interface OffloadPicture {
  mode: 'threads' | 'dma';
  engines: number;
  busy: number;
  queued: number;
  inFlight: number;
  completed: number;
  lock: { name: string; holder: string | null; waiters: string[] };
  /** Stripes (of those the grid shows) with an op now, in grid order; code as OP_PHASES. */
  stripes: OpStripe[];
  /** How many stripes are in each kernel op now; null for ops this model never runs. */
  byOp: Record<KernelOp, number | null>;
  queuedStripes: number;
  /** Ops the engine finished whose completion callback has not run yet. */
  callbackStripes: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function offloadPicture(s: Snapshot | null | undefined): OffloadPicture | null {
  const o = s?.extra?.offload as Record<string, unknown> | null | undefined;
  const ids = s?.extra?.cellIds;
  if (
    !o ||
    !(o.opCells instanceof Uint8Array) ||
    !Array.isArray(o.phases) ||
    !Array.isArray(o.phaseCounts) ||
    !(ids instanceof Uint32Array)
  )
    return null;
  const phases = o.phases as string[];
  const counts = o.phaseCounts as number[];
  const count = (name: string) => {
    const i = phases.indexOf(name);
    return i < 0 ? null : num(counts[i]);
  };
  const stripes: OpStripe[] = [];
  o.opCells.forEach((code, i) => {
    if (code > 0) stripes.push({ idx: ids[i], code, phase: phases[code] ?? `op ${code}` });
  });
  const lock = o.lock as OffloadPicture['lock'];
  return {
    mode: o.mode === 'dma' ? 'dma' : 'threads',
    engines: num(o.engines),
    busy: num(o.busy),
    queued: num(o.queued),
    inFlight: num(o.inFlight),
    completed: num(o.completed),
    lock: {
      name: String(lock?.name ?? 'lock'),
      holder: lock?.holder ?? null,
      waiters: Array.isArray(lock?.waiters) ? lock.waiters : [],
    },
    stripes,
    byOp: Object.fromEntries(KERNEL_OPS.map((k) => [k, count(k)])) as Record<KernelOp, number | null>,
    queuedStripes: count('queued') ?? 0,
    callbackStripes: count('callback') ?? 0,
  };
}

// The raid5 fields of Snapshot.extra as the UI reads them, and the check that a snapshot has them
// (only then does the machine view show). Types and a guard only; no state, no behaviour.
import type { Snapshot } from '../protocol/messages';

/** Where a stripe_head is, by the code the cells carry (WHERE_CODES in the raid5 snapshot). */
export const WHERE_NAMES = [
  'free',
  'handle_list',
  'hold_list',
  'delayed_list',
  'bitmap_list',
  'handling',
  'member_io',
  'in_use',
] as const;
export type WhereName = (typeof WHERE_NAMES)[number];

/** A member now, and its cumulative counters (busy time, bytes, requests to the device, bios merged). */
export interface MemberQueue {
  name: string;
  queued: number;
  inService: number;
  parallelism: number;
  busyNs: number;
  bytes: number;
  requests: number;
  merges: number;
}
export interface LockHistogram {
  name: string;
  wait: [number, number][];
  hold: [number, number][];
}
export interface LatencyWindow {
  p50: number;
  p99: number;
  count: number;
  fromNs: number;
  toNs: number;
}
export interface FollowedStripe {
  idx: number;
  sector: number;
  where: WhereName;
  count: number;
  handler: string | null;
  history: string[];
}

export interface Raid5Extra {
  stripeCounts: Record<WhereName, number>;
  cells: Uint8Array;
  cellIds: Uint32Array;
  cellsSampled: boolean;
  stripeCacheActive: number;
  stripeCacheSize: number;
  prereadActiveStripes: number;
  releasedStripes: number;
  groupThreadCnt: number;
  cpus: number;
  memberQueues: MemberQueue[];
  submittersBlocked: number;
  waitingForStripe: string[];
  waitingForOverlap: string[];
  handling: Record<string, number[]>;
  threadNs: Float64Array;
  passesDone: number;
  lastPassStripe: number;
  lockHistograms: LockHistogram[];
  latencyWindow: LatencyWindow | null;
  followed: FollowedStripe | null;
}

/** The raid5 extra of a snapshot, or null for models without it (they keep the generic panels). */
export function raid5Extra(s: Snapshot | null | undefined): Raid5Extra | null {
  const x = s?.extra;
  if (
    !x ||
    !(x.cells instanceof Uint8Array) ||
    !x.stripeCounts ||
    !Array.isArray(x.memberQueues) ||
    !(x.threadNs instanceof Float64Array)
  )
    return null;
  return x as unknown as Raid5Extra;
}

/** Lock histograms of any model that reports them (raid5 and Lock Lab). */
export function lockHistograms(s: Snapshot | null | undefined): LockHistogram[] {
  const h = s?.extra?.lockHistograms;
  return Array.isArray(h) ? (h as LockHistogram[]) : [];
}

// The raid5 extras of a snapshot as the UI reads them, chosen by the snapshot's model (the types are the
// model's own, from models/raid5/snapshot.ts through protocol). Types and selectors only; no state.
import type { LockHistogram, Raid5Extra, Snapshot } from '../../protocol/messages';

export type { FollowedStripe, LatencyWindow, LockHistogram, MemberQueue, Raid5Extra } from '../../protocol/messages';

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

/** The raid5 extra of a snapshot, or null for other models (they keep the generic panels). */
export function raid5Extra(s: Snapshot | null | undefined): Raid5Extra | null {
  return s?.model === 'raid5' ? s.extra : null;
}

/** Lock histograms of the models that report them (raid5 and Lock Lab). */
/** One empty answer, so a store selector sees the same value each time (a fresh [] re-rendered without end
 * when the histograms tab opened before the first frame, as a permalink opens it). */
const NO_HISTOGRAMS: LockHistogram[] = [];

export function lockHistograms(s: Snapshot | null | undefined): LockHistogram[] {
  if (s?.model === 'raid5') return s.extra.lockHistograms;
  const h = s?.model === 'lock-lab' ? s.extra.lockHistograms : undefined;
  return Array.isArray(h) ? (h as LockHistogram[]) : NO_HISTOGRAMS;
}

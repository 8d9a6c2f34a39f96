// md core's live state as an array personality's snapshot carries it (raid5, raid1/raid10): the bitmap's and
// md_do_sync's figures and live() for `extra`, md core's locks for the Locks now panel. Observation only.
import type { BitmapOps, MdSync } from './contract';
import { lockView, type LockView } from '../core/model';

/** The bitmap's and the resync's figures plus their live() state, for a snapshot's `extra` ({} when neither runs). */
export function mdLiveExtra(bitmap: BitmapOps | null, sync: MdSync | null): Record<string, unknown> {
  return {
    ...(bitmap?.figures() ?? {}),
    ...(sync?.figures() ?? {}),
    ...(bitmap?.live?.() ?? {}),
    ...(sync?.live?.() ?? {}),
  };
}

/** md core's own lock instances now (the classic bitmap's bitmap_lock; llbitmap has none). */
export function mdLiveLocks(bitmap: BitmapOps | null): LockView[] {
  return (bitmap?.liveLocks?.() ?? []).map(({ name, lock }) => lockView(name, lock));
}

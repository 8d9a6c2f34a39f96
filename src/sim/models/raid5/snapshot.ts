// The raid5 part of a live snapshot: stripe_heads by list (every cell, or counts plus a sample when
// the cache is large), worker and pre-read state. Read-only over the model.
import type { Raid5 } from './raid5';
import type { Where } from './stripeHead';

export const WHERE_CODES: readonly Where[] = ['free', 'handle_list', 'hold_list', 'delayed_list', 'bitmap_list', 'handling', 'member_io', 'in_use'];
/** Above this many stripe_heads the UI gets counts plus a sampled grid, not every cell. */
export const MAX_CELLS = 4096;

export function snapshotExtra(m: Raid5): Record<string, unknown> {
  const c = m.conf;
  const live = c.stripes.filter((s) => !s.dead);
  const counts: Record<string, number> = Object.fromEntries(WHERE_CODES.map((w) => [w, 0]));
  for (const s of live) counts[s.where()]++;
  const step = live.length > MAX_CELLS ? live.length / MAX_CELLS : 1;
  const cells = new Uint8Array(Math.min(live.length, MAX_CELLS));
  for (let i = 0; i < cells.length; i++) cells[i] = WHERE_CODES.indexOf(live[Math.floor(i * step)].where());
  return {
    stripeCounts: counts,
    cells,
    cellsSampled: step > 1,
    stripeCacheActive: c.activeStripes,
    stripeCacheSize: c.maxNrStripes,
    prereadActiveStripes: c.prereadActiveStripes,
    releasedStripes: c.released.length,
    groupThreadCnt: c.workerCnt,
    memberQueues: m.io.members.map((d) => ({ name: d.name, queued: d.queue.length, inService: d.inService })),
    submittersBlocked: c.waitForStripe.reduce((s, q) => s + q.length, 0),
  };
}

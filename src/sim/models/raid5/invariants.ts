// Debug-mode invariants of the raid5 model, checked after events in tests and under --check-invariants:
// list membership only at count 0, no negative counts, every bio accounted for, at most one lock holder, member
// IO where the layout puts it, queue figures that add up, and md core's own (bitmap, resync).
// Each throws an InvariantViolation naming the kernel rule it stands for.
import { checkFioDepth, checkLock, checkQueue, checkThreads, checkWaitQueue, violate } from '../../core/invariant';
import { parityOf } from './geometry';
import { R5_LOCKED } from './stripeHead';
import type { Raid5 } from './raid5';

export function checkInvariants(m: Raid5): void {
  if (!m.debug) return;
  raid5Invariants(m);
}

export function raid5Invariants(m: Raid5): void {
  const c = m.conf;
  for (const sh of c.stripes) {
    // atomic_dec_and_test(&sh->count) in do_release_stripe: a stripe_head's refcount never goes below zero
    if (sh.count < 0) violate('stripe_count_non_negative', `stripe ${sh.idx}: count ${sh.count}`);
    // a stripe sits on handle_list / inactive_list / ... only once its last reference is dropped (count 0)
    if (sh.list && sh.count !== 0)
      violate('stripe_on_list_only_at_count_zero', `stripe ${sh.idx}: on ${sh.list.name} with count ${sh.count}`);
    // each member bio in flight holds a reference (atomic_inc(&sh->count) in ops_run_io)
    if (sh.ioInFlight > sh.count)
      violate('member_io_holds_stripe_ref', `stripe ${sh.idx}: ${sh.ioInFlight} member IOs but count ${sh.count}`);
  }
  memberLayout(m);
  // each list's statistics count what is on it (handle_list and the group's share one figure, as do the
  // inactive lists)
  const ls = c.listStats;
  checkQueue(ls.handle, c.handleQueued());
  checkQueue(ls.hold, c.holdList.length);
  checkQueue(ls.delayed, c.delayedList.length);
  checkQueue(ls.bitmap, c.bitmapList.length);
  checkQueue(ls.inactive, c.freeStripes());
  checkWaitQueue(c.waitForStripe);
  checkWaitQueue(c.waitForOverlap);
  checkWaitQueue(c.raid5dWq);
  c.bitmap?.checkInvariants?.();
  c.sync?.checkInvariants?.();
  checkLock('device_lock', c.deviceLock);
  c.hashLocks.forEach((l, i) => checkLock(`hash_locks[${i}]`, l));
  checkThreads(m.kernel);
  checkFioDepth(m.workload.jobs, m.p.iodepth);
  const inflight = m.workload.jobs.reduce((s, j) => s + j.inflight, 0);
  const expected = m.workload.jobs.length * m.p.iodepth;
  if (inflight > expected)
    violate('bios_within_numjobs_x_iodepth', `${inflight} bios in flight, numjobs x iodepth ${expected}`);
}

/** Member bios go where raid5_compute_sector puts them: ops_run_io sends one STRIPE_SIZE (4K) block of a stripe,
 * at its sector, on a member whose block it locked (R5_LOCKED until raid5_end_*_request); a chunk-aligned read
 * (raid5_read_one_chunk) goes to its row's data disk, never a parity disk, and never crosses the chunk. */
function memberLayout(m: Raid5): void {
  const g = m.conf.geo;
  m.io.forEachInFlight((r) => {
    if (r.done || r.page === undefined || r.bytes === undefined) return; // md_super_write: metadata, not layout
    if (r.dev < 0 || r.dev >= g.disks) violate('member_io_on_a_member', `member bio to disk ${r.dev} of ${g.disks}`);
    if (r.sh) {
      if (r.bytes !== 4096 || r.page !== r.sh.sector || !(r.sh.devs[r.dev].flags & R5_LOCKED))
        violate(
          'member_io_is_a_locked_stripe_block',
          `stripe ${r.sh.idx} (sector ${r.sh.sector}): ${r.bytes} bytes at ${r.page} on disk ${r.dev}, R5_LOCKED ${(r.sh.devs[r.dev].flags & R5_LOCKED) !== 0}`,
        );
    } else if (r.bio) {
      const { pdIdx, qdIdx } = parityOf(g, r.page);
      const chunkEnd = (Math.floor(r.page / g.pagesPerChunk) + 1) * g.pagesPerChunk;
      if (r.dev === pdIdx || r.dev === qdIdx || r.page * 4096 + r.bytes > chunkEnd * 4096)
        violate(
          'aligned_read_maps_to_data_disk',
          `bio ${r.bio.id}: ${r.bytes} bytes at ${r.page} on disk ${r.dev}, parity on ${pdIdx}${qdIdx >= 0 ? `/${qdIdx}` : ''}`,
        );
    }
  });
}

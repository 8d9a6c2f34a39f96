// Debug-mode invariants of the raid5 model, checked after events in tests and under --check-invariants:
// list membership only at count 0, no negative counts, every bio accounted for, at most one lock holder.
// Each throws an InvariantViolation naming the kernel rule it stands for.
import { checkFioDepth, checkLock, checkThreads, violate } from '../../core/invariant';
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
  checkLock('device_lock', c.deviceLock);
  c.hashLocks.forEach((l, i) => checkLock(`hash_locks[${i}]`, l));
  checkThreads(m.kernel);
  checkFioDepth(m.workload.jobs, m.p.iodepth);
  const inflight = m.workload.jobs.reduce((s, j) => s + j.inflight, 0);
  const expected = m.workload.jobs.length * m.p.iodepth;
  if (inflight > expected)
    violate('bios_within_numjobs_x_iodepth', `${inflight} bios in flight, numjobs x iodepth ${expected}`);
}

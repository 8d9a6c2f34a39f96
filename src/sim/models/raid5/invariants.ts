// Debug-mode invariants of the raid5 model, checked after events in tests: list membership only at
// count 0, no negative counts, every bio accounted for, at most one lock holder. Throws on violation.
import type { Raid5 } from './raid5';

export function checkInvariants(m: Raid5): void {
  if (!m.debug) return;
  const c = m.conf;
  for (const sh of c.stripes) {
    if (sh.count < 0) throw new Error(`stripe ${sh.idx}: negative count ${sh.count}`);
    if (sh.list && sh.count !== 0) throw new Error(`stripe ${sh.idx}: on ${sh.list.name} with count ${sh.count}`);
    if (sh.ioInFlight > sh.count)
      throw new Error(`stripe ${sh.idx}: ${sh.ioInFlight} member IOs but count ${sh.count}`);
  }
  for (const l of [c.deviceLock, ...c.hashLocks]) if (l.holders > 1) throw new Error('a lock has two holders');
  const inflight = m.workload.jobs.reduce((s, j) => s + j.inflight, 0);
  const expected = m.workload.jobs.length * m.p.iodepth;
  if (inflight > expected) throw new Error(`more bios in flight (${inflight}) than numjobs x iodepth (${expected})`);
}

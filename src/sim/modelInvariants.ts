// Debug invariants of the models that do not carry their own checkInvariants() (raid5 does): raid1/raid10,
// loop, ext4 and Lock Lab, read from each model's public state without touching its code. src/sim/checked.ts
// runs them after every event; each throws an InvariantViolation named after the kernel rule it stands for.
import { checkFioDepth, checkLock, checkQueue, checkThreads, violate } from './core/invariant';
import type { LockView, ModelRun } from './core/model';
import type { Mirror } from './models/mirror/mirror';
import type { Loop } from './models/loop/loop';
import type { Ext4 } from './models/ext4/ext4';
import type { LockLab } from './models/lockLab/lockLab';

/** A lock as the UI sees it: a queue of waiters only behind a holder (a free lock with waiters lost a wake-up). */
function checkLockView(l: LockView): void {
  if (l.waiters.length > 0 && l.holder === null)
    violate('no_lost_wakeup', `${l.name}: ${l.waiters.length} waiters and no holder`);
}

function mirror(m: Mirror): void {
  checkLock('device_lock', m.conf.deviceLock);
  const b = m.conf.barrier;
  checkLock('resync_lock', b.resyncLock);
  checkLock('wait_barrier.lock', b.waitLock);
  // nr_pending counts the array bios between wait_barrier and allow_barrier: what fio has out, plus bios already
  // reaped whose completing context is still in allow_barrier (spinning with preemption off: one per CPU).
  if (b.nrPending < 0 || b.nrPending > m.workload.inFlight() + m.p.cpus)
    violate('nr_pending_counts_bios_in_barrier', `nr_pending ${b.nrPending}, ${m.workload.inFlight()} bios out`);
  // raid_end_bio_io: an r1_bio is queued for raid1d only while one of its copies is still outstanding
  for (const w of m.conf.pending)
    if (w.r1.remaining <= 0) violate('r1bio_remaining_positive', `bio ${w.r1.bio.id} queued with no copy left`);
  checkFioDepth(m.workload.jobs, m.p.iodepth);
  if (m.io.inFlight() < 0) violate('member_inflight_non_negative', `${m.io.inFlight()} member IOs in flight`);
  checkQueue(m.conf.pendingStats, m.conf.pending.length);
  checkQueue(m.conf.retryStats, m.conf.retry.length);
  m.bitmap?.checkInvariants?.(); // md core: the bitmap's counters, md_do_sync's recovery_cp
  m.sync?.checkInvariants?.();
  checkThreads(m.kernel);
}

function loop(m: Loop): void {
  checkFioDepth(m.fio.jobs.jobs, m.p.direct ? m.p.iodepth : 1); // buffered fio: one IO at a time (loop/fio.ts)
  for (const l of m.driver.lockViews()) checkLockView(l);
  for (const q of m.driver.queues()) checkQueue(q);
  checkThreads(m.kernel);
}

function ext4(m: Ext4): void {
  checkLock('q->queue_lock', m.rq.queueLock);
  checkThreads(m.kernel);
}

function lockLab(m: LockLab): void {
  m.locks.forEach((l, i) => checkLock(`lock[${i}]`, l));
  checkThreads(m.kernel);
}

const BY_MODEL: Record<string, (run: ModelRun) => void> = {
  raid1: (r) => mirror(r as Mirror),
  raid10: (r) => mirror(r as Mirror),
  loop: (r) => loop(r as Loop),
  ext4: (r) => ext4(r as Ext4),
  'lock-lab': (r) => lockLab(r as LockLab),
};

/** The invariant check for a run of `model`: its own checkInvariants(), else the one here, else none. */
export function invariantsOf(model: string, run: ModelRun): (() => void) | undefined {
  if (run.checkInvariants) return run.checkInvariants.bind(run);
  const f = BY_MODEL[model];
  return f ? () => f(run) : undefined;
}

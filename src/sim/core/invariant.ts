// Debug invariants shared by every model: the violation error (which names the rule it stands for) and
// the checks the engine's own objects obey whatever the model (a lock's holders and waiters, a thread's
// CPU, fio's bios in flight). Models add their own in their folder; src/sim/checked.ts runs them per event.
import type { Kernel } from './kernel';
import type { Lock } from './lock';
import type { QueueStats } from './stats/queueStats';
import type { WaitQueue } from './waitQueue';
import { RUNNING, SPINNING } from './thread';

/** An invariant that does not hold: `rule` names it (after the kernel rule where there is one). */
export class InvariantViolation extends Error {
  constructor(
    readonly rule: string,
    readonly detail: string,
  ) {
    super(`${rule}: ${detail}`);
    this.name = 'InvariantViolation';
  }
}

export function violate(rule: string, detail: string): never {
  throw new InvariantViolation(rule, detail);
}

/**
 * A lock: at most `capacity` holders, one owner exactly when a mutex/spinlock is held (lockdep's
 * "held lock freed" / "bad unlock balance"), and waiters only behind a full lock: a free lock with a
 * queue is a lost wake-up (the FIFO hand-off of spin_unlock / mutex_unlock).
 */
export function checkLock(name: string, l: Lock): void {
  if (l.holders < 0 || l.holders > l.capacity)
    violate('lock_holders_within_capacity', `${name}: ${l.holders} holders, capacity ${l.capacity}`);
  if (l.capacity === 1 && (l.owner !== null) !== (l.holders === 1))
    violate('lock_owner_matches_holders', `${name}: ${l.holders} holders, owner ${l.owner?.name ?? 'none'}`);
  if (l.waiters.length > 0 && l.holders < l.capacity)
    violate('no_lost_wakeup', `${name}: ${l.waiters.length} waiters behind ${l.holders}/${l.capacity} holders`);
}

/** Threads: running or spinning only on a CPU, never more on CPUs than there are, preempt_count never negative. */
export function checkThreads(k: Kernel): void {
  let onCpu = 0;
  for (const t of k.threads) {
    if (t.preemptCount < 0) violate('preempt_count_non_negative', `${t.name}: preempt_count ${t.preemptCount}`);
    if (t.state === RUNNING || t.state === SPINNING) {
      onCpu++;
      if (!t.cpu) violate('running_thread_has_cpu', `${t.name} is ${t.state === RUNNING ? 'running' : 'spinning'}`);
    }
  }
  if (onCpu > k.cpus.length) violate('one_thread_per_cpu', `${onCpu} threads on ${k.cpus.length} CPUs`);
}

/** fio: each job has between 0 and iodepth IOs out (io_submit never exceeds the ring it set up). */
export function checkFioDepth(jobs: readonly { index: number; inflight: number }[], iodepth: number): void {
  for (const j of jobs)
    if (j.inflight < 0 || j.inflight > iodepth)
      violate('fio_inflight_within_iodepth', `fio/${j.index}: ${j.inflight} IOs in flight, iodepth ${iodepth}`);
}

/** A queue's statistics agree with the queue (Little's law needs them to): its length is its length at the last
 * reset plus the arrivals minus the departures since, never negative, and, when the real queue is given, its length.
 * No kernel rule: the model's own bookkeeping, which lock_stat, the UI's lengths and the stall report read. */
export function checkQueue(q: QueueStats, actual?: number): void {
  if (q.length < 0 || q.length !== q.lengthAtReset + q.arrivals - q.departures)
    violate(
      'queue_length_is_arrivals_minus_departures',
      `${q.name}: length ${q.length}, ${q.lengthAtReset} at reset + ${q.arrivals} arrivals - ${q.departures} departures`,
    );
  if (actual !== undefined && actual !== q.length)
    violate('queue_length_is_arrivals_minus_departures', `${q.name}: ${actual} queued, its statistics say ${q.length}`);
}

/** A wait queue: its statistics count exactly the tasks sleeping on it. */
export function checkWaitQueue(wq: WaitQueue): void {
  checkQueue(wq.stats, wq.length);
}

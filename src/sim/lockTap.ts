// What /proc/lock_stat prints beyond the class rows, observed from outside the model: the contention points
// (where a waiter was when it found the lock taken) and contending points (where the holder had taken it),
// as the function each thread last ran (lockdep's contention_point / contending_point, LOCKSTAT_POINTS each).
// Per-instance wrappers on every Lock of the run; it schedules nothing and changes no state.
import type { ModelRun } from './core/model';
import type { Lock } from './core/lock';
import type { SimThread } from './core/thread';
import { findInRun } from './traceTap';
import type { LockPoints } from '../export/lockStat';

/** lockdep's LOCKSTAT_POINTS: call sites kept per class, first come first kept. */
const POINTS = 4;

interface ClassTap {
  contention: Map<string, number>;
  contending: Map<string, number>;
}

export interface LockTap {
  /** Call at the end of warm-up, after run.resetStats(). */
  reset(): void;
  capture(): Map<string, LockPoints>;
}

export function attachLockTap(run: ModelRun): LockTap {
  const k = run.kernel;
  const classes = new Map<string, ClassTap>();
  const site = (t: SimThread) => k.labels[t.opLabel] || t.name;
  const count = (m: Map<string, number>, key: string) => {
    if (m.has(key)) m.set(key, (m.get(key) ?? 0) + 1);
    else if (m.size < POINTS) m.set(key, 1);
  };
  for (const lock of findInRun(run).locks) {
    const name = lock.cls.name;
    let c = classes.get(name);
    if (!c) {
      c = { contention: new Map(), contending: new Map() };
      classes.set(name, c);
    }
    const tap = c;
    const takenAt = new Map<SimThread, string>();
    const l = lock as unknown as { take(t: SimThread): void; enqueue(t: SimThread): void };
    const take = l.take.bind(lock);
    const enqueue = l.enqueue.bind(lock);
    l.take = (t: SimThread) => {
      takenAt.set(t, site(t));
      take(t);
    };
    l.enqueue = (t: SimThread) => {
      count(tap.contention, site(t));
      const holder = (lock as Lock).owner;
      if (holder) count(tap.contending, takenAt.get(holder) ?? site(holder));
      enqueue(t);
    };
  }
  return {
    reset() {
      for (const c of classes.values()) {
        c.contention.clear();
        c.contending.clear();
      }
    },
    capture() {
      const out = new Map<string, LockPoints>();
      for (const [name, c] of classes)
        out.set(name, { contentionPoints: [...c.contention], contendingPoints: [...c.contending] });
      return out;
    },
  };
}

// Captures a window of a run for the trace export, wired from outside the model: the Kernel's state
// listener, per-instance wrappers on every Lock found in the run, and counters read from its QueueStats.
// It observes only: it schedules no events and changes no state, so the result is the same with or without it.
import type { ModelRun } from './core/model';
import { Lock } from './core/lock';
import { QueueStats } from './core/stats/queueStats';
import { SimThread, STATE_NAMES } from './core/thread';
import type { TraceCapture, TraceState } from '../export/trace';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** Every Lock and QueueStats reachable from the run's own fields (arrays, maps, sets, plain objects). */
export function findInRun(root: object): { locks: Lock[]; queues: QueueStats[] } {
  const locks: Lock[] = [];
  const queues: QueueStats[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length && seen.size < 2_000_000) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || seen.has(x) || ArrayBuffer.isView(x) || x instanceof SimThread) continue;
    seen.add(x);
    if (x instanceof Lock) locks.push(x);
    else if (x instanceof QueueStats) queues.push(x);
    else if (x instanceof Map) for (const v of x.values()) stack.push(v);
    else if (x instanceof Set) for (const v of x) stack.push(v);
    else if (Array.isArray(x)) for (const v of x) stack.push(v);
    else for (const v of Object.values(x)) stack.push(v);
  }
  return { locks, queues };
}

export interface TraceTap {
  /** Starts recording now (call at the window's start); snapshots states, holders and counters. */
  begin(): void;
  capture(title: string, toNs: number): TraceCapture;
  /** Records captured so far (states, lock events, hand-offs, counter samples): what the file's size follows. */
  records(): number;
}

/**
 * Attach right after the model is created. Before begin() it costs nothing but for locks with several holders
 * (semaphores), whose holders only a wrapper can know; a single-holder lock names its owner, so its wrapper and
 * the state listener go in at begin(), and a replay runs at full speed up to the window.
 */
export function attachTraceTap(run: ModelRun): TraceTap {
  const k = run.kernel;
  const cap: Mutable<TraceCapture> = {
    title: '',
    fromNs: 0,
    toNs: 0,
    threads: [],
    states: [],
    locks: [],
    handoffs: [],
    counters: [],
  };
  let on = false;
  const holders = new Map<Lock, Set<SimThread>>();
  const wrapped = new Set<Lock>();
  const sample = (t: number) => {
    for (const p of probes) {
      const v = p.read();
      if (v !== p.last) {
        p.last = v;
        cap.counters.push({ t, name: p.name, value: v });
      }
    }
  };
  let probes: { name: string; read: () => number; last: number }[] = [];
  /** A single-holder lock's last release with nobody waiting, until its next take (in the window only). */
  const freedBy = new Map<Lock, { t: number; thread: number }>();
  const taken = (lock: Lock, t: SimThread) => {
    let s = holders.get(lock);
    if (!s) holders.set(lock, (s = new Set()));
    s.add(t);
    if (!on) return;
    cap.locks.push({ t: k.now, thread: t.id, lock: lock.cls.name, op: 'take' });
    const freed = freedBy.get(lock);
    if (!freed) return;
    freedBy.delete(lock);
    if (freed.thread !== t.id)
      cap.handoffs.push({ t: freed.t, from: freed.thread, to: t.id, lock: lock.cls.name, takenAt: k.now });
  };
  const wrap = (lock: Lock) => {
    wrapped.add(lock);
    const tryAcquire = lock.tryAcquire.bind(lock);
    const release = lock.release.bind(lock);
    lock.tryAcquire = (t) => {
      const ok = tryAcquire(t);
      if (ok) taken(lock, t);
      if (on) sample(k.now);
      return ok;
    };
    lock.release = (t) => {
      const next = lock.waiters.peek();
      release(t);
      holders.get(lock)?.delete(t);
      if (on) cap.locks.push({ t: k.now, thread: t.id, lock: lock.cls.name, op: 'release' });
      // Lock.release hands the lock to the first waiter at once (lock_stat counts the take there).
      if (next) {
        taken(lock, next);
        if (on) cap.handoffs.push({ t: k.now, from: t.id, to: next.id, lock: lock.cls.name });
      } else if (on && lock.capacity === 1) freedBy.set(lock, { t: k.now, thread: t.id });
      if (on) sample(k.now);
    };
  };
  for (const lock of findInRun(run).locks) if (lock.capacity > 1) wrap(lock);
  return {
    begin() {
      // Locks and queues as they are now (a live stripe_cache_size change can have added stripe locks).
      const { locks, queues } = findInRun(run);
      for (const lock of locks) {
        if (wrapped.has(lock)) continue;
        if (lock.owner) holders.set(lock, new Set([lock.owner]));
        wrap(lock);
      }
      // Counter names: a queue's own name, numbered when several share it.
      const seenNames = new Map<string, number>();
      probes = queues.map((q) => {
        const n = (seenNames.get(q.name) ?? 0) + 1;
        seenNames.set(q.name, n);
        return { name: n === 1 ? q.name : `${q.name} #${n}`, read: () => q.length, last: NaN };
      });
      const conf = (run as unknown as { conf?: { activeStripes?: unknown } }).conf;
      if (typeof conf?.activeStripes === 'number')
        probes.push({ name: 'stripe_cache_active', read: () => conf.activeStripes as number, last: NaN });
      const prev = k.listener;
      k.listener = (time, thread, state, label) => {
        prev?.(time, thread, state, label);
        cap.states.push({
          t: time,
          thread: thread.id,
          state: STATE_NAMES[state] as TraceState,
          label: k.labels[label] ?? '',
        });
        sample(time);
      };
      on = true;
      cap.fromNs = k.now;
      for (const t of k.threads)
        cap.states.push({
          t: k.now,
          thread: t.id,
          state: STATE_NAMES[t.state] as TraceState,
          label: k.labels[t.label] ?? '',
        });
      // Held locks open in the order they were taken (Lock keeps ownerSince for its lock_stat hold time), so a
      // lock taken inside another nests inside it from the window's first instant.
      const since = (l: Lock) => (l as unknown as { ownerSince?: number }).ownerSince ?? 0;
      const held = [...holders].filter(([, ts]) => ts.size > 0).sort((a, b) => since(a[0]) - since(b[0]));
      for (const [lock, ts] of held)
        for (const t of ts) cap.locks.push({ t: k.now, thread: t.id, lock: lock.cls.name, op: 'take' });
      sample(k.now);
    },
    records: () => cap.states.length + cap.locks.length + cap.handoffs.length + cap.counters.length,
    capture(title, toNs) {
      k.settleLabels(k.now); // label changes due inside a running compute, up to now
      cap.title = title;
      cap.toNs = toNs;
      cap.threads = k.threads.map((t) => ({ id: t.id, name: t.name, role: t.role }));
      return cap;
    },
  };
}

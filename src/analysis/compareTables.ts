// The rows of the A/B page from replicated run results: headline figures, the lock_stat columns (with which
// way is better) and thread utilisation in pairs. Structural types, so any contract SimResult fits. Pure.
import { compareFigure, type Better, type Delta } from './compare';

export interface LockFigures {
  name: string;
  kind: string;
  acquisitions: number;
  contentions: number;
  waitTimeTotalNs: number;
  waitTimeAvgNs: number;
  holdTimeAvgNs: number;
}
export type ThreadStateShares = { running: number; spinning: number; runnable: number; blocked: number; idle: number };
export interface ThreadFigures {
  name: string;
  role: string;
  states: ThreadStateShares;
}
export interface RunFigures {
  throughput: { opsPerSec: number; bytesPerSec: number };
  latencyNs: { p50: number; p99: number; p999: number };
  locks: readonly LockFigures[];
  threads: readonly ThreadFigures[];
}

export interface FigureSpec<T> {
  key: string;
  label: string;
  unit: 'ops/s' | 'B/s' | 'ns' | 'count';
  better: Better;
  get: (x: T) => number;
}

export const HEADLINE: readonly FigureSpec<RunFigures>[] = [
  { key: 'opsPerSec', label: 'throughput', unit: 'ops/s', better: 'higher', get: (r) => r.throughput.opsPerSec },
  { key: 'bytesPerSec', label: 'bandwidth', unit: 'B/s', better: 'higher', get: (r) => r.throughput.bytesPerSec },
  { key: 'p50', label: 'latency p50', unit: 'ns', better: 'lower', get: (r) => r.latencyNs.p50 },
  { key: 'p99', label: 'latency p99', unit: 'ns', better: 'lower', get: (r) => r.latencyNs.p99 },
  { key: 'p999', label: 'latency p99.9', unit: 'ns', better: 'lower', get: (r) => r.latencyNs.p999 },
];

// Less contention and shorter waits and holds are better. Acquisitions have no direction: they grow with the
// work done (more throughput takes the lock more often), so a change there is reported, not judged.
export const LOCK_COLUMNS: readonly FigureSpec<LockFigures>[] = [
  { key: 'contentions', label: 'contentions', unit: 'count', better: 'lower', get: (l) => l.contentions },
  { key: 'waitTimeTotalNs', label: 'waittime-total', unit: 'ns', better: 'lower', get: (l) => l.waitTimeTotalNs },
  { key: 'waitTimeAvgNs', label: 'waittime-avg', unit: 'ns', better: 'lower', get: (l) => l.waitTimeAvgNs },
  { key: 'holdTimeAvgNs', label: 'holdtime-avg', unit: 'ns', better: 'lower', get: (l) => l.holdTimeAvgNs },
  { key: 'acquisitions', label: 'acquisitions', unit: 'count', better: 'neutral', get: (l) => l.acquisitions },
];

export interface HeadlineRow {
  spec: FigureSpec<RunFigures>;
  delta: Delta;
}

/** a[i] and b[i] are the same seed's runs when `paired`. */
export function headlineRows(a: readonly RunFigures[], b: readonly RunFigures[], paired = true): HeadlineRow[] {
  return HEADLINE.map((spec) => ({
    spec,
    delta: compareFigure(a.map(spec.get), b.map(spec.get), spec.better, paired),
  }));
}

/** both: taken in A and in B; new: only B takes it; gone: only A does. */
export type Presence = 'both' | 'new' | 'gone';

export interface LockCompareRow {
  name: string;
  kind: string;
  presence: Presence;
  /** Mean over replications per column key; null on the side that never takes the lock. */
  meanA: Record<string, number> | null;
  meanB: Record<string, number> | null;
  /** Per column key; only when the lock is taken on both sides. */
  deltas: Record<string, Delta> | null;
}

const ZERO_LOCK = (name: string, kind: string): LockFigures => ({
  name,
  kind,
  acquisitions: 0,
  contentions: 0,
  waitTimeTotalNs: 0,
  waitTimeAvgNs: 0,
  holdTimeAvgNs: 0,
});

// lock_stat prints no row for a class never taken; a run "has" a lock when it took it at least once.
const taken = (runs: readonly RunFigures[], name: string) =>
  runs.some((r) => r.locks.some((l) => l.name === name && l.acquisitions > 0));

function columnMeans(rows: readonly LockFigures[]): Record<string, number> {
  return Object.fromEntries(LOCK_COLUMNS.map((c) => [c.key, rows.reduce((s, l) => s + c.get(l), 0) / rows.length]));
}

/** One row per lock class taken on either side, most contended (on either side) first, as lock_stat sorts. */
export function lockRows(a: readonly RunFigures[], b: readonly RunFigures[], paired = true): LockCompareRow[] {
  const kinds = new Map<string, string>();
  for (const r of [...a, ...b]) for (const l of r.locks) if (!kinds.has(l.name)) kinds.set(l.name, l.kind);
  const rows: LockCompareRow[] = [];
  for (const [name, kind] of kinds) {
    const inA = taken(a, name);
    const inB = taken(b, name);
    if (!inA && !inB) continue;
    // A replication that never took the lock counts as zeros, so every seed keeps its pair.
    const per = (runs: readonly RunFigures[]) =>
      runs.map((r) => r.locks.find((l) => l.name === name) ?? ZERO_LOCK(name, kind));
    const la = per(a);
    const lb = per(b);
    const deltas =
      inA && inB
        ? Object.fromEntries(
            LOCK_COLUMNS.map((c) => [c.key, compareFigure(la.map(c.get), lb.map(c.get), c.better, paired)]),
          )
        : null;
    rows.push({
      name,
      kind,
      presence: inA && inB ? 'both' : inA ? 'gone' : 'new',
      meanA: inA ? columnMeans(la) : null,
      meanB: inB ? columnMeans(lb) : null,
      deltas,
    });
  }
  const most = (r: LockCompareRow) => Math.max(r.meanA?.contentions ?? 0, r.meanB?.contentions ?? 0);
  return rows.sort((x, y) => most(y) - most(x));
}

/** A thread's (or a role's) mean state shares; `busy` is time on a CPU: running plus spinning. */
export interface Utilisation {
  busy: number;
  running: number;
  spinning: number;
  runnable: number;
  blocked: number;
  count: number;
}

export interface ThreadPair {
  label: string;
  role: string;
  a: Utilisation | null;
  b: Utilisation | null;
}

function utilisation(states: readonly ThreadStateShares[], count: number): Utilisation {
  const m = (k: keyof ThreadStateShares) => states.reduce((s, x) => s + x[k], 0) / states.length;
  const running = m('running');
  const spinning = m('spinning');
  return { busy: running + spinning, running, spinning, runnable: m('runnable'), blocked: m('blocked'), count };
}

/**
 * Threads in pairs (A beside B), by thread name or by role. By role, shares are the mean per thread of
 * that role and `count` says how many threads each side has (e.g. worker ×0 -> ×2).
 */
export function threadPairs(a: readonly RunFigures[], b: readonly RunFigures[], by: 'thread' | 'role'): ThreadPair[] {
  const keyOf = (t: ThreadFigures) => (by === 'thread' ? t.name : t.role);
  const order: { key: string; role: string }[] = [];
  for (const r of [...a, ...b])
    for (const t of r.threads) if (!order.some((o) => o.key === keyOf(t))) order.push({ key: keyOf(t), role: t.role });
  const side = (runs: readonly RunFigures[], key: string): Utilisation | null => {
    const states = runs.flatMap((r) => r.threads.filter((t) => keyOf(t) === key).map((t) => t.states));
    return states.length ? utilisation(states, states.length / runs.length) : null;
  };
  return order.map(({ key, role }) => ({ label: key, role, a: side(a, key), b: side(b, key) }));
}

// What limits each Sweep point, by the Lab's own bottleneck rules (state/lab/bottleneck.ts) applied to each run's
// whole measured part, so the Sweep and the Lab cannot disagree about the same setup (issue 15, item 4). Pure.
import type { SimResult } from '../../protocol/batch';
import { bottleneck, type Limit, type Verdict } from '../lab/bottleneck';
import type { RecentFigures } from '../lab/recent';

/** A point's limit: the verdict most of its replications get, with one such run's sentence (its numbers). */
export interface PointLimit {
  limit: Limit;
  text: string;
  /** How many of the point's replications got this limit, of how many. */
  agree: number;
  of: number;
}

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Instances behind a lock class in the result (lock_stat sums a class over its instances), as the Lab counts them. */
function instances(name: string, r: SimResult): number {
  if (name === 'queue_lock') return Math.max(1, num(r.params.disks, 1));
  if (name === 'hash_lock') return Math.max(1, num(r.params.hash_locks, 8));
  return 1;
}

/**
 * A raid5 result as the bottleneck rules' figures over its measured part; null for another model. The stripe
 * cache's gauges come from its sampled series: free is the mean free count. The result keeps no count of jobs
 * waiting for a stripe_head, so it is taken as the blocked jobs when the cache reached 3/4 in use (below that
 * raid5_get_active_stripe does not make them sleep, R5_INACTIVE_BLOCKED) and as none when it never did.
 */
export function resultFigures(r: SimResult): RecentFigures | null {
  if (r.model !== 'raid5' || !r.extra) return null;
  const x = r.extra;
  const size = num(x.stripeCacheSize, num(r.params.stripe_cache_size, 0));
  const series = (x.stripeCacheActiveSeries as { values?: number[] } | undefined)?.values ?? [];
  const active = series.length ? series.reduce((a, b) => a + b, 0) / series.length : num(x.stripeCacheActive, 0);
  const peak = series.length ? Math.max(...series) : active;
  const threads = r.threads.map((t) => ({ name: t.name, role: t.role, ...t.states }));
  const subs = threads.filter((t) => t.role === 'submitter');
  const span = Math.max(1, r.simulatedNs);
  const blocked = subs.length ? subs.reduce((s, t) => s + t.blocked, 0) / subs.length : 0;
  return {
    spanNs: r.simulatedNs,
    opsPerSec: r.throughput.opsPerSec,
    bytesPerSec: r.throughput.bytesPerSec,
    threads,
    members: r.devices.map((d) => ({
      name: d.name,
      utilisation: d.utilisation,
      meanRequestBytes: null,
      mergesPerSec: 0,
    })),
    locks: r.locks.map((l) => ({
      name: l.name,
      held: l.holdTimeTotalNs / span / instances(l.name, r),
      contended: l.acquisitions > 0 ? l.contentions / l.acquisitions : 0,
    })),
    submittersBlocked: blocked,
    waitingForStripe: size > 0 && peak >= 0.75 * size ? blocked * subs.length : 0,
    numjobs: num(r.params.numjobs, subs.length),
    groupThreadCnt: num(r.params.group_thread_cnt, 0),
    cpus: num(r.params.cpus, 1),
    cacheActive: Math.round(active),
    cacheSize: size,
    free: Math.max(0, size - active),
  };
}

export function resultVerdict(r: SimResult): Verdict | null {
  const f = resultFigures(r);
  return f ? bottleneck(f) : null;
}

/** The point's limit over its replications (null for a model the rules do not read). */
export function pointLimit(results: readonly SimResult[]): PointLimit | null {
  const vs = results.map(resultVerdict).filter((v): v is Verdict => v !== null);
  if (vs.length === 0) return null;
  const counts = new Map<Limit, number>();
  for (const v of vs) counts.set(v.limit, (counts.get(v.limit) ?? 0) + 1);
  const [limit, agree] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return { limit, text: vs.find((v) => v.limit === limit)!.text, agree, of: vs.length };
}

/** Short names for a table cell; the sentence goes in its title. */
export const LIMIT_WORDS: Record<Limit, string> = {
  members: 'the disks',
  cache: 'stripe cache',
  lock: 'a lock',
  cpus: 'CPUs',
  raid5d: 'md0_raid5 alone',
  handlers: 'stripe handlers',
  submitters: 'the fio jobs',
  none: 'nothing saturated',
  measuring: 'measuring',
};

/** The cell's words: the lock by name when a lock is the limit. */
export function limitShort(p: PointLimit): string {
  return p.limit === 'lock' ? (p.text.split(' ')[0] ?? LIMIT_WORDS.lock) : LIMIT_WORDS[p.limit];
}

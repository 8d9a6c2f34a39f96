// Recent figures of a raid5 run: the difference of two snapshots' cumulative counters over a window of
// simulated time (throughput, thread state shares, member and lock busy shares). Pure: no store, no DOM.
// The members' part (iostat's %util, areq-sz, rqm/s) and the window itself serve raid1/raid10 too
// (mirrorRecent.ts).
import type { Snapshot } from '../../protocol/messages';
import { raid5Extra } from './raid5Extra';

/** Levels read as they are at a sample (not differenced): the array's size and the stripe cache's state. */
interface Gauges {
  /** fio jobs waiting for a free stripe_head (in a figure: the mean over the window's samples). */
  waitingForStripe: number;
  numjobs: number;
  groupThreadCnt: number;
  cpus: number;
  cacheActive: number;
  cacheSize: number;
  free: number;
}

/** What one snapshot contributes: cumulative counters only, so any two give the figures between them. */
export interface Sample extends Gauges {
  timeNs: number;
  completions: number;
  bytes: number;
  threads: { name: string; role: string }[];
  threadNs: Float64Array;
  members: MemberCounters[];
  locks: { name: string; holdNs: number; acquisitions: number; contentions: number; instances: number }[];
}

/** One member's cumulative counters in a snapshot (raid5's and the mirror's memberQueues carry them). */
export interface MemberCounters {
  name: string;
  busyNs: number;
  parallelism: number;
  bytes: number;
  requests: number;
  merges: number;
}

/** A member over the window: iostat's %util, areq-sz (mean bytes per request sent to the device; null when
 * none was) and merges/s (rrqm/s + wrqm/s: bios merged into another request). */
export interface MemberFigures {
  name: string;
  utilisation: number;
  meanRequestBytes: number | null;
  mergesPerSec: number;
}

export interface ThreadShare {
  name: string;
  role: string;
  running: number;
  spinning: number;
  runnable: number;
  blocked: number;
  idle: number;
}
export interface RecentFigures extends Gauges {
  spanNs: number;
  opsPerSec: number;
  bytesPerSec: number;
  threads: ThreadShare[];
  members: MemberFigures[];
  locks: { name: string; held: number; contended: number }[];
  /** Mean share of time the fio jobs spent blocked. */
  submittersBlocked: number;
}

/** Instances behind one lock class, so a class's hold time becomes a share of one lock's time. */
function instances(cls: string, s: Snapshot, disks: number): number {
  if (cls === 'queue_lock') return Math.max(1, disks);
  const n = s.locks.filter((l) => l.name.startsWith(`${cls}[`)).length;
  return Math.max(1, n);
}

export function sampleOf(s: Snapshot): Sample | null {
  const x = raid5Extra(s);
  if (!x) return null;
  return {
    timeNs: s.timeNs,
    completions: s.completions,
    bytes: s.bytes,
    threads: s.threads.map((t) => ({ name: t.name, role: t.role })),
    threadNs: x.threadNs,
    members: x.memberQueues.map((m) => ({
      name: m.name,
      busyNs: m.busyNs,
      parallelism: m.parallelism,
      bytes: m.bytes,
      requests: m.requests,
      merges: m.merges,
    })),
    locks: s.lockStats.map((l) => ({
      name: l.name,
      holdNs: l.holdTimeTotalNs,
      acquisitions: l.acquisitions,
      contentions: l.contentions,
      instances: instances(l.name, s, x.memberQueues.length),
    })),
    waitingForStripe: x.waitingForStripe.length,
    numjobs: s.threads.filter((t) => t.role === 'submitter').length,
    groupThreadCnt: x.groupThreadCnt,
    cpus: x.cpus,
    cacheActive: x.stripeCacheActive,
    cacheSize: x.stripeCacheSize,
    free: x.stripeCounts.free,
  };
}

/** A snapshot's memberQueues entry as counters (absent or non-numeric fields read as 0). */
export function memberCountersOf(m: Record<string, unknown>): MemberCounters {
  const n = (k: string) => (typeof m[k] === 'number' && Number.isFinite(m[k]) ? (m[k] as number) : 0);
  return {
    name: String(m.name),
    busyNs: n('busyNs'),
    parallelism: n('parallelism'),
    bytes: n('bytes'),
    requests: n('requests'),
    merges: n('merges'),
  };
}

/** Simulated time the recent figures cover: about `WINDOW_WALL_S` of wall time at the measured rate, within bounds. */
const WINDOW_WALL_S = 2;
const WINDOW_MIN_NS = 1e6;
const WINDOW_MAX_NS = 50e6;
export function recentWindowNs(simNsPerSec: number): number {
  return Math.min(WINDOW_MAX_NS, Math.max(WINDOW_MIN_NS, simNsPerSec * WINDOW_WALL_S));
}

/** One member between samples; counters that went back (a stats reset) count from zero. */
export function memberFigures(a: MemberCounters | undefined, b: MemberCounters, dt: number): MemberFigures {
  const d = (k: 'busyNs' | 'bytes' | 'requests' | 'merges') => (a && b[k] >= a[k] ? b[k] - a[k] : b[k]);
  const requests = d('requests');
  return {
    name: b.name,
    utilisation: Math.min(1, Math.max(0, (b.busyNs - (a?.busyNs ?? 0)) / dt)),
    meanRequestBytes: requests > 0 ? d('bytes') / requests : null,
    mergesPerSec: (d('merges') * 1e9) / dt,
  };
}

/** Figures between an older sample `a` and a newer `b`; `waitingAvg` is the mean waiting count over the samples between. */
export function recentFigures(a: Sample, b: Sample, waitingAvg = b.waitingForStripe): RecentFigures {
  const dt = Math.max(1, b.timeNs - a.timeNs);
  const threads = b.threads.map((t, i) => {
    const d = (s: number) =>
      Math.max(0, (b.threadNs[i * 5 + s] - (i * 5 + s < a.threadNs.length ? a.threadNs[i * 5 + s] : 0)) / dt);
    return { name: t.name, role: t.role, running: d(0), spinning: d(1), runnable: d(2), blocked: d(3), idle: d(4) };
  });
  const subs = threads.filter((t) => t.role === 'submitter');
  return {
    spanNs: b.timeNs - a.timeNs,
    opsPerSec: ((b.completions - a.completions) * 1e9) / dt,
    bytesPerSec: ((b.bytes - a.bytes) * 1e9) / dt,
    threads,
    members: b.members.map((m, i) => memberFigures(a.members[i], m, dt)),
    locks: b.locks.map((l) => {
      const o = a.locks.find((x) => x.name === l.name);
      const acq = l.acquisitions - (o?.acquisitions ?? 0);
      return {
        name: l.name,
        held: Math.max(0, (l.holdNs - (o?.holdNs ?? 0)) / dt / l.instances),
        contended: acq > 0 ? (l.contentions - (o?.contentions ?? 0)) / acq : 0,
      };
    }),
    submittersBlocked: subs.length ? subs.reduce((s, t) => s + t.blocked, 0) / subs.length : 0,
    waitingForStripe: waitingAvg,
    numjobs: b.numjobs,
    groupThreadCnt: b.groupThreadCnt,
    cpus: b.cpus,
    cacheActive: b.cacheActive,
    cacheSize: b.cacheSize,
    free: b.free,
  };
}

/** Keeps recent samples of any kind over the last `windowNs` of simulated time (or all it has). `push` gives
 * them oldest first, null until two at different times are kept; `newRun(last, s)` says when to start over
 * (besides time going back). */
export class SampleWindow<S extends { timeNs: number }> {
  private samples: S[] = [];

  constructor(private readonly newRun: (last: S, s: S) => boolean = () => false) {}

  reset(): void {
    this.samples = [];
  }

  push(s: S, windowNs: number): readonly S[] | null {
    const xs = this.samples;
    const last = xs[xs.length - 1];
    if (last && (s.timeNs < last.timeNs || this.newRun(last, s))) xs.length = 0;
    xs.push(s);
    while (xs.length > 2 && xs[1].timeNs <= s.timeNs - windowNs) xs.shift();
    if (xs.length > 600) xs.splice(0, xs.length - 600);
    return xs.length < 2 || s.timeNs === xs[0].timeNs ? null : xs;
  }
}

/** Keeps recent raid5 samples and gives the figures over the last `windowNs` of simulated time (or all it has). */
export class RecentWindow {
  // threads never go away within a run
  private readonly window = new SampleWindow<Sample>((last, s) => s.threads.length < last.threads.length);

  reset(): void {
    this.window.reset();
  }

  push(s: Sample, windowNs: number): RecentFigures | null {
    const xs = this.window.push(s, windowNs);
    if (!xs) return null;
    const waitingAvg = xs.reduce((n, x) => n + x.waitingForStripe, 0) / xs.length;
    return recentFigures(xs[0], s, waitingAvg);
  }
}

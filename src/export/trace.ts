// Chrome / Perfetto trace-event JSON from a captured window of a run: one track per thread with slices for
// its states and activities nested inside lock-holding slices, hand-off flows and counters. Pure data in/out.
// The importers' rules it follows (read in their sources): Perfetto's JSON parser turns ts and dur into integer ns
// each, by llround(value * 1000), and ends a slice at ts + dur; DevTools and speedscope add ts + dur in doubles,
// and speedscope first rebases every ts on the thread's earliest (ts - firstTs), which an exact ts + dur alone
// does not survive. So every time is a multiple of 2^-10 us (the nearest to its ns, us()): such numbers add and
// subtract exactly in doubles in any order, and Perfetto's llround(ts * 1000) gives back the very ns (the step,
// 0.977 ns, is under 1 ns, so the error is under half a ns). Each dur is end - start (exactDurUs checks it). Flows: DevTools binds a flow phase event only to a slice with the same ts, pid, tid and cat;
// Catapult and Perfetto bind 's' and 'f' with bp 'e' to the slice enclosing ts. Each flow end therefore sits at
// the exact start of a 'lock' slice (cat 'lock', as the flow), which satisfies all three.
export type TraceState = 'running' | 'spinning' | 'runnable' | 'blocked' | 'idle';

export interface TraceCapture {
  /** Process track name, e.g. "raid5 (preset raid5-3disk-threads, seed 1)". */
  title: string;
  fromNs: number;
  toNs: number;
  threads: readonly { id: number; name: string; role: string }[];
  /** Thread state changes in time order; each thread's state at fromNs comes first. */
  states: readonly { t: number; thread: number; state: TraceState; label: string }[];
  /** Lock takes and releases in time order (locks held at fromNs appear as takes at fromNs). */
  locks: readonly { t: number; thread: number; lock: string; op: 'take' | 'release' }[];
  /**
   * A lock passing from one thread to the next: a release that handed it straight to a waiter, or (with
   * `takenAt`) a free lock's next take by another thread, where its cache line moves between CPUs.
   */
  handoffs: readonly { t: number; from: number; to: number; lock: string; takenAt?: number }[];
  /** Counter samples (queue lengths, stripe_cache_active), first value at fromNs. */
  counters: readonly { t: number; name: string; value: number }[];
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid?: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: number;
  bp?: string;
  args?: Record<string, unknown>;
}

const PID = 1;
const ROLE_ORDER = ['raid5d', 'worker', 'offload', 'submitter', 'interrupt'];
/** Microseconds on a 2^-10 us grid: the multiple of 1/1024 us nearest to `ns` (strictly increasing in ns). */
export const us = (ns: number) => Math.round(ns * 1.024) / 1024;

/** A duration in us whose sum with `fromUs`, in doubles, is exactly `toUs`: viewers (speedscope, DevTools) add
 * ts + dur and compare with the next ts, so a decimal dur off in its last bit would mis-nest. Perfetto rounds
 * ts * 1000 and dur * 1000 to integer ns each (llround), and a dur within a few ulps still rounds right. */
export function exactDurUs(fromUs: number, toUs: number): number {
  let d = toUs - fromUs;
  for (let k = 0; k < 8 && fromUs + d !== toUs; k++) {
    const ulp = Math.max(Number.EPSILON * Math.abs(d), Number.MIN_VALUE);
    d += fromUs + d < toUs ? ulp : -ulp;
  }
  return d;
}

/** What a slice is called: the activity when running, what it waits for otherwise. Running under a lock
 * class's own label is the cache-line migration a lock taken from another CPU costs (lock_stat's bounces). */
export function sliceName(state: TraceState, label: string, lockNames: ReadonlySet<string> = new Set()): string {
  switch (state) {
    case 'running':
      return lockNames.has(label) ? `${label} cache-line bounce` : label || 'running';
    case 'spinning':
      return `spin ${label}`.trim();
    case 'runnable':
      return 'runnable (waiting for a CPU)';
    case 'blocked':
      return 'blocked';
    case 'idle':
      return 'idle';
  }
}

interface Open {
  name: string;
  cat: string;
  start: number;
  args: Record<string, unknown>;
}

interface Slice {
  ev: TraceEvent;
  from: number;
  to: number;
  depth: number;
}

/** One thread's slices: holds as outer slices (split where they cross, so they nest), state leaves inside.
 * At equal times the order of a lock event and a state change does not matter: the piece between is empty. */
function threadSlices(tid: number, c: TraceCapture, lockNames: ReadonlySet<string>, out: Slice[]): void {
  type Ev = { t: number; kind: 0 | 1; i: number };
  const evs: Ev[] = [];
  c.locks.forEach((l, i) => l.thread === tid && evs.push({ t: l.t, kind: 0, i }));
  c.states.forEach((s, i) => s.thread === tid && evs.push({ t: s.t, kind: 1, i }));
  evs.sort((a, b) => a.t - b.t); // stable: each kind keeps its recorded order
  const holds: Open[] = [];
  let leaf: Open | null = null;
  const emit = (o: Open, end: number, depth: number) => {
    const from = Math.max(o.start, c.fromNs);
    const to = Math.min(end, c.toNs);
    if (to > from)
      out.push({
        ev: {
          name: o.name,
          ph: 'X',
          cat: o.cat,
          pid: PID,
          tid: tid + 1,
          ts: us(from),
          dur: exactDurUs(us(from), us(to)),
          args: o.args,
        },
        from,
        to,
        depth,
      });
  };
  const closeLeaf = (t: number) => {
    if (leaf) emit(leaf, t, holds.length);
    return leaf;
  };
  for (const e of evs) {
    const prev = closeLeaf(e.t);
    if (e.kind === 1) {
      const s = c.states[e.i];
      leaf =
        s.state === 'idle'
          ? null
          : {
              name: sliceName(s.state, s.label, lockNames),
              cat: s.state,
              start: e.t,
              args: { state: s.state, label: s.label },
            };
      continue;
    }
    const l = c.locks[e.i];
    if (l.op === 'take') holds.push({ name: `holding ${l.lock}`, cat: 'lock', start: e.t, args: { lock: l.lock } });
    else {
      const at = holds.map((h) => h.args.lock).lastIndexOf(l.lock);
      if (at >= 0) {
        // Releasing a lock taken before later ones: close the later ones here and reopen them after it.
        const above = holds.splice(at + 1);
        above.forEach((h, j) => emit(h, e.t, at + 1 + j));
        emit(holds.pop() as Open, e.t, at);
        for (const h of above) holds.push({ ...h, start: e.t, args: { ...h.args, continued: true } });
      }
    }
    leaf = prev ? { ...prev, start: e.t } : null;
  }
  closeLeaf(c.toNs);
  holds.forEach((h, j) => emit(h, c.toNs, j));
}

function roleRank(role: string): number {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
}

/** The trace file: metadata, per-thread slices sorted so parents precede children, flows and counters. */
export function traceFile(c: TraceCapture): {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ns';
  otherData: Record<string, unknown>;
} {
  const meta: TraceEvent[] = [{ name: 'process_name', ph: 'M', pid: PID, args: { name: c.title } }];
  const slices: Slice[] = [];
  const lockNames = new Set([
    ...c.locks.map((l) => l.lock),
    ...c.states.filter((s) => s.state === 'spinning').map((s) => s.label),
  ]);
  const byRole = [...c.threads].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.id - b.id);
  byRole.forEach((t, i) => {
    meta.push({ name: 'thread_name', ph: 'M', pid: PID, tid: t.id + 1, args: { name: t.name } });
    meta.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid: t.id + 1, args: { sort_index: i } });
    threadSlices(t.id, c, lockNames, slices);
  });
  // Parents before children: by start, then longer first, then outer first (equal spans).
  slices.sort(
    (a, b) => (a.ev.tid as number) - (b.ev.tid as number) || a.from - b.from || b.to - a.to || a.depth - b.depth,
  );
  // Flows bind as the DevTools trace engine binds them (a flow phase event belongs to the slice with the same
  // ts, pid, tid and cat) and as Catapult and Perfetto do (the slice enclosing ts, half-open): each end sits at
  // the exact start of a 'lock' slice, the releaser's last piece of its hold and the taker's new hold.
  const holdStarts = new Map<string, number>();
  const holdEnds = new Map<string, number>();
  for (const sl of slices)
    if (sl.ev.cat === 'lock') {
      const key = `${sl.ev.tid}/${String(sl.ev.args?.lock)}`;
      holdStarts.set(`${key}@${sl.from}`, sl.from);
      holdEnds.set(`${key}@${sl.to}`, sl.from);
    }
  const flows: TraceEvent[] = [];
  c.handoffs.forEach((h, id) => {
    const end = h.takenAt ?? h.t;
    if (h.t < c.fromNs || end > c.toNs) return;
    const out = holdEnds.get(`${h.from + 1}/${h.lock}@${h.t}`);
    const into = holdStarts.get(`${h.to + 1}/${h.lock}@${end}`);
    if (out === undefined || into === undefined) return; // a hold cut by the window's edge, or of zero length
    const common = {
      name: h.takenAt === undefined ? `${h.lock} hand-off` : `${h.lock} release -> next take`,
      cat: 'lock',
      pid: PID,
      id: id + 1,
    };
    flows.push(
      { ...common, ph: 's', ts: us(out), tid: h.from + 1, args: { releasedAtNs: h.t } },
      { ...common, ph: 'f', bp: 'e', ts: us(into), tid: h.to + 1 },
    );
  });
  const counters: TraceEvent[] = c.counters
    .filter((k) => k.t >= c.fromNs && k.t <= c.toNs)
    .map((k) => ({ name: k.name, ph: 'C', pid: PID, ts: us(k.t), args: { value: k.value } }));
  return {
    traceEvents: [...meta, ...slices.map((x) => x.ev), ...flows, ...counters],
    displayTimeUnit: 'ns',
    otherData: { source: 'Stripe Lab (simulated time)', fromNs: c.fromNs, toNs: c.toNs },
  };
}

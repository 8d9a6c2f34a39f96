// The figures a lesson points at, each computed between two snapshots of one run from their cumulative
// counters: the player and the lesson tests use these same functions, so what a test checks is what is shown.
import type { Snapshot } from '../../sim/core/model';

export interface FigureDef {
  label: string;
  /** Plain words for the tooltip and the lesson panel. */
  about: string;
  /** Shown as a percentage (a share 0..1) or as a number with this many decimals. */
  percent?: boolean;
  digits?: number;
  /** The figure over [a, b] of one run, or null when the run does not report what it needs. */
  compute(a: Snapshot, b: Snapshot): number | null;
}

const MiB = 1 << 20;
/** Thread states in the order of a raid5 snapshot's threadNs (sim/core/thread.ts STATE_NAMES). */
const RUNNING = 0,
  SPINNING = 1,
  BLOCKED = 3;

const span = (a: Snapshot, b: Snapshot) => b.timeNs - a.timeNs;
const num = (s: Snapshot, key: string): number | null =>
  typeof s.extra?.[key] === 'number' ? (s.extra[key] as number) : null;
const delta = (a: Snapshot, b: Snapshot, key: string): number | null => {
  const x = num(a, key),
    y = num(b, key);
  return x === null || y === null ? null : y - x;
};
const per = (x: number | null, y: number) => (x === null || !(y > 0) ? null : x / y);

/** Mean share of the window that threads of these roles (or this name) spent in the given states. */
function threadShare(
  a: Snapshot,
  b: Snapshot,
  pick: (t: { name: string; role: string }) => boolean,
  states: number[],
): number | null {
  const ta = a.extra?.threadNs,
    tb = b.extra?.threadNs;
  if (!(ta instanceof Float64Array) || !(tb instanceof Float64Array) || span(a, b) <= 0) return null;
  const shares: number[] = [];
  b.threads.forEach((t, i) => {
    if (!pick(t)) return;
    // a thread created inside the window has no earlier time: its states start at zero
    const ns = states.reduce((s, st) => s + tb[i * 5 + st] - (i * 5 + st < ta.length ? ta[i * 5 + st] : 0), 0);
    shares.push(ns / span(a, b));
  });
  return shares.length ? shares.reduce((s, x) => s + x, 0) / shares.length : null;
}

function lockDelta(a: Snapshot, b: Snapshot, name: string): { acquisitions: number; contentions: number } | null {
  const la = a.lockStats.find((l) => l.name === name),
    lb = b.lockStats.find((l) => l.name === name);
  if (!lb) return null;
  return {
    acquisitions: lb.acquisitions - (la?.acquisitions ?? 0),
    contentions: lb.contentions - (la?.contentions ?? 0),
  };
}

const isHandler = (t: { role: string }) => t.role === 'raid5d' || t.role === 'worker';

export const FIGURES = {
  iops: {
    label: 'IOPS',
    digits: 0,
    about: 'Completed writes per simulated second',
    compute: (a, b) => per((b.completions - a.completions) * 1e9, span(a, b)),
  },
  mbps: {
    label: 'MB/s',
    digits: 0,
    about: 'Megabytes written per simulated second',
    compute: (a, b) => per(((b.bytes - a.bytes) * 1e9) / 1e6, span(a, b)),
  },
  raid5dBusy: {
    label: 'md0_raid5 busy',
    percent: true,
    about: 'Share of time the md thread was running or spinning',
    compute: (a, b) => threadShare(a, b, (t) => t.role === 'raid5d', [RUNNING, SPINNING]),
  },
  handlersSpinning: {
    label: 'handlers spinning',
    percent: true,
    about: 'Mean share of time raid5d and the workers spent spinning on a lock',
    compute: (a, b) => threadShare(a, b, isHandler, [SPINNING]),
  },
  memberUtil: {
    label: 'members busy',
    percent: true,
    about: 'Mean share of time the member disks were serving requests',
    compute: (a, b) => {
      if (span(a, b) <= 0 || b.devices.length === 0) return null;
      const busy = b.devices.map((d, i) => d.utilisation * b.timeNs - (a.devices[i]?.utilisation ?? 0) * a.timeNs);
      return busy.reduce((s, x) => s + x, 0) / b.devices.length / span(a, b);
    },
  },
  deviceLockContentionsPerIo: {
    label: 'device_lock contentions per write',
    digits: 2,
    about: 'Times a thread found device_lock taken, per completed write',
    compute: (a, b) => per(lockDelta(a, b, 'device_lock')?.contentions ?? null, b.completions - a.completions),
  },
  deviceLockContended: {
    label: 'device_lock contended',
    percent: true,
    about: 'Share of device_lock acquisitions that had to wait',
    compute: (a, b) => {
      const d = lockDelta(a, b, 'device_lock');
      return d ? per(d.contentions, d.acquisitions) : null;
    },
  },
  submittersBlocked: {
    label: 'fio jobs asleep',
    percent: true,
    about: 'Mean share of time the fio jobs slept (e.g. waiting for a free stripe_head)',
    compute: (a, b) => threadShare(a, b, (t) => t.role === 'submitter', [BLOCKED]),
  },
  memberReadsPerWrite: {
    label: 'member reads per write',
    digits: 2,
    about: '4K pages read from the members per completed write (pre-reads for RMW or RCW)',
    compute: (a, b) => per(per(delta(a, b, 'memberReadBytes'), 4096), b.completions - a.completions),
  },
  submissionsPerMiB: {
    label: 'submissions per MiB',
    digits: 1,
    about: 'Buffers or bios handed to the block layer per MiB they carried',
    // per MiB submitted, not written: in a short window writeback lags or catches up with the writers
    compute: (a, b) => per(delta(a, b, 'submissions'), ((delta(a, b, 'submittedPages') ?? 0) * 4096) / MiB),
  },
  queueLockContentionsPerMiB: {
    label: 'queue_lock contentions per MiB',
    digits: 1,
    about: 'Times a thread found the request queue lock taken, per MiB written',
    compute: (a, b) => per(lockDelta(a, b, 'queue_lock')?.contentions ?? null, (b.bytes - a.bytes) / MiB),
  },
} satisfies Record<string, FigureDef>;

export type FigureId = keyof typeof FIGURES;

/** A figure's value as the lesson panel prints it. */
export function formatFigure(id: FigureId, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const f: FigureDef = FIGURES[id];
  if (f.percent) return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString('en', { maximumFractionDigits: f.digits ?? 1, minimumFractionDigits: f.digits ?? 1 });
}

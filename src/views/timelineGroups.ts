// The thread timeline's rows: threads grouped by role (interrupts, md threads, workers, fio submitters,
// others), each group a header row that is also its aggregate track while collapsed, and the share of a
// group's threads in each state per pixel. Pure: no canvas, no DOM.

export type GroupId = 'irq' | 'md' | 'workers' | 'fio' | 'others';

export interface ThreadGroup {
  id: GroupId;
  label: string;
  /** Thread indices (ring order) in this group. */
  threads: number[];
}

export type TimelineRow =
  | { kind: 'group'; group: ThreadGroup; expanded: boolean }
  | { kind: 'thread'; group: ThreadGroup; thread: number; name: string };

const ORDER: readonly { id: GroupId; label: string }[] = [
  { id: 'irq', label: 'interrupts' },
  { id: 'md', label: 'md threads' },
  { id: 'workers', label: 'workers' },
  { id: 'fio', label: 'fio submitters' },
  { id: 'others', label: 'others' },
];

/** Groups of at most this many threads open expanded; larger ones open collapsed. */
export const EXPAND_UP_TO = 4;

/** Which group a thread belongs to, from its role (the model's word) and, failing that, its kernel name. */
export function groupOf(t: { name: string; role: string }): GroupId {
  const { role, name } = t;
  if (role === 'interrupt' || /^(irq\/|ksoftirqd\/)/.test(name)) return 'irq';
  if (/^raid\d*d$/.test(role) || role === 'resync' || /^md\d+_/.test(name)) return 'md';
  if (role === 'submitter' || role === 'writer' || name.startsWith('fio/')) return 'fio';
  if (['worker', 'kworker', 'offload', 'workqueue'].includes(role) || name.startsWith('kworker/')) return 'workers';
  return 'others';
}

/** The non-empty groups in a fixed order, each with its threads in ring order. */
export function groupThreads(meta: readonly { name: string; role: string }[]): ThreadGroup[] {
  const by = new Map<GroupId, number[]>();
  meta.forEach((t, i) => {
    const g = groupOf(t);
    const list = by.get(g);
    if (list) list.push(i);
    else by.set(g, [i]);
  });
  return ORDER.filter((g) => by.has(g.id)).map((g) => ({ ...g, threads: by.get(g.id)! }));
}

/** A group is expanded if the user said so, else when it is small. */
export function isExpanded(g: ThreadGroup, chosen: Partial<Record<GroupId, boolean>>): boolean {
  return chosen[g.id] ?? g.threads.length <= EXPAND_UP_TO;
}

/** One header row per group, then its threads' rows when expanded. */
export function timelineRows(
  groups: readonly ThreadGroup[],
  meta: readonly { name: string }[],
  chosen: Partial<Record<GroupId, boolean>>,
): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const group of groups) {
    const expanded = isExpanded(group, chosen);
    rows.push({ kind: 'group', group, expanded });
    if (expanded)
      for (const thread of group.threads)
        rows.push({ kind: 'thread', group, thread, name: meta[thread]?.name ?? `#${thread}` });
  }
  return rows;
}

/**
 * Fills `out` (rows.length x width x 5, the TimelineRaster layout) with the state shares to paint for
 * rows [first, first + count): a thread row copies its thread's shares from `acc`; a collapsed group's
 * header is the mean over the group's threads (the share of its threads in each state, pixel by pixel; a
 * thread not yet seen counts as nothing); an expanded header is left empty.
 */
export function rowShares(
  acc: Float32Array,
  width: number,
  rows: readonly TimelineRow[],
  first: number,
  count: number,
  out: Float32Array,
): void {
  out.fill(0, 0, count * width * 5);
  const tracks = acc.length / (width * 5);
  for (let r = 0; r < count; r++) {
    const row = rows[first + r];
    if (!row) break;
    const o = r * width * 5;
    if (row.kind === 'thread') {
      if (row.thread < tracks) out.set(acc.subarray(row.thread * width * 5, (row.thread + 1) * width * 5), o);
    } else if (!row.expanded) {
      const n = row.group.threads.length;
      for (const t of row.group.threads) {
        if (t >= tracks) continue;
        const a = t * width * 5;
        for (let i = 0; i < width * 5; i++) out[o + i] += acc[a + i] / n;
      }
    }
  }
}

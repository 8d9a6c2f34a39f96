// Golden preset summaries: a run's contract figures flattened to named, rounded numbers, and the
// comparison that says which figures moved (old -> new, by how much). Test support only, for golden.test.ts.
import type { SimResult } from '../core/result';

/** Simulated time of every golden run: short, so all presets and baselines run in seconds. */
export const GOLDEN_WARMUP = '2ms';
export const GOLDEN_DURATION = '5ms';
export const GOLDEN_SEED = 1;

/** Significant figures kept: enough that a real change shows, few enough that a reordered float sum does not. */
export const SIGNIFICANT = 4;

export type Figures = Record<string, number>;

/** One preset's snapshot file: the run settings it was taken with and each side's figures. */
export interface GoldenFile {
  preset: string;
  model: string;
  seed: number;
  warmup: string;
  duration: string;
  sides: Record<string, Figures>;
}

export function round(x: number, digits = SIGNIFICANT): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/** Names made unique in order of appearance: a second `kworker` becomes `kworker#2`. */
function uniqueNames<T extends { name: string }>(rows: readonly T[]): [string, T][] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.name) ?? 0) + 1;
    seen.set(row.name, n);
    return [n === 1 ? row.name : `${row.name}#${n}`, row];
  });
}

/** The figures issue 10 names: throughput, p50/p99, per lock, per thread state, per queue, per device. */
export function goldenFigures(r: SimResult): Figures {
  const f: Figures = {
    'throughput.opsPerSec': round(r.throughput.opsPerSec),
    'throughput.bytesPerSec': round(r.throughput.bytesPerSec),
    'latency.p50Ns': round(r.latencyNs.p50),
    'latency.p99Ns': round(r.latencyNs.p99),
  };
  for (const [name, l] of uniqueNames(r.locks)) {
    f[`lock.${name}.acquisitions`] = round(l.acquisitions);
    f[`lock.${name}.contentions`] = round(l.contentions);
    f[`lock.${name}.waitTotalNs`] = round(l.waitTimeTotalNs);
  }
  for (const [name, t] of uniqueNames(r.threads))
    for (const [state, share] of Object.entries(t.states)) f[`thread.${name}.${state}`] = round(share);
  for (const [name, q] of uniqueNames(r.queues)) f[`queue.${name}.meanLength`] = round(q.meanLength);
  for (const [name, d] of uniqueNames(r.devices)) f[`device.${name}.utilisation`] = round(d.utilisation);
  return f;
}

/** One figure that differs between the kept file and this run; `before`/`after` absent when it is new / gone. */
export interface Move {
  key: string;
  before?: number;
  after?: number;
}

/** Every figure that differs (exact comparison of the rounded values), in the file's order. */
export function movedFigures(before: Figures, after: Figures): Move[] {
  const out: Move[] = [];
  for (const [key, v] of Object.entries(before))
    if (!(key in after)) out.push({ key, before: v });
    else if (after[key] !== v) out.push({ key, before: v, after: after[key] });
  for (const [key, v] of Object.entries(after)) if (!(key in before)) out.push({ key, after: v });
  return out;
}

/** The relative change in percent; Infinity from zero or for a figure that appeared or went. */
function change(m: Move): number {
  if (m.before === undefined || m.after === undefined || m.before === 0) return Infinity;
  return ((m.after - m.before) / Math.abs(m.before)) * 100;
}

function percentText(m: Move): string {
  if (m.before === undefined) return 'new';
  if (m.after === undefined) return 'gone';
  if (m.before === 0) return 'from 0';
  const p = change(m);
  return `${p > 0 ? '+' : ''}${Math.abs(p) >= 10 ? p.toFixed(0) : p.toPrecision(2)}%`;
}

/** One line per move, largest relative change first: `name: old -> new (+x%)`; past `limit`, a count of the rest. */
export function describeMoves(moves: readonly Move[], limit = 40): string[] {
  const sorted = [...moves].sort((a, b) => Math.abs(change(b)) - Math.abs(change(a)) || a.key.localeCompare(b.key));
  const lines = sorted
    .slice(0, limit)
    .map((m) => `${m.key}: ${m.before ?? '(none)'} -> ${m.after ?? '(none)'} (${percentText(m)})`);
  if (sorted.length > limit) lines.push(`... and ${sorted.length - limit} more`);
  return lines;
}

/** The file's text as it is kept in the tree: two-space JSON, which is also what Prettier writes for it. */
export function goldenText(g: GoldenFile): string {
  return `${JSON.stringify(g, null, 2)}\n`;
}

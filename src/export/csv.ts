// CSV (RFC 4180) of sweep results: one row per point, estimates flattened to mean / ci95 low / high
// columns. Pure text from plain data; it reads no files and runs no simulation.

export type Cell = string | number | boolean | null | undefined;

interface EstimateLike {
  mean: number;
  ci95: readonly [number, number] | null;
}
/** The parts of a sweep point line the CSV shows (the sweep's JSON line has this shape). */
export interface SweepPointLike {
  index: number;
  point: Record<string, string | number | boolean>;
  replications: number;
  throughput: { opsPerSec: EstimateLike; bytesPerSec: EstimateLike };
  latencyNs: { p99: EstimateLike; mean: EstimateLike; p50?: EstimateLike };
  utilisation: Record<string, EstimateLike>;
  locks: Record<string, { waitTimeTotalNs: EstimateLike; contentions: EstimateLike }>;
}

function quote(c: Cell): string {
  if (c === null || c === undefined) return '';
  const s = String(c);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text; the header is the union of keys in first-seen order, missing cells empty. */
export function toCsv(rows: readonly Record<string, Cell>[]): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      cols.push(k);
    }
  }
  const lines = [cols.map(quote).join(',')];
  for (const r of rows) lines.push(cols.map((c) => quote(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function put(row: Record<string, Cell>, name: string, e: EstimateLike): void {
  row[`${name}_mean`] = e.mean;
  row[`${name}_ci95_lo`] = e.ci95 ? e.ci95[0] : null;
  row[`${name}_ci95_hi`] = e.ci95 ? e.ci95[1] : null;
}

/** One flat row per sweep point. */
export function sweepCsvRow(p: SweepPointLike): Record<string, Cell> {
  const row: Record<string, Cell> = { index: p.index };
  for (const [k, v] of Object.entries(p.point)) row[k] = v;
  row.replications = p.replications;
  put(row, 'ops_per_sec', p.throughput.opsPerSec);
  put(row, 'bytes_per_sec', p.throughput.bytesPerSec);
  put(row, 'latency_p99_ns', p.latencyNs.p99);
  put(row, 'latency_mean_ns', p.latencyNs.mean);
  if (p.latencyNs.p50) put(row, 'latency_p50_ns', p.latencyNs.p50); // absent in lines of older sweeps
  for (const [t, e] of Object.entries(p.utilisation)) put(row, `util:${t}`, e);
  for (const [l, e] of Object.entries(p.locks)) {
    put(row, `${l}:wait_total_ns`, e.waitTimeTotalNs);
    put(row, `${l}:contentions`, e.contentions);
  }
  return row;
}

export function sweepCsv(points: readonly SweepPointLike[]): string {
  return toCsv(points.map(sweepCsvRow));
}

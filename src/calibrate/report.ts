// A calibration as text (one line per fitted parameter with its interval, the residual table, the pinned /
// not pinned verdicts) and as the one JSON object of `--json`: {"fit": {KEY: {value, ci95, identified}},
// "residuals": [...], "evaluations": N}, plus the fixed values and sigma.
import { formatBytes, formatNs, formatRate } from '../lib/units';
import type { Calibration } from './calibrate';
import type { ResidualRow } from './residuals';

/** Bytes/s in decimal units, as device datasheets and the boot log's xor lines give them. */
function decimalRate(v: number): string {
  if (v >= 1e9) return `${(v / 1e9).toFixed(3)} GB/s`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} MB/s`;
  return `${(v / 1e3).toFixed(1)} kB/s`;
}

/** A machine value in its unit: times as times, bytes/s as decimal bytes/s, the rest as numbers. */
export function valueText(key: string, v: number): string {
  if (key === 'device.latency' || key === 'device.seek') return formatNs(v);
  if (key.endsWith('bandwidth') || key.endsWith('_speed')) return key === 'cpu_speed' ? v.toFixed(3) : decimalRate(v);
  if (key === 'device.parallelism') return String(Math.round(v));
  return String(v);
}

function figureText(r: ResidualRow, v: number): string {
  if (r.figure === 'iops') return formatRate(v);
  if (r.figure === 'bw') return `${formatBytes(v)}B/s`;
  return formatNs(v);
}

export function residualLines(rows: readonly ResidualRow[]): string[] {
  const w = Math.max(8, ...rows.map((r) => r.run.length + 2));
  const out = [
    `${'run'.padEnd(w)}${'figure'.padEnd(8)}${'measured'.padStart(12)}${'fitted'.padStart(12)}${'ratio'.padStart(8)}`,
  ];
  for (const r of rows)
    out.push(
      `${r.run.padEnd(w)}${r.figure.padEnd(8)}${figureText(r, r.measured).padStart(12)}${figureText(r, r.fitted).padStart(12)}${r.ratio.toFixed(3).padStart(8)}`,
    );
  return out;
}

export function calibrationText(c: Calibration): string {
  const keys = Object.keys(c.fit);
  const w = Math.max(...keys.map((k) => k.length), 10) + 2;
  const lines = [
    `fitted machine (95% intervals from the linearised profile likelihood; sigma ${(c.sigma * 100).toFixed(1)}% per figure):`,
  ];
  for (const k of keys) {
    const f = c.fit[k];
    lines.push(
      `  ${k.padEnd(w)}${valueText(k, f.value).padStart(12)}   95% [${valueText(k, f.ci95[0])}, ${valueText(k, f.ci95[1])}]   ${f.identified ? 'pinned' : 'NOT PINNED'}`,
    );
  }
  for (const [k, v] of Object.entries(c.fixed))
    lines.push(`  ${k.padEnd(w)}${valueText(k, v).padStart(12)}   fixed (--fix)`);
  lines.push('', 'residuals (fitted / measured):', ...residualLines(c.residuals).map((l) => `  ${l}`), '');
  const pinned = keys.filter((k) => c.fit[k].identified);
  const loose = keys.filter((k) => !c.fit[k].identified);
  lines.push(`pinned: ${pinned.join(', ') || '-'}`);
  lines.push(`not pinned: ${loose.join(', ') || '-'}`);
  for (const k of loose) lines.push(`  ${k}: ${c.fit[k].advice}`);
  for (const n of c.notes) lines.push(`note: ${n}`);
  lines.push(`evaluations: ${c.evaluations}; squared log error ${c.sse.toPrecision(3)}`);
  return lines.join('\n');
}

export function calibrationJson(c: Calibration): Record<string, unknown> {
  return {
    fit: c.fit,
    residuals: c.residuals,
    evaluations: c.evaluations,
    fixed: c.fixed,
    sigma: c.sigma,
    machine: c.machine,
    notes: c.notes,
  };
}

// The readable sweep table (printed row by row as points finish) and the notes that say how the sweep
// was run (seeds, fixed warm-up, shard, pool). Formatting only.
import type { Estimate } from '../../analysis/studentT';
import { formatNs, formatRate } from '../../lib/units';
import type { PointLine, UslLine } from '../../analysis/sweep/aggregate';

const pad = (s: string, n: number) => s.padStart(n);

function pm(e: Estimate, fmt: (x: number) => string): string {
  if (!e.ci95) return fmt(e.mean);
  return `${fmt(e.mean)} ± ${fmt((e.ci95[1] - e.ci95[0]) / 2)}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ns = (x: number) => formatNs(x).replace(' ', '');

export interface SweepNote {
  label: string;
  points: number;
  totalPoints: number;
  replications: number;
  seed: number;
  durationNs: number;
  warmupNs: number;
  jobs: number;
  shard: string | null;
}

/** One line saying what runs: seeds, fixed warm-up, measured time, shard and pool size. */
export function noteLine(n: SweepNote): string {
  const seeds = n.replications === 1 ? `seed ${n.seed}` : `seeds ${n.seed}..${n.seed + n.replications - 1} (replication r uses seed ${n.seed}+r, the same for every point)`;
  const shard = n.shard ? `, shard ${n.shard}: ${n.points} of ${n.totalPoints} points` : '';
  return `sweep ${n.label}: ${n.points} points x ${n.replications} replications, ${seeds}; fixed warm-up ${ns(n.warmupNs)} discarded (not detected), ${ns(n.durationNs)} measured${shard}; ${n.jobs} worker thread${n.jobs === 1 ? '' : 's'}; intervals are Student-t 95% over replications`;
}

export function tableHeader(keys: readonly string[]): string {
  return [...keys.map((k) => pad(k, Math.max(8, k.length))), pad('ops/s', 20), pad('p99 latency', 24), pad('raid5d', 8), pad('workers', 8), '  most lock wait (per measured s)'].join('  ');
}

export function tableRow(keys: readonly string[], l: PointLine): string {
  const util = Object.entries(l.utilisation);
  const r5 = util.find(([name]) => name === 'md0_raid5');
  const others = util.filter(([name]) => name !== 'md0_raid5');
  const workers = others.length ? pct(others.reduce((s, [, e]) => s + e.mean, 0) / others.length) : '-';
  const sec = l.durationNs / 1e9;
  const top = Object.entries(l.locks).sort((a, b) => b[1].waitTimeTotalNs.mean - a[1].waitTimeTotalNs.mean)[0];
  const lock = top && top[1].waitTimeTotalNs.mean > 0 ? `${top[0]} ${(top[1].waitTimeTotalNs.mean / 1e9 / sec).toFixed(3)} s/s` : '-';
  return [
    ...keys.map((k) => pad(String(l.point[k]), Math.max(8, k.length))),
    pad(pm(l.throughput.opsPerSec, formatRate), 20),
    pad(pm(l.latencyNs.p99, ns), 24),
    pad(r5 ? pct(r5[1].mean) : '-', 8),
    pad(workers, 8),
    `  ${lock}`,
  ].join('  ');
}

export function uslText(u: UslLine): string {
  const f = u.usl;
  const forText = Object.keys(f.for).length ? ` at ${Object.entries(f.for).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
  const peak = f.peakN === null ? 'no peak (beta = 0)' : `peak at N = ${f.peakN}`;
  return `USL${forText} over ${f.points} points, N = ${f.n}: alpha ${f.alpha}, beta ${f.beta}, gamma ${formatRate(f.gamma)} ops/s per thread, ${peak}, r2 ${f.r2}`
    + `; wait growing with N: ${f.contention.length ? f.contention.join(', ') : 'none'}`;
}

// The readable sweep table (printed row by row as points finish) and the notes that say how the sweep
// was run (seeds, fixed or detected warm-up, shard, pool). Formatting only.
import type { Estimate } from '../../analysis/studentT';
import { formatNs, formatRate } from '../../lib/units';
import type { PointLine, UslLine } from '../../analysis/sweep/aggregate';
import type { SweepPlan } from '../../scenarios/sweep/plan';

const pad = (s: string, n: number) => s.padStart(n);

function pm(e: Estimate, fmt: (x: number) => string): string {
  if (!e.ci95) return fmt(e.mean);
  return `${fmt(e.mean)} ± ${fmt((e.ci95[1] - e.ci95[0]) / 2)}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ns = (x: number) => formatNs(x).replace(' ', '');

/** What the note says: the plan's own figures, with this shard's point count and the pool size. */
export type SweepNote = Pick<
  SweepPlan,
  'label' | 'totalPoints' | 'replications' | 'seed' | 'durationNs' | 'warmupNs' | 'warmupMode' | 'shard'
> & { points: number; jobs: number };

/** How the warm-up is chosen, before anything runs: a fixed time, or detected per run over the horizon. */
function warmupPlan(n: SweepNote): string {
  if (n.warmupMode === 'fixed')
    return `warm-up fixed: ${ns(n.warmupNs)} discarded (not detected), ${ns(n.durationNs)} measured`;
  return `warm-up detected per run (MSER-5 on completions per interval over ${ns(n.warmupNs + n.durationNs)}; where it finds no cut, the fixed ${ns(n.warmupNs)} is discarded), the rest measured`;
}

/** One line saying what runs: seeds, fixed or detected warm-up, measured time, shard and pool size. */
export function noteLine(n: SweepNote): string {
  const seeds =
    n.replications === 1
      ? `seed ${n.seed}`
      : `seeds ${n.seed}..${n.seed + n.replications - 1} (replication r uses seed ${n.seed}+r, the same for every point)`;
  const shard = n.shard ? `, shard ${n.shard}: ${n.points} of ${n.totalPoints} points` : '';
  return `sweep ${n.label}: ${n.points} points x ${n.replications} replications, ${seeds}; ${warmupPlan(n)}${shard}; ${n.jobs} worker thread${n.jobs === 1 ? '' : 's'}; intervals are Student-t 95% over replications`;
}

const WARMUP_COL = 22;

/** The table's columns; a detected-warm-up sweep has one more: each point's mean cut. */
export function tableHeader(keys: readonly string[], warmupMode: 'fixed' | 'auto' = 'fixed'): string {
  const warm = warmupMode === 'auto' ? [pad('warm-up (MSER-5)', WARMUP_COL)] : [];
  return [
    ...keys.map((k) => pad(k, Math.max(8, k.length))),
    pad('ops/s', 20),
    pad('p99 latency', 24),
    pad('raid5d', 8),
    pad('workers', 8),
    ...warm,
    '  most lock wait (per measured s)',
  ].join('  ');
}

/** A detected warm-up's cell: mean ± half-width, and how many runs fell back to the fixed warm-up. */
function warmupCell(l: PointLine): string[] {
  const w = l.warmup;
  if (w?.mode !== 'detected') return [];
  return [pad(`${pm(w.ns, ns)}${w.notDetected ? ` (${w.notDetected} fixed)` : ''}`, WARMUP_COL)];
}

/** After a table: the warm-up the whole sweep discarded, the words saying which kind. */
export function warmupSummary(lines: readonly PointLine[]): string {
  const detected = lines.flatMap((l) => (l.warmup?.mode === 'detected' ? [l.warmup] : []));
  if (detected.length === 0) return `warm-up fixed: ${ns(lines[0]?.warmupNs ?? 0)} discarded`;
  const mean = detected.reduce((s, w) => s + w.ns.mean, 0) / detected.length;
  const runs = lines.reduce((s, l) => s + l.replications, 0);
  const fell = detected.reduce((s, w) => s + w.notDetected, 0);
  return `warm-up detected (MSER-5): mean ${ns(mean)} over ${runs} runs${fell ? `; ${fell} found no cut and discarded the fixed warm-up` : ''}`;
}

export function tableRow(keys: readonly string[], l: PointLine): string {
  const util = Object.entries(l.utilisation);
  const isMdThread = (name: string) => /^md0_raid[456]$/.test(name); // md0_raid5, md0_raid6
  const r5 = util.find(([name]) => isMdThread(name));
  const others = util.filter(([name]) => !isMdThread(name));
  const workers = others.length ? pct(others.reduce((s, [, e]) => s + e.mean, 0) / others.length) : '-';
  const sec = l.durationNs / 1e9;
  const top = Object.entries(l.locks).sort((a, b) => b[1].waitTimeTotalNs.mean - a[1].waitTimeTotalNs.mean)[0];
  const lock =
    top && top[1].waitTimeTotalNs.mean > 0
      ? `${top[0]} ${(top[1].waitTimeTotalNs.mean / 1e9 / sec).toFixed(3)} s/s`
      : '-';
  return [
    ...keys.map((k) => pad(String(l.point[k]), Math.max(8, k.length))),
    pad(pm(l.throughput.opsPerSec, formatRate), 20),
    pad(pm(l.latencyNs.p99, ns), 24),
    pad(r5 ? pct(r5[1].mean) : '-', 8),
    pad(workers, 8),
    ...warmupCell(l),
    `  ${lock}`,
  ].join('  ');
}

export function uslText(u: UslLine): string {
  const f = u.usl;
  const forText = Object.keys(f.for).length
    ? ` at ${Object.entries(f.for)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    : '';
  const peak = f.peakN === null ? 'no peak (beta = 0)' : `peak at N = ${f.peakN}`;
  return (
    `USL${forText} over ${f.points} points, N = ${f.n}: alpha ${f.alpha}, beta ${f.beta}, gamma ${formatRate(f.gamma)} ops/s per thread, ${peak}, r2 ${f.r2}` +
    `; wait growing with N: ${f.contention.length ? f.contention.join(', ') : 'none'}`
  );
}

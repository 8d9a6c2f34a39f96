// Turns the replications of one sweep point into its output line (means and Student-t 95% intervals),
// and a thread-count sweep's points into USL fits. Pure functions of SimResults; runs nothing.
// Shared by `npm run sweep` and the UI's Sweep page.
import { meanCi, type Estimate } from '../studentT';
import { fitUsl } from '../usl';
import { growingSeries } from '../trend';
import type { SimResult } from '../../sim/core/result';

export type Value = string | number | boolean;

export interface LockEstimates {
  waitTimeTotalNs: Estimate;
  contentions: Estimate;
  acquisitions: Estimate;
  holdTimeTotalNs: Estimate;
}

export interface PointLine {
  point: Record<string, Value>;
  replications: number;
  throughput: { opsPerSec: Estimate; bytesPerSec: Estimate };
  latencyNs: { p99: Estimate; mean: Estimate; p50: Estimate };
  /** Fraction of the measured time on a CPU (running or spinning), per handling thread. */
  utilisation: Record<string, Estimate>;
  /** Per handler role, the mean over that role's threads of their utilisation (one figure per replication,
   * then the interval): comparable across points whose thread counts differ. */
  roleUtilisation: Record<string, Estimate>;
  locks: Record<string, LockEstimates>;
  /** Index of the point in the whole sweep (shards keep the global index). */
  index: number;
  seeds: number[];
  /** Measured and discarded time; with detected warm-up they differ by run, and these are their means. */
  durationNs: number;
  warmupNs: number;
  /** How the warm-up was chosen: fixed, or detected per run by MSER-5 (mean and interval over replications).
   * Absent in lines written before detection existed (--fit may read those): fixed. */
  warmup?: WarmupLine;
}

export type WarmupLine =
  | { mode: 'fixed'; ns: number }
  /** notDetected: replications where MSER-5 found no cut and the fixed warm-up was discarded instead. */
  | { mode: 'detected'; rule: 'MSER-5'; ns: Estimate; horizonNs: number; notDetected: number };

/** Roles whose utilisation a point reports: the threads that handle the work, not its submitters. */
export const HANDLER_ROLES = new Set(['raid5d', 'worker', 'offload']);

/** Thread-count parameters and the N they give (raid5d handles stripes too, so workers + 1). */
export const THREAD_PARAMS: Record<string, { n: (v: number) => number; about: string }> = {
  group_thread_cnt: { n: (v) => v + 1, about: 'group_thread_cnt + 1 (raid5d handles stripes too)' },
  threads: { n: (v) => v, about: 'threads' },
  numjobs: { n: (v) => v, about: 'numjobs' },
  offload_threads: { n: (v) => v, about: 'offload_threads' },
};

const round = (x: number, digits: number) => Number(x.toFixed(digits));
function est(xs: number[], digits: number): Estimate {
  const e = meanCi(xs);
  return { mean: round(e.mean, digits), ci95: e.ci95 ? [round(e.ci95[0], digits), round(e.ci95[1], digits)] : null };
}

/** Collects a figure from every replication that has it, in replication order. */
function gather<K extends string>(
  results: readonly SimResult[],
  pick: (r: SimResult) => Map<K, number>,
): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const r of results) for (const [k, v] of pick(r)) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

/** Fixed when no run detected its warm-up; else the detected cuts' mean and interval (fallbacks included). */
export function warmupLine(results: readonly SimResult[]): WarmupLine {
  const ws = results.map((r) => r.warmup);
  if (ws.every((w) => w === undefined)) return { mode: 'fixed', ns: results[0].warmupNs };
  return {
    mode: 'detected',
    rule: 'MSER-5',
    ns: est(
      results.map((r) => r.warmupNs),
      0,
    ),
    horizonNs: results[0].warmupNs + results[0].simulatedNs,
    notDetected: ws.filter((w) => w?.mode !== 'detected').length,
  };
}

export function aggregatePoint(index: number, point: Record<string, Value>, results: readonly SimResult[]): PointLine {
  if (results.length === 0) throw new Error(`point ${index} has no results`);
  const util = gather(
    results,
    (r) =>
      new Map(
        r.threads.filter((t) => HANDLER_ROLES.has(t.role)).map((t) => [t.name, t.states.running + t.states.spinning]),
      ),
  );
  const byRole = gather(results, (r) => {
    const sums = new Map<string, number[]>();
    for (const t of r.threads)
      if (HANDLER_ROLES.has(t.role))
        sums.set(t.role, [...(sums.get(t.role) ?? []), t.states.running + t.states.spinning]);
    return new Map([...sums].map(([role, us]) => [role, us.reduce((a, b) => a + b, 0) / us.length]));
  });
  const warmup = warmupLine(results);
  const lockNames = [...new Set(results.flatMap((r) => r.locks.map((l) => l.name)))];
  const locks: Record<string, LockEstimates> = {};
  for (const name of lockNames) {
    const rows = results.map((r) => r.locks.find((l) => l.name === name)).filter((l) => l !== undefined);
    locks[name] = {
      waitTimeTotalNs: est(
        rows.map((l) => l.waitTimeTotalNs),
        0,
      ),
      contentions: est(
        rows.map((l) => l.contentions),
        1,
      ),
      acquisitions: est(
        rows.map((l) => l.acquisitions),
        1,
      ),
      holdTimeTotalNs: est(
        rows.map((l) => l.holdTimeTotalNs),
        0,
      ),
    };
  }
  return {
    point,
    replications: results.length,
    throughput: {
      opsPerSec: est(
        results.map((r) => r.throughput.opsPerSec),
        1,
      ),
      bytesPerSec: est(
        results.map((r) => r.throughput.bytesPerSec),
        0,
      ),
    },
    latencyNs: {
      p99: est(
        results.map((r) => r.latencyNs.p99),
        0,
      ),
      mean: est(
        results.map((r) => r.latencyNs.mean),
        0,
      ),
      p50: est(
        results.map((r) => r.latencyNs.p50),
        0,
      ),
    },
    utilisation: Object.fromEntries([...util].map(([k, v]) => [k, est(v, 4)])),
    locks,
    index,
    seeds: results.map((r) => r.seed),
    durationNs:
      warmup.mode === 'fixed' ? results[0].simulatedNs : Math.round(meanCi(results.map((r) => r.simulatedNs)).mean),
    warmupNs: warmup.mode === 'fixed' ? results[0].warmupNs : Math.round(warmup.ns.mean),
    roleUtilisation: Object.fromEntries([...byRole].map(([k, v]) => [k, est(v, 4)])),
    warmup,
  };
}

export interface UslLine {
  usl: {
    param: string;
    n: string;
    /** The other swept parameters' values this fit holds fixed. */
    for: Record<string, Value>;
    points: number;
    alpha: number;
    beta: number;
    gamma: number;
    /** null: beta = 0, no peak within any N. */
    peakN: number | null;
    r2: number;
    /** Lock classes whose total wait grows with N across these points, most wait first. */
    contention: string[];
  };
}

const sig = (x: number) => Number(x.toPrecision(6));

/** The first thread-count parameter among the swept keys, if any. */
export function threadParam(keys: readonly string[]): string | null {
  return keys.find((k) => k in THREAD_PARAMS) ?? null;
}

/** One USL fit per combination of the other swept parameters that has at least three distinct N. */
export function uslLines(lines: readonly PointLine[], keys: readonly string[]): { fits: UslLine[]; skipped: string[] } {
  const param = threadParam(keys);
  if (!param) return { fits: [], skipped: [] };
  const others = keys.filter((k) => k !== param);
  const groups = new Map<string, PointLine[]>();
  for (const l of lines) {
    const g = JSON.stringify(others.map((k) => l.point[k]));
    groups.set(g, [...(groups.get(g) ?? []), l]);
  }
  const fits: UslLine[] = [];
  const skipped: string[] = [];
  for (const group of groups.values()) {
    const forVals = Object.fromEntries(others.map((k) => [k, group[0].point[k]]));
    const pts = group.map((l) => ({
      n: THREAD_PARAMS[param].n(Number(l.point[param])),
      x: l.throughput.opsPerSec.mean,
    }));
    if (new Set(pts.map((p) => p.n)).size < 3) {
      skipped.push(
        `no USL fit${others.length ? ` for ${JSON.stringify(forVals)}` : ''}: needs at least three values of ${param}`,
      );
      continue;
    }
    const f = fitUsl(pts);
    const names = [...new Set(group.flatMap((l) => Object.keys(l.locks)))];
    const growth = growingSeries(
      names.map((name) => ({
        name,
        points: group.map((l, i) => ({ n: pts[i].n, y: l.locks[name]?.waitTimeTotalNs.mean ?? 0 })),
      })),
    );
    fits.push({
      usl: {
        param,
        n: THREAD_PARAMS[param].about,
        for: forVals,
        points: pts.length,
        alpha: sig(f.alpha),
        beta: sig(f.beta),
        gamma: sig(f.gamma),
        peakN: Number.isFinite(f.peakN) ? round(f.peakN, 2) : null,
        r2: round(f.r2, 4),
        contention: growth.map((g) => g.name),
      },
    });
  }
  return { fits, skipped };
}

// What the fit minimises: for every run, the log ratio model/measured of IOPS and bandwidth, and of fio's clat
// p50 and p99 where the file has them. Logs, so a run at 40 IOPS weighs as much as one at 1M. IOPS and
// bandwidth of one run carry the same information at a fixed bs, so each has weight 1/2: together they count
// as one throughput figure beside each latency percentile.
import type { SimResult } from '../sim/core/result';
import type { CalRun } from './runs';

export type Figure = 'iops' | 'bw' | 'p50' | 'p99';
export const WEIGHT: Record<Figure, number> = { iops: 0.5, bw: 0.5, p50: 1, p99: 1 };

/** One figure of one run the fit compares. */
export interface Slot {
  run: number;
  figure: Figure;
  measured: number;
}

/** The figures of every run that have a positive measurement, in run order. */
export function slotsOf(runs: readonly CalRun[]): Slot[] {
  const out: Slot[] = [];
  runs.forEach((r, run) => {
    const t = r.targets;
    const add = (figure: Figure, v: number | null) => {
      if (v !== null && v > 0) out.push({ run, figure, measured: v });
    };
    add('iops', t.opsPerSec);
    add('bw', t.bytesPerSec);
    add('p50', t.p50Ns);
    add('p99', t.p99Ns);
  });
  return out;
}

/** The model's value of a figure; a run that completed nothing gives 0 (its log residual is then -Infinity,
 * kept finite by the floor in `weighted`). */
export function modelFigure(r: SimResult, f: Figure): number {
  if (f === 'iops') return r.throughput.opsPerSec;
  if (f === 'bw') return r.throughput.bytesPerSec;
  return f === 'p50' ? r.latencyNs.p50 : r.latencyNs.p99;
}

/** A figure as the optimiser sees it: sqrt(weight) x ln(value), floored at 1e-9 so an empty run is far off but finite. */
export const weighted = (s: Pick<Slot, 'figure'>, value: number): number =>
  Math.sqrt(WEIGHT[s.figure]) * Math.log(Math.max(value, 1e-9));

/** The model's side of every slot, from one result per run. */
export function modelVector(slots: readonly Slot[], results: readonly SimResult[]): number[] {
  return slots.map((s) => weighted(s, modelFigure(results[s.run], s.figure)));
}

export const measuredVector = (slots: readonly Slot[]): number[] => slots.map((s) => weighted(s, s.measured));

/** Sum of squared weighted log residuals. */
export function sse(model: readonly number[], measured: readonly number[]): number {
  return model.reduce((a, m, i) => a + (m - measured[i]) ** 2, 0);
}

/** Effective number of figures: weights summed (one per throughput, one per percentile). */
export const figureCount = (slots: readonly Slot[]): number => slots.reduce((a, s) => a + WEIGHT[s.figure], 0);

export interface ResidualRow {
  run: string;
  figure: Figure;
  measured: number;
  fitted: number;
  /** fitted / measured. */
  ratio: number;
}

export function residualRows(
  runs: readonly CalRun[],
  slots: readonly Slot[],
  results: readonly SimResult[],
): ResidualRow[] {
  return slots.map((s) => {
    const fitted = modelFigure(results[s.run], s.figure);
    return { run: runs[s.run].label, figure: s.figure, measured: s.measured, fitted, ratio: fitted / s.measured };
  });
}

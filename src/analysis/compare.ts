// A/B comparison of replicated figures: the difference B − A with its 95% confidence interval (paired t on
// equal seeds, Welch otherwise), its significance, and whether the change is better or worse. Pure numbers.
import { meanCi, tQuantile } from './studentT';

/** Which way a figure should move: more throughput is better, more wait is worse; some have no direction. */
export type Better = 'higher' | 'lower' | 'neutral';

/**
 * better / worse: a real change (significant, or R = 1 where no CI exists) in a figure with a direction;
 * changed: a real change in a figure without one; noise: the CI of the difference includes 0; same: identical.
 */
export type Verdict = 'better' | 'worse' | 'changed' | 'noise' | 'same';

export type DeltaMethod = 'paired' | 'welch' | 'single';

export interface Delta {
  meanA: number;
  meanB: number;
  /** mean(B) − mean(A). */
  diff: number;
  /** 95% interval of the difference; null with one replication (no spread to judge by). */
  diffCi: [number, number] | null;
  /** diff / mean(A), in percent; null when mean(A) is 0 (a figure that appears only in B). */
  pct: number | null;
  /** diffCi / mean(A) in percent (mean(A) taken as the reference, not as a random quantity). */
  pctCi: [number, number] | null;
  /** The CI excludes 0; null when there is no CI (R = 1). */
  significant: boolean | null;
  method: DeltaMethod;
  verdict: Verdict;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Equal to within rounding: the runs are deterministic, so identical scenarios give identical figures. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** 95% CI of mean(b) − mean(a) by Welch's t (unequal variances, Welch–Satterthwaite degrees of freedom). */
export function welchCi(a: readonly number[], b: readonly number[], level = 0.95): [number, number] | null {
  if (a.length < 2 || b.length < 2) return null;
  const ea = meanCi(a);
  const eb = meanCi(b);
  const va = (ea.sd * ea.sd) / a.length;
  const vb = (eb.sd * eb.sd) / b.length;
  const d = eb.mean - ea.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return [d, d];
  const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return [d - half, d + half];
}

/** 95% CI of the mean of the per-seed differences b[i] − a[i] (the same seed on both sides). */
export function pairedCi(a: readonly number[], b: readonly number[], level = 0.95): [number, number] | null {
  if (a.length !== b.length)
    throw new Error(`pairedCi: ${a.length} values for A, ${b.length} for B (pairs need equal counts)`);
  if (a.length < 2) return null;
  return meanCi(
    a.map((x, i) => b[i] - x),
    level,
  ).ci95;
}

export function verdictOf(diff: number, significant: boolean | null, better: Better, identical: boolean): Verdict {
  if (identical) return 'same';
  if (significant === false) return 'noise';
  if (better === 'neutral') return 'changed';
  return diff > 0 === (better === 'higher') ? 'better' : 'worse';
}

/**
 * B against A for one figure over replications. `paired` says a[i] and b[i] ran on the same seed, so the
 * per-seed differences are used (common random numbers cancel); otherwise Welch's interval.
 */
export function compareFigure(a: readonly number[], b: readonly number[], better: Better, paired = true): Delta {
  if (a.length === 0 || b.length === 0) throw new Error('compareFigure: each side needs at least one value');
  const meanA = mean(a);
  const meanB = mean(b);
  const diff = meanB - meanA;
  const usePaired = paired && a.length === b.length;
  const method: DeltaMethod = a.length < 2 || b.length < 2 ? 'single' : usePaired ? 'paired' : 'welch';
  const diffCi = method === 'single' ? null : usePaired ? pairedCi(a, b) : welchCi(a, b);
  const identical = a.length === b.length ? a.every((x, i) => same(x, b[i])) : same(meanA, meanB);
  const significant = diffCi === null ? null : !identical && (diffCi[0] > 0 || diffCi[1] < 0);
  const pct = meanA === 0 ? null : (diff / Math.abs(meanA)) * 100;
  const pctCi =
    diffCi && meanA !== 0
      ? ([(diffCi[0] / Math.abs(meanA)) * 100, (diffCi[1] / Math.abs(meanA)) * 100] as [number, number])
      : null;
  return {
    meanA,
    meanB,
    diff,
    diffCi,
    pct,
    pctCi,
    significant,
    method,
    verdict: verdictOf(diff, significant, better, identical),
  };
}

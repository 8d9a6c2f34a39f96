// MSER-5 (White 1997; White, Cobb & Spratt 2000): the Marginal Standard Error Rule on batch means of 5
// observations, the usual rule for where to cut the initial transient of a simulation's output. Pure numbers.

export const MSER_BATCH = 5;
/** Fewer batches than this leave too few candidates (and too little tail) for the rule to mean anything. */
export const MSER_MIN_BATCHES = 10;

export type MserOutcome =
  | {
      detected: true;
      /** Batches cut, and the observations they hold (batches x 5). */
      batches: number;
      observations: number;
      /** MSER statistic at the chosen cut, and the number of batch means it was computed on. */
      mser: number;
      totalBatches: number;
    }
  | { detected: false; reason: string; totalBatches: number };

/** MSER(d) for every d in 0..floor(b/2): sum over batches after d of (Z - their mean)^2, over (b - d)^2. */
export function mserCurve(z: readonly number[]): number[] {
  const b = z.length;
  const last = Math.floor(b / 2);
  // Sums from the end, so each d costs O(1): S1 = sum Z, S2 = sum Z^2 over batches d..b-1.
  const s1 = new Array<number>(b + 1).fill(0);
  const s2 = new Array<number>(b + 1).fill(0);
  for (let j = b - 1; j >= 0; j--) {
    s1[j] = s1[j + 1] + z[j];
    s2[j] = s2[j + 1] + z[j] * z[j];
  }
  const out: number[] = [];
  for (let d = 0; d <= last; d++) {
    const m = b - d;
    // Sum of squared deviations; clamp the tiny negative that cancellation can leave on a flat tail.
    const ss = Math.max(0, s2[d] - (s1[d] * s1[d]) / m);
    out.push(ss / (m * m));
  }
  return out;
}

/** Batch means of 5 consecutive observations; a remainder under 5 at the end is left out. */
export function batchMeans(xs: readonly number[], size = MSER_BATCH): number[] {
  const out: number[] = [];
  for (let i = 0; i + size <= xs.length; i += size) {
    let s = 0;
    for (let k = i; k < i + size; k++) s += xs[k];
    out.push(s / size);
  }
  return out;
}

/**
 * The truncation MSER-5 picks for equally spaced observations `xs` (e.g. completions per interval).
 * Candidates are d = 0..floor(b/2) batches; ties go to the smallest d. A minimum at the last candidate
 * means the series has not settled within its first half: reported as not detected, the rule's failure signal.
 */
export function mser5(xs: readonly number[]): MserOutcome {
  for (const [i, x] of xs.entries()) {
    if (!Number.isFinite(x)) throw new Error(`mser5: observation ${i} is ${x}; accepted: finite numbers`);
  }
  const z = batchMeans(xs);
  const b = z.length;
  if (b < MSER_MIN_BATCHES) {
    return {
      detected: false,
      totalBatches: b,
      reason: `series too short: ${xs.length} observations make ${b} batches of ${MSER_BATCH}; MSER-5 needs at least ${MSER_MIN_BATCHES * MSER_BATCH} observations (${MSER_MIN_BATCHES} batches)`,
    };
  }
  const curve = mserCurve(z);
  let best = 0;
  for (let d = 1; d < curve.length; d++) if (curve[d] < curve[best]) best = d;
  if (best === curve.length - 1) {
    return {
      detected: false,
      totalBatches: b,
      reason: `MSER-5 minimum at the last candidate (${best} of ${b} batches): the series has not settled within its first half`,
    };
  }
  return { detected: true, batches: best, observations: best * MSER_BATCH, mser: curve[best], totalBatches: b };
}

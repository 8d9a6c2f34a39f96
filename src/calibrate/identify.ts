// What the data pins down. At the fit, the Jacobian of the weighted log figures by the log parameters (central
// differences, every point in one batch); its SVD gives the linearised (Gauss-Newton) profile likelihood: the
// 95% interval of a parameter is where the best fit with it held there loses chi2(1) = 3.84 sigma^2, which for
// the quadratic model is x +- 1.96 sigma sqrt(C_jj), C = (J'J)^-1 through the SVD (a direction the figures do not
// move along has a near-zero singular value, so every parameter with a share of it gets an interval as wide as
// its range). sigma^2 is the residuals' own variance per degree of freedom, and never below fio's run-to-run
// noise (3%): a perfect fit of few runs does not make the machine exactly known. The linear picture is then
// checked where it matters, at a factor 1.5 either side, by real evaluations (below).
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { Problem } from './problem';
import { figureCount } from './residuals';

/** fio's run-to-run spread of a figure on a quiet machine: the smallest sigma the intervals assume. */
export const NOISE_FLOOR = 0.03;
/** Identified: the 95% interval lies within this factor of the value on both sides. */
export const IDENTIFIED_FACTOR = 1.5;

export interface ParamFit {
  value: number;
  ci95: [number, number];
  identified: boolean;
  /** Why not, and the fio run that would pin it (absent when identified). */
  advice?: string;
}

export interface Identification {
  sigma: number;
  dof: number;
  params: Record<string, ParamFit>;
  /** Evaluations the Jacobian took. */
  evaluations: number;
}

export async function identify(problem: Problem, x: readonly number[]): Promise<Identification> {
  const k = problem.params.length;
  const h = problem.params.map((p, j) => (p.int ? Math.max(0.1, 1.5 * Math.log1p(1 / Math.exp(x[j]))) : 0.1));
  const points: number[][] = [];
  for (let j = 0; j < k; j++)
    for (const s of [1, -1]) {
      const y = x.slice();
      y[j] += s * h[j];
      points.push(y);
    }
  const before = problem.evaluations;
  const [center, ...evals] = await problem.evaluateAll([x, ...points]);
  const m = problem.slots.length;
  const J = new Matrix(m, k);
  for (let j = 0; j < k; j++) {
    const up = evals[2 * j];
    const down = evals[2 * j + 1];
    // The step the model really took (an int parameter rounds): logs of the values it ran with.
    const key = problem.params[j].key;
    const dx = Math.log(up.values[key]) - Math.log(down.values[key]);
    for (let i = 0; i < m; i++) J.set(i, j, dx === 0 ? 0 : (up.vector[i] - down.vector[i]) / dx);
  }
  const dof = figureCount(problem.slots) - k;
  const sigma = Math.max(NOISE_FLOOR, dof > 0 ? Math.sqrt(center.sse / dof) : 0);
  const svd = new SingularValueDecomposition(J, { autoTranspose: true });
  const s = svd.diagonal;
  const V = svd.rightSingularVectors;
  // A singular value this small means a factor e along its direction moves the figures by less than a
  // thousandth of sigma: treated as not moving them at all.
  const tiny = 1e-3 * sigma;
  const C = (a: number, b: number) => {
    let c = 0;
    for (let l = 0; l < s.length; l++) c += (V.get(a, l) * V.get(b, l)) / Math.max(s[l], tiny) ** 2;
    return c;
  };
  // The check at the verdict's bounds: the parameter held a factor IDENTIFIED_FACTOR off, the others either where
  // they are (a slice) or moved as the linear model says the best fit would move them. Both are points the true
  // profile minimises over, so if either loses less than chi2(1) sigma^2 the profile does too, and the data do not
  // pin the parameter on that side, whatever the local slope said (a bottleneck that stops binding one way, like
  // a queue deeper than the device ever fills, has a slope on one side only).
  const d = Math.log(IDENTIFIED_FACTOR);
  const probes: number[][] = [];
  for (let j = 0; j < k; j++)
    for (const side of [1, -1]) {
      const slice = x.slice();
      slice[j] += side * d;
      const moved = x.map((xi, i) => xi + (side * d * C(i, j)) / C(j, j));
      moved[j] = x[j] + side * d;
      probes.push(slice, moved);
    }
  const probed = await problem.evaluateAll(probes);
  const threshold = 3.84 * sigma ** 2;
  const params: Record<string, ParamFit> = {};
  problem.params.forEach((p, j) => {
    const half = 1.96 * sigma * Math.sqrt(C(j, j));
    const value = center.values[p.key];
    let lo = Math.exp(Math.max(p.lo, Math.log(value) - half));
    let hi = Math.exp(Math.min(p.hi, Math.log(value) + half));
    const loss = (i: number) => Math.min(probed[i].sse, probed[i + 1].sse) - center.sse;
    // Unpinned on a side: the interval reaches the parameter's range there.
    if (loss(4 * j) < threshold) hi = Math.exp(p.hi);
    if (loss(4 * j + 2) < threshold) lo = Math.exp(p.lo);
    const identified = hi / value <= IDENTIFIED_FACTOR && value / lo <= IDENTIFIED_FACTOR;
    params[p.key] = { value, ci95: [lo, hi], identified };
  });
  return { sigma, dof, params, evaluations: problem.evaluations - before };
}

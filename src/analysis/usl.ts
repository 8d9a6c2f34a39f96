// Universal Scalability Law fit X(N) = gamma N / (1 + alpha (N-1) + beta N (N-1)) by bounded
// Levenberg-Marquardt from a coarse grid start (alpha, beta >= 0). Pure numbers; knows no simulator.

export interface UslPoint {
  /** Concurrency: threads doing the work. */
  n: number;
  /** Throughput at that concurrency. */
  x: number;
}

export interface UslFit {
  alpha: number;
  beta: number;
  gamma: number;
  /** sqrt((1 - alpha) / beta): the N of peak throughput; Infinity when beta = 0, 1 when alpha >= 1. */
  peakN: number;
  /** Coefficient of determination of the fit to the points. */
  r2: number;
}

export function uslModel(n: number, alpha: number, beta: number, gamma: number): number {
  return (gamma * n) / (1 + alpha * (n - 1) + beta * n * (n - 1));
}

export function uslPeakN(alpha: number, beta: number): number {
  if (alpha >= 1) return 1;
  return beta > 0 ? Math.sqrt((1 - alpha) / beta) : Infinity;
}

function ssr(pts: readonly UslPoint[], a: number, b: number, g: number): number {
  let s = 0;
  for (const p of pts) s += (p.x - uslModel(p.n, a, b, g)) ** 2;
  return s;
}

/** Best gamma for given alpha, beta (the model is linear in gamma). */
function bestGamma(pts: readonly UslPoint[], a: number, b: number): number {
  let num = 0;
  let den = 0;
  for (const p of pts) {
    const f = uslModel(p.n, a, b, 1);
    num += p.x * f;
    den += f * f;
  }
  return den > 0 ? num / den : 0;
}

/** Solves the 3x3 system A d = r by Gaussian elimination with partial pivoting; null if singular. */
function solve3(A: number[][], r: number[]): number[] | null {
  const m = A.map((row, i) => [...row, r[i]]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let i = c + 1; i < 3; i++) if (Math.abs(m[i][c]) > Math.abs(m[piv][c])) piv = i;
    if (Math.abs(m[piv][c]) < 1e-300) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let i = c + 1; i < 3; i++) {
      const f = m[i][c] / m[c][c];
      for (let j = c; j < 4; j++) m[i][j] -= f * m[c][j];
    }
  }
  const d = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = m[i][3];
    for (let j = i + 1; j < 3; j++) s -= m[i][j] * d[j];
    d[i] = s / m[i][i];
  }
  return d;
}

/** Fits the USL to at least three points with distinct N >= 1. */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  const pts = points.filter((p) => Number.isFinite(p.n) && Number.isFinite(p.x));
  if (new Set(pts.map((p) => p.n)).size < 3) throw new Error('fitUsl: needs at least three distinct N');
  if (pts.some((p) => p.n < 1)) throw new Error('fitUsl: N must be >= 1');
  // Grid start over alpha x beta (0 plus log-spaced values), gamma profiled out.
  const alphas = [0, ...Array.from({ length: 36 }, (_, i) => 10 ** (-6 + i * 0.2))];
  const betas = [0, ...Array.from({ length: 46 }, (_, i) => 10 ** (-9 + i * 0.2))];
  let best = { a: 0, b: 0, g: bestGamma(pts, 0, 0), s: Infinity };
  for (const a of alphas) {
    for (const b of betas) {
      const g = bestGamma(pts, a, b);
      const s = ssr(pts, a, b, g);
      if (s < best.s) best = { a, b, g, s };
    }
  }
  // Levenberg-Marquardt on (gamma, alpha, beta), Marquardt scaling, alpha and beta projected onto >= 0.
  let { a, b, g, s } = best;
  let lambda = 1e-3;
  for (let iter = 0; iter < 500; iter++) {
    const JtJ = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    const Jtr = [0, 0, 0];
    for (const p of pts) {
      const D = 1 + a * (p.n - 1) + b * p.n * (p.n - 1);
      const res = p.x - (g * p.n) / D;
      const J = [p.n / D, (-g * p.n * (p.n - 1)) / (D * D), (-g * p.n * p.n * (p.n - 1)) / (D * D)];
      for (let i = 0; i < 3; i++) {
        Jtr[i] += J[i] * res;
        for (let j = 0; j < 3; j++) JtJ[i][j] += J[i] * J[j];
      }
    }
    let improved = false;
    while (lambda < 1e12) {
      const A = JtJ.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-300 : v)));
      const d = solve3(A, Jtr);
      if (!d) {
        lambda *= 10;
        continue;
      }
      const g2 = g + d[0];
      const a2 = Math.max(0, a + d[1]);
      const b2 = Math.max(0, b + d[2]);
      const s2 = ssr(pts, a2, b2, g2);
      if (s2 <= s) {
        const rel = (s - s2) / Math.max(s, 1e-300);
        const step = Math.abs(g2 - g) / Math.max(Math.abs(g), 1e-300) + Math.abs(a2 - a) + Math.abs(b2 - b);
        g = g2;
        a = a2;
        b = b2;
        s = s2;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = rel > 1e-15 || step > 1e-14;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  const meanX = pts.reduce((t, p) => t + p.x, 0) / pts.length;
  const sst = pts.reduce((t, p) => t + (p.x - meanX) ** 2, 0);
  return { alpha: a, beta: b, gamma: g, peakN: uslPeakN(a, b), r2: sst > 0 ? 1 - s / sst : 1 };
}

// Which series grow with a variable: Spearman rank correlation plus a relative rise, used to name the
// locks whose wait grows with the thread count. Pure numbers; knows no lock or simulator.

/** Ranks with ties given their average rank (1-based). */
function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) out[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho of two equally long series; 0 when either is constant. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new Error('spearman: series of different lengths');
  const n = xs.length;
  if (n < 2) return 0;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mx = rx.reduce((s, v) => s + v, 0) / n;
  const my = ry.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface Series {
  name: string;
  /** (variable, value) pairs, e.g. (thread count, lock wait per second). */
  points: readonly { n: number; y: number }[];
}

export interface Growth {
  name: string;
  rho: number;
  /** Value at the largest n over the value at the smallest (Infinity from zero). */
  rise: number;
  /** Value at the largest n. */
  last: number;
}

/** Series that grow with n: rank correlation >= minRho, at least `minRise` times their first value, and
 * at the largest n at least `minShare` of the largest series' value there (so noise on idle locks is
 * not named). Sorted by the value at the largest n, largest first. */
export function growingSeries(
  series: readonly Series[],
  opts: { minRho?: number; minRise?: number; minShare?: number } = {},
): Growth[] {
  const minRho = opts.minRho ?? 0.7;
  const minRise = opts.minRise ?? 1.5;
  const minShare = opts.minShare ?? 0.01;
  const all: Growth[] = [];
  for (const s of series) {
    const pts = [...s.points].sort((p, q) => p.n - q.n);
    if (pts.length < 2) continue;
    const first = pts[0].y;
    const last = pts[pts.length - 1].y;
    all.push({
      name: s.name,
      rho: spearman(
        pts.map((p) => p.n),
        pts.map((p) => p.y),
      ),
      rise: first > 0 ? last / first : last > 0 ? Infinity : 1,
      last,
    });
  }
  const top = Math.max(0, ...all.map((g) => g.last));
  return all
    .filter((g) => g.rho >= minRho && g.rise >= minRise && g.last > 0 && g.last >= minShare * top)
    .sort((p, q) => q.last - p.last);
}

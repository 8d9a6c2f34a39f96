// Student-t quantiles and intervals against published values, the USL fit recovering known parameters,
// and the growth test that names contended locks.
import { describe, expect, it } from 'vitest';
import { betaIncReg, lnGamma, meanCi, tCdf, tQuantile } from './studentT';
import { fitUsl, uslModel, uslPeakN } from './usl';
import { growingSeries, spearman } from './trend';

describe('Student t', () => {
  it('lnGamma and the incomplete beta match closed forms', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(betaIncReg(1, 1, 0.3)).toBeCloseTo(0.3, 12); // uniform
    expect(betaIncReg(2, 3, 0.4)).toBeCloseTo(0.5248, 12); // 1 - (1-x)^4 - 4x(1-x)^3
  });

  // Two-sided 95% critical values t(0.975, df), e.g. NIST/SEMATECH e-Handbook table 1.3.6.7.2.
  const known: [number, number][] = [
    [1, 12.706204736],
    [2, 4.30265273],
    [3, 3.182446305],
    [4, 2.776445105],
    [5, 2.570581836],
    [9, 2.262157163],
    [10, 2.228138852],
    [19, 2.093024054],
    [30, 2.042272456],
    [100, 1.983971519],
  ];
  it.each(known)('t(0.975, %i) = %f', (df, t) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(t, 8);
    expect(tCdf(t, df)).toBeCloseTo(0.975, 10);
  });

  it('other quantiles, symmetry and the normal limit', () => {
    expect(tQuantile(0.995, 7)).toBeCloseTo(3.499483297, 8);
    expect(tQuantile(0.9, 12)).toBeCloseTo(1.356217334, 8);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.776445105, 8);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959963985, 5);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(() => tQuantile(1, 3)).toThrow();
  });

  it('mean and 95% CI of replications', () => {
    // mean 5, sd sqrt(2.5), n 5: half-width t(0.975, 4) * sd / sqrt(5).
    const e = meanCi([3, 4, 5, 6, 7]);
    expect(e.mean).toBe(5);
    const half = (2.776445105 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(e.ci95![0]).toBeCloseTo(5 - half, 8);
    expect(e.ci95![1]).toBeCloseTo(5 + half, 8);
    expect(meanCi([4]).ci95).toBeNull();
    expect(meanCi([2, 2, 2]).ci95).toEqual([2, 2]);
  });
});

describe('USL fit', () => {
  const curve = (alpha: number, beta: number, gamma: number, ns: number[]) =>
    ns.map((n) => ({ n, x: uslModel(n, alpha, beta, gamma) }));
  const within = (got: number, want: number, rel: number) =>
    expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));

  it.each([
    [0.05, 0.002, 120_000, [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]],
    [0.3, 0.0001, 50, [1, 2, 4, 8, 16]],
    [0.01, 0.02, 1e6, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]],
  ])('recovers alpha %f, beta %f, gamma %f within 1%', (alpha, beta, gamma, ns) => {
    const f = fitUsl(curve(alpha, beta, gamma, ns as number[]));
    within(f.alpha, alpha, 0.01);
    within(f.beta, beta, 0.01);
    within(f.gamma, gamma, 0.01);
    within(f.peakN, Math.sqrt((1 - alpha) / beta), 0.01);
    expect(f.r2).toBeGreaterThan(0.999999);
  });

  it('stays in bounds: linear scaling gives alpha = beta = 0 and no peak', () => {
    const f = fitUsl([1, 2, 3, 4, 5].map((n) => ({ n, x: 10 * n })));
    expect(f.alpha).toBeLessThan(1e-6);
    expect(f.beta).toBeLessThan(1e-9);
    within(f.gamma, 10, 1e-6);
    expect(uslPeakN(0.1, 0)).toBe(Infinity);
    expect(uslPeakN(1.2, 0.1)).toBe(1);
  });

  it('fits noisy data close to the truth and refuses too few points', () => {
    const pts = curve(0.08, 0.004, 1000, [1, 2, 3, 4, 5, 6, 8, 10, 12, 16]).map((p, i) => ({
      n: p.n,
      x: p.x * (1 + (i % 2 ? 0.005 : -0.005)),
    }));
    const f = fitUsl(pts);
    within(f.peakN, Math.sqrt(0.92 / 0.004), 0.1);
    expect(() =>
      fitUsl([
        { n: 1, x: 1 },
        { n: 2, x: 2 },
      ]),
    ).toThrow(/three/);
  });
});

describe('growth', () => {
  it('names series that rise with n, not flat or small ones', () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBe(0);
    const g = growingSeries([
      {
        name: 'device_lock',
        points: [
          { n: 1, y: 10 },
          { n: 2, y: 50 },
          { n: 4, y: 300 },
        ],
      },
      {
        name: 'hash_lock',
        points: [
          { n: 1, y: 40 },
          { n: 2, y: 41 },
          { n: 4, y: 40 },
        ],
      },
      {
        name: 'tiny',
        points: [
          { n: 1, y: 0 },
          { n: 2, y: 0.1 },
          { n: 4, y: 0.2 },
        ],
      },
      {
        name: 'queue_lock',
        points: [
          { n: 1, y: 5 },
          { n: 2, y: 20 },
          { n: 4, y: 60 },
        ],
      },
    ]);
    expect(g.map((x) => x.name)).toEqual(['device_lock', 'queue_lock']);
  });
});

// Named random streams and the service/think-time distributions: reproducible, independent by name,
// and with sample means within tolerances set from the sample size (sigma = cv * mean / sqrt(n)).
import { describe, expect, it } from 'vitest';
import { byName, constant, empirical, exponential, lognormal, uniform, type Distribution } from './distributions';
import { RandomStream, RandomStreams } from './random';

const N = 200_000;

function moments(d: Distribution, rng: RandomStream) {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < N; i++) {
    const x = d.sample(rng);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / N;
  return { mean, cv: Math.sqrt(sumSq / N - mean * mean) / mean };
}

describe('RandomStream', () => {
  it('is a pure function of (seed, name): same pair, same numbers; another name or seed, others', () => {
    const draw = (seed: number, name: string) => {
      const r = new RandomStream(seed, name);
      return Array.from({ length: 8 }, () => r.uniform());
    };
    expect(draw(1, 'disk0')).toEqual(draw(1, 'disk0'));
    expect(draw(1, 'disk0')).not.toEqual(draw(1, 'disk1'));
    expect(draw(1, 'disk0')).not.toEqual(draw(2, 'disk0'));
    const streams = new RandomStreams(5);
    expect(streams.get('a')).toBe(streams.get('a'));
  });

  it("adding a stream does not shift another stream's numbers", () => {
    const a = new RandomStreams(9);
    const first = [a.get('workload').uniform(), a.get('workload').uniform()];
    const b = new RandomStreams(9);
    b.get('new-component').uniform();
    expect([b.get('workload').uniform(), b.get('workload').uniform()]).toEqual(first);
  });

  it('uniform() stays inside (0, 1); below(10) hits each value within 3% of n/10 (sigma 0.2%)', () => {
    const r = new RandomStream(11, 'u');
    const counts = new Array<number>(10).fill(0);
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      counts[r.below(10)]++;
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    for (const c of counts) expect(Math.abs(c / (N / 10) - 1)).toBeLessThan(0.03);
  });
});

describe('distributions (n = 200k draws each)', () => {
  // sigma of the sample mean = cv / sqrt(n): 0.22% for cv 1, 0.13% for the uniform; tolerance 1% (>= 4.5 sigma).
  const cases: [string, Distribution, number][] = [
    ['exp', exponential(2_000), 1],
    ['uniform', uniform(2_000), 1 / Math.sqrt(3)],
    ['lognormal', lognormal(2_000), 1],
    ['lognormal cv 0.5', lognormal(2_000, 0.5), 0.5],
  ];
  for (const [name, d, cv] of cases) {
    it(`${name}: sample mean within 1% of ${d.mean}, coefficient of variation within 5% of ${cv.toFixed(3)}`, () => {
      const m = moments(d, new RandomStream(1, name));
      expect(Math.abs(m.mean / d.mean - 1)).toBeLessThan(0.01);
      expect(Math.abs(m.cv / cv - 1)).toBeLessThan(0.05);
    });
  }

  it('const is exact; byName maps every CLI name', () => {
    const rng = new RandomStream(1, 'c');
    expect(constant(1234).sample(rng)).toBe(1234);
    for (const n of ['const', 'exp', 'uniform', 'lognormal'] as const) {
      expect(byName(n, 500)).toMatchObject({ name: n, mean: 500 });
    }
  });

  it('empirical: values drawn in proportion to their weights (within 0.01 absolute; sigma < 0.0012)', () => {
    const d = empirical([1, 2, 10], [1, 1, 2]);
    expect(d.mean).toBe(5.75);
    const rng = new RandomStream(4, 'emp');
    const seen = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const v = d.sample(rng);
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    expect(Math.abs((seen.get(1) ?? 0) / N - 0.25)).toBeLessThan(0.01);
    expect(Math.abs((seen.get(2) ?? 0) / N - 0.25)).toBeLessThan(0.01);
    expect(Math.abs((seen.get(10) ?? 0) / N - 0.5)).toBeLessThan(0.01);
    expect(() => empirical([])).toThrow(/at least one/);
    expect(() => empirical([1, 2], [1])).toThrow(/differ/);
  });
});

// The log-linear histogram behind every latency, wait and hold figure: bucket arithmetic, exact small
// values, and quantiles within 2% of the exact order statistics.
import { describe, expect, it } from 'vitest';
import { exponential, lognormal } from '../distributions';
import { RandomStream } from '../random';
import { Histogram } from './histogram';

/** The same rank rule as Histogram.quantile: the ceil(q n)-th smallest value. */
const exactQuantile = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];

describe('Histogram', () => {
  it('places every value in a bucket whose range holds it (exact below 128, 64 sub-buckets per octave above)', () => {
    const rng = new RandomStream(1, 'hist-index');
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) values.push(Math.floor(2 ** (rng.uniform() * 45))); // 1 ns .. ~10 hours
    // Octave edges, where integer and floating-point paths could disagree.
    for (let k = 7; k < 44; k++) values.push(2 ** k - 1, 2 ** k, 2 ** k + 1);
    const misplaced = values.filter((v) => {
      const b = Histogram.index(v);
      const low = Histogram.bucketLow(b);
      const width = Histogram.bucketWidth(b);
      return !(low <= v && v < low + width) || (v < 128 ? width !== 1 : width / v > 1 / 64);
    });
    expect(misplaced).toEqual([]);
  });

  for (const [name, dist] of [
    ['exponential, mean 10us', exponential(10_000)],
    ['lognormal, mean 50us, cv 1', lognormal(50_000)],
  ] as const) {
    it(`${name}: p50, p90, p99, p999 within 2% of the exact order statistics; mean, min, max exact`, () => {
      const rng = new RandomStream(3, name);
      const h = new Histogram();
      const values: number[] = [];
      for (let i = 0; i < 100_000; i++) {
        const v = Math.round(dist.sample(rng));
        values.push(v);
        h.record(v);
      }
      values.sort((a, b) => a - b);
      for (const q of [0.5, 0.9, 0.99, 0.999]) {
        const exact = exactQuantile(values, q);
        expect(Math.abs(h.quantile(q) - exact) / exact, `q=${q}: ${h.quantile(q)} vs ${exact}`).toBeLessThan(0.02);
      }
      expect(h.count).toBe(values.length);
      expect(h.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
      expect(h.min).toBe(values[0]);
      expect(h.max).toBe(values[values.length - 1]);
      expect((h.max - h.quantile(1)) / h.max).toBeLessThan(1 / 64); // the top bucket's midpoint, capped at max
      expect(h.log2Buckets().reduce((s, [, c]) => s + c, 0)).toBe(values.length);
    });
  }

  it('is exact for small values, clamps negatives to 0, and resets', () => {
    const h = new Histogram();
    for (const v of [5, 5, 7, 100, -3]) h.record(v);
    expect(h.quantile(0)).toBe(0);
    expect(h.quantile(0.5)).toBe(5);
    expect(h.quantile(0.8)).toBe(7);
    expect(h.quantile(1)).toBe(100);
    expect(h.min).toBe(0);
    h.reset();
    expect([h.count, h.sum, h.max, h.quantile(0.5), h.mean]).toEqual([0, 0, 0, 0, 0]);
  });
});

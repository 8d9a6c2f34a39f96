// The residual picture: a perfect fit puts every point on the diagonal; a point above it is a figure the model
// overestimates; throughput and latency are drawn apart.
import { describe, expect, it } from 'vitest';
import { residualPlot } from './residualPlot';
import type { ResidualRow } from '../../calibrate/residuals';

const row = (figure: ResidualRow['figure'], measured: number, fitted: number): ResidualRow => ({
  run: 'a.json',
  figure,
  measured,
  fitted,
  ratio: fitted / measured,
});

describe('residualPlot', () => {
  it('puts a matching figure on the diagonal and an overestimate above it, on log scales', () => {
    const p = residualPlot([row('iops', 1e3, 1e3), row('iops', 1e5, 2e5), row('p50', 5e4, 5e4)], 'throughput');
    expect(p.points).toHaveLength(2);
    const [d0x, d0y, d1x, d1y] = p.diagonal;
    const onDiagonal = (pt: { x: number; y: number }) => d0y + ((pt.x - d0x) * (d1y - d0y)) / (d1x - d0x);
    expect(p.points[0].y).toBeCloseTo(onDiagonal(p.points[0]), 6);
    expect(p.points[1].y).toBeLessThan(onDiagonal(p.points[1])); // screen y grows downwards: above the line
    expect(p.points[1].label).toBe('a.json iops: ratio 2.000');
  });

  it('draws latency percentiles on their own picture', () => {
    const p = residualPlot([row('iops', 1e3, 1e3), row('p50', 5e4, 6e4), row('p99', 9e4, 9e4)], 'latency');
    expect(p.points.map((x) => x.figure)).toEqual(['p50', 'p99']);
    expect(p.ticks.length).toBeGreaterThan(0);
  });
});

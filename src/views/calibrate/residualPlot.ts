// The residual picture's geometry: every compared figure of every run as a point, measured on x and fitted on
// y, both on log scales over one shared domain, so the diagonal y = x is "the model matches" and a point's
// distance from it is its ratio. Pure (d3 scales only), tested in Node.
import { scaleLog } from 'd3';
import type { ResidualRow } from '../../calibrate/residuals';
import { formatNs } from '../../lib/units';

export interface PlotPoint {
  x: number;
  y: number;
  figure: ResidualRow['figure'];
  label: string;
}

export interface ResidualPlot {
  points: PlotPoint[];
  /** The y = x line's ends. */
  diagonal: [number, number, number, number];
  ticks: { at: number; text: string }[];
  size: number;
}

/** Throughput (IOPS, bytes/s) and latency (ns) differ by orders of magnitude: one picture per kind. */
export function residualPlot(
  rows: readonly ResidualRow[],
  kind: 'throughput' | 'latency',
  size = 240,
  pad = 34,
): ResidualPlot {
  const mine = rows.filter((r) => (kind === 'latency') === (r.figure === 'p50' || r.figure === 'p99'));
  const values = mine.flatMap((r) => [r.measured, r.fitted]).filter((v) => v > 0);
  const lo = values.length ? Math.min(...values) / 1.5 : 1;
  const hi = values.length ? Math.max(...values) * 1.5 : 10;
  const x = scaleLog()
    .domain([lo, hi])
    .range([pad, size - 6]);
  const y = scaleLog()
    .domain([lo, hi])
    .range([size - pad, 6]);
  const si = x.tickFormat(4, '~s');
  // Latency in ns reads better as a time (2 ms, not 2M); throughput as SI counts (10k, 1M).
  const fmt = (t: number) => (si(t) === '' ? '' : kind === 'latency' ? formatNs(t).replace(/\.0+ /, ' ') : si(t));
  return {
    points: mine
      .filter((r) => r.measured > 0 && r.fitted > 0)
      .map((r) => ({
        x: x(r.measured),
        y: y(r.fitted),
        figure: r.figure,
        label: `${r.run} ${r.figure}: ratio ${r.ratio.toFixed(3)}`,
      })),
    diagonal: [x(lo), y(lo), x(hi), y(hi)],
    ticks: x
      .ticks(4)
      .map((t) => ({ at: x(t), text: fmt(t) }))
      .filter((t) => t.text !== ''),
    size,
  };
}

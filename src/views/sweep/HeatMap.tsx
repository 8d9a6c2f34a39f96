// A two-parameter sweep as a heat map of mean throughput: one labelled cell per point (the value is
// written in the cell, so colour is never the only cue), d3 band and sequential scales, SVG.
import { useRef } from 'react';
import { hsl, interpolateCividis, scaleBand, scaleSequential } from 'd3';
import type { PointLine } from '../../analysis/sweep/aggregate';
import { useSize } from '../useSize';

export interface HeatMapProps {
  lines: readonly PointLine[];
  xKey: string;
  yKey: string;
  /** Every value of each axis in sweep order, so pending cells keep their place. */
  xValues: readonly (string | number | boolean)[];
  yValues: readonly (string | number | boolean)[];
  formatX: (v: string | number | boolean) => string;
  formatY: (v: string | number | boolean) => string;
  formatValue: (v: number) => string;
  valueLabel: string;
}

const ciText = (ci: readonly [number, number] | null, f: (v: number) => string) =>
  ci ? `, 95% CI ${f(ci[0])} … ${f(ci[1])}` : ', one replication';

const M = { left: 64, right: 12, top: 8, bottom: 40 };

export function HeatMap(p: HeatMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const rows = p.yValues.length;
  const height = Math.min(420, Math.max(170, rows * 26 + M.top + M.bottom));
  const x = scaleBand<string>()
    .domain(p.xValues.map(String))
    .range([M.left, Math.max(M.left + 1, width - M.right)])
    .padding(0.04);
  // Smallest value on the bottom row, like a chart's y axis.
  const y = scaleBand<string>()
    .domain(p.yValues.map(String).reverse())
    .range([M.top, height - M.bottom])
    .padding(0.04);
  const means = p.lines.map((l) => l.throughput.opsPerSec.mean);
  const lo = Math.min(...means, Infinity);
  const hi = Math.max(...means, -Infinity);
  const colour = scaleSequential(interpolateCividis).domain(lo < hi ? [lo, hi] : [lo - 1, lo + 1]);
  const byCell = new Map(p.lines.map((l) => [`${String(l.point[p.xKey])}|${String(l.point[p.yKey])}`, l]));
  const fontSize = Math.max(8, Math.min(11, x.bandwidth() / 5));
  return (
    <div ref={box} className="sw-heat">
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${p.valueLabel} by ${p.xKey} and ${p.yKey}`}
          data-testid="sweep-heatmap"
        >
          {p.yValues.map((yv) =>
            p.xValues.map((xv) => {
              const l = byCell.get(`${String(xv)}|${String(yv)}`);
              const fill = l ? colour(l.throughput.opsPerSec.mean) : '#f3f4f6';
              const light = hsl(fill).l < 0.55;
              const cx = x(String(xv)) ?? 0;
              const cy = y(String(yv)) ?? 0;
              return (
                <g key={`${String(xv)}|${String(yv)}`} data-testid={l ? 'heat-cell' : 'heat-pending'}>
                  <title>{`${p.xKey}=${p.formatX(xv)}, ${p.yKey}=${p.formatY(yv)}: ${l ? `${p.formatValue(l.throughput.opsPerSec.mean)} ${p.valueLabel}${ciText(l.throughput.opsPerSec.ci95, p.formatValue)}` : 'pending'}`}</title>
                  <rect
                    x={cx}
                    y={cy}
                    width={x.bandwidth()}
                    height={y.bandwidth()}
                    fill={fill}
                    stroke={l ? 'none' : '#c8ccd2'}
                    strokeDasharray={l ? undefined : '3 2'}
                  />
                  <text
                    x={cx + x.bandwidth() / 2}
                    y={cy + y.bandwidth() / 2}
                    dy="0.35em"
                    textAnchor="middle"
                    fontSize={fontSize}
                    fill={l ? (light ? '#fff' : '#111') : '#8a9099'}
                  >
                    {l ? p.formatValue(l.throughput.opsPerSec.mean) : '…'}
                  </text>
                </g>
              );
            }),
          )}
          {p.xValues.map((xv) => (
            <text
              key={String(xv)}
              x={(x(String(xv)) ?? 0) + x.bandwidth() / 2}
              y={height - M.bottom + 13}
              textAnchor="middle"
              fontSize="10"
            >
              {p.formatX(xv)}
            </text>
          ))}
          {p.yValues.map((yv) => (
            <text
              key={String(yv)}
              x={M.left - 5}
              y={(y(String(yv)) ?? 0) + y.bandwidth() / 2}
              dy="0.35em"
              textAnchor="end"
              fontSize="10"
            >
              {p.formatY(yv)}
            </text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" fontSize="11" fontWeight="600">
            {p.xKey}
          </text>
          <text
            transform={`translate(12 ${(M.top + height - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize="11"
            fontWeight="600"
          >
            {p.yKey}
          </text>
        </svg>
      )}
      <div className="sw-legend">
        <span className="s-key">{p.valueLabel}, mean over replications:</span>
        <span className="s-key">
          <span className="sw-ramp" aria-hidden="true" />
          {Number.isFinite(lo) ? `${p.formatValue(lo)} (dark) … ${p.formatValue(hi)} (light)` : 'no points yet'}
        </span>
      </div>
    </div>
  );
}

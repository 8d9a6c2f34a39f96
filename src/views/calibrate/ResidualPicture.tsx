// One residual picture: measured on x, fitted on y, log scales, the diagonal where they agree; one dot per run
// and figure (its ratio in the tooltip). Geometry from residualPlot.ts.
import type { ResidualRow } from '../../calibrate/residuals';
import { residualPlot } from './residualPlot';

const COLOUR: Record<ResidualRow['figure'], string> = {
  iops: '#1f6fb2',
  bw: '#6aa5d8',
  p50: '#c0622b',
  p99: '#8e3b12',
};

export function ResidualPicture({ rows, kind }: { rows: readonly ResidualRow[]; kind: 'throughput' | 'latency' }) {
  const p = residualPlot(rows, kind);
  if (p.points.length === 0) return null;
  const [x0, y0, x1, y1] = p.diagonal;
  return (
    <figure className="cal-picture" data-testid={`cal-plot-${kind}`}>
      <svg width={p.size} height={p.size} role="img" aria-label={`${kind}: fitted against measured, log scales`}>
        <line x1={x0} y1={y0} x2={x1} y2={y1} className="cal-diagonal" />
        {p.ticks.map((t) => (
          <text key={t.at} x={t.at} y={p.size - 18} className="cal-tick" textAnchor="middle">
            {t.text}
          </text>
        ))}
        {p.points.map((pt, i) => (
          <circle key={i} cx={pt.x} cy={pt.y} r={4} fill={COLOUR[pt.figure]} data-testid="cal-point">
            <title>{pt.label}</title>
          </circle>
        ))}
        <text x={p.size / 2} y={p.size - 4} textAnchor="middle" className="cal-axis">
          measured
        </text>
        <text x={10} y={p.size / 2} textAnchor="middle" className="cal-axis" transform={`rotate(-90 10 ${p.size / 2})`}>
          fitted
        </text>
      </svg>
      <figcaption>
        {kind === 'throughput' ? 'IOPS (dark) and bytes/s (light)' : 'clat p50 (light) and p99 (dark)'}
      </figcaption>
    </figure>
  );
}

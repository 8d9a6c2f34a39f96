// Every run's residual: measured, fitted and their ratio, figure by figure.
import type { ResidualRow } from '../../calibrate/residuals';
import { fmtBytesRate, fmtNs, fmtRate } from '../format';

function cell(r: ResidualRow, v: number): string {
  if (r.figure === 'iops') return fmtRate(v);
  if (r.figure === 'bw') return fmtBytesRate(v);
  return fmtNs(v);
}

export function ResidualTable({ rows }: { rows: readonly ResidualRow[] }) {
  return (
    <table className="cal-table" data-testid="cal-residuals">
      <thead>
        <tr>
          <th>run</th>
          <th>figure</th>
          <th>measured</th>
          <th>fitted</th>
          <th>fitted / measured</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-ratio={r.ratio}>
            <td>{r.run}</td>
            <td>{r.figure}</td>
            <td>{cell(r, r.measured)}</td>
            <td>{cell(r, r.fitted)}</td>
            <td className={Math.abs(r.ratio - 1) > 0.1 ? 'loose' : ''}>{r.ratio.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

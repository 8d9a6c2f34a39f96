// Throughput, bandwidth and latency percentiles side by side: A, B, the change with its sign, percent and 95% CI,
// and a word (better / worse / no significant change). Colour doubles the word and the arrow, never replaces them.
import type { HeadlineRow } from '../../analysis/compareTables';
import { fmtBytesRate, fmtNsShort } from '../format';
import { deltaView } from '../../export/deltaText';

const opsFmt = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(3)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0);

/** A value in the figure's own unit; the unit is in the column header for ops/s and here for the rest. */
export function figureText(unit: string, x: number): string {
  if (unit === 'ops/s') return `${opsFmt(x)} ops/s`;
  if (unit === 'B/s') return fmtBytesRate(x);
  if (unit === 'ns') return fmtNsShort(x);
  return x.toFixed(0);
}

export function HeadlineTable({ rows }: { rows: HeadlineRow[] }) {
  return (
    <table className="ab-table ab-headline" data-testid="ab-headline">
      <thead>
        <tr>
          <th>figure</th>
          <th className="num">A</th>
          <th className="num">B</th>
          <th className="num">Δ (B − A)</th>
          <th className="num">95% CI of Δ</th>
          <th>verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ spec, delta }) => {
          const v = deltaView(delta, (x) => figureText(spec.unit, x));
          return (
            <tr key={spec.key} data-testid={`ab-row-${spec.key}`} data-verdict={delta.verdict}>
              <th scope="row" title={spec.better === 'higher' ? 'higher is better' : 'lower is better'}>
                {spec.label} <span className="muted">({spec.better === 'higher' ? '↑ better' : '↓ better'})</span>
              </th>
              <td className="num">{figureText(spec.unit, delta.meanA)}</td>
              <td className="num">{figureText(spec.unit, delta.meanB)}</td>
              <td className={`num delta ${v.tone}`} data-testid={`ab-delta-${spec.key}`}>
                <span className="arrow" aria-hidden={!v.arrow}>
                  {v.arrow}
                </span>{' '}
                {v.main}
              </td>
              <td className="num ci">{v.ci ? v.ci.replace('95% CI ', '') : '— (R = 1)'}</td>
              <td className={`verdict ${v.tone}`}>{v.word}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

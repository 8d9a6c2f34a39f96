// lock_stat side by side: per lock class, A, B and Δ for contentions, waittime-total, waittime-avg, holdtime-avg
// and acquisitions (times in µs as lock_stat prints them). Worse: red with ▲ +; better: blue with ▼ −.
import type { Delta } from '../../analysis/compare';
import { LOCK_COLUMNS, type LockCompareRow } from '../../analysis/compareTables';
import { fmtUs } from '../format';
import { deltaLine, deltaView } from '../../export/deltaText';

const value = (unit: string, x: number, r: number) => (unit === 'ns' ? fmtUs(x) : r > 1 ? x.toFixed(1) : x.toFixed(0));

function DeltaCell({ d, unit, r }: { d: Delta; unit: string; r: number }) {
  const v = deltaView(d, (x) => (unit === 'ns' ? `${fmtUs(x)} µs` : value(unit, x, r)));
  const line = deltaLine(d, (x) => (unit === 'ns' ? `${fmtUs(x)} µs` : value(unit, x, r)));
  return (
    <td className={`num delta ${v.tone}`} title={`${v.word}: ${line}`} data-verdict={d.verdict}>
      {v.arrow && <span className="arrow">{v.arrow} </span>}
      {v.main}
      {d.verdict === 'noise' && <span className="ns"> n.s.</span>}
    </td>
  );
}

export function LockCompareTable({ rows, r }: { rows: LockCompareRow[]; r: number }) {
  if (rows.length === 0) return <p className="muted">Neither side takes a lock.</p>;
  return (
    <table className="ab-table ab-locks" data-testid="ab-locks">
      <thead>
        <tr>
          <th rowSpan={2}>class name</th>
          {LOCK_COLUMNS.map((c) => (
            <th
              key={c.key}
              colSpan={3}
              className="group"
              title={c.better === 'lower' ? 'lower is better' : 'no better direction: grows with the work done'}
            >
              {c.label}
              {c.unit === 'ns' ? ' (µs)' : ''}{' '}
              <span className="muted">{c.better === 'lower' ? '↓ better' : 'no direction'}</span>
            </th>
          ))}
        </tr>
        <tr>
          {LOCK_COLUMNS.map((c) =>
            ['A', 'B', 'Δ'].map((s) => (
              <th key={c.key + s} className={`num sub${s === 'A' ? ' first' : ''}`}>
                {s}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} data-testid={`ab-lock-${row.name}`} data-presence={row.presence}>
            <td className="name">
              {row.name} <span className="muted kind">{row.kind}</span>
              {row.presence !== 'both' && (
                <span className="badge presence">{row.presence === 'new' ? 'new in B' : 'gone in B'}</span>
              )}
            </td>
            {LOCK_COLUMNS.map((c) => [
              <td key={`${c.key}a`} className="num first">
                {row.meanA ? value(c.unit, row.meanA[c.key], r) : '—'}
              </td>,
              <td key={`${c.key}b`} className="num">
                {row.meanB ? value(c.unit, row.meanB[c.key], r) : '—'}
              </td>,
              row.deltas ? (
                <DeltaCell key={`${c.key}d`} d={row.deltas[c.key]} unit={c.unit} r={r} />
              ) : (
                <td key={`${c.key}d`} className="num muted">
                  {row.presence === 'new' ? 'new' : 'gone'}
                </td>
              ),
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

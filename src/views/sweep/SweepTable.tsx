// The sweep's results as a table (point, mean and 95% interval of throughput and latency, the lock with
// most wait) and "Download CSV" of every figure (export/csv.ts, the same columns as npm run sweep --csv).
import type { Estimate } from '../../analysis/studentT';
import type { PointLine } from '../../analysis/sweep/aggregate';
import { sweepCsv } from '../../export/csv';
import { downloadText } from '../download';
import { fmtNsShort, fmtRate } from '../format';
import { MIN_BAND_REPLICATIONS } from './sweepSeries';
import { useSweep } from '../../state/sweep/sweep';
import { limitShort } from '../../state/sweep/sweepLimits';

/** A t interval over few, spread replications can reach below zero; it is shown as computed, with its sign. */
const signed = (f: (x: number) => string) => (x: number) => (x < 0 ? `−${f(-x)}` : f(x));
/** The raw interval; below 3 replications it is said to mean little (the charts draw no band), and equal
 * runs are said to be equal rather than shown as a zero-width interval ("709 µs … 709 µs"). */
function ci(e: Estimate, reps: number, f: (x: number) => string): { text: string; title?: string } {
  if (!e.ci95) return { text: 'one replication' };
  const raw = `${signed(f)(e.ci95[0])} … ${signed(f)(e.ci95[1])}`;
  if (e.ci95[0] === e.ci95[1])
    return { text: `equal on all ${reps} seeds`, title: `every replication gave ${f(e.mean)}` };
  if (reps < MIN_BAND_REPLICATIONS)
    return { text: `not meaningful (R = ${reps})`, title: `t interval from ${reps} runs: ${raw}` };
  return { text: raw, ...(e.ci95[0] < 0 ? { title: 'reaches below 0: a t interval, not a bound' } : {}) };
}
function CiCell({ e, reps, f }: { e: Estimate; reps: number; f: (x: number) => string }) {
  const c = ci(e, reps, f);
  return (
    <td className="num" title={c.title} data-testid="sweep-ci">
      {c.text}
    </td>
  );
}

function topLock(l: PointLine): string {
  const [name, e] =
    Object.entries(l.locks).sort((a, b) => b[1].waitTimeTotalNs.mean - a[1].waitTimeTotalNs.mean)[0] ?? [];
  return name && e && e.waitTimeTotalNs.mean > 0
    ? `${name} ${(e.waitTimeTotalNs.mean / l.durationNs).toFixed(3)}`
    : '—';
}

function LimitCell({ index }: { index: number }) {
  const p = useSweep((s) => s.limits[index]);
  if (!p) return <td className="muted">—</td>;
  const agree = p.agree < p.of ? ` (${p.agree} of ${p.of} runs)` : '';
  return (
    <td title={`${p.text}${agree}`} data-testid="sweep-limit" data-limit={p.limit}>
      {limitShort(p)}
      {agree}
    </td>
  );
}

export function SweepTable({
  lines,
  keys,
  label,
  formatKey,
}: {
  lines: readonly PointLine[];
  keys: readonly string[];
  label: string;
  formatKey: (k: string, v: string | number | boolean) => string;
}) {
  const fileName = `sweep-${label.replace(/^(preset|model) /, '')}-${keys.join('-')}.csv`.replace(
    /[^A-Za-z0-9._-]+/g,
    '_',
  );
  return (
    <section className="panel sw-table" aria-label="sweep results table">
      <div className="panel-head">
        <h2>Results</h2>
        <span className="muted">mean and Student-t 95% interval over replications</span>
        <button
          type="button"
          className="sw-csv"
          data-testid="sweep-csv"
          disabled={lines.length === 0}
          onClick={() => downloadText(fileName, sweepCsv(lines), 'text/csv')}
        >
          Download CSV
        </button>
      </div>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th className="num">#</th>
              {keys.map((k) => (
                <th key={k}>{k}</th>
              ))}
              <th className="num">ops/s</th>
              <th className="num">ops/s 95% CI</th>
              <th className="num">p50</th>
              <th className="num">p99</th>
              <th className="num">p99 95% CI</th>
              <th title="lock_stat waittime-total over the measured time: the mean number of waiters">
                most lock wait (s/s)
              </th>
              <th title="The Lab's bottleneck rules over each run's measured part; the most common verdict of the point's runs">
                limit (Lab's rules)
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const t = l.throughput.opsPerSec;
              return (
                <tr key={l.index} data-testid="sweep-row">
                  <td className="num">{l.index}</td>
                  {keys.map((k) => (
                    <td key={k}>{formatKey(k, l.point[k])}</td>
                  ))}
                  <td
                    className="num"
                    data-testid="sweep-ops"
                    data-mean={t.mean}
                    data-lo={t.ci95?.[0] ?? ''}
                    data-hi={t.ci95?.[1] ?? ''}
                  >
                    {fmtRate(t.mean)}
                  </td>
                  <CiCell e={t} reps={l.replications} f={fmtRate} />
                  <td className="num">{fmtNsShort(l.latencyNs.p50?.mean ?? NaN)}</td>
                  <td className="num">{fmtNsShort(l.latencyNs.p99.mean)}</td>
                  <CiCell e={l.latencyNs.p99} reps={l.replications} f={fmtNsShort} />
                  <td>{topLock(l)}</td>
                  <LimitCell index={l.index} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// The USL fit of a thread-count sweep in words and numbers: alpha (contention), beta (coherency), gamma
// (one thread's throughput), the N of peak throughput, r², and the lock classes whose wait grows with N. The
// fit describes the curve; what saturates at each point is said from the Lab's bottleneck rules (issue 15).
import { THREAD_PARAMS, type PointLine, type UslLine } from '../../analysis/sweep/aggregate';
import { useSweep } from '../../state/sweep/sweep';
import { limitShort } from '../../state/sweep/sweepLimits';
import { fmtRate } from '../format';

/** "group_thread_cnt=0: md0_raid5 alone · 1: stripe handlers · 2: device_lock · 3, 4: the disks". */
function Saturation({ lines, param }: { lines: readonly PointLine[]; param: string }) {
  const limits = useSweep((s) => s.limits);
  const runs: { words: string; text: string; at: string[] }[] = [];
  for (const l of lines) {
    const p = limits[l.index];
    if (!p) continue;
    const words = limitShort(p);
    const last = runs[runs.length - 1];
    const at = String(l.point[param]);
    if (last && last.words === words) last.at.push(at);
    else runs.push({ words, text: p.text, at: [at] });
  }
  if (runs.length === 0) return null;
  return (
    <p className="sw-saturation" data-testid="usl-saturation">
      The fit describes the curve&apos;s shape, not a diagnosis. <b>What saturates</b> (the Lab&apos;s bottleneck rules,
      each run&apos;s measured part):{' '}
      {runs.map((r, i) => (
        <span key={i} title={r.text}>
          {i > 0 && ' · '}
          {i === 0 ? `${param}=` : ''}
          {r.at.join(', ')}: {r.words}
        </span>
      ))}
    </p>
  );
}

export function UslSummary({
  fits,
  skipped,
  lines,
}: {
  fits: readonly UslLine[];
  skipped: readonly string[];
  lines: readonly PointLine[];
}) {
  if (fits.length === 0 && skipped.length === 0) return null;
  return (
    <section className="panel sw-usl" aria-label="USL fit" data-testid="sweep-usl">
      <div className="panel-head">
        <h2>Universal Scalability Law</h2>
        <span className="muted">
          X(N) = γN / (1 + α(N−1) + βN(N−1)) fitted to the mean throughput{fits[0] ? `; N = ${fits[0].usl.n}` : ''}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            {fits.some((f) => Object.keys(f.usl.for).length > 0) && <th>at</th>}
            <th className="num" title="contention (serialised fraction)">
              α
            </th>
            <th className="num" title="coherency (crosstalk) cost">
              β
            </th>
            <th className="num" title="throughput of one thread">
              γ (ops/s per thread)
            </th>
            <th
              className="num"
              title="sqrt((1 − α) / β): the N of highest throughput, and the parameter value it means"
            >
              peak N
            </th>
            <th className="num">r²</th>
            <th title="A lock whose wait grows is not by itself the limit: see what saturates below">
              lock wait growing with N (most first)
            </th>
          </tr>
        </thead>
        <tbody>
          {fits.map((f) => {
            const u = f.usl;
            const at = Object.entries(u.for)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(' ');
            return (
              <tr key={at} data-testid="usl-row" data-alpha={u.alpha} data-beta={u.beta} data-gamma={u.gamma}>
                {fits.some((g) => Object.keys(g.usl.for).length > 0) && <td>{at}</td>}
                <td className="num">{u.alpha.toPrecision(3)}</td>
                <td className="num">{u.beta.toPrecision(3)}</td>
                <td className="num">{fmtRate(u.gamma)}</td>
                <td className="num" data-testid="usl-peak">
                  {u.peakN === null
                    ? 'none (β = 0)'
                    : `${u.peakN} (${u.param} ≈ ${+(u.peakN - THREAD_PARAMS[u.param].n(0)).toFixed(1)})`}
                </td>
                <td className="num">{u.r2}</td>
                <td data-testid="usl-locks">{u.contention.length ? u.contention.join(', ') : 'none'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {fits[0] && fits.length === 1 && Object.keys(fits[0].usl.for).length === 0 && (
        <Saturation lines={lines} param={fits[0].usl.param} />
      )}
      {skipped.map((s) => (
        <p key={s} className="sw-hint">
          {s}
        </p>
      ))}
    </section>
  );
}

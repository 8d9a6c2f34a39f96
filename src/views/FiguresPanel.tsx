// Throughput and latency as they update, then the queues, member devices and any scalar extras the
// model reports. Reads the store only; the figures are the model's own, never recomputed here.
import { useSim } from '../state/store';
import { fmtBytesRate, fmtNs, fmtNsShort, fmtPct, fmtRate } from './format';

export function FiguresPanel() {
  const snap = useSim((s) => s.snapshot);
  const figures = useSim((s) => s.figures);
  const recent = useSim((s) => s.recentOpsPerSec);
  const lat = figures?.latencyNs;
  const extras = Object.entries(snap?.extra ?? {}).filter(
    ([, v]) => typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string',
  );
  return (
    <section className="panel figures" data-lesson-target="figures" aria-label="throughput and latency">
      <div className="panel-head">
        <h2>Throughput and latency</h2>
      </div>
      <div className="scroll">
        <h3>
          Throughput <span className="muted">operations per simulated second</span>
        </h3>
        <dl className="kpis">
          <div title="Over about the last wall second">
            <dt>now</dt>
            <dd data-testid="ops-now">{fmtRate(recent)}</dd>
          </div>
          <div title="Since the run began">
            <dt>whole run</dt>
            <dd data-testid="ops-run">{fmtRate(figures?.throughput.opsPerSec)}</dd>
          </div>
          {figures?.throughput.bytesPerSec ? (
            <div>
              <dt>bytes</dt>
              <dd>{fmtBytesRate(figures.throughput.bytesPerSec)}</dd>
            </div>
          ) : null}
          <div title="Operations completed since the run began">
            <dt>done</dt>
            <dd>{snap?.completions.toLocaleString('en') ?? '—'}</dd>
          </div>
        </dl>
        <h3>
          Latency <span className="muted">ask to done, whole run</span>
        </h3>
        <dl className="kpis" data-testid="latency">
          {(['mean', 'p50', 'p99', 'max'] as const).map((k) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd title={lat ? fmtNs(lat[k]) : undefined}>{lat && lat.max > 0 ? fmtNsShort(lat[k]) : '—'}</dd>
            </div>
          ))}
        </dl>
        {snap && snap.queues.length > 0 && (
          <table className="small">
            <thead>
              <tr>
                <th>queue</th>
                <th className="num" title="Arrivals">
                  arrivals
                </th>
                <th className="num" title="Time-averaged length">
                  len
                </th>
                <th className="num" title="Longest it has been">
                  max
                </th>
                <th className="num" title="Mean time in the queue">
                  wait
                </th>
              </tr>
            </thead>
            <tbody>
              {snap.queues.map((q) => (
                <tr key={q.name}>
                  <td>{q.name}</td>
                  <td className="num">{q.arrivals}</td>
                  <td className="num">{q.meanLength.toFixed(2)}</td>
                  <td className="num">{q.maxLength}</td>
                  <td className="num">{fmtNs(q.meanWaitNs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {snap && snap.devices.length > 0 && (
          <table className="small">
            <thead>
              <tr>
                <th>device</th>
                <th className="num">util</th>
                <th className="num">ops/s</th>
                <th className="num">aqu-sz</th>
              </tr>
            </thead>
            <tbody>
              {snap.devices.map((d) => (
                <tr key={d.name}>
                  <td>{d.name}</td>
                  <td className="num">{fmtPct(d.utilisation)}</td>
                  <td className="num">{fmtRate(d.opsPerSec)}</td>
                  <td className="num">{d.meanQueueDepth.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {extras.length > 0 && (
          <dl className="extras">
            {extras.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}

// Locks now (holder, waiters in order, spinning or sleeping) and the lock_stat table with its real
// column names, times in microseconds as /proc/lock_stat prints them.
import { useSim } from '../state/store';

const us = (ns: number) => (ns / 1000).toFixed(2);

export function LockPanel() {
  const snap = useSim((s) => s.snapshot);
  if (!snap) return <section className="locks" />;
  const busy = snap.locks.filter((l) => l.holder || l.waiters.length).slice(0, 6);
  return (
    <section className="locks" aria-label="locks">
      <h2>Locks</h2>
      <ul data-testid="lock-now">
        {(busy.length ? busy : snap.locks.slice(0, 1)).map((l) => (
          <li key={l.name}><b>{l.name}</b>: held by {l.holder ?? 'nobody'}{l.waiters.length ? `; ${l.spinning ? 'spinning' : 'sleeping'}: ${l.waiters.join(' → ')}` : ''}</li>
        ))}
      </ul>
      <table data-testid="lockstat" className="lockstat">
        <thead><tr>{['class name', 'con-bounces', 'contentions', 'waittime-min', 'waittime-max', 'waittime-total', 'waittime-avg', 'acq-bounces', 'acquisitions', 'holdtime-min', 'holdtime-max', 'holdtime-total', 'holdtime-avg'].map((h) => <th key={h}>{h}</th>)}</tr></thead>
        <tbody>
          {snap.lockStats.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td><td>{l.conBounces}</td><td>{l.contentions}</td><td>{us(l.waitTimeMinNs)}</td><td>{us(l.waitTimeMaxNs)}</td><td>{us(l.waitTimeTotalNs)}</td><td>{us(l.waitTimeAvgNs)}</td>
              <td>{l.acqBounces}</td><td>{l.acquisitions}</td><td>{us(l.holdTimeMinNs)}</td><td>{us(l.holdTimeMaxNs)}</td><td>{us(l.holdTimeTotalNs)}</td><td>{us(l.holdTimeAvgNs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Queues and members</h2>
      <table className="queues"><tbody>
        {snap.queues.map((q) => <tr key={q.name}><td>{q.name}</td><td>len {q.meanLength.toFixed(1)}</td><td>max {q.maxLength}</td></tr>)}
        {snap.devices.map((d) => <tr key={d.name}><td>{d.name}</td><td>util {(d.utilisation * 100).toFixed(0)}%</td><td>aqu-sz {d.meanQueueDepth.toFixed(1)}</td></tr>)}
      </tbody></table>
    </section>
  );
}

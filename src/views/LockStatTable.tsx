// The lock_stat table with /proc/lock_stat's own column names; times in microseconds as it prints them.
// Figures are per lock class over the whole run; reads the latest snapshot only.
import { setLockTab, useLockView } from '../state/lab/lockView';
import type { LockRow } from '../protocol/messages';
import { useSim } from '../state/store';
import { fmtUs } from './format';
import { LockHistograms } from './LockHistograms';

const COLUMNS: [string, (r: LockRow) => string | number, string][] = [
  ['con-bounces', (r) => r.conBounces, 'Contended acquisitions whose previous holder ran on another CPU'],
  ['contentions', (r) => r.contentions, 'Acquisitions that had to wait'],
  ['waittime-min', (r) => fmtUs(r.waitTimeMinNs), 'Shortest wait of a contended acquisition (µs)'],
  ['waittime-max', (r) => fmtUs(r.waitTimeMaxNs), 'Longest wait (µs)'],
  ['waittime-total', (r) => fmtUs(r.waitTimeTotalNs), 'All waiting added up (µs)'],
  ['waittime-avg', (r) => fmtUs(r.waitTimeAvgNs), 'Mean wait per contention (µs)'],
  ['acq-bounces', (r) => r.acqBounces, 'Acquisitions whose previous holder ran on another CPU'],
  ['acquisitions', (r) => r.acquisitions, 'Times the lock was taken'],
  ['holdtime-min', (r) => fmtUs(r.holdTimeMinNs), 'Shortest hold (µs)'],
  ['holdtime-max', (r) => fmtUs(r.holdTimeMaxNs), 'Longest hold (µs)'],
  ['holdtime-total', (r) => fmtUs(r.holdTimeTotalNs), 'All holding added up (µs)'],
  ['holdtime-avg', (r) => fmtUs(r.holdTimeAvgNs), 'Mean hold (µs)'],
];

/** lock_stat's names, allowed to wrap after the hyphen so thirteen columns fit without scrolling. */
function breakable(name: string) {
  const at = name.indexOf('-');
  return at < 0 ? (
    name
  ) : (
    <>
      {name.slice(0, at + 1)}
      <wbr />
      {name.slice(at + 1)}
    </>
  );
}

export function LockStatTable() {
  const rows = useSim((s) => s.snapshot?.lockStats);
  const hist = useLockView((s) => s.tab === 'hists');
  const setHist = (on: boolean) => setLockTab(on ? 'hists' : 'table');
  return (
    <section
      className="panel lockstat"
      id="lockstat"
      tabIndex={-1}
      aria-label="lock_stat"
      data-lesson-target="lockstat"
    >
      <div className="panel-head">
        <h2>lock_stat</h2>
        <span className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={!hist} onClick={() => setHist(false)}>
            table
          </button>
          <button type="button" role="tab" aria-selected={hist} data-testid="show-hists" onClick={() => setHist(true)}>
            wait/hold histograms
          </button>
        </span>
        <span className="muted">per lock class since the run began{hist ? '' : '; times in µs'}</span>
      </div>
      {hist ? (
        <div className="scroll">
          <LockHistograms />
        </div>
      ) : (
        <div className="scroll">
          <table data-testid="lockstat">
            <thead>
              <tr>
                <th>class name</th>
                {COLUMNS.map(([h, , tip]) => (
                  <th key={h} title={tip} className="num">
                    {breakable(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((r) => (
                <tr key={r.name}>
                  <td className="name" title={r.kind}>
                    {r.name} <span className="muted kind">{r.kind}</span>
                  </td>
                  {COLUMNS.map(([h, get]) => (
                    <td key={h} className="num">
                      {get(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// A real measurement beside the model: file inputs for a fio JSON result and a /proc/lock_stat text, the one-line
// refusal (the CLI's), and the side-by-side table; the Lab compares its run, the A/B page pins the file as A.
import { useState } from 'react';
import {
  cancelMeasuredRun,
  compareLabRun,
  loadFioText,
  loadLockStatText,
  pinMeasuredAsA,
  runBAgainstMeasured,
  useMeasured,
  type SideRow,
} from '../../state/lab/measured';
import { useSim } from '../../state/store';
import { fmtBytesRate, fmtNs, fmtRate } from '../format';
import './measured.css';

const cell = (unit: SideRow['unit'], x: number | null): string => {
  if (x === null) return '—';
  if (unit === 'ops/s') return fmtRate(x);
  if (unit === 'B/s') return fmtBytesRate(x);
  if (unit === 'ns') return fmtNs(x);
  return `${(x * 100).toFixed(1)}%`;
};

export function SideTable({ rows, model = 'model' }: { rows: SideRow[]; model?: string }) {
  return (
    <div className="measured-scroll">
      <table className="small measured-table" data-testid="measured-table">
        <thead>
          <tr>
            <th>figure</th>
            <th className="num">{model}</th>
            <th className="num">measured</th>
            <th className="num" title="The model's figure over the measured one">
              {model} / measured
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.figure} data-figure={r.figure}>
              <td>{r.figure}</td>
              <td className="num">{cell(r.unit, r.model)}</td>
              <td className="num">{cell(r.unit, r.measured)}</td>
              <td className="num">{r.ratio === null ? '—' : r.ratio.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reads the chosen file and hands its text on; the input is cleared so the same file can be chosen again. */
function FileInput({
  id,
  label,
  accept,
  onText,
}: {
  id: string;
  label: string;
  accept: string;
  onText: (text: string, name: string) => void;
}) {
  return (
    <div className="measured-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        data-testid={id}
        onChange={(e) => {
          const input = e.currentTarget;
          const f = input.files?.[0];
          if (!f) return;
          void f.text().then((t) => {
            onText(t, f.name);
            input.value = '';
          });
        }}
      />
    </div>
  );
}

function Inputs() {
  const fio = useMeasured((s) => s.fio);
  const lockStat = useMeasured((s) => s.lockStat);
  const error = useMeasured((s) => s.error);
  return (
    <>
      <FileInput id="measured-fio" label="fio result" accept=".json,application/json" onText={loadFioText} />
      <FileInput id="measured-lockstat" label="/proc/lock_stat" accept=".txt,text/plain,*" onText={loadLockStatText} />
      <p className="muted" data-testid="measured-loaded">
        {fio
          ? `fio: ${fio.data.file} (${fio.data.fioVersion}, rw=${fio.data.workload.rw} bs=${fio.data.workload.bs} iodepth=${fio.data.workload.iodepth} numjobs=${fio.data.workload.numjobs})`
          : 'fio: none loaded (fio --output-format=json, same rw, bs, iodepth and numjobs as the scenario)'}
        {lockStat ? `; lock_stat: ${lockStat.file} (${lockStat.rows.length} classes)` : ''}
      </p>
      {error && (
        <p className="measured-bad" role="alert" data-testid="measured-error">
          {error}
        </p>
      )}
    </>
  );
}

/** The Lab's part (in the Export popover): load, then compare with the run so far. */
export function LabMeasured() {
  const loaded = useMeasured((s) => s.fio !== null || s.lockStat !== null);
  const lab = useMeasured((s) => s.lab);
  const busy = useMeasured((s) => s.busy);
  const hasRun = useSim((s) => s.snapshot !== null);
  return (
    <section aria-label="beside a real measurement" data-testid="measured-lab">
      <h3>Beside a real measurement</h3>
      <Inputs />
      <button
        type="button"
        onClick={compareLabRun}
        disabled={!loaded || !hasRun || busy}
        data-testid="measured-compare"
      >
        Compare with this run
      </button>
      {lab && (
        <>
          <p className="muted">Model: {lab.note}.</p>
          <SideTable rows={lab.rows} />
        </>
      )}
    </section>
  );
}

/** The A/B page's part: pin the measurement as A, run the Lab's scenario as B, both side by side. */
export function AbMeasured() {
  const fio = useMeasured((s) => s.fio);
  const pinned = useMeasured((s) => s.pinnedA);
  const ab = useMeasured((s) => s.ab);
  const rows = useMeasured((s) => s.abRows);
  const [r, setR] = useState('3');
  const running = ab.phase === 'running';
  return (
    <section className="panel measured-ab" aria-label="a measurement as A" data-testid="measured-ab">
      <h3>
        A real measurement as A <span className="muted">a fio result from real hardware; B is the Lab's scenario</span>
      </h3>
      <Inputs />
      <div className="measured-row">
        <button type="button" disabled={!fio} onClick={() => pinMeasuredAsA(!pinned)} data-testid="measured-pin">
          {pinned ? 'Unpin the measurement' : 'Pin the measurement as A'}
        </button>
        {pinned && (
          <form
            className="measured-row"
            onSubmit={(e) => {
              e.preventDefault();
              runBAgainstMeasured(r, '');
            }}
          >
            <label htmlFor="measured-r">R</label>
            <input id="measured-r" size={3} value={r} onChange={(e) => setR(e.target.value)} />
            <button type="submit" disabled={running} data-testid="measured-run">
              Run B
            </button>
            {running && (
              <button type="button" onClick={cancelMeasuredRun}>
                Cancel ({ab.done} of {ab.total})
              </button>
            )}
          </form>
        )}
      </div>
      {pinned && fio && (
        <p className="muted" data-testid="measured-a">
          A = measured: {fio.data.file}
        </p>
      )}
      {ab.message && (
        <p
          className={ab.phase === 'failed' ? 'measured-bad' : 'muted'}
          role={ab.phase === 'failed' ? 'alert' : undefined}
        >
          {ab.message}
        </p>
      )}
      {pinned && rows && <SideTable rows={rows} model="B" />}
    </section>
  );
}

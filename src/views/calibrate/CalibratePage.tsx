// The Calibrate page (issue 17): drop real fio results, give the array's settings (words, or a pasted
// `mdadm --detail`), Fit on the batch workers with progress and cancel, then the fitted machine with its
// intervals and verdicts, every run's residual as a table and as pictures (measured vs fitted, log scales),
// and "use this machine" for the other pages. Layout only: the checks and the fit are state/calibrate's.
import { useState, type DragEvent } from 'react';
import {
  addCalFiles,
  applyMachine,
  cancelFit,
  openProfile,
  profileText,
  removeCalFile,
  setCalForm,
  setCalWith,
  startFit,
  useCalibrate,
  valueText,
} from '../../state/calibrate/calibrate';
import type { CalField, CalForm } from '../../state/calibrate/calibrateSetup';
import { downloadText } from '../download';
import { ResidualPicture } from './ResidualPicture';
import { ResidualTable } from './ResidualTable';
import './calibrate.css';

function FieldError({ field }: { field: CalField }) {
  const error = useCalibrate((s) => s.error);
  if (!error || error.field !== field) return null;
  return (
    <div className="cal-error" role="alert" data-testid="cal-error">
      {error.text}
    </div>
  );
}

function TextField({ id, label, hint, area }: { id: keyof CalForm; label: string; hint: string; area?: boolean }) {
  const value = useCalibrate((s) => s.form[id]);
  const props = {
    id: `cal-${id}`,
    'data-testid': `cal-${id}`,
    value,
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => setCalForm({ [id]: e.target.value }),
  };
  return (
    <div className="cal-field">
      <label htmlFor={`cal-${id}`}>{label}</label>
      {area ? <textarea rows={id === 'mdadm' ? 5 : 2} {...props} /> : <input {...props} />}
      <div className="cal-hint">{hint}</div>
      <FieldError field={id} />
    </div>
  );
}

function Files() {
  const files = useCalibrate((s) => s.files);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void addCalFiles([...e.dataTransfer.files]);
  };
  return (
    <div className="cal-field">
      <label htmlFor="cal-files">fio results (--output-format=json or json+)</label>
      <div
        className={`cal-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        Drop fio JSON files here, or{' '}
        <input
          id="cal-files"
          data-testid="cal-files"
          type="file"
          accept=".json,application/json"
          multiple
          onChange={(e) => {
            void addCalFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      <FieldError field="files" />
      <ul className="cal-files">
        {files.map((f, i) => (
          <li key={f.name} data-testid="cal-file">
            <b title={`sha256 ${f.sha256}`}>{f.name}</b>
            <label>
              with{' '}
              <input
                data-testid={`cal-with-${i}`}
                value={f.with}
                placeholder="KEY=VALUE for this run, e.g. group_thread_cnt=4"
                spellCheck={false}
                onChange={(e) => setCalWith(f.name, e.target.value)}
              />
            </label>
            <button type="button" onClick={() => removeCalFile(f.name)} aria-label={`remove ${f.name}`}>
              ×
            </button>
            <FieldError field={`with:${i}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Progress() {
  const status = useCalibrate((s) => s.status);
  const progress = useCalibrate((s) => s.progress);
  const error = useCalibrate((s) => s.error);
  return (
    <div className="cal-progress" aria-live="polite">
      <button type="button" data-testid="cal-fit" onClick={() => startFit()} disabled={status === 'running'}>
        Fit
      </button>
      <button type="button" data-testid="cal-cancel" onClick={cancelFit} disabled={status !== 'running'}>
        Cancel
      </button>
      {progress && (
        <span data-testid="cal-progress" data-evaluations={progress.evaluations} data-status={status}>
          {status === 'running'
            ? 'fitting: '
            : status === 'done'
              ? 'done: '
              : status === 'cancelled'
                ? 'cancelled: '
                : ''}
          {progress.evaluations} evaluations, best squared log error{' '}
          {Number.isFinite(progress.bestSse) ? progress.bestSse.toPrecision(3) : '—'}
        </span>
      )}
      {error && error.field === null && (
        <div className="cal-error" role="alert" data-testid="cal-error">
          {error.text}
        </div>
      )}
    </div>
  );
}

function FittedMachine() {
  const result = useCalibrate((s) => s.result);
  if (!result) return null;
  return (
    <section className="cal-panel" aria-label="fitted machine">
      <h3>Fitted machine</h3>
      <p className="cal-hint">
        95% intervals from the profile likelihood (linearised, checked by runs a factor 1.5 either side); sigma{' '}
        {(result.sigma * 100).toFixed(1)}% per figure; {result.evaluations} evaluations.
      </p>
      <table className="cal-table" data-testid="cal-fit-table">
        <thead>
          <tr>
            <th>parameter</th>
            <th>value</th>
            <th>95% interval</th>
            <th>verdict</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(result.fit).map(([k, f]) => (
            <tr key={k} data-key={k} data-value={f.value} data-identified={f.identified}>
              <td>{k}</td>
              <td>{valueText(k, f.value)}</td>
              <td>
                {valueText(k, f.ci95[0])} … {valueText(k, f.ci95[1])}
              </td>
              <td className={f.identified ? 'pinned' : 'loose'}>
                {f.identified ? 'pinned' : 'not pinned'}
                {f.advice && <div className="cal-hint">{f.advice}</div>}
              </td>
            </tr>
          ))}
          {Object.entries(result.fixed).map(([k, v]) => (
            <tr key={k} data-key={k}>
              <td>{k}</td>
              <td>{valueText(k, v)}</td>
              <td>—</td>
              <td>fixed</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.notes.map((n) => (
        <p key={n} className="cal-hint" data-testid="cal-note">
          {n}
        </p>
      ))}
    </section>
  );
}

function UseMachine() {
  const profile = useCalibrate((s) => s.profile);
  return (
    <section className="cal-panel" aria-label="use this machine">
      <h3>Use this machine</h3>
      <div className="cal-field">
        <label htmlFor="cal-profile">open a machine profile (npm run calibrate -- --out FILE)</label>
        <input
          id="cal-profile"
          data-testid="cal-profile"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openProfile(f);
            e.target.value = '';
          }}
        />
        <FieldError field="profile" />
      </div>
      {profile && <MachineActions />}
    </section>
  );
}

function MachineActions() {
  const profile = useCalibrate((s) => s.profile)!;
  const applied = useCalibrate((s) => s.applied);
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <>
      <p className="cal-hint" data-testid="cal-profile-shown">
        {profile.name}:{' '}
        {Object.entries(profile.machine)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? valueText(k, v) : v}`)
          .join(', ')}{' '}
        (from {profile.sources.map((s) => s.file).join(', ')}, {profile.createdAt})
      </p>
      <div className="cal-use">
        <input
          data-testid="cal-machine-name"
          aria-label="machine name"
          value={name}
          placeholder={profile.name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="button" data-testid="cal-use" onClick={() => setRefusal(applyMachine(name || profile.name))}>
          Use this machine
        </button>
        <button
          type="button"
          data-testid="cal-download"
          onClick={() => downloadText(`${(name || profile.name).replace(/[^\w.-]+/g, '-')}.json`, profileText(profile))}
        >
          Download profile
        </button>
      </div>
      {refusal && (
        <div className="cal-error" role="alert">
          {refusal}
        </div>
      )}
      {applied && (
        <div className="cal-hint" data-testid="cal-applied">
          {applied}
        </div>
      )}
    </>
  );
}

export function CalibratePage() {
  const result = useCalibrate((s) => s.result);
  return (
    <div className="calibrate-page" data-testid="CalibratePage">
      <div className="cal-setup">
        <h2>Calibrate</h2>
        <p className="cal-hint">
          Fit this model’s machine (cpu_speed, the members’ latency, bandwidth and parallelism, the parity speed when a
          run writes large blocks) to your own fio results; the runs’ workloads come from the files’ job options. One
          run per fitted parameter, or fix some. The CLI does the same: npm run calibrate.
        </p>
        <Files />
        <TextField
          id="settings"
          label="settings for every run (--set)"
          hint="KEY=VALUE words, e.g. level=5 disks=4 device=nvme group_thread_cnt=4"
          area
        />
        <TextField
          id="mdadm"
          label="mdadm --detail (optional paste)"
          hint="sets level, disks, chunk, bitmap; the words above win"
          area
        />
        <TextField
          id="fix"
          label="fix (--fix)"
          hint="KEY or KEY=VALUE words: not fitted, e.g. xor_speed device.parallelism=24"
        />
        <div className="cal-row">
          <TextField id="duration" label="run length" hint="the model's 50 ms if empty" />
          <TextField id="warmup" label="warm-up" hint="10 ms if empty" />
          <TextField id="seed" label="seed" hint="every evaluation" />
        </div>
        <Progress />
      </div>
      <div className="cal-results">
        <FittedMachine />
        <UseMachine />
        {result && (
          <section className="cal-panel" aria-label="residuals">
            <h3>Residuals: measured vs fitted</h3>
            <div className="cal-pictures">
              <ResidualPicture rows={result.residuals} kind="throughput" />
              <ResidualPicture rows={result.residuals} kind="latency" />
            </div>
            <ResidualTable rows={result.residuals} />
          </section>
        )}
      </div>
    </div>
  );
}

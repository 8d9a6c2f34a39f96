// The header's Export button: a popover with the trace of the last N ms (Perfetto / Chrome JSON, by an exact
// replay in the worker), CSV of the time series, lock_stat text, fio JSON and the raid5 setup commands; and, the
// other way, a real fio result or lock_stat loaded beside the run (views/measured).
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../useDismiss';
import { requestResult, requestTrace } from '../../state/export/exportRequests';
import { baseNameNow, fioText, lockStatNow, seriesCsv, threadStatesCsv } from '../../state/export/exportTexts';
import { exportBaseName } from '../../export/fileName';
import { hasFioWorkload } from '../../export/fioJson';
import { frameRing } from '../../state/lab/frameRing';
import { seriesRing } from '../../state/lab/raid5Live';
import { raid5Extra } from '../../state/lab/raid5Extra';
import { useSim } from '../../state/store';
import { downloadBlob } from '../download';
import { CommandsDialog } from './CommandsDialog';
import { LabMeasured } from '../measured/MeasuredPanel';
import './export.css';

/** The trace window accepted here, in simulated ms (the worker refuses past 100 ms too). */
const MIN_MS = 0.001;
const MAX_MS = 100;

export function parseWindowMs(text: string): { ms: number } | { error: string } {
  const ms = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS)
    return { error: `trace window=${text}: accepted ${MIN_MS} to ${MAX_MS} simulated ms` };
  return { ms };
}

const save = (text: string, type: string, file: string) => downloadBlob(new Blob([text], { type }), file);

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const [windowText, setWindowText] = useState('2');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const raid5 = useSim((s) => raid5Extra(s.snapshot) !== null);
  const hasRun = useSim((s) => s.snapshot !== null);
  const model = useSim((s) => s.model);
  // fio's fields describe a block workload; a model without fio's bs (Lock Lab's lock rounds) gets no fio JSON.
  const fioWorkload = useSim((s) => hasFioWorkload(s.params));
  const events = useSim((s) => s.snapshot?.events ?? 0);
  const win = parseWindowMs(windowText);

  useDismiss(open, closeMenu, box, button);

  const done = (text: string) => setStatus({ text, bad: false });
  const fail = (e: unknown) => setStatus({ text: e instanceof Error ? e.message : String(e), bad: true });

  const trace = () => {
    if (!('ms' in win)) return;
    setBusy(true);
    setStatus({ text: `Replaying ${events.toLocaleString('en')} events to cut the last ${win.ms} ms…`, bad: false });
    const s = useSim.getState();
    requestTrace(win.ms * 1e6, (n, of) =>
      setStatus({ text: `Replaying: ${n.toLocaleString('en')} of ${of.toLocaleString('en')} events…`, bad: false }),
    )
      .then((r) => {
        const file = `${exportBaseName({ model: s.model, preset: s.preset, seed: s.seed, timeNs: r.toNs })}.trace.json`;
        save(r.json, 'application/json', file);
        done(`${file}: ${((r.toNs - r.fromNs) / 1e6).toFixed(3)} ms; open it in ui.perfetto.dev`);
      }, fail)
      .finally(() => setBusy(false));
  };
  const text = (make: () => string | null, ext: string, type: string, what: string) => {
    const body = make();
    if (body === null) return fail(new Error(`${what}: nothing to export yet`));
    const file = `${baseNameNow(useSim.getState())}.${ext}`;
    save(body, type, file);
    done(`Saved ${file}`);
  };
  const fio = () => {
    setBusy(true);
    const base = baseNameNow(useSim.getState());
    requestResult()
      .then((r) => {
        const file = `${base}.fio.json`;
        save(fioText(r), 'application/json', file);
        done(`Saved ${file}`);
      }, fail)
      .finally(() => setBusy(false));
  };

  return (
    <div className="export-menu" ref={box}>
      <button
        type="button"
        ref={button}
        className="export-toggle"
        aria-expanded={open}
        aria-controls="export-pop"
        onClick={() => setOpen(!open)}
        data-testid="export-toggle"
      >
        Export ▾
      </button>
      {open && (
        <div id="export-pop" className="export-pop" role="group" aria-label="export" data-testid="export-pop">
          <section>
            <h3>Trace (Perfetto / Chrome JSON)</h3>
            <p className="muted">
              One track per thread: handle_stripe and other work, lock holds, spins and sleeps; hand-off flows; queue
              and stripe_cache_active counters.
            </p>
            <div className="export-row">
              <label htmlFor="export-window">last</label>
              <input
                id="export-window"
                inputMode="decimal"
                size={5}
                value={windowText}
                onChange={(e) => setWindowText(e.target.value)}
                aria-invalid={'error' in win}
                aria-describedby="export-window-help"
                data-testid="export-window"
              />
              <span id="export-window-help">ms of simulated time</span>
              <button
                type="button"
                onClick={trace}
                disabled={busy || !hasRun || 'error' in win}
                data-testid="export-trace"
              >
                Download trace
              </button>
            </div>
            {'error' in win && (
              <p className="export-bad" role="alert">
                {win.error}
              </p>
            )}
          </section>
          <section>
            <h3>Tables and figures</h3>
            <div className="export-grid">
              <button
                type="button"
                onClick={() => text(() => seriesCsv(seriesRing), 'series.csv', 'text/csv', 'time series')}
                disabled={!raid5}
                title={
                  raid5
                    ? 'IOPS, MB/s, p50/p99, stripe_cache_active, handle_list, member queues over simulated time'
                    : 'Only the raid5 view keeps these series'
                }
                data-testid="export-series-csv"
              >
                Time series CSV
              </button>
              <button
                type="button"
                onClick={() => text(() => threadStatesCsv(frameRing), 'threads.csv', 'text/csv', 'thread states')}
                disabled={!hasRun}
                title="Every kept thread state change: what the timeline draws"
                data-testid="export-threads-csv"
              >
                Thread states CSV
              </button>
              <button
                type="button"
                onClick={() =>
                  text(() => lockStatNow(useSim.getState().snapshot), 'lock_stat.txt', 'text/plain', 'lock table')
                }
                disabled={!hasRun}
                title="The lock table as /proc/lock_stat prints it (whole run)"
                data-testid="export-lockstat"
              >
                lock_stat text
              </button>
              <button
                type="button"
                onClick={fio}
                disabled={busy || !hasRun || !fioWorkload}
                data-testid="export-fio"
                title={
                  fioWorkload
                    ? 'fio --output-format=json fields for the run so far'
                    : `${model} runs no fio workload: its operations are not IOs`
                }
              >
                fio JSON
              </button>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  setDialog(true);
                }}
                data-testid="export-commands"
              >
                Setup commands…
              </button>
            </div>
            {!raid5 && hasRun && (
              <p className="muted">
                Time series CSV: only the raid5 view keeps series; thread states and the trace cover every model.
                {fioWorkload ? '' : ` fio JSON: ${model} runs no fio workload.`}
              </p>
            )}
          </section>
          <p role="status" className={status?.bad ? 'export-bad' : 'muted'} data-testid="export-status">
            {status?.text ?? ''}
          </p>
          <LabMeasured />
        </div>
      )}
      <CommandsDialog
        open={dialog}
        onClose={() => {
          setDialog(false);
          button.current?.focus();
        }}
      />
    </div>
  );
}

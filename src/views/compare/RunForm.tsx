// The A/B run form: replications R (seeds A.seed..A.seed+R−1, the same for both sides), an optional measured
// duration for both, Run and Cancel, and progress. Refusals show at the field that caused them.
import { useMemo, useState } from 'react';
import { cancelCompare, runCompare } from '../../state/compare/compareActions';
import { resolvePin } from '../../state/compare/comparePin';
import { useCompare } from '../../state/compare/compareStore';
import { fmtNsShort } from '../format';

export function RunForm() {
  const [r, setR] = useState('3');
  const [duration, setDuration] = useState('');
  const pin = useCompare((s) => s.pin);
  const phase = useCompare((s) => s.phase);
  const done = useCompare((s) => s.done);
  const total = useCompare((s) => s.total);
  const message = useCompare((s) => s.message);
  const errors = useCompare((s) => s.fieldErrors);
  const running = phase === 'running';
  const own = useMemo(() => {
    try {
      return pin ? `${fmtNsShort(resolvePin(pin).durationNs)} for A` : '';
    } catch {
      return '';
    }
  }, [pin]);
  const n = Number(r);
  const seeds =
    pin && Number.isInteger(n) && n >= 1
      ? n === 1
        ? `seed ${pin.seed}`
        : `seeds ${pin.seed}..${pin.seed + n - 1}`
      : '';
  return (
    <form
      className="panel ab-run"
      aria-label="run A and B"
      onSubmit={(e) => {
        e.preventDefault();
        runCompare(r, duration);
      }}
    >
      <label className={errors.replications ? 'invalid' : ''}>
        replications R{' '}
        <input
          data-testid="ab-r"
          value={r}
          size={3}
          onChange={(e) => setR(e.target.value)}
          aria-invalid={!!errors.replications}
        />
      </label>
      <span className="muted">
        {seeds}
        {seeds && ', the same for A and B'}
      </span>
      <label className={errors.duration ? 'invalid' : ''}>
        duration{' '}
        <input
          data-testid="ab-duration"
          value={duration}
          size={7}
          placeholder="preset's"
          onChange={(e) => setDuration(e.target.value)}
          aria-invalid={!!errors.duration}
          title="Measured simulated time per run (e.g. 5ms); empty: each side's own (preset or model default)"
        />
      </label>
      <span className="muted">
        {duration.trim() ? 'simulated, both sides' : `each side's own${own ? ` (${own})` : ''}`}
      </span>
      <button type="submit" className="primary" data-testid="ab-run" disabled={!pin || running}>
        ▶ Run A and B
      </button>
      <button type="button" data-testid="ab-cancel" onClick={cancelCompare} disabled={!running}>
        ✕ Cancel
      </button>
      {running && (
        <span className="ab-progress" data-testid="ab-progress">
          <progress max={total} value={done} /> {done} / {total} runs
        </span>
      )}
      {(phase === 'cancelled' || phase === 'failed') && (
        <span className={phase === 'failed' ? 'field-error' : 'muted'} role="status" data-testid="ab-run-message">
          {message}
        </span>
      )}
      {Object.entries(errors).map(([k, m]) => (
        <span key={k} className="field-error" role="alert" data-testid={`ab-error-${k}`}>
          {m}
        </span>
      ))}
    </form>
  );
}

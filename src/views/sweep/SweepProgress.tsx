// The running sweep in one line: a progress bar of runs done / total, points complete, the pool size,
// the outcome (done in how long, cancelled, failed and why) and what was run (seeds, fixed or detected warm-up).
import { useSweep } from '../../state/sweep/sweep';
import { fmtNsShort } from '../format';

export function SweepProgress() {
  const status = useSweep((s) => s.status);
  const progress = useSweep((s) => s.progress);
  const plan = useSweep((s) => s.plan);
  const points = useSweep((s) => s.lines.length);
  const workers = useSweep((s) => s.workers);
  const wallMs = useSweep((s) => s.wallMs);
  const error = useSweep((s) => s.error);
  if (!plan)
    return (
      <div className="sw-progress muted">
        Choose a parameter and its values, then Run sweep. Runs go to one Web Worker per core.
      </div>
    );
  const R = plan.replications;
  const outcome =
    status === 'running'
      ? 'running'
      : status === 'done'
        ? `done in ${((wallMs ?? 0) / 1000).toFixed(1)} s wall`
        : status === 'cancelled'
          ? 'cancelled: the points already complete are kept'
          : status === 'failed'
            ? 'failed'
            : '';
  return (
    <div className="sw-progress" aria-live="polite">
      <div className="sw-bar">
        <progress max={progress.total} value={progress.done} aria-label="runs done" data-testid="sweep-progress-bar" />
        <b data-testid="sweep-progress" data-done={progress.done} data-total={progress.total}>
          {progress.done}/{progress.total} runs
        </b>
        <span>
          {points}/{plan.points.length} points
        </span>
        <span className="muted">
          {workers} worker{workers === 1 ? '' : 's'}
        </span>
        <span className={`sw-status ${status}`} data-testid="sweep-status" data-status={status}>
          {outcome}
        </span>
      </div>
      {error && (
        <div className="run-error" role="alert" data-testid="sweep-error">
          {error}
        </div>
      )}
      <div className="sw-note muted" data-testid="sweep-note">
        {plan.label}: {plan.points.length} points × {R} replication{R === 1 ? '' : 's'}, seed
        {R === 1
          ? ` ${plan.seed}`
          : `s ${plan.seed}..${plan.seed + R - 1} (replication r uses seed ${plan.seed}+r at every point)`}
        ;{' '}
        {plan.warmupMode === 'auto'
          ? `warm-up detected per run (MSER-5) over ${fmtNsShort(plan.warmupNs + plan.durationNs)}, the rest measured`
          : `warm-up fixed: ${fmtNsShort(plan.warmupNs)} discarded (not detected), ${fmtNsShort(plan.durationNs)} measured`}
        ; intervals are Student-t 95% over replications.
      </div>
    </div>
  );
}

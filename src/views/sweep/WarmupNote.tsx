// The note under the Sweep form's warm-up field: fixed (what is discarded) or detected (MSER-5 per run,
// over what horizon), and after a detected run each point's mean cut, so the discarded time is never hidden.
import { useSweep } from '../../state/sweep/sweep';
import { warmupModeOf } from '../../state/sweep/sweepSetup';
import { fmtNsShort } from '../format';

export function WarmupNote({ warmupNs, durationNs }: { warmupNs: number; durationNs: number }) {
  const form = useSweep((s) => s.form);
  const plan = useSweep((s) => s.plan);
  const lines = useSweep((s) => s.lines);
  const measured = form.duration.trim() || fmtNsShort(durationNs);
  const detected =
    plan?.warmupMode === 'auto'
      ? lines.flatMap((l) => (l.warmup?.mode === 'detected' ? [{ l, w: l.warmup }] : []))
      : [];
  return (
    <div className="sw-hint" data-testid="sweep-warmup-note">
      {warmupModeOf(form) === 'auto' ? (
        <p>
          warm-up detected per run (MSER-5: batch means of 5 over 200 intervals of warm-up + measured ={' '}
          {fmtNsShort(warmupNs)} + {measured}); where it finds no cut, the fixed {fmtNsShort(warmupNs)} is discarded.
          Type a time for a fixed warm-up.
        </p>
      ) : (
        <p>
          warm-up fixed: {form.warmup.trim() || fmtNsShort(warmupNs)} discarded (not detected), then {measured} measured
          per run. Empty = the base&apos;s own; auto = detected (MSER-5).
        </p>
      )}
      {detected.length > 0 && <p>detected warm-up per point (mean over replications):</p>}
      {detected.length > 0 && (
        <ul
          className="sw-warmup-points"
          data-testid="sweep-warmup-detected"
          aria-label="detected warm-up per point (mean over replications)"
        >
          {detected.map(({ l, w }) => (
            <li key={l.index}>
              {Object.entries(l.point)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(' ')}
              : mean {fmtNsShort(w.ns.mean)}
              {w.notDetected > 0 && ` (${w.notDetected} of ${l.replications} found no cut: fixed used)`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

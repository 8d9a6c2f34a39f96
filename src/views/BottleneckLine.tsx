// The one line saying what limits the run now, computed from recent figures (state/lab/bottleneck.ts).
// Shown only for models that report what the rules need (raid5); presentation only.
import { useRaid5 } from '../state/lab/raid5Live';

export function BottleneckLine() {
  const verdict = useRaid5((s) => s.verdict);
  const span = useRaid5((s) => s.recent?.spanNs ?? 0);
  if (!verdict) return null;
  return (
    <div
      className="bottleneck"
      role="status"
      data-lesson-target="bottleneck"
      data-testid="bottleneck"
      data-limit={verdict.limit}
      title={`From the last ${(span / 1e6).toFixed(2)} ms of simulated time`}
    >
      <b>Limit now:</b> {verdict.text}
    </div>
  );
}

// The line at 'max' saying what limits the simulation rate, from the worker's measured PaceReport: the model
// itself, the frames (pacing), or the page not taking frames. A pure function of the report; no guessing.
import type { PaceReport } from '../../protocol/messages';

/** At or above this share of the worker's time in the model, the model is what limits 'max'. */
export const MODEL_BOUND_SHARE = 0.6;

export interface PaceNote {
  text: string;
  limit: 'model' | 'frames' | 'page' | 'idle';
  simMsPerSec: number;
  modelShare: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Two significant figures at most, whole numbers from 10 up: 0.42, 5.5, 27. */
export function simMs(x: number): string {
  if (x >= 10) return String(Math.round(x));
  if (x >= 1) return x.toFixed(1);
  return x.toPrecision(2);
}

export function paceNote(r: PaceReport): PaceNote | null {
  if (r.speed !== 'max' || !(r.wallMs > 0)) return null;
  const simMsPerSec = r.simNs / 1e6 / (r.wallMs / 1000);
  const model = r.modelMs / r.wallMs;
  const frames = (r.snapshotMs + r.postMs) / r.wallMs;
  const page = r.ackWaitMs / r.wallMs;
  const idle = Math.max(0, 1 - model - frames - page);
  const rate = simMs(simMsPerSec);
  const base = { simMsPerSec, modelShare: model };
  if (model >= MODEL_BOUND_SHARE)
    return {
      ...base,
      limit: 'model',
      text: `max: the model computes ${rate} ms of simulated time per second here (measured: stepping the model ${pct(model)} of the worker's time, snapshots and frames ${pct(frames)})`,
    };
  // Not the model: say which of the other measured shares is the largest, and what the model alone would do.
  const alone = r.modelMs > 0 ? ` (the model alone: ${simMs(r.simNs / 1e6 / (r.modelMs / 1000))} ms per second)` : '';
  const [limit, share] = (
    [
      ['frames', frames],
      ['page', page],
      ['idle', idle],
    ] as const
  ).reduce((a, b) => (b[1] > a[1] ? b : a));
  const why =
    limit === 'frames'
      ? `snapshots and frames take ${pct(share)} of the worker's time`
      : limit === 'page'
        ? `the worker waits ${pct(share)} of its time for the page to take frames`
        : `the worker is idle ${pct(share)} of its time between slices`;
  return {
    ...base,
    limit,
    text: `max: limited by pacing, not the model: ${why}, the model steps ${pct(model)}; ${rate} ms of simulated time per second${alone}`,
  };
}

// Detected warm-up (--warmup auto): a sampling run over the whole horizon records completions per interval,
// and MSER-5 picks where the initial transient ends. runScenario then re-runs the same seed with that cut.
import type { ModelRun } from './core/model';
import type { WarmupDetection } from './core/result';
import { mser5 } from '../analysis/mser';

/** Samples over the horizon: 40 batches of 5, so MSER-5 weighs cuts up to 20 batches (half the run). */
export const WARMUP_SAMPLES = 200;

/** The sample boundaries: integer nanoseconds (the simulator's clock), k * horizon / samples rounded. */
export function sampleTimes(horizonNs: number, samples = WARMUP_SAMPLES): number[] {
  return Array.from({ length: samples + 1 }, (_, k) => Math.round((k * horizonNs) / samples));
}

/** Completions per second in each interval of a fresh run to `horizonNs` (the run is consumed). */
export function throughputSeries(run: ModelRun, horizonNs: number, samples = WARMUP_SAMPLES): number[] {
  const times = sampleTimes(horizonNs, samples);
  const out: number[] = [];
  let before = run.snapshot().completions;
  for (let k = 1; k < times.length; k++) {
    run.sim.runUntil(times[k]);
    const done = run.snapshot().completions;
    const span = times[k] - times[k - 1];
    out.push(span > 0 ? ((done - before) * 1e9) / span : 0);
    before = done;
  }
  return out;
}

/**
 * Where to cut a run of `horizonNs`: MSER-5 on `run`'s throughput series. When the rule finds no cut, the
 * `fallbackNs` (the scenario's fixed warm-up) is used, and the detection says so and why.
 */
export function detectWarmup(run: ModelRun, horizonNs: number, fallbackNs: number): WarmupDetection {
  if (!(horizonNs >= WARMUP_SAMPLES)) {
    throw new Error(
      `warmup=auto: the horizon (warm-up + duration) is ${horizonNs} ns; accepted: at least ${WARMUP_SAMPLES} ns, one per sample`,
    );
  }
  const times = sampleTimes(horizonNs);
  const r = mser5(throughputSeries(run, horizonNs));
  const about = { rule: 'MSER-5' as const, horizonNs, samples: WARMUP_SAMPLES, intervalNs: horizonNs / WARMUP_SAMPLES };
  if (!r.detected) {
    return {
      mode: 'not-detected',
      ns: fallbackNs,
      ...about,
      batchesCut: 0,
      batches: r.totalBatches,
      reason: `${r.reason}; the fixed warm-up was discarded instead`,
    };
  }
  return { mode: 'detected', ns: times[r.observations], ...about, batchesCut: r.batches, batches: r.totalBatches };
}

// Runs one scenario headless: build the model, run the warm-up, reset stats, run the measured part.
// Used by the CLI, tests and benchmarks; the worker paces the same steps against the wall clock.
// With warmupMode 'auto' the warm-up is detected (MSER-5, see warmup.ts) instead of fixed.
import type { ModelRun, Params } from './core/model';
import type { SimResult, WarmupDetection } from './core/result';
import { FACTORIES, type AnySnapshot } from './models';
import { detectWarmup } from './warmup';

export interface RunSpec {
  model: string;
  preset: string | null;
  params: Params;
  seed: number;
  durationNs: number;
  warmupNs: number;
  /** 'auto': detect the warm-up over the horizon warmupNs + durationNs (warmupNs is the fallback). Absent: fixed. */
  warmupMode?: 'fixed' | 'auto';
}

export function createModel(model: string, params: Params, seed: number): ModelRun<AnySnapshot> {
  const f = FACTORIES[model];
  if (!f) throw new Error(`model=${model}: accepted ${Object.keys(FACTORIES).join(' | ')}`);
  return f.create(params, seed);
}

export function runScenario(spec: RunSpec): { result: SimResult; run: ModelRun<AnySnapshot> } {
  if (spec.warmupMode === 'auto') return runDetected(spec);
  return runFixed(spec);
}

function runFixed(spec: RunSpec): { result: SimResult; run: ModelRun<AnySnapshot> } {
  const run = createModel(spec.model, spec.params, spec.seed);
  run.sim.runUntil(spec.warmupNs);
  run.resetStats();
  run.sim.runUntil(spec.warmupNs + spec.durationNs);
  return { result: run.result({ preset: spec.preset, warmupNs: spec.warmupNs }), run };
}

/**
 * Detected warm-up: a sampling run of the same seed over the horizon finds the cut, then a fixed run with
 * that cut measures the rest. Runs are deterministic, so the result is exactly the fixed run's at the cut
 * (the sampling run is not reused: its stats were never reset), with `warmup` saying how it was chosen.
 */
function runDetected(spec: RunSpec): { result: SimResult; run: ModelRun<AnySnapshot> } {
  const { fixed, warmup } = detectedSpec(spec);
  const { result, run } = runFixed(fixed);
  return { result: { ...result, warmup }, run };
}

/** For an 'auto' spec: the detection (from its own sampling run) and the fixed spec that measures after the cut. */
export function detectedSpec(spec: RunSpec): { fixed: RunSpec; warmup: WarmupDetection } {
  const horizonNs = spec.warmupNs + spec.durationNs;
  const warmup = detectWarmup(createModel(spec.model, spec.params, spec.seed), horizonNs, spec.warmupNs);
  return { fixed: { ...spec, warmupMode: 'fixed', warmupNs: warmup.ns, durationNs: horizonNs - warmup.ns }, warmup };
}

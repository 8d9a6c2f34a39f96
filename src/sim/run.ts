// Runs one scenario headless: build the model, run the warm-up, reset stats, run the measured part.
// Used by the CLI, tests and benchmarks; the worker paces the same steps against the wall clock.
import type { ModelRun, Params } from './core/model';
import type { SimResult } from './core/result';
import { FACTORIES } from './models';

export interface RunSpec {
  model: string;
  preset: string | null;
  params: Params;
  seed: number;
  durationNs: number;
  warmupNs: number;
}

export function createModel(model: string, params: Params, seed: number): ModelRun {
  const f = FACTORIES[model];
  if (!f) throw new Error(`model=${model}: accepted ${Object.keys(FACTORIES).join(' | ')}`);
  return f.create(params, seed);
}

export function runScenario(spec: RunSpec): { result: SimResult; run: ModelRun } {
  const run = createModel(spec.model, spec.params, spec.seed);
  run.sim.runUntil(spec.warmupNs);
  run.resetStats();
  run.sim.runUntil(spec.warmupNs + spec.durationNs);
  return { result: run.result({ preset: spec.preset, warmupNs: spec.warmupNs }), run };
}

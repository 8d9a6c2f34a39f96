// Helpers for the loop tests: resolve a preset (plus overrides) and run it headless.
// Test support only; imported by *.test.ts files.
import { findPreset } from '../../../scenarios/catalog';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import type { SimResult } from '../../core/result';
import { runScenario } from '../../run';

type Values = Record<string, string | number | boolean>;

export function runLoop(
  params: Values,
  opts: { preset?: string; duration?: string; warmup?: string; seed?: number } = {},
): SimResult {
  const sc = resolveScenario({
    model: 'loop',
    preset: opts.preset,
    params,
    duration: opts.duration,
    warmup: opts.warmup,
    seed: opts.seed ?? 1,
  });
  return runScenario(sc).result;
}

/** Runs a preset and its baseline side (the preset's own comparison). */
export function runPresetPair(id: string): { with: SimResult; without: SimResult } {
  const p = findPreset(id);
  if (!p?.baseline) throw new Error(`${id} has no baseline`);
  return { with: runLoop({}, { preset: id }), without: runLoop(p.baseline, { preset: id }) };
}

export const iops = (r: SimResult) => r.throughput.opsPerSec;

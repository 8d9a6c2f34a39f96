// Helpers for the raid5 tests: resolve a preset (plus overrides) and run it headless.
// Test support only; imported by *.test.ts files.
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { findPreset } from '../../../scenarios/catalog';
import { runScenario } from '../../run';
import type { SimResult } from '../../core/result';

export function runRaid5(
  params: Record<string, string | number | boolean>,
  opts: { preset?: string; duration?: string; warmup?: string; seed?: number } = {},
): SimResult {
  const sc = resolveScenario({
    model: 'raid5',
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
  return { with: runRaid5({}, { preset: id }), without: runRaid5(p.baseline, { preset: id }) };
}

export const thread = (r: SimResult, name: string) => {
  const t = r.threads.find((x) => x.name === name);
  if (!t) throw new Error(`no thread ${name}`);
  return t;
};
export const busy = (r: SimResult, name: string) => thread(r, name).states.running + thread(r, name).states.spinning;
export const meanDeviceUtil = (r: SimResult) => r.devices.reduce((s, d) => s + d.utilisation, 0) / r.devices.length;

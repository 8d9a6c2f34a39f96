// Helpers for the ext4 tests: resolve a preset (plus overrides), run it headless, read its figures.
// Test support only; imported by *.test.ts files.
import { findPreset } from '../../../scenarios/catalog';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import type { LockRow, SimResult } from '../../core/result';
import { runScenario } from '../../run';

type Values = Record<string, string | number | boolean>;

export function runExt4(
  params: Values,
  opts: { preset?: string; duration?: string; warmup?: string; seed?: number } = {},
): SimResult {
  const sc = resolveScenario({
    model: 'ext4',
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
  return { with: runExt4({}, { preset: id }), without: runExt4(p.baseline, { preset: id }) };
}

export const fig = (r: SimResult, key: string) => r.extra![key] as number;
export const lock = (r: SimResult, name: string) => r.locks.find((l) => l.name === name) as LockRow;
/** The lock with the most contentions, as lock_stat sorts them. */
export const topContended = (r: SimResult) => [...r.locks].sort((a, b) => b.contentions - a.contentions)[0].name;
export const mbps = (r: SimResult) => (r.throughput.bytesPerSec / 1e6).toFixed(0);

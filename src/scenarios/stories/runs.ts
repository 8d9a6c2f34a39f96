// A claim's named runs resolved against the catalog into whole-run scenarios (preset, its baseline side,
// overrides, durations), and a stable key per run so claims sharing a run measure it once. No running here.
import { findPreset } from '../catalog';
import { resolveScenario, type ResolvedScenario } from '../scenarioFile';
import type { Claim, ClaimRun } from './types';

export interface NamedRun {
  name: string;
  scenario: ResolvedScenario;
  /** Same scenario, same key: what a cache of results is indexed by. */
  key: string;
}

/** Optional shortening, for tests that only need the figure to be computable. */
export interface Shorten {
  durationNs: number;
  warmupNs: number;
}

export function resolveClaimRun(run: ClaimRun, seed = 1, shorten?: Shorten): ResolvedScenario {
  const preset = findPreset(run.preset);
  if (!preset) throw new Error(`preset=${run.preset}: not in the catalog`);
  if (run.baseline && !preset.baseline) throw new Error(`preset=${run.preset}: has no baseline to compare with`);
  const params = { ...(run.baseline ? preset.baseline : {}), ...(run.params ?? {}) };
  const sc = resolveScenario({
    preset: run.preset,
    params,
    seed: run.seed ?? seed,
    duration: run.duration,
    warmup: run.warmup,
  });
  return shorten
    ? {
        ...sc,
        durationNs: Math.min(sc.durationNs, shorten.durationNs),
        warmupNs: Math.min(sc.warmupNs, shorten.warmupNs),
      }
    : sc;
}

export function claimRuns(claim: Claim, seed = 1, shorten?: Shorten): NamedRun[] {
  return Object.entries(claim.runs).map(([name, run]) => {
    const scenario = resolveClaimRun(run, seed, shorten);
    return { name, scenario, key: runKey(scenario) };
  });
}

/** Key of a resolved scenario: every field that changes the result (params sorted, so order does not matter). */
export function runKey(sc: ResolvedScenario): string {
  const params = Object.keys(sc.params)
    .sort()
    .map((k) => [k, sc.params[k]]);
  return JSON.stringify([sc.model, sc.preset, sc.seed, sc.durationNs, sc.warmupNs, params]);
}

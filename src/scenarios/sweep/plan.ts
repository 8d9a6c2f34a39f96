// A sweep from a base scenario and its `KEY=VALUES` axes to checked work: every point resolved (so a bad
// value is refused before anything runs), the shard's share and the replication seeds. Shared by
// `npm run sweep` and the UI's Sweep page; reads no files and runs nothing.
import { resolveScenario, type ResolvedScenario, type ScenarioInput } from '../scenarioFile';
import { modelInfo } from '../catalog';
import { ParamError, type ParamValue } from '../paramSpec';
import type { RunSpec } from '../../sim/run';
import { expandPoints, parseParamFlag, parseShard, shardIndices } from './points';

export const MAX_SEED = 2 ** 31 - 1;

export interface PlannedPoint {
  index: number;
  point: Record<string, ParamValue>;
  scenario: ResolvedScenario;
}

export interface SweepPlan {
  label: string;
  keys: string[];
  /** Each swept key with every value of the whole sweep (not only this shard's), in point order. */
  axes: Record<string, (string | number | boolean)[]>;
  model: string;
  preset: string | null;
  points: PlannedPoint[];
  totalPoints: number;
  replications: number;
  seed: number;
  durationNs: number;
  warmupNs: number;
  /** 'auto': warm-up detected per run (MSER-5), warmupNs is the fallback and part of the horizon. */
  warmupMode: 'fixed' | 'auto';
  shard: string | null;
}

export interface PlanOptions {
  replications: number;
  /** `K/N`: run every N-th point from the K-th (CLI --shard). */
  shard?: string;
  /** Keys the caller pins (the CLI's --set), which a sweep may not also vary. */
  pinned?: ReadonlySet<string>;
}

/** Checks `flags` (`KEY=a,b,c | a..b | a..b:step`) against the base's model and resolves every point. */
export function planPoints(input: ScenarioInput, flags: readonly string[], o: PlanOptions): SweepPlan {
  const base = resolveScenario(input);
  const info = modelInfo(base.model);
  if (!info) throw new ParamError('model', base.model, 'a model from --describe');
  const axes = flags.map((p) => parseParamFlag(p, info.params));
  const keys = axes.map((ax) => ax.key);
  for (const k of keys) {
    if (keys.indexOf(k) !== keys.lastIndexOf(k)) throw new ParamError('--param', k, 'each key in one --param only');
    if (o.pinned?.has(k)) throw new ParamError('--param', k, 'a key not also given with --set');
  }
  const R = o.replications;
  if (base.seed + R - 1 > MAX_SEED)
    throw new ParamError('seed', base.seed, `0..${MAX_SEED - R + 1} with ${R} replications (seeds seed..seed+R-1)`);
  const all = expandPoints(axes);
  const shard = o.shard === undefined ? null : parseShard(o.shard);
  // Resolve every point of the whole sweep, not just this shard's, so all shards refuse alike.
  const resolved = all.map((p) => resolveScenario({ ...input, params: { ...(input.params ?? {}), ...p } }));
  const points = shardIndices(all.length, shard).map((i) => ({
    index: i,
    point: Object.fromEntries(keys.map((k) => [k, resolved[i].params[k]])),
    scenario: resolved[i],
  }));
  return {
    label: base.preset ? `preset ${base.preset}` : `model ${base.model}`,
    keys,
    axes: Object.fromEntries(keys.map((k) => [k, [...new Set(resolved.map((r) => r.params[k]))]])),
    model: base.model,
    preset: base.preset,
    points,
    totalPoints: all.length,
    replications: R,
    seed: base.seed,
    durationNs: base.durationNs,
    warmupNs: base.warmupNs,
    warmupMode: base.warmupMode ?? 'fixed',
    shard: o.shard ?? null,
  };
}

/** The run of replication r of a point: its scenario with seed + r. */
export function taskSpec(s: ResolvedScenario, r: number): RunSpec {
  const spec: RunSpec = {
    model: s.model,
    preset: s.preset,
    params: s.params,
    seed: s.seed + r,
    durationNs: s.durationNs,
    warmupNs: s.warmupNs,
  };
  return s.warmupMode === 'auto' ? { ...spec, warmupMode: 'auto' } : spec;
}

/** Every run of the plan, point by point, replication r of point p at index p * R + r. */
export function planTasks(plan: SweepPlan): RunSpec[] {
  return plan.points.flatMap((p) => Array.from({ length: plan.replications }, (_, r) => taskSpec(p.scenario, r)));
}

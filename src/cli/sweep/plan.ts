// A sweep from its flags to checked work: the base scenario, every point resolved (so a bad value exits
// before anything runs), the shard's share and the replication seeds; then running it on a pool.
import { readFileSync } from 'node:fs';
import { checkScenario, resolveScenario, type ResolvedScenario, type ScenarioInput } from '../../scenarios/scenarioFile';
import { modelInfo } from '../../scenarios/catalog';
import { ParamError } from '../../scenarios/paramSpec';
import type { RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import { MAX_SEED, type SweepArgs } from './args';
import { expandPoints, parseParamFlag, parseShard, shardIndices } from './points';
import { aggregatePoint, type PointLine, type Value } from './aggregate';
import { OrderedCollector } from './collect';
import { runPool, type WorkerLike } from './pool';

export interface PlannedPoint { index: number; point: Record<string, Value>; scenario: ResolvedScenario }

export interface SweepPlan {
  label: string;
  keys: string[];
  points: PlannedPoint[];
  totalPoints: number;
  replications: number;
  seed: number;
  durationNs: number;
  warmupNs: number;
  shard: string | null;
}

function readScenarioFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ParamError('scenario', file, 'a readable JSON file');
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ParamError('scenario', file, `well-formed JSON (${(e as Error).message})`);
  }
}

export function planSweep(a: SweepArgs): SweepPlan {
  const fromFile = a.scenarioFile ? readScenarioFile(a.scenarioFile) : {};
  const input: ScenarioInput = checkScenario({
    ...fromFile,
    ...(a.model !== undefined ? { model: a.model } : {}),
    ...(a.preset !== undefined ? { preset: a.preset } : {}),
    ...(a.seed !== undefined ? { seed: a.seed } : {}),
    ...(a.duration !== undefined ? { duration: a.duration } : {}),
    ...(a.warmup !== undefined ? { warmup: a.warmup } : {}),
    params: { ...((fromFile.params as Record<string, string>) ?? {}), ...a.sets },
  });
  const base = resolveScenario(input);
  const info = modelInfo(base.model);
  if (!info) throw new ParamError('model', base.model, 'a model from --describe');
  const axes = a.params.map((p) => parseParamFlag(p, info.params));
  const keys = axes.map((ax) => ax.key);
  for (const k of keys) {
    if (keys.indexOf(k) !== keys.lastIndexOf(k)) throw new ParamError('--param', k, 'each key in one --param only');
    if (k in a.sets) throw new ParamError('--param', k, 'a key not also given with --set');
  }
  if (base.seed + a.replications - 1 > MAX_SEED) throw new ParamError('seed', base.seed, `0..${MAX_SEED - a.replications + 1} with ${a.replications} replications (seeds seed..seed+R-1)`);
  const all = expandPoints(axes);
  const shard = a.shard === undefined ? null : parseShard(a.shard);
  // Resolve every point of the whole sweep, not just this shard's, so all shards refuse alike.
  const resolved = all.map((p) => resolveScenario({ ...input, params: { ...(input.params ?? {}), ...p } }));
  const points = shardIndices(all.length, shard).map((i) => ({
    index: i,
    point: Object.fromEntries(keys.map((k) => [k, resolved[i].params[k]])),
    scenario: resolved[i],
  }));
  return {
    label: base.preset ? `preset ${base.preset}` : `model ${base.model}`,
    keys, points, totalPoints: all.length, replications: a.replications, seed: base.seed,
    durationNs: base.durationNs, warmupNs: base.warmupNs, shard: a.shard ?? null,
  };
}

/** The run of replication r of a point: its scenario with seed + r. */
export function taskSpec(s: ResolvedScenario, r: number): RunSpec {
  return { model: s.model, preset: s.preset, params: s.params, seed: s.seed + r, durationNs: s.durationNs, warmupNs: s.warmupNs };
}

/** Runs the plan on `jobs` workers; `onPoint` gets each point's line in point order as soon as it can. */
export async function runSweep(plan: SweepPlan, jobs: number, start: () => WorkerLike, onPoint: (l: PointLine) => void): Promise<PointLine[]> {
  const R = plan.replications;
  const tasks = plan.points.flatMap((p) => Array.from({ length: R }, (_, r) => taskSpec(p.scenario, r)));
  const lines: PointLine[] = [];
  const collector = new OrderedCollector<SimResult>(plan.points.length, R, (pos, results) => {
    const p = plan.points[pos];
    const line = aggregatePoint(p.index, p.point, results);
    lines.push(line);
    onPoint(line);
  });
  await runPool<RunSpec, SimResult>(tasks, jobs, start, (id, result) => collector.add(id, result));
  return lines;
}

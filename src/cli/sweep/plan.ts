// A sweep from its flags to checked work (the base scenario from file and flags, then the shared planner
// of scenarios/sweep), and running it on a worker_threads pool.
import { readFileSync } from 'node:fs';
import { checkScenario, type ScenarioInput } from '../../scenarios/scenarioFile';
import { ParamError } from '../../scenarios/paramSpec';
import { planPoints, planTasks, type SweepPlan } from '../../scenarios/sweep/plan';
import type { RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import type { SweepArgs } from './args';
import { aggregatePoint, type PointLine } from '../../analysis/sweep/aggregate';
import { OrderedCollector } from '../../analysis/sweep/collect';
import { runPool, type WorkerLike } from './pool';

export type { SweepPlan };

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
  return planPoints(input, a.params, { replications: a.replications, shard: a.shard, pinned: new Set(Object.keys(a.sets)) });
}

/** Runs the plan on `jobs` workers; `onPoint` gets each point's line in point order as soon as it can. */
export async function runSweep(plan: SweepPlan, jobs: number, start: () => WorkerLike, onPoint: (l: PointLine) => void): Promise<PointLine[]> {
  const R = plan.replications;
  const tasks = planTasks(plan);
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

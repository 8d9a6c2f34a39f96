// A sweep from its flags to checked work (the base scenario from file and flags, then the shared planner
// of scenarios/sweep), and running it on a worker_threads pool.
import { scenarioInput } from '../scenarioFlags';
import { planPoints, planTasks, type SweepPlan } from '../../scenarios/sweep/plan';
import type { RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import type { SweepArgs } from './args';
import { aggregatePoint, type PointLine } from '../../analysis/sweep/aggregate';
import { OrderedCollector } from '../../analysis/sweep/collect';
import { runPool, type WorkerLike } from './pool';

export type { SweepPlan };

export function planSweep(a: SweepArgs): SweepPlan {
  const input = scenarioInput(a);
  return planPoints(input, a.params, {
    replications: a.replications,
    shard: a.shard,
    pinned: new Set(Object.keys(a.sets)),
  });
}

/** Runs the plan on `jobs` workers; `onPoint` gets each point's line in point order as soon as it can. */
export async function runSweep(
  plan: SweepPlan,
  jobs: number,
  start: () => WorkerLike,
  onPoint: (l: PointLine) => void,
): Promise<PointLine[]> {
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

// The Sweep page's state (its own zustand store, so it survives switching pages) and its two intents:
// start a checked sweep on the batch pool, and cancel it. Points arrive as their replications complete.
import { create } from 'zustand';
import { BatchCancelled, defaultPoolSize, runBatch, type BatchWorkerLike } from '../../bridge/batchPool';
import type { SimResult } from '../../protocol/batch';
import { aggregatePoint, type PointLine } from '../../analysis/sweep/aggregate';
import { PointCollector } from '../../analysis/sweep/collect';
import { planTasks, type SweepPlan } from '../../scenarios/sweep/plan';
import { checkSweepForm, defaultForm, type CurrentScenario, type FieldErrors, type SweepForm } from './sweepSetup';
import { useSim } from '../store';
import { pointLimit, type PointLimit } from './sweepLimits';

export type { SweepPlan };
export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  form: SweepForm;
  fieldErrors: FieldErrors;
  /** The plan of the last started sweep (kept after it ends, for the charts and the CSV). */
  plan: SweepPlan | null;
  status: SweepStatus;
  /** Runs (point x replication) finished, of all the plan's runs. */
  progress: { done: number; total: number };
  /** Whole points, each as soon as all its replications are in, kept in point order. */
  lines: PointLine[];
  /** Per point index, what limits it by the Lab's bottleneck rules (raid5 only), over its replications. */
  limits: Record<number, PointLimit>;
  /** Why the last sweep stopped early (a run failed); cancellations are not errors. */
  error: string | null;
  workers: number;
  /** Wall time of the last finished sweep, for the note (never asserted on in tests). */
  wallMs: number | null;
}

export const useSweep = create<SweepState>()(() => ({
  form: defaultForm(defaultPoolSize()),
  fieldErrors: {},
  plan: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  lines: [],
  limits: {},
  error: null,
  workers: defaultPoolSize(),
  wallMs: null,
}));

/** How runs reach workers: the real pool by default; tests pass fake workers (batchPool's create). */
export interface SweepDeps {
  createWorker?: () => BatchWorkerLike;
  now?: () => number;
}

let running: { cancel: () => void } | null = null;
let generation = 0;

export function setSweepForm(patch: Partial<SweepForm>): void {
  const s = useSweep.getState();
  const cleared = { ...s.fieldErrors };
  for (const k of Object.keys(patch) as (keyof SweepForm)[]) delete cleared[k];
  useSweep.setState({ form: { ...s.form, ...patch }, fieldErrors: cleared });
}

function currentScenario(): CurrentScenario {
  const s = useSim.getState();
  return { model: s.model, preset: s.preset, seed: s.seed, overrides: s.overrides };
}

/**
 * Checks the form and starts the sweep (stopping one still running). Returns false, with the refusals
 * shown at their fields, when the form is refused; the previous results then stay on screen.
 */
export function startSweep(deps: SweepDeps = {}): boolean {
  const checked = checkSweepForm(useSweep.getState().form, currentScenario());
  if ('errors' in checked) {
    useSweep.setState({ fieldErrors: checked.errors });
    return false;
  }
  running?.cancel();
  const { plan, workers } = checked.ok;
  const gen = ++generation;
  const now = deps.now ?? (() => performance.now());
  const t0 = now();
  const tasks = planTasks(plan);
  const lines: PointLine[] = [];
  const limits: Record<number, PointLimit> = {};
  let done = 0;
  // Each point as soon as its own replications are in (a slow point does not hold back the rest), kept in
  // point order for the table and the charts' x.
  const collector = new PointCollector<SimResult>(plan.points.length, plan.replications, (pos, results) => {
    const p = plan.points[pos];
    const at = lines.findIndex((l) => l.index > p.index);
    lines.splice(at < 0 ? lines.length : at, 0, aggregatePoint(p.index, p.point, results));
    const limit = pointLimit(results);
    if (limit) limits[p.index] = limit;
  });
  useSweep.setState({
    fieldErrors: {},
    plan,
    status: 'running',
    progress: { done: 0, total: tasks.length },
    lines: [],
    limits: {},
    error: null,
    workers,
    wallMs: null,
  });
  const job = runBatch(
    tasks,
    (id, result) => {
      if (gen !== generation) return;
      const before = lines.length;
      collector.add(id, result);
      done++;
      // A new array only when a point completed, so the charts redraw per point, not per run.
      useSweep.setState({
        progress: { done, total: tasks.length },
        ...(lines.length !== before ? { lines: [...lines], limits: { ...limits } } : {}),
      });
    },
    workers,
    deps.createWorker,
  );
  running = job;
  job.done
    .then(
      () => {
        if (gen === generation) useSweep.setState({ status: 'done', wallMs: now() - t0 });
      },
      (e: unknown) => {
        if (gen !== generation) return;
        if (e instanceof BatchCancelled) useSweep.setState({ status: 'cancelled' });
        else useSweep.setState({ status: 'failed', error: (e as Error).message });
      },
    )
    .finally(() => {
      if (running === job) running = null;
    });
  return true;
}

/** Stops every worker now; the points already complete stay. */
export function cancelSweep(): void {
  running?.cancel();
}

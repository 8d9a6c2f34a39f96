// A calibration problem: the runs, the figures they compare, the fitted and fixed machine parameters, and
// the memo of model evaluations. One evaluation is every run at one machine, all with the run's own seed
// (common random numbers: a difference between two machines is the machine's, not the draw's). Evaluations
// go to an injected evaluator (worker_threads in Node, the browser's batch pool), so this file runs nothing.
import { resolveScenario } from '../scenarios/scenarioFile';
import type { ParamValue } from '../scenarios/paramSpec';
import type { RunSpec } from '../sim/run';
import type { SimResult } from '../sim/core/result';
import type { CalRun } from './runs';
import { valuesOf, type FitParam } from './fitParams';
import { measuredVector, modelVector, slotsOf, sse, type Slot } from './residuals';

/** Runs the specs (any number, in any order) and gives their results in the same order. */
export type Evaluator = (specs: readonly RunSpec[]) => Promise<SimResult[]>;

export interface Evaluation {
  values: Record<string, number>;
  vector: number[];
  sse: number;
  results: SimResult[];
}

export interface Progress {
  evaluations: number;
  bestSse: number;
}

/** Thrown by an evaluation after `cancel()`; the caller keeps nothing of the fit. */
export class FitCancelled extends Error {
  constructor() {
    super('fit cancelled');
  }
}

export class Problem {
  readonly slots: Slot[];
  readonly measured: number[];
  private readonly memo = new Map<string, Evaluation>();
  private best = Infinity;
  private cancelled = false;
  onProgress: (p: Progress) => void = () => {};

  constructor(
    readonly runs: readonly CalRun[],
    readonly params: readonly FitParam[],
    /** Machine values that are not fitted (given with --fix, or from a profile). */
    readonly fixed: Readonly<Record<string, number>>,
    private readonly evaluate: Evaluator,
  ) {
    this.slots = slotsOf(runs);
    this.measured = measuredVector(this.slots);
  }

  get evaluations(): number {
    return this.memo.size;
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** The machine a log vector means, fixed values included. */
  machine(x: readonly number[]): Record<string, number> {
    return { ...this.fixed, ...valuesOf(this.params, x) };
  }

  /** Each run's spec on a machine: its settings with the machine over them, resolved again (device.* and the CPU
   * costs follow the new values by the same rules as any scenario). */
  specsFor(machine: Record<string, ParamValue>): RunSpec[] {
    return this.runs.map((r) => {
      const sc = resolveScenario({
        model: r.scenario.model,
        seed: r.scenario.seed,
        duration: r.scenario.durationNs,
        warmup: r.scenario.warmupMode === 'auto' ? 'auto' : r.scenario.warmupNs,
        params: { ...r.given, ...machine },
      });
      return {
        model: sc.model,
        preset: sc.preset,
        params: sc.params,
        seed: sc.seed,
        durationNs: sc.durationNs,
        warmupNs: sc.warmupNs,
        ...(sc.warmupMode ? { warmupMode: sc.warmupMode } : {}),
      };
    });
  }

  /** The cached evaluation of a vector, or undefined. */
  cached(x: readonly number[]): Evaluation | undefined {
    return this.memo.get(key(this.machine(x)));
  }

  /** Evaluates every vector not yet in the memo, all runs of all of them in one batch. */
  async evaluateAll(xs: readonly (readonly number[])[]): Promise<Evaluation[]> {
    if (this.cancelled) throw new FitCancelled();
    const todo = new Map<string, Record<string, number>>();
    for (const x of xs) {
      const m = this.machine(x);
      const k = key(m);
      if (!this.memo.has(k)) todo.set(k, m);
    }
    const machines = [...todo.entries()];
    const specs = machines.flatMap(([, m]) => this.specsFor(m));
    const results = specs.length ? await this.evaluate(specs) : [];
    if (this.cancelled) throw new FitCancelled();
    const n = this.runs.length;
    machines.forEach(([k, values], i) => {
      const rs = results.slice(i * n, (i + 1) * n);
      const vector = modelVector(this.slots, rs);
      const e = { values, vector, sse: sse(vector, this.measured), results: rs };
      this.memo.set(k, e);
      if (e.sse < this.best) this.best = e.sse;
    });
    this.onProgress({ evaluations: this.memo.size, bestSse: this.best });
    return xs.map((x) => this.memo.get(key(this.machine(x)))!);
  }
}

/** Machines that run alike share a key: the values as the model gets them (ints already rounded). */
const key = (m: Record<string, number>): string =>
  JSON.stringify(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k]]),
  );

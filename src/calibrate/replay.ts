// Drives a synchronous optimiser (ml-levenberg-marquardt calls its model function and waits for the number)
// over asynchronous model evaluations (worker threads, browser workers). The optimiser is deterministic, so it
// is simply run again from the start each time it asks for a point not yet evaluated: the point is evaluated
// off-thread meanwhile, and every earlier point answers from the memo. Replays cost microseconds of optimiser
// arithmetic; each model evaluation costs a run per measured file, so this adds nothing that matters.
import type { Problem } from './problem';

class NeedPoint extends Error {
  constructor(readonly x: number[]) {
    super('point not evaluated yet');
  }
}

/** Runs `optimise` with a synchronous model function (vector -> weighted log figures) until it completes
 * without asking for an unevaluated point; returns what it returned. `alongWith(x)` names points the optimiser
 * will ask for next if x is where it goes (LM's forward differences from it): they are evaluated in the same
 * batch, so the pool has every run of k+1 machines at once instead of one machine's few runs. */
export async function replay<T>(
  problem: Problem,
  optimise: (model: (x: number[]) => number[]) => T,
  alongWith: (x: readonly number[]) => number[][] = () => [],
): Promise<T> {
  const model = (x: number[]): number[] => {
    const hit = problem.cached(x);
    if (hit) return hit.vector;
    throw new NeedPoint(x.slice());
  };
  for (;;) {
    try {
      return optimise(model);
    } catch (e) {
      if (!(e instanceof NeedPoint)) throw e;
      await problem.evaluateAll([e.x, ...alongWith(e.x)]);
    }
  }
}

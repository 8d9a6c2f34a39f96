// The fit: Levenberg-Marquardt (ml-levenberg-marquardt, mljs) over the log machine parameters, minimising the
// weighted squared log residuals of residuals.ts. Why LM and not Nelder-Mead: the objective is a sum of squares
// of a handful of smooth-in-log figures (IOPS, bandwidth and latency follow power laws of the hardware), which
// is what LM is for; it needs k+1 evaluations per iteration and converges in a few iterations where a simplex
// needs hundreds of evaluations, and its Jacobian is the one identify.ts reads. The steps of its finite
// differences are 5% (more for a whole-number parameter), wide enough that with common random numbers the
// difference is the machine's and not the event order's. Nelder-Mead's npm package (fmin) was tried first: its
// shrink step assigns an undeclared variable and throws in strict mode.
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { Evaluation, Problem } from './problem';
import { replay } from './replay';

export interface FitOutcome {
  /** Best log vector and its evaluation. */
  x: number[];
  best: Evaluation;
  iterations: number;
}

export interface FitOptions {
  /** Log vector to start from (the settings' own values, or a profile's). */
  start: number[];
  /** Most LM iterations (each k+1 evaluations). */
  maxIterations?: number;
  /** Stop when two iterations together improve the squared error by less than this fraction. */
  minImprovement?: number;
}

/** Finite-difference step per parameter: 5% in log, and at least 1.5 whole units for an int (a step that rounds
 * back to the same count would read as no effect). */
export function stepsOf(problem: Problem, x: readonly number[]): number[] {
  return problem.params.map((p, i) => (p.int ? Math.max(0.05, 1.5 * Math.log1p(1 / Math.exp(x[i]))) : 0.05));
}

/** The points mljs's step evaluates around params (params[j] + gradientDifference[j], computed as it does). */
function probesOf(x: readonly number[], steps: readonly number[]): number[][] {
  return steps.map((d, j) => {
    const y = x.slice();
    y[j] += d;
    return y;
  });
}

/** Whether x is itself one of those points around an evaluated one: then it is not where LM goes next, and
 * the points around it are not worth evaluating ahead. */
function isProbe(problem: Problem, x: readonly number[], steps: readonly number[]): boolean {
  return steps.some((d, j) => {
    const y = x.slice();
    y[j] -= d;
    return problem.cached(y) !== undefined;
  });
}

/** LM run for 1, 2, 3... iterations (each a replay, the earlier ones answered from the memo) until two
 * iterations improve the error by less than half a percent: mljs's LM has no tolerance of its own on the improvement, only an iteration count. */
export async function fitMachine(problem: Problem, o: FitOptions): Promise<FitOutcome> {
  const n = problem.slots.length;
  const data = { x: Array.from({ length: n }, (_, i) => i), y: problem.measured };
  const steps = stepsOf(problem, o.start);
  const maxIterations = o.maxIterations ?? 15;
  const minImprovement = o.minImprovement ?? 0.005;
  const errors: number[] = [];
  let out: { parameterValues: number[]; parameterError: number } | null = null;
  let iterations = 0;
  await problem.evaluateAll([o.start, ...probesOf(o.start, steps)]);
  for (let it = 1; it <= maxIterations; it++) {
    out = await replay(
      problem,
      (model) =>
        levenbergMarquardt(
          data,
          (p) => {
            const v = model(p);
            return (i) => v[i];
          },
          {
            initialValues: o.start,
            minValues: problem.params.map((p) => p.lo),
            maxValues: problem.params.map((p) => p.hi),
            gradientDifference: steps,
            damping: 1,
            maxIterations: it,
            errorTolerance: 1e-9,
          },
        ),
      (x) => (isProbe(problem, x, steps) ? [] : probesOf(x, steps)),
    );
    iterations = it;
    errors.push(out.parameterError);
    const k = errors.length;
    if (out.parameterError < 1e-9) break;
    if (k >= 3 && errors[k - 3] - errors[k - 1] < minImprovement * errors[k - 3]) break;
  }
  const x = out ? out.parameterValues : o.start;
  const [best] = await problem.evaluateAll([x]);
  return { x, best, iterations };
}

// Service/think-time distributions by mean: constant, exponential, uniform, lognormal, empirical table.
// Each draws from a RandomStream it is handed; none keeps hidden global state.
import type { RandomStream } from './random';

export type DistName = 'const' | 'exp' | 'uniform' | 'lognormal' | 'empirical';
export const DIST_NAMES: readonly DistName[] = ['const', 'exp', 'uniform', 'lognormal', 'empirical'];

export interface Distribution {
  readonly name: DistName;
  readonly mean: number;
  sample(rng: RandomStream): number;
}

export function constant(mean: number): Distribution {
  return { name: 'const', mean, sample: () => mean };
}

export function exponential(mean: number): Distribution {
  return { name: 'exp', mean, sample: (rng) => -mean * Math.log(rng.uniform()) };
}

/** Uniform on [0, 2 * mean], so the mean is `mean`. */
export function uniform(mean: number): Distribution {
  return { name: 'uniform', mean, sample: (rng) => 2 * mean * rng.uniform() };
}

/** Lognormal with the given mean and coefficient of variation (default 1). */
export function lognormal(mean: number, cv = 1): Distribution {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  return {
    name: 'lognormal',
    mean,
    sample: (rng) => {
      // Box-Muller; one normal per draw keeps the stream consumption fixed (two uniforms).
      const z = Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
      return Math.exp(mu + sigma * z);
    },
  };
}

/** Empirical table: values with weights; samples pick a value in proportion to its weight. */
export function empirical(values: readonly number[], weights?: readonly number[]): Distribution {
  if (values.length === 0) throw new Error('empirical: the table needs at least one value');
  const w = weights ?? values.map(() => 1);
  if (w.length !== values.length) throw new Error('empirical: values and weights differ in length');
  const total = w.reduce((s, x) => s + x, 0);
  const cdf: number[] = [];
  let acc = 0;
  for (const x of w) cdf.push((acc += x) / total);
  const mean = values.reduce((s, v, i) => s + v * w[i], 0) / total;
  return {
    name: 'empirical',
    mean,
    sample: (rng) => {
      const u = rng.uniform();
      let i = 0;
      while (i < cdf.length - 1 && cdf[i] < u) i++;
      return values[i];
    },
  };
}

export function byName(name: Exclude<DistName, 'empirical'>, mean: number): Distribution {
  switch (name) {
    case 'const':
      return constant(mean);
    case 'exp':
      return exponential(mean);
    case 'uniform':
      return uniform(mean);
    case 'lognormal':
      return lognormal(mean);
  }
}

// What makes sweep lines one sweep: the base scenario, the axes with all their values, the seeds, the run times and
// the number of points. Every --json point line carries it as `sweep` (the same in every shard), and --fit refuses
// lines whose identities differ, naming the first field that does, instead of fitting a mixture.
import { ParamError } from '../../scenarios/paramSpec';
import type { SweepPlan } from './plan';

export interface SweepIdentity {
  model: string;
  preset: string | null;
  /** The parameters given with --set or the scenario file, over the preset. */
  base: Record<string, string | number | boolean>;
  /** Each swept key with every value of the whole sweep, in point order. */
  axes: Record<string, (string | number | boolean)[]>;
  totalPoints: number;
  seed: number;
  replications: number;
  durationNs: number;
  warmupNs: number;
  warmupMode: 'fixed' | 'auto';
}

export function sweepIdentity(
  plan: SweepPlan,
  base: Record<string, string | number | boolean> | undefined,
): SweepIdentity {
  return {
    model: plan.model,
    preset: plan.preset,
    base: Object.fromEntries(Object.entries(base ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    axes: plan.axes,
    totalPoints: plan.totalPoints,
    seed: plan.seed,
    replications: plan.replications,
    durationNs: plan.durationNs,
    warmupNs: plan.warmupNs,
    warmupMode: plan.warmupMode,
  };
}

const FIELD_WORDS: Record<keyof SweepIdentity, string> = {
  model: 'model',
  preset: 'preset',
  base: 'base parameters (--set)',
  axes: 'parameter range (--param)',
  totalPoints: 'number of points',
  seed: 'seeds (first seed)',
  replications: 'seeds (replications)',
  durationNs: 'duration',
  warmupNs: 'warm-up',
  warmupMode: 'warm-up mode',
};

/** Refuses when `b` is another sweep than `a`, naming the field and both values. */
export function sameSweep(a: { where: string; id: SweepIdentity }, b: { where: string; id: SweepIdentity }): void {
  for (const k of Object.keys(FIELD_WORDS) as (keyof SweepIdentity)[]) {
    const x = JSON.stringify(a.id[k]);
    const y = JSON.stringify(b.id[k]);
    if (x !== y)
      throw new ParamError(
        'fit',
        b.where,
        `lines of one sweep: its ${FIELD_WORDS[k]} is ${y}, but ${x} in ${a.where} (sweep.${k} differs)`,
      );
  }
}

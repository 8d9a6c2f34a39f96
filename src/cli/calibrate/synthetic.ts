// Synthetic truth for the calibration tests and `npm run bench -- --case calibrate`: "measurements" made by the
// model itself on a hidden machine, written through the fio JSON export (src/export/fioJson.ts, what --fio-json
// writes), with fio's own run-to-run noise on every figure (a normal draw of the given relative standard
// deviation from a seeded stream), and an in-process evaluator for fits that need no worker threads.
import { fioJson } from '../../export/fioJson';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { RandomStream } from '../../sim/core/random';
import { runScenario, type RunSpec } from '../../sim/run';
import type { SimResult } from '../../sim/core/result';
import type { ParamValue } from '../../scenarios/paramSpec';
import type { RunSource } from '../../calibrate/runs';

/** A standard normal from two uniforms (Box-Muller). */
function normal(r: RandomStream): number {
  return Math.sqrt(-2 * Math.log(r.uniform())) * Math.cos(2 * Math.PI * r.uniform());
}

type Json = Record<string, unknown>;

/** Multiplies fio's measured figures (iops, bw, percentiles) of both directions by 1 + sd x N(0,1). */
export function addNoise(fio: Json, sd: number, rand: RandomStream): Json {
  const out = structuredClone(fio) as { jobs: Json[] };
  for (const job of out.jobs)
    for (const dir of ['read', 'write'] as const) {
      const d = job[dir] as Json & { clat_ns: Json & { percentile?: Record<string, number> } };
      if (!((d.iops as number) > 0)) continue;
      const f = 1 + sd * normal(rand);
      d.iops = (d.iops as number) * f;
      d.bw_bytes = Math.round((d.bw_bytes as number) * f);
      d.bw = Math.round((d.bw as number) * f);
      const pc = d.clat_ns.percentile;
      if (pc) for (const k of Object.keys(pc)) pc[k] = Math.round(pc[k] * (1 + sd * normal(rand)));
    }
  return out;
}

export interface SyntheticOptions {
  model?: string;
  truth: Record<string, ParamValue>;
  sets: Record<string, ParamValue>;
  runs: Record<string, ParamValue>[];
  seed: number;
  duration: string;
  warmup: string;
  noise: number;
  noiseSeed: number;
}

/** One fio file per run, made by the model on the hidden machine; --with carries only the non-workload knobs. */
export function syntheticRuns(o: SyntheticOptions): RunSource[] {
  const rand = new RandomStream(o.noiseSeed, 'fio-noise');
  return o.runs.map((run, i) => {
    const sc = resolveScenario({
      model: o.model ?? 'raid5',
      seed: o.seed,
      duration: o.duration,
      warmup: o.warmup,
      params: { ...o.sets, ...run, ...o.truth },
    });
    const result = runScenario(sc).result;
    const text = JSON.stringify(addNoise(fioJson(result), o.noise, rand));
    const withKeys = Object.fromEntries(
      Object.entries(run).filter(([k]) => !['rw', 'bs', 'iodepth', 'numjobs', 'direct', 'size'].includes(k)),
    );
    return { file: `run${i + 1}.json`, text, sha256: `synthetic-${i}`, with: withKeys };
  });
}

/** Runs specs in this thread, one after another (tests; the CLI uses worker threads). */
export const inProcess = async (specs: readonly RunSpec[]): Promise<SimResult[]> =>
  specs.map((s) => runScenario(s).result);

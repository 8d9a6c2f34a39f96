// One sweep benchmark: a 64-point sweep (raid5-3disk-threads, group_thread_cnt 0..15 x four stripe_cache_size
// values, 1 replication) on one worker and on the whole pool, alternated `rounds` times, fastest of each (other
// load only ever slows a run down). Shared by `npm run bench:sweep` and `npm run bench`'s sweep case.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseSweepArgs } from './args';
import { planSweep, runSweep, type SweepPlan } from './plan';
import { startSweepWorker } from './pool';
import { machineCeiling } from './machineCeiling';
import type { PointLine } from '../../analysis/sweep/aggregate';

export interface SweepBench {
  points: number;
  label: string;
  /** Worker counts timed: 1, then the pool. */
  workers: number[];
  /** Fastest wall time of each, in ms. */
  wallMs: number[];
  /** How many CPUs each was given (process CPU time over wall time), from the fastest round. */
  cpusBusy: number[];
  speedup: number;
  efficiency: number;
  /** The same pool of threads running a bare CPU loop, in the same run: the most this host gives. */
  machineSpeedup: number;
  /** speedup over machineSpeedup: how much of what the host gives the sweep pool uses. */
  ofMachine: number;
  /** The pool's results equal one worker's, line for line. */
  identical: boolean;
}

/** Wall time, and CPU time of the whole process (all threads): their ratio is how many CPUs it got. */
async function timed(plan: SweepPlan, jobs: number): Promise<{ ms: number; cpuMs: number; lines: PointLine[] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const lines = await runSweep(plan, jobs, startSweepWorker, () => undefined);
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, lines };
}

export function sweepBenchPlan(extra: readonly string[] = []): SweepPlan {
  return planSweep(
    parseSweepArgs([
      '--preset',
      'raid5-3disk-threads',
      '--param',
      'group_thread_cnt=0..15',
      '--param',
      'stripe_cache_size=128,256,512,1024',
      '--duration',
      '10ms',
      '--warmup',
      '2ms',
      ...extra,
    ]),
  );
}

export async function benchSweep(
  plan: SweepPlan,
  rounds: number,
  log: (line: string) => void = () => undefined,
): Promise<SweepBench> {
  const pool = availableParallelism();
  const load = () => (process.platform === 'linux' ? ` (load average ${loadavg()[0].toFixed(2)})` : '');
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  let best1: { ms: number; cpuMs: number } | null = null;
  let bestN: { ms: number; cpuMs: number } | null = null;
  let identical = true;
  let machine = 0;
  for (let i = 0; i < rounds; i++) {
    const ceiling = await machineCeiling(pool);
    machine = Math.max(machine, ceiling.speedup);
    const one = await timed(plan, 1);
    const many = await timed(plan, pool);
    identical &&= JSON.stringify(one.lines) === JSON.stringify(many.lines);
    if (!best1 || one.ms < best1.ms) best1 = one;
    if (!bestN || many.ms < bestN.ms) bestN = many;
    const got = (x: { ms: number; cpuMs: number }) => `${s(x.ms)} (${(x.cpuMs / x.ms).toFixed(2)} CPUs busy)`;
    log(
      `round ${i + 1}: 1 worker ${got(one)}, ${pool} workers ${got(many)}; a bare CPU loop on ${pool} threads ${ceiling.speedup.toFixed(2)}x${load()}`,
    );
  }
  if (!best1 || !bestN) throw new Error('rounds must be at least 1');
  const speedup = best1.ms / bestN.ms;
  return {
    points: plan.points.length,
    label: plan.label,
    workers: [1, pool],
    wallMs: [Math.round(best1.ms), Math.round(bestN.ms)],
    cpusBusy: [Number((best1.cpuMs / best1.ms).toFixed(2)), Number((bestN.cpuMs / bestN.ms).toFixed(2))],
    speedup: Number(speedup.toFixed(3)),
    efficiency: Number((speedup / pool).toFixed(3)),
    machineSpeedup: machine,
    ofMachine: Number((speedup / machine).toFixed(3)),
    identical,
  };
}

// `npm run bench:sweep`: wall time of one 64-point sweep (raid5-3disk-threads, group_thread_cnt 0..15 x four
// stripe_cache_size values, 1 replication) on the full pool and on one worker, and the speed-up. Prints only.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseSweepArgs } from './args';
import { planSweep, runSweep } from './plan';
import { startSweepWorker } from './pool';
import type { PointLine } from '../../analysis/sweep/aggregate';

// `--rounds N` (default 3): alternate the two set-ups N times and compare the fastest of each, since other
// load on the machine only ever slows a run down. Other flags go to the sweep (e.g. --duration 5ms).
const argv = process.argv.slice(2);
const r = argv.indexOf('--rounds');
const rounds = r >= 0 ? Math.max(1, Number(argv.splice(r, 2)[1]) || 1) : 3;
const extra = argv;
const args = parseSweepArgs([
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
]);
const plan = planSweep(args);

/** Wall time, and CPU time of the whole process (all threads): their ratio is how many CPUs it got. */
async function timed(jobs: number): Promise<{ ms: number; cpuMs: number; lines: PointLine[] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const lines = await runSweep(plan, jobs, startSweepWorker, () => undefined);
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, lines };
}

const pool = availableParallelism();
process.stdout.write(
  `sweep bench: ${plan.points.length} points x ${plan.replications} replication(s) of ${plan.label}, ${plan.durationNs / 1e6} ms measured after ${plan.warmupNs / 1e6} ms warm-up each\n`,
);
process.stdout.write(`machine: ${pool} available CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n`);
const load = () => (process.platform === 'linux' ? ` (load average ${loadavg()[0].toFixed(2)})` : '');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const oneMs: number[] = [];
const manyMs: number[] = [];
let same = true;
for (let i = 0; i < rounds; i++) {
  const one = await timed(1);
  const many = await timed(pool);
  same &&= JSON.stringify(one.lines) === JSON.stringify(many.lines);
  oneMs.push(one.ms);
  manyMs.push(many.ms);
  const got = (x: { ms: number; cpuMs: number }) => `${s(x.ms)} (${(x.cpuMs / x.ms).toFixed(2)} CPUs busy)`;
  process.stdout.write(`round ${i + 1}: 1 worker ${got(one)}, ${pool} workers ${got(many)}${load()}\n`);
}
const best1 = Math.min(...oneMs);
const bestN = Math.min(...manyMs);
process.stdout.write(
  `fastest: 1 worker ${s(best1)} (${(best1 / plan.points.length).toFixed(0)} ms per point), ${pool} workers ${s(bestN)}\n`,
);
process.stdout.write(
  `speed-up: ${(best1 / bestN).toFixed(2)}x on ${pool} workers (${((best1 / bestN / pool) * 100).toFixed(0)}% parallel efficiency); results identical: ${same ? 'yes' : 'NO'}\n`,
);
if (!same) process.exitCode = 1;

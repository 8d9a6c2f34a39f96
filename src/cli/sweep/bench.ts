// `npm run bench:sweep`: wall time of one 64-point sweep (raid5-3disk-threads, group_thread_cnt 0..15 x four
// stripe_cache_size values, 1 replication) on the full pool and on one worker, and the speed-up. Prints only.
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseSweepArgs } from './args';
import { planSweep, runSweep } from './plan';
import { startSweepWorker } from './pool';
import type { PointLine } from './aggregate';

const extra = process.argv.slice(2);
const args = parseSweepArgs(['--preset', 'raid5-3disk-threads', '--param', 'group_thread_cnt=0..15', '--param', 'stripe_cache_size=128,256,512,1024',
  '--duration', '10ms', '--warmup', '2ms', ...extra]);
const plan = planSweep(args);

async function timed(jobs: number): Promise<{ ms: number; lines: PointLine[] }> {
  const t0 = performance.now();
  const lines = await runSweep(plan, jobs, startSweepWorker, () => undefined);
  return { ms: performance.now() - t0, lines };
}

const pool = availableParallelism();
process.stdout.write(`sweep bench: ${plan.points.length} points x ${plan.replications} replication(s) of ${plan.label}, ${plan.durationNs / 1e6} ms measured after ${plan.warmupNs / 1e6} ms warm-up each\n`);
process.stdout.write(`machine: ${pool} available CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n`);
// One warm run first so the two timed runs see the same file-system and JIT state of the main thread.
await timed(pool);
const one = await timed(1);
const many = await timed(pool);
const same = JSON.stringify(one.lines) === JSON.stringify(many.lines);
process.stdout.write(`1 worker:  ${(one.ms / 1000).toFixed(2)} s\n`);
process.stdout.write(`${pool} workers: ${(many.ms / 1000).toFixed(2)} s\n`);
process.stdout.write(`speed-up: ${(one.ms / many.ms).toFixed(2)}x on ${pool} workers (${((one.ms / many.ms / pool) * 100).toFixed(0)}% parallel efficiency); results identical: ${same ? 'yes' : 'NO'}\n`);
if (!same) process.exitCode = 1;

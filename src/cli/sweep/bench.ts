// `npm run bench:sweep`: wall time of one 64-point sweep on the full pool and on one worker, and the speed-up
// (benchRun.ts). `--rounds N` (default 3) alternates the two N times; `--json` prints one object,
// {"workers": [1, N], "wallMs": [...], "speedup": ...}; other flags go to the sweep (e.g. --duration 5ms).
import { availableParallelism, cpus } from 'node:os';
import { benchSweep, sweepBenchPlan } from './benchRun';

const argv = process.argv.slice(2);
const take = (flag: string): string | null => {
  const i = argv.indexOf(flag);
  return i < 0 ? null : (argv.splice(i, 2)[1] ?? '');
};
const j = argv.indexOf('--json');
const json = j >= 0;
if (json) argv.splice(j, 1);
const roundsArg = take('--rounds');
const rounds = roundsArg === null ? 3 : Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`bench:sweep: --rounds=${roundsArg}: accepted an integer >= 1\n`);
  process.exit(2);
}
const plan = sweepBenchPlan(argv);
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};
log(
  `sweep bench: ${plan.points.length} points x ${plan.replications} replication(s) of ${plan.label}, ${plan.durationNs / 1e6} ms measured after ${plan.warmupNs / 1e6} ms warm-up each`,
);
log(`machine: ${availableParallelism()} available CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
const r = await benchSweep(plan, rounds, log);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
log(
  `fastest: 1 worker ${s(r.wallMs[0])} (${(r.wallMs[0] / r.points).toFixed(0)} ms per point), ${r.workers[1]} workers ${s(r.wallMs[1])}`,
);
log(
  `speed-up: ${r.speedup.toFixed(2)}x on ${r.workers[1]} workers (${(r.efficiency * 100).toFixed(0)}% parallel efficiency); results identical: ${r.identical ? 'yes' : 'NO'}`,
);
log(
  `machine ceiling: a bare CPU loop gets ${r.machineSpeedup.toFixed(2)}x on ${r.workers[1]} threads here (best round); the sweep reaches ${(r.ofMachine * 100).toFixed(0)}% of it`,
);
if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
if (!r.identical) process.exitCode = 1;

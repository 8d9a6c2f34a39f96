// `npm run sweep`: a parameter sweep with replications on a worker_threads pool; JSON lines, CSV or a table.
// Bad input exits 2 with one line naming the key, the value and what is accepted, before anything runs.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseSweepArgs, SWEEP_USAGE } from './sweep/args';
import { planSweep, runSweep } from './sweep/plan';
import { startSweepWorker } from './sweep/pool';
import { uslLines, type PointLine } from '../analysis/sweep/aggregate';
import { parseSweepLines } from './sweep/fit';
import { noteLine, tableHeader, tableRow, uslText, warmupSummary } from './sweep/output';
import { sweepCsv } from '../export/csv';
import { ParamError } from '../scenarios/paramSpec';
import { resolveShard } from './sweep/autoShard';
import { sweepIdentity } from './sweep/identity';
import { scenarioInput } from './scenarioFlags';

async function main(argv: string[]): Promise<void> {
  const a = parseSweepArgs(argv);
  if (a.help) {
    process.stdout.write(`${SWEEP_USAGE}\n`);
    return;
  }
  if (a.fit.length > 0) {
    const texts = a.fit.map((file) => {
      try {
        return { file, text: readFileSync(file, 'utf8') };
      } catch {
        throw new ParamError('fit', file, 'a readable file of npm run sweep -- --json output');
      }
    });
    const { lines, keys } = parseSweepLines(texts);
    printUsl(lines, keys, a.output);
    return;
  }
  const plan = planSweep({ ...a, shard: resolveShard(a.shard, process.env) });
  const sweep = sweepIdentity(plan, scenarioInput(a).params);
  const jobs = Math.min(a.jobs ?? availableParallelism(), Math.max(1, plan.points.length * plan.replications));
  const note = noteLine({ ...plan, points: plan.points.length, jobs });
  // The note goes to stderr with --json/--csv so stdout stays machine-readable (and shards concatenate).
  if (a.output === 'table') process.stdout.write(`${note}\n\n${tableHeader(plan.keys, plan.warmupMode)}\n`);
  else process.stderr.write(`${note}\n`);
  const lines = await runSweep(plan, jobs, startSweepWorker, (l) => {
    if (a.output === 'json') process.stdout.write(`${JSON.stringify({ ...l, sweep })}\n`);
    else if (a.output === 'table') process.stdout.write(`${tableRow(plan.keys, l)}\n`);
  });
  if (a.output === 'csv') process.stdout.write(sweepCsv(lines));
  if (a.output === 'table') process.stdout.write(`${warmupSummary(lines)}\n`);
  // A shard sees only some N values: its own fit would mislead, so only a whole sweep fits.
  if (plan.shard !== null) {
    process.stderr.write('sweep: no USL fit for a shard; fit the concatenated --json outputs with --fit FILE\n');
    return;
  }
  printUsl(lines, plan.keys, a.output);
}

function printUsl(lines: PointLine[], keys: string[], output: 'table' | 'json' | 'csv'): void {
  const { fits, skipped } = uslLines(lines, keys);
  for (const s of skipped) process.stderr.write(`sweep: ${s}\n`);
  for (const f of fits) {
    if (output === 'json') process.stdout.write(`${JSON.stringify(f)}\n`);
    else if (output === 'table') process.stdout.write(`\n${uslText(f)}\n`);
    else process.stderr.write(`${uslText(f)}\n`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(e instanceof ParamError ? `${e.message}\n` : `error: ${(e as Error).message}\n`);
  process.exit(e instanceof ParamError ? 2 : 1);
});

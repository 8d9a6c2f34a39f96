// `npm run fuzz`: a long fuzz campaign from the command line (src/cli/fuzzCampaign.ts). Each failure prints one
// JSON line (the shrunk configuration, its seed, the rule broken and the `npm run sim` line that replays it), then
// each model's summary line {"runs", "refused", "failures", ...}. Exit 0 when nothing was found, 3 on a find (as
// `npm run sim -- --check-invariants` does), 2 on bad input, naming the value.
import { ParamError } from '../scenarios/paramSpec';
import { defaultRuns, FUZZ_USAGE, parseFuzzArgs, type FuzzArgs } from './fuzzArgs';
import { fuzzModel, type FuzzSummary } from './fuzzCampaign';

function main(argv: string[]): number {
  let a: FuzzArgs;
  try {
    a = parseFuzzArgs(argv);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (a.help) {
    process.stdout.write(`${FUZZ_USAGE}\n`);
    return 0;
  }
  const summaries: FuzzSummary[] = [];
  for (const model of a.models) {
    const s = fuzzModel(model, {
      runs: a.runs ?? defaultRuns(model),
      seed: a.seed,
      duration: a.duration,
      onFailure: (f) => process.stdout.write(`${JSON.stringify(f)}\n`),
    });
    summaries.push(s);
    process.stdout.write(`${JSON.stringify(s)}\n`);
  }
  if (summaries.length > 1) {
    const sum = (k: 'runs' | 'ran' | 'refused' | 'failures' | 'seconds') =>
      Math.round(summaries.reduce((n, s) => n + s[k], 0) * 10) / 10;
    const total = {
      model: 'all',
      runs: sum('runs'),
      ran: sum('ran'),
      refused: sum('refused'),
      failures: sum('failures'),
      seconds: sum('seconds'),
    };
    process.stdout.write(`${JSON.stringify(total)}\n`);
  }
  return summaries.some((s) => s.failures > 0) ? 3 : 0;
}

process.exitCode = main(process.argv.slice(2));

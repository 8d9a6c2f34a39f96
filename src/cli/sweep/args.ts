// Command-line parsing for `npm run sweep`: the scenario flags of `npm run sim` plus --param, --replications,
// --jobs, --shard and the output choice. Refuses unknown flags and malformed values by name; runs nothing.
import { ParamError } from '../../scenarios/paramSpec';
import { flagsOf, SCENARIO_FLAGS, takeScenarioFlag, type ScenarioFlags } from '../scenarioFlags';

export interface SweepArgs extends ScenarioFlags {
  params: string[];
  replications: number;
  jobs?: number;
  shard?: string;
  /** JSON-lines outputs of earlier sweeps (e.g. concatenated shards) to fit instead of running. */
  fit: string[];
  output: 'table' | 'json' | 'csv';
  help: boolean;
}

const VALUE_FLAGS = new Set<string>([...SCENARIO_FLAGS, '--param', '--replications', '--jobs', '--shard', '--fit']);
const ALL_FLAGS = [...VALUE_FLAGS, '--json', '--csv', '--help'].join(', ');

function int(key: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new ParamError(key, v, `an integer ${min}..${max}`);
  return Number(v);
}

export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  const out: SweepArgs = { sets: {}, params: [], fit: [], replications: 1, output: 'table', help: false };
  for (const { flag, value } of flagsOf(argv, VALUE_FLAGS)) {
    if (value !== undefined && takeScenarioFlag(out, flag, value)) continue;
    const v = value as string;
    switch (flag) {
      case '--param':
        out.params.push(v);
        break;
      case '--replications':
        out.replications = int('replications', v, 1, 1000);
        break;
      case '--jobs':
        out.jobs = int('jobs', v, 1, 1024);
        break;
      case '--shard':
        out.shard = v;
        break;
      case '--fit':
        out.fit.push(v);
        break;
      case '--json':
      case '--csv': {
        const want = flag === '--json' ? 'json' : 'csv';
        if (out.output !== 'table' && out.output !== want) throw new ParamError(flag, flag, 'one of --json or --csv');
        out.output = want;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new ParamError('option', flag, ALL_FLAGS);
    }
  }
  if (!out.help && out.fit.length === 0 && out.params.length === 0)
    throw new ParamError('--param', '', 'at least one --param KEY=a,b,c | a..b | a..b:step');
  return out;
}

export const SWEEP_USAGE = `usage: npm run sweep -- (--preset ID | --model NAME | --scenario FILE.json) --param KEY=VALUES [--param ...]
       [--set KEY=VALUE ...] [--replications R] [--seed N] [--duration TIME] [--warmup TIME | auto]
       [--jobs N] [--shard K/N | --shard auto/N] [--json | --csv] [--profile PROFILE.json]
       npm run sweep -- --fit FILE [--fit FILE ...] [--json]
  VALUES: a,b,c | a..b (step 1) | a..b:step; several --param give every combination, the first slowest.
  Replication r (0-based) of every point runs with seed N+r; the warm-up is fixed (the base's or --warmup TIME)
  or, with --warmup auto, detected per run by MSER-5 over warm-up + duration (each line gives its mean and CI).
  --json prints one line per point as it finishes, in point order, then a USL fit for thread-count sweeps.
  --shard K/N runs every N-th point starting at the K-th, so N machines' outputs concatenate;
  --shard auto/N takes K from JOB_COMPLETION_INDEX + 1 (a Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID
  (a Slurm job array run with --array=1-N), and refuses when neither is set (docs/sweep-batch.md);
  --fit reads such --json outputs back and prints the USL fit of the whole sweep; lines of different sweeps
  (another preset, --set, --param range, seeds or duration) are refused, naming what differs.`;

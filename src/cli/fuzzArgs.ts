// Command-line parsing for `npm run fuzz`: refuses an unknown --model, a --runs below 1 and a malformed --seed or
// --duration by name (exit 2 in src/cli/fuzz.ts); runs nothing.
import { ParamError } from '../scenarios/paramSpec';
import { parseTime } from '../lib/units';
import { flagsOf } from './scenarioFlags';
import { FUZZ_MODELS } from './fuzzSpace';

export const FUZZ_USAGE = `npm run fuzz -- [--model NAME | all] [--runs N] [--seed N] [--duration TIME]
  --model: one of ${FUZZ_MODELS.join(', ')}, or all (the default)
  --runs: configurations per model (default ${2000} for raid5, ${500} for the others)
  --seed: fast-check's seed (default 1); the same seed draws the same configurations
  --duration: simulated time per configuration (default 2ms), every invariant and the stall watchdog on`;

export interface FuzzArgs {
  models: string[];
  runs?: number;
  seed: number;
  duration: string;
  help: boolean;
}

const VALUE_FLAGS = new Set(['--model', '--runs', '--seed', '--duration']);
const MAX_SEED = 2 ** 31 - 1;

export function parseFuzzArgs(argv: readonly string[]): FuzzArgs {
  const out: FuzzArgs = { models: FUZZ_MODELS, seed: 1, duration: '2ms', help: false };
  for (const { flag, value } of flagsOf(argv, VALUE_FLAGS)) {
    const v = value ?? '';
    switch (flag) {
      case '--model':
        if (v !== 'all' && !FUZZ_MODELS.includes(v))
          throw new ParamError('model', v, `${FUZZ_MODELS.join(' | ')} | all`);
        out.models = v === 'all' ? FUZZ_MODELS : [v];
        break;
      case '--runs':
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1e7)
          throw new ParamError('runs', v, 'an integer 1..10000000');
        out.runs = Number(v);
        break;
      case '--seed':
        if (!/^\d+$/.test(v) || Number(v) > MAX_SEED) throw new ParamError('seed', v, `an integer 0..${MAX_SEED}`);
        out.seed = Number(v);
        break;
      case '--duration': {
        const ns = parseTime(v);
        if (ns === null || ns <= 0 || ns > 1e9) throw new ParamError('duration', v, 'a time above 0, at most 1s');
        out.duration = v;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new ParamError(flag, value ?? '', '--model, --runs, --seed, --duration, --help');
    }
  }
  return out;
}

/** The campaign's default size per model: a long one for raid5, the 500 for each other model. */
export function defaultRuns(model: string): number {
  return model === 'raid5' ? 2000 : 500;
}

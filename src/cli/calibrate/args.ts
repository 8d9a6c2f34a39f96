// Command-line parsing for `npm run calibrate`: --set for every run, --measured FILE and the --with KEY=VALUE
// values that follow it for that run, --fix, --profile, the run length and the outputs. Refuses unknown flags
// and malformed values by name; reads no files and runs nothing.
import { ParamError } from '../../scenarios/paramSpec';
import { flagsOf, takeScenarioFlag, type ScenarioFlags } from '../scenarioFlags';

export interface MeasuredArg {
  file: string;
  with: Record<string, string>;
}

export interface CalibrateArgs extends Omit<ScenarioFlags, 'preset' | 'scenarioFile'> {
  measured: MeasuredArg[];
  fix: Record<string, string | null>;
  mdadmDetail?: string;
  predict: boolean;
  jobs?: number;
  json: boolean;
  out?: string;
  name?: string;
  help: boolean;
}

const VALUE_FLAGS = new Set([
  '--model',
  '--set',
  '--measured',
  '--with',
  '--fix',
  '--mdadm-detail',
  '--profile',
  '--seed',
  '--duration',
  '--warmup',
  '--jobs',
  '--out',
  '--name',
]);
/** The scenario flags calibrate shares with sim and sweep (scenarioFlags.ts); --preset and --scenario are not
 * among them: the runs' settings come from --set and the fio files. */
const SCENARIO_FLAGS = new Set(['--model', '--set', '--seed', '--duration', '--warmup', '--profile']);
const ALL_FLAGS = [...VALUE_FLAGS, '--predict', '--json', '--help'].join(', ');

function keyValue(flag: string, v: string): [string, string] {
  const k = v.indexOf('=');
  if (k <= 0) throw new ParamError(flag, v, 'KEY=VALUE');
  return [v.slice(0, k), v.slice(k + 1)];
}

function int(key: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new ParamError(key, v, `an integer ${min}..${max}`);
  return Number(v);
}

export function parseCalibrateArgs(argv: readonly string[]): CalibrateArgs {
  const out: CalibrateArgs = { sets: {}, measured: [], fix: {}, predict: false, json: false, help: false };
  for (const { flag, value } of flagsOf(argv, VALUE_FLAGS)) {
    const v = value as string;
    if (SCENARIO_FLAGS.has(flag) && takeScenarioFlag(out, flag, v)) continue;
    switch (flag) {
      case '--measured':
        out.measured.push({ file: v, with: {} });
        break;
      case '--with': {
        const last = out.measured.at(-1);
        if (!last) throw new ParamError('--with', v, 'a --with after the --measured FILE it applies to');
        const [k, val] = keyValue('--with', v);
        last.with[k] = val;
        break;
      }
      case '--fix': {
        const eq = v.indexOf('=');
        if (eq === 0 || v === '') throw new ParamError('--fix', v, 'KEY or KEY=VALUE (e.g. --fix xor_speed)');
        if (eq > 0) out.fix[v.slice(0, eq)] = v.slice(eq + 1);
        else out.fix[v] = null;
        break;
      }
      case '--mdadm-detail':
        out.mdadmDetail = v;
        break;
      case '--jobs':
        out.jobs = int('jobs', v, 1, 1024);
        break;
      case '--out':
        out.out = v;
        break;
      case '--name':
        out.name = v;
        break;
      case '--predict':
        out.predict = true;
        break;
      case '--json':
        out.json = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new ParamError('option', flag, ALL_FLAGS);
    }
  }
  if (out.help) return out;
  if (out.measured.length === 0)
    throw new ParamError('--measured', '', 'one or more fio results: --measured FILE.json [--with KEY=VALUE ...]');
  if (out.predict && out.profile === undefined)
    throw new ParamError('--predict', '', 'a --profile FILE whose machine predicts the runs');
  return out;
}

export const CALIBRATE_USAGE = `usage: npm run calibrate -- [--model raid5] [--set KEY=VALUE ...] [--mdadm-detail DETAIL.txt]
       --measured FIO.json [--with KEY=VALUE ...] [--measured FIO.json [--with ...] ...]
       [--fix KEY | --fix KEY=VALUE ...] [--profile PROFILE.json [--predict]]
       [--seed N] [--duration TIME] [--warmup TIME] [--jobs N] [--json] [--out PROFILE.json [--name NAME]]
  Fits the machine (cpu_speed; the members' device.latency, or device.seek on hdd; device.bandwidth;
  device.parallelism; xor_speed, or raid6_speed at level 6, when a run writes) to real fio results.
  --set applies to every run; each --with applies to the --measured file before it. Each run's rw, bs,
  iodepth, numjobs, direct and size come from the fio file's own job options. --fix KEY leaves a parameter
  to the settings (xor_speed then follows cpu_speed); --fix KEY=VALUE holds it there. At least one run per
  fitted parameter. --profile starts from a saved machine; with --predict nothing is fitted: the runs are
  predicted on that machine and their residuals printed. --out writes the machine profile (npm run sim and
  npm run sweep take it with --profile FILE). Every run uses --seed (default 1) for every evaluation.`;

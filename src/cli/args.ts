// Command-line parsing for `npm run sim`: flags into a ScenarioInput plus output options.
// Refuses unknown flags and malformed values by name; reads no files and runs nothing.
import { ParamError } from '../scenarios/paramSpec';

export interface SimArgs {
  model?: string;
  preset?: string;
  scenarioFile?: string;
  sets: Record<string, string>;
  seed?: number;
  duration?: string;
  warmup?: string;
  json: boolean;
  describe?: string;
  listPresets: boolean;
  trace?: string;
  traceWindow?: string;
  lockstat?: string;
  fioJson?: string;
  commands: boolean;
  help: boolean;
}

const VALUE_FLAGS = new Set(['--model', '--preset', '--scenario', '--set', '--seed', '--duration', '--warmup', '--describe', '--trace', '--trace-window', '--lockstat', '--fio-json']);

export function parseSimArgs(argv: readonly string[]): SimArgs {
  const out: SimArgs = { sets: {}, json: false, listPresets: false, commands: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0 && VALUE_FLAGS.has(flag.slice(0, eq))) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (VALUE_FLAGS.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new ParamError(flag, '', 'a value after the flag');
    }
    switch (flag) {
      case '--model': out.model = value; break;
      case '--preset': out.preset = value; break;
      case '--scenario': out.scenarioFile = value; break;
      case '--set': {
        const v = value as string;
        const k = v.indexOf('=');
        if (k <= 0) throw new ParamError('--set', v, 'KEY=VALUE');
        out.sets[v.slice(0, k)] = v.slice(k + 1);
        break;
      }
      case '--seed': {
        const v = value as string;
        if (!/^\d+$/.test(v) || Number(v) > 2 ** 31 - 1) throw new ParamError('seed', v, 'an integer 0..2147483647');
        out.seed = Number(v);
        break;
      }
      case '--duration': out.duration = value; break;
      case '--warmup': out.warmup = value; break;
      case '--describe': out.describe = value; break;
      case '--trace': out.trace = value; break;
      case '--trace-window': out.traceWindow = value; break;
      case '--lockstat': out.lockstat = value; break;
      case '--fio-json': out.fioJson = value; break;
      case '--commands': out.commands = true; break;
      case '--json': out.json = true; break;
      case '--list-presets': out.listPresets = true; break;
      case '--help': case '-h': out.help = true; break;
      default: throw new ParamError('option', flag, '--model, --preset, --scenario, --set, --seed, --duration, --warmup, --json, --trace, --trace-window, --lockstat, --fio-json, --commands, --describe, --list-presets');
    }
  }
  return out;
}

export const USAGE = `usage: npm run sim -- (--model NAME | --preset ID | --scenario FILE.json) [--set KEY=VALUE ...]
       [--seed N] [--duration TIME] [--warmup TIME] [--json]
       [--trace FILE [--trace-window TIME]] [--lockstat FILE] [--fio-json FILE] | --commands
       npm run sim -- --describe MODEL | --list-presets`;

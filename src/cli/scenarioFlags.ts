// The scenario flags `npm run sim` and `npm run sweep` share (--model, --preset, --scenario, --set, --seed,
// --duration, --warmup): walking argv into flags and values, taking these flags, and the checked scenario
// they ask for (the --scenario file's, with the flags over it). One reading, so both commands refuse alike.
import { readFileSync } from 'node:fs';
import { ParamError } from '../scenarios/paramSpec';
import { checkScenario, type ScenarioInput } from '../scenarios/scenarioFile';

export interface ScenarioFlags {
  model?: string;
  preset?: string;
  scenarioFile?: string;
  sets: Record<string, string>;
  seed?: number;
  duration?: string;
  warmup?: string;
}

export const SCENARIO_FLAGS = [
  '--model',
  '--preset',
  '--scenario',
  '--set',
  '--seed',
  '--duration',
  '--warmup',
] as const;
const MAX_SEED = 2 ** 31 - 1;

/** Each flag with its value: `--flag=value` or `--flag value` for flags in `valueFlags`, none for the others. */
export function* flagsOf(
  argv: readonly string[],
  valueFlags: ReadonlySet<string>,
): Generator<{ flag: string; value: string | undefined }> {
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0 && valueFlags.has(flag.slice(0, eq))) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (valueFlags.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new ParamError(flag, '', 'a value after the flag');
    }
    yield { flag, value };
  }
}

/** Takes one scenario flag into `out`; false when `flag` is not a scenario flag. */
export function takeScenarioFlag(out: ScenarioFlags, flag: string, value: string): boolean {
  switch (flag) {
    case '--model':
      out.model = value;
      return true;
    case '--preset':
      out.preset = value;
      return true;
    case '--scenario':
      out.scenarioFile = value;
      return true;
    case '--set': {
      const k = value.indexOf('=');
      if (k <= 0) throw new ParamError('--set', value, 'KEY=VALUE');
      out.sets[value.slice(0, k)] = value.slice(k + 1);
      return true;
    }
    case '--seed':
      if (!/^\d+$/.test(value) || Number(value) > MAX_SEED)
        throw new ParamError('seed', value, `an integer 0..${MAX_SEED}`);
      out.seed = Number(value);
      return true;
    case '--duration':
      out.duration = value;
      return true;
    case '--warmup':
      out.warmup = value;
      return true;
    default:
      return false;
  }
}

function readScenarioFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ParamError('scenario', file, 'a readable JSON file');
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ParamError('scenario', file, `well-formed JSON (${(e as Error).message})`);
  }
}

/** The scenario the flags ask for: the --scenario file's fields, each flag over them, --set over its params. */
export function scenarioInput(a: ScenarioFlags): ScenarioInput {
  const fromFile = a.scenarioFile ? readScenarioFile(a.scenarioFile) : {};
  return checkScenario({
    ...fromFile,
    ...(a.model !== undefined ? { model: a.model } : {}),
    ...(a.preset !== undefined ? { preset: a.preset } : {}),
    ...(a.seed !== undefined ? { seed: a.seed } : {}),
    ...(a.duration !== undefined ? { duration: a.duration } : {}),
    ...(a.warmup !== undefined ? { warmup: a.warmup } : {}),
    params: { ...((fromFile.params as Record<string, string>) ?? {}), ...a.sets },
  });
}

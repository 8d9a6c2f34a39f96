// The scenario flags `npm run sim` and `npm run sweep` share (--model, --preset, --scenario, --set, --seed,
// --duration, --warmup, --profile): walking argv into flags and values, taking these flags, and the checked
// scenario they ask for (the --scenario file's, the profile's machine over it, the flags over both). One
// reading, so both commands refuse alike.
import { readFileSync } from 'node:fs';
import { ParamError } from '../scenarios/paramSpec';
import { checkScenario, type ScenarioInput } from '../scenarios/scenarioFile';
import { findPreset } from '../scenarios/catalog';
import { parseProfile, withProfile } from '../calibrate/profile';

export interface ScenarioFlags {
  model?: string;
  preset?: string;
  scenarioFile?: string;
  sets: Record<string, string>;
  seed?: number;
  duration?: string;
  warmup?: string;
  /** --profile FILE: a machine profile of npm run calibrate, applied under the explicit --set values. */
  profile?: string;
}

export const SCENARIO_FLAGS = [
  '--model',
  '--preset',
  '--scenario',
  '--set',
  '--seed',
  '--duration',
  '--warmup',
  '--profile',
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
    case '--profile':
      out.profile = value;
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

/** The profile's machine as params (over a scenario file's: it is the machine; --set still wins), refused
 * when the scenario is of another model than the profile was fitted on. */
function profileParams(file: string, model: string | undefined): Record<string, string | number | boolean> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParamError(
      'profile',
      file,
      `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const p = parseProfile(text, file);
  if (model !== undefined && model !== p.model)
    throw new ParamError('profile', file, `a profile fitted on ${model} (this one was fitted on ${p.model})`);
  return withProfile({}, p);
}

/** The scenario the flags ask for: the --scenario file's fields, each flag over them; its params, then the
 * --profile machine, then --set. */
export function scenarioInput(a: ScenarioFlags): ScenarioInput {
  const fromFile = a.scenarioFile ? readScenarioFile(a.scenarioFile) : {};
  const model =
    a.model ??
    (a.preset !== undefined ? findPreset(a.preset)?.model : undefined) ??
    (fromFile.model as string | undefined) ??
    (typeof fromFile.preset === 'string' ? findPreset(fromFile.preset)?.model : undefined);
  const machine = a.profile !== undefined ? profileParams(a.profile, model) : {};
  return checkScenario({
    ...fromFile,
    ...(a.model !== undefined ? { model: a.model } : {}),
    ...(a.preset !== undefined ? { preset: a.preset } : {}),
    ...(a.seed !== undefined ? { seed: a.seed } : {}),
    ...(a.duration !== undefined ? { duration: a.duration } : {}),
    ...(a.warmup !== undefined ? { warmup: a.warmup } : {}),
    params: { ...((fromFile.params as Record<string, string>) ?? {}), ...machine, ...a.sets },
  });
}

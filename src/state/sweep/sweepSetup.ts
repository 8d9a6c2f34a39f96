// The Sweep page's form as text, and its check: the base scenario (the Lab's current one or a preset),
// one or two swept parameters in the CLI's syntax, replications, times and pool size, turned into the
// shared planner's plan. Every refusal is a ParamError message attached to the field that caused it.
import { findPreset, modelInfo } from '../../scenarios/catalog';
import { ParamError, type ParamSpec, type ParamValue } from '../../scenarios/paramSpec';
import { resolveScenario, type ResolvedScenario, type ScenarioInput } from '../../scenarios/scenarioFile';
import { expandValues } from '../../scenarios/sweep/points';
import { planPoints, type SweepPlan } from '../../scenarios/sweep/plan';
import { scenarioWords } from '../scenarioWords';

/** What the user typed; '' for duration/warm-up means the base's own. */
export interface SweepForm {
  /** 'current' (the Lab's scenario, with its overrides and seed) or a preset id. */
  base: string;
  param1: string;
  values1: string;
  /** '' for a one-parameter sweep. */
  param2: string;
  values2: string;
  replications: string;
  duration: string;
  warmup: string;
  /** Batch workers; one per core by default. */
  workers: string;
}
export type SweepField = keyof SweepForm;
export type FieldErrors = Partial<Record<SweepField, string>>;

/** The Lab's scenario as the sweep sees it (from the main store). */
export interface CurrentScenario {
  model: string;
  preset: string | null;
  seed: number;
  overrides: Record<string, ParamValue>;
}

/** A browser sweep beyond this many runs is refused (the CLI has --shard and no such limit). */
export const MAX_BROWSER_RUNS = 4000;
export const MAX_REPLICATIONS = 100;
export const MAX_WORKERS = 64;

export function defaultForm(workers: number): SweepForm {
  return {
    base: 'current',
    param1: 'group_thread_cnt',
    values1: '0..4',
    param2: '',
    values2: '',
    replications: '3',
    duration: '',
    warmup: '',
    workers: String(workers),
  };
}

/** The base as a scenario input, before the sweep's own duration and warm-up. */
function baseInput(form: SweepForm, cur: CurrentScenario): ScenarioInput {
  if (form.base === 'current')
    return {
      model: cur.model,
      ...(cur.preset ? { preset: cur.preset } : {}),
      seed: cur.seed,
      params: { ...cur.overrides },
    };
  return { preset: form.base, seed: cur.seed };
}

export interface BaseInfo {
  label: string;
  model: string;
  specs: readonly ParamSpec[];
  base: ResolvedScenario;
}

/** The resolved base (for the form's parameter list and default times), or the refusal. */
export function sweepBase(form: SweepForm, cur: CurrentScenario): BaseInfo | { error: string } {
  if (form.base !== 'current' && !findPreset(form.base))
    return { error: new ParamError('base', form.base, 'the current scenario or a preset id').message };
  try {
    const base = resolveScenario(baseInput(form, cur));
    const info = modelInfo(base.model);
    if (!info) return { error: `model=${base.model}: not in the catalog` };
    const label = form.base === 'current' ? `current scenario (${scenarioWords(cur)})` : `preset ${form.base}`;
    return { label, model: base.model, specs: info.params, base };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function intIn(field: SweepField, key: string, text: string, min: number, max: number): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < min || Number(text) > max)
    throw Object.assign(new ParamError(key, text, `an integer ${min}..${max}`), { field });
  return Number(text);
}

export interface CheckedSweep {
  plan: SweepPlan;
  workers: number;
}

/** The plan the form asks for, or the refusals by field. Runs nothing. */
export function checkSweepForm(form: SweepForm, cur: CurrentScenario): { ok: CheckedSweep } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const b = sweepBase(form, cur);
  if ('error' in b) return { errors: { base: b.error } };
  const attempt = <T>(field: SweepField, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      errors[(e as { field?: SweepField }).field ?? field] = (e as Error).message;
      return undefined;
    }
  };
  const axis = (pf: 'param1' | 'param2', vf: 'values1' | 'values2') => {
    const spec = b.specs.find((s) => s.key === form[pf]);
    if (!spec)
      return attempt(pf, () => {
        throw new ParamError('parameter', form[pf], `a parameter of ${b.model}`);
      });
    return attempt(vf, () => expandValues(spec, form[vf]));
  };
  const v1 = axis('param1', 'values1');
  const two = form.param2 !== '';
  if (two && form.param2 === form.param1)
    errors.param2 = new ParamError('parameter', form.param2, `a parameter other than ${form.param1}`).message;
  const v2 = two && !errors.param2 ? axis('param2', 'values2') : undefined;
  const R = attempt('replications', () =>
    intIn('replications', 'replications', form.replications, 1, MAX_REPLICATIONS),
  );
  const workers = attempt('workers', () => intIn('workers', 'workers', form.workers, 1, MAX_WORKERS));
  if (v1 && R !== undefined) {
    const runs = v1.length * (v2?.length ?? 1) * R;
    if (runs > MAX_BROWSER_RUNS)
      errors.replications = new ParamError(
        'runs',
        `${runs} (${v1.length}${v2 ? ` x ${v2.length}` : ''} points x ${R})`,
        `at most ${MAX_BROWSER_RUNS} in the browser (npm run sweep has no limit)`,
      ).message;
  }
  const input: ScenarioInput = {
    ...baseInput(form, cur),
    ...(form.duration.trim() ? { duration: form.duration.trim() } : {}),
    ...(form.warmup.trim() ? { warmup: form.warmup.trim() } : {}),
  };
  // The times alone on the base, so a bad time and a bad point value are both reported.
  attempt('duration', () => {
    try {
      resolveScenario(input);
    } catch (e) {
      throw Object.assign(e as Error, { field: e instanceof ParamError && e.key === 'warmup' ? 'warmup' : 'duration' });
    }
  });
  const timesBad = errors.duration !== undefined || errors.warmup !== undefined;
  if (!v1 || (two && !v2) || R === undefined || workers === undefined || errors.replications) return { errors };
  const flags = [`${form.param1}=${form.values1}`, ...(two ? [`${form.param2}=${form.values2}`] : [])];
  const plan = attempt('values1', () => {
    try {
      // Without the refused times, so the points' own refusals still show beside them.
      return planPoints(timesBad ? baseInput(form, cur) : input, flags, { replications: R });
    } catch (e) {
      // A point's value the model refuses (e.g. stripe_cache_size=8) belongs to that parameter's values.
      const key = e instanceof ParamError ? e.key : '';
      throw Object.assign(e as Error, {
        field: key === 'seed' ? 'base' : two && key === form.param2 ? 'values2' : 'values1',
      });
    }
  });
  if (!plan || timesBad) return { errors };
  return { ok: { plan, workers } };
}

/** The warm-up the form asks for: the word auto detects it per run (MSER-5); anything else is a fixed time. */
export function warmupModeOf(form: SweepForm): 'fixed' | 'auto' {
  return form.warmup.trim().toLowerCase() === 'auto' ? 'auto' : 'fixed';
}

/** Points and runs the form would make, for the form's summary line; null while a field is refused. */
export function sweepSize(form: SweepForm, specs: readonly ParamSpec[]): { points: number; runs: number } | null {
  try {
    const count = (key: string, text: string) => {
      const spec = specs.find((s) => s.key === key);
      return spec ? expandValues(spec, text).length : NaN;
    };
    const points = count(form.param1, form.values1) * (form.param2 ? count(form.param2, form.values2) : 1);
    const R = Number(form.replications);
    return Number.isInteger(points) && Number.isInteger(R) && R > 0 ? { points, runs: points * R } : null;
  } catch {
    return null;
  }
}

// The runs a calibration fits: each measured fio result with the settings it ran under (--set for every run,
// --with for one), its workload read from the file's own job options, resolved into a checked scenario, and
// the figures to match. Everything is refused here, before a model runs, naming the field, the value and what
// is accepted: a file that is not fio's, settings that contradict the job options, too few runs.
import { ParamError, type ParamValue } from '../scenarios/paramSpec';
import { resolveScenario, type ResolvedScenario } from '../scenarios/scenarioFile';
import { checkWorkload, jobWorkload, measuredFio, parseFioResult } from '../scenarios/measured/fio';

/** What a run must match: throughput always, fio's clat percentiles where the file has them. */
export interface Targets {
  opsPerSec: number;
  bytesPerSec: number;
  p50Ns: number | null;
  p99Ns: number | null;
}

export interface CalRun {
  /** The file name (or a label for published figures), as the report shows it. */
  label: string;
  /** sha256 of the file's text, when it came from a file. */
  sha256: string | null;
  /** Per-run settings (--with), for the profile's record. */
  with: Record<string, ParamValue>;
  /** The run's scenario without the fitted keys (they are set per evaluation). */
  scenario: ResolvedScenario;
  /** What the scenario was given (fitted keys are added over it and the whole re-resolved). */
  given: Record<string, ParamValue>;
  targets: Targets;
}

export interface RunSource {
  file: string;
  text: string;
  sha256: string;
  with: Record<string, ParamValue>;
}

export interface Settings {
  model: string;
  sets: Record<string, ParamValue>;
  seed: number;
  duration?: string | number;
  warmup?: string | number;
}

const WORKLOAD = ['rw', 'bs', 'iodepth', 'numjobs', 'direct', 'size'] as const;

/** The scenario of a run: the settings, then the file's workload (a workload key the settings also give must
 * agree with the file: checkWorkload names the job option and both values). */
export function runOf(settings: Settings, src: RunSource): CalRun {
  const res = parseFioResult(src.text, src.file);
  const failed = res.jobs.findIndex((j) => j.error !== 0);
  if (failed >= 0)
    throw new ParamError(
      `${src.file} jobs.${failed}.error`,
      res.jobs[failed].error,
      '0 (a job that ran without error)',
    );
  const workload = jobWorkload(res);
  const given: Record<string, ParamValue> = { ...settings.sets, ...src.with };
  for (const k of WORKLOAD) if (!(k in given) && k in workload) given[k] = workload[k];
  const scenario = resolve(settings, given, src.file);
  const p = scenario.params;
  // The file's direct and size, where the settings overrode them, must still be what fio ran.
  for (const k of ['direct', 'size'] as const)
    if (k in workload && p[k] !== workload[k])
      throw new ParamError(`${src.file} job options.${k}`, workload[k], `${String(p[k])} (the settings' ${k})`);
  try {
    checkWorkload(res, p);
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(`${src.file} ${e.key}`, e.value, e.accepted);
    throw e;
  }
  const m = measuredFio(src.text, p, src.file);
  return {
    label: src.file,
    sha256: src.sha256,
    with: src.with,
    scenario,
    given,
    targets: {
      opsPerSec: m.throughput.opsPerSec,
      bytesPerSec: m.throughput.bytesPerSec,
      p50Ns: m.clatNs?.p50 ?? null,
      p99Ns: m.clatNs?.p99 ?? null,
    },
  };
}

/** A run from figures rather than a file (a published table): the settings and the run's own params. */
export function figureRun(settings: Settings, label: string, params: Record<string, ParamValue>, t: Targets): CalRun {
  const given = { ...settings.sets, ...params };
  return { label, sha256: null, with: params, scenario: resolve(settings, given, label), given, targets: t };
}

function resolve(settings: Settings, given: Record<string, ParamValue>, where: string): ResolvedScenario {
  try {
    return resolveScenario({
      model: settings.model,
      seed: settings.seed,
      ...(settings.duration !== undefined ? { duration: settings.duration } : {}),
      ...(settings.warmup !== undefined ? { warmup: settings.warmup } : {}),
      params: given,
    });
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(`${where}: ${e.key}`, e.value, e.accepted);
    throw e;
  }
}

// A calibration from start to end: the runs checked, the fitted and fixed parameters chosen, the fit, what it
// pins down, and the residual of every run. The one entry the CLI, the UI and the tests call; evaluations go
// to the evaluator they pass (worker threads, browser workers, or in-process).
import { ParamError, parseParam, type ParamValue } from '../scenarios/paramSpec';
import { modelInfo } from '../scenarios/catalog';
import type { CalRun } from './runs';
import { candidateParams, logsOf, PARITY_BS, type FitParam } from './fitParams';

const PARITY_KEYS = ['xor_speed', 'raid6_speed'];
/** A residual spread per figure above this is not noise: the model, or the settings, miss something. */
const POOR_FIT = 0.15;
import { Problem, type Evaluator, type Progress } from './problem';
import { fitMachine } from './fit';
import { identify, type ParamFit } from './identify';
import { adviceFor } from './advice';
import { residualRows, type ResidualRow } from './residuals';

export interface CalibrateOptions {
  /** Keys not to fit: a value (as --fix KEY=VALUE gives it) holds them there; null leaves them to the settings
   * or the class's rule (xor_speed follows cpu_speed, device.* the device class). */
  fix?: Record<string, string | number | null>;
  /** Machine values to start from (a profile's), instead of the settings' own. */
  start?: Record<string, number>;
  onProgress?: (p: Progress) => void;
  /** Called with the problem as soon as it exists, so a caller can cancel it. */
  onProblem?: (p: Problem) => void;
  maxIterations?: number;
}

export interface Calibration {
  fit: Record<string, ParamFit>;
  /** Not fitted, held at a value. */
  fixed: Record<string, number>;
  residuals: ResidualRow[];
  evaluations: number;
  sse: number;
  sigma: number;
  /** The machine as parameters: device and cpu classes, fixed and fitted values (what a profile applies). */
  machine: Record<string, ParamValue>;
  model: string;
  /** What was not fitted and why, one line each. */
  notes: string[];
}

/** The machine every run shares: one model, device class, CPU class and level. */
function shared(runs: readonly CalRun[]): { model: string; device: string; cpuModel: string; level: number } {
  const first = runs[0].scenario;
  const pick = (r: CalRun) => ({
    model: r.scenario.model,
    device: String(r.scenario.params.device),
    cpuModel: String(r.scenario.params.cpu_model),
    level: Number(r.scenario.params.level ?? 0),
  });
  const want = pick(runs[0]);
  for (const r of runs.slice(1)) {
    const got = pick(r);
    for (const k of ['model', 'device', 'cpuModel', 'level'] as const)
      if (got[k] !== want[k])
        throw new ParamError(
          `${r.label} ${k === 'cpuModel' ? 'cpu_model' : k}`,
          got[k],
          `${want[k]} (as ${runs[0].label}: every run of one calibration is on the same array and machine)`,
        );
  }
  if (!('device' in first.params))
    throw new ParamError('model', first.model, 'a model with member devices (raid5, raid1, raid10)');
  return want;
}

/** Which candidates are fitted and which are fixed (with their values). */
function choose(
  runs: readonly CalRun[],
  candidates: FitParam[],
  fix: Record<string, string | number | null>,
): { params: FitParam[]; fixed: Record<string, number> } {
  const model = runs[0].scenario.model;
  const specs = modelInfo(model)!.params;
  const fixed: Record<string, number> = {};
  // The parity speed may be fixed even when no run writes large blocks (then it is not fitted anyway).
  const fixable = [...candidates.map((c) => c.key), ...PARITY_KEYS.filter((k) => specs.some((sp) => sp.key === k))];
  for (const [key, raw] of Object.entries(fix)) {
    if (!fixable.includes(key))
      throw new ParamError('fix', key, `one of the fitted parameters: ${[...new Set(fixable)].join(', ')}`);
    if (raw !== null)
      fixed[key] = parseParam(
        specs.find((s) => s.key === key)!,
        raw,
      ) as number;
  }
  const params = candidates.filter((c) => !(c.key in fix));
  if (runs.length < params.length) {
    const short = params.length - runs.length;
    throw new ParamError(
      'measured',
      `${runs.length} run${runs.length === 1 ? '' : 's'}`,
      `at least one --measured run per fitted parameter: ${params.length} are fitted (${params
        .map((p) => p.key)
        .join(', ')}); add ${short} more run${short === 1 ? '' : 's'} (a different workload or group_thread_cnt), ` +
        `or fix ${short} with --fix KEY or --fix KEY=VALUE (e.g. --fix ${params.at(-1)!.key})`,
    );
  }
  return { params, fixed };
}

export async function calibrate(
  runs: readonly CalRun[],
  evaluate: Evaluator,
  o: CalibrateOptions = {},
): Promise<Calibration> {
  if (runs.length === 0) throw new ParamError('measured', '(none)', 'one or more fio results (--measured FILE.json)');
  const s = shared(runs);
  const largeWrites = runs.some(
    (r) => /write|rw/.test(String(r.scenario.params.rw)) && Number(r.scenario.params.bs) >= PARITY_BS,
  );
  const candidates = candidateParams(s.model, s.device, s.level, largeWrites);
  const { params, fixed } = choose(runs, candidates, o.fix ?? {});
  const problem = new Problem(runs, params, fixed, evaluate);
  if (o.onProgress) problem.onProgress = o.onProgress;
  o.onProblem?.(problem);
  const startValues = { ...runs[0].scenario.params, ...fixed, ...(o.start ?? {}) };
  const start = logsOf(params, startValues);
  const out = await fitMachine(problem, { start, maxIterations: o.maxIterations });
  const id = await identify(problem, out.x);
  const best = problem.cached(out.x)!;
  const notes: string[] = [];
  if (id.sigma > POOR_FIT)
    notes.push(
      `the fit leaves ${(id.sigma * 100).toFixed(0)}% per figure: no ${s.device} machine makes the model reproduce these runs, so the intervals say little; check the settings (level, disks, chunk, device class, the sysfs knobs of each run) first`,
    );
  if (s.model === 'raid5' && !largeWrites) {
    const key = s.level === 6 ? 'raid6_speed' : 'xor_speed';
    notes.push(
      `${key} not fitted: no run writes blocks of ${PARITY_BS / 1024} KiB or more, where the parity code is a visible share of the CPU time; it follows cpu_speed by the ${s.cpuModel} class's own figure`,
    );
  }
  for (const [k, v] of Object.entries(o.fix ?? {}))
    if (v === null && candidates.some((c) => c.key === k))
      notes.push(
        `${k} not fitted (--fix): ${String(runs[0].scenario.params[k])}, from the settings or the class's rule`,
      );
  const context = { machine: best.values, runs: runs.map((r) => r.scenario.params) };
  for (const [key, f] of Object.entries(id.params)) if (!f.identified) f.advice = adviceFor(key, context);
  return {
    fit: id.params,
    fixed,
    residuals: residualRows(runs, problem.slots, best.results),
    evaluations: problem.evaluations,
    sse: best.sse,
    sigma: id.sigma,
    machine: { device: s.device, cpu_model: s.cpuModel, ...best.values },
    model: s.model,
    notes,
  };
}

/** The residuals of a known machine on the runs, without fitting (a profile checked against new runs). */
export async function predict(
  runs: readonly CalRun[],
  machine: Record<string, ParamValue>,
  evaluate: Evaluator,
): Promise<{ residuals: ResidualRow[]; sse: number }> {
  const numeric = Object.fromEntries(Object.entries(machine).filter(([, v]) => typeof v === 'number')) as Record<
    string,
    number
  >;
  const classes = Object.fromEntries(Object.entries(machine).filter(([, v]) => typeof v !== 'number'));
  const withClasses = runs.map((r) => ({ ...r, given: { ...r.given, ...classes } }));
  const problem = new Problem(withClasses, [], numeric, evaluate);
  const [e] = await problem.evaluateAll([[]]);
  return { residuals: residualRows(runs, problem.slots, e.results), sse: e.sse };
}

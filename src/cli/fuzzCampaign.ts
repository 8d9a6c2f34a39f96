// One fuzz campaign over a model's space (src/cli/fuzzSpace.ts): `runs` configurations drawn by fast-check from
// `seed`, each run for `duration` with every invariant checked after every event and the stall watchdog on
// (src/sim/checked.ts). A combination the resolver refuses is counted by the field it names, not failed. A failure
// is shrunk by fast-check, reported with its `npm run sim` line, and the campaign goes on with the draws it has
// left (a fresh fast-check seed derived from the first), so one campaign can report several finds.
import fc from 'fast-check';
import { ParamError } from '../scenarios/paramSpec';
import { resolveScenario } from '../scenarios/scenarioFile';
import { CheckFailed, checkOptions, failureLine, runScenarioChecked } from '../sim/checked';
import type { Params } from '../sim/core/model';
import { FUZZ_SPACES } from './fuzzSpace';

export const FUZZ_WARMUP = '0.5ms';
/** Shrink steps tried per failure before the smallest failing case so far is taken (each step is a run). */
const MAX_SHRINK_RUNS = 200;

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Simulated time per run, e.g. '2ms'. */
  duration: string;
  /** Called as each failure is found (already shrunk). */
  onFailure?: (f: FuzzFailure) => void;
}

export interface FuzzFailure {
  model: string;
  params: Params;
  seed: number;
  duration: string;
  /** kind:rule, e.g. invariant:stripe_on_list_only_at_count_zero. */
  rule: string;
  /** The one-line report of src/sim/checked.ts. */
  line: string;
  /** The same run from the CLI. */
  reproduce: string;
  /** fast-check's seed and path for this draw (fc.assert with { seed, path } replays it). */
  fcSeed: number;
  fcPath: string;
}

export interface FuzzSummary {
  model: string;
  runs: number;
  ran: number;
  refused: number;
  failures: number;
  /** Refusals by the field they name. */
  refusedBy: Record<string, number>;
  seconds: number;
}

/** The `npm run sim` line that replays one fuzzed configuration with the same checks on. */
export function reproduceLine(model: string, params: Params, seed: number, duration: string): string {
  const sets = Object.entries(params).map(([k, v]) => `--set ${k}=${String(v)}`);
  return [
    'npm run sim --',
    `--model ${model}`,
    ...sets,
    `--seed ${seed}`,
    `--duration ${duration}`,
    `--warmup ${FUZZ_WARMUP}`,
    '--check-invariants',
  ].join(' ');
}

type Outcome = { kind: 'ran' } | { kind: 'refused'; key: string } | { kind: 'failed'; error: CheckFailed };

/** One configuration with every check on. A refusal must name its field; anything else thrown is a failure. */
export function runOne(model: string, params: Params, seed: number, duration: string): Outcome {
  let sc;
  try {
    sc = resolveScenario({ model, params, duration, warmup: FUZZ_WARMUP, seed });
  } catch (e) {
    if (e instanceof ParamError && e.key !== '') return { kind: 'refused', key: e.key };
    return { kind: 'failed', error: crash(model, seed, 'refusal_names_field', (e as Error).message) };
  }
  try {
    runScenarioChecked(sc, checkOptions(sc, true));
    return { kind: 'ran' };
  } catch (e) {
    if (e instanceof CheckFailed) return { kind: 'failed', error: e };
    // a ParamError from the model's own create(): a refusal too, if it names the field
    if (e instanceof ParamError && e.key !== '') return { kind: 'refused', key: e.key };
    return { kind: 'failed', error: crash(model, seed, 'no_exception', (e as Error).message) };
  }
}

function crash(model: string, seed: number, rule: string, detail: string): CheckFailed {
  return new CheckFailed({ kind: 'crash', model, seed, timeNs: 0, events: 0, rule, detail });
}

export function fuzzModel(model: string, o: FuzzOptions): FuzzSummary {
  const arb = FUZZ_SPACES[model];
  if (!arb) throw new ParamError('model', model, Object.keys(FUZZ_SPACES).join(' | '));
  const start = performance.now();
  const s: FuzzSummary = { model, runs: 0, ran: 0, refused: 0, failures: 0, refusedBy: {}, seconds: 0 };
  let fcSeed = o.seed;
  for (let round = 0; s.runs < o.runs; round++) {
    let shrinking = false;
    let shrinkRuns = 0;
    const prop = fc.property(arb, fc.integer({ min: 1, max: 1_000_000 }), (params, seed) => {
      if (shrinking && ++shrinkRuns > MAX_SHRINK_RUNS) return true; // enough: keep the smallest case so far
      const out = runOne(model, params, seed, o.duration);
      if (!shrinking) {
        s.runs++;
        if (out.kind === 'ran') s.ran++;
        else if (out.kind === 'refused') {
          s.refused++;
          s.refusedBy[out.key] = (s.refusedBy[out.key] ?? 0) + 1;
        }
      }
      if (out.kind !== 'failed') return true;
      shrinking = true;
      throw out.error;
    });
    const details = fc.check(prop, { numRuns: o.runs - s.runs, seed: fcSeed });
    if (!details.failed || !details.counterexample) break;
    const [params, seed] = details.counterexample;
    const again = runOne(model, params, seed, o.duration);
    const error = again.kind === 'failed' ? again.error : (details.errorInstance as CheckFailed);
    const f = error.failure;
    const failure: FuzzFailure = {
      model,
      params,
      seed,
      duration: o.duration,
      rule: `${f.kind}:${f.rule}`,
      line: failureLine(f),
      reproduce: reproduceLine(model, params, seed, o.duration),
      fcSeed,
      fcPath: details.counterexamplePath ?? '',
    };
    s.failures++;
    o.onFailure?.(failure);
    fcSeed = (Math.imul(fcSeed ^ (round + 1), 2654435761) >>> 1) % 2 ** 31; // the next round's own draws
  }
  s.seconds = Math.round((performance.now() - start) / 100) / 10;
  return s;
}

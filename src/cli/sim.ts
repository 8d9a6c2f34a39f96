// `npm run sim`: one simulation in Node, printed as the JSON contract (--json) or a human summary.
// Bad input exits 2 with one line naming the key, the value and what is accepted. --check-invariants runs the
// model's invariants after every event and a stall watchdog: a failure exits 3 with one line (src/sim/checked.ts).
// Any run that completes nothing is a stall (exit 3) if its window was long enough to expect a completion, and a
// warning naming the minimum window otherwise, never a silent 0.
import { parseSimArgs, USAGE } from './args';
import { humanSummary } from './summary';
import { describeModel, listPresets } from './describe';
import { resolveScenario } from '../scenarios/scenarioFile';
import { scenarioInput } from './scenarioFlags';
import { ParamError } from '../scenarios/paramSpec';
import { commandsFor, runWithOutputs } from './simOutputs';
import { CheckFailed, checkOptions, runScenarioChecked, type CheckOptions } from '../sim/checked';
import { createModel, type RunSpec } from '../sim/run';
import type { ModelRun } from '../sim/core/model';
import type { SimResult } from '../sim/core/result';
import { violate } from '../sim/core/invariant';
import { invariantsOf } from '../sim/modelInvariants';
import { fmtNs, stallBound } from '../sim/stallBound';
import { measuredSummary, readMeasured, withMeasured } from './measured';
import { mdadmSummary, withMdadmDetail } from './mdadmDetail';

/** Test-only: STRIPE_LAB_TEST_BREAK_AT=N makes the checked run's invariant fail at event N, so a test can see the
 * exit-3 line of a real run without a real bug. Ignored without --check-invariants. */
const BREAK_AT = Number(process.env.STRIPE_LAB_TEST_BREAK_AT ?? NaN);

function createForCheck(spec: RunSpec): ModelRun {
  const run = createModel(spec.model, spec.params, spec.seed);
  if (!(BREAK_AT >= 0)) return run;
  const own = invariantsOf(spec.model, run);
  run.checkInvariants = () => {
    own?.();
    if (run.sim.events >= BREAK_AT) violate('test_hook_broken_invariant', `STRIPE_LAB_TEST_BREAK_AT=${BREAK_AT}`);
  };
  return run;
}

function checked(sc: RunSpec, o: CheckOptions): SimResult {
  try {
    return runScenarioChecked(sc, o, createForCheck).result;
  } catch (e) {
    if (!(e instanceof CheckFailed)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(3);
  }
}

/** No completion in the window: a stall if the window was long enough to expect one (rerun with the watchdog for
 * the threads' states at that moment, exit 3), else a warning naming the window that would be. */
function zeroCompletions(sc: RunSpec, result: SimResult): void {
  if (result.throughput.opsPerSec !== 0) return;
  const b = stallBound(sc.model, sc.params);
  if (sc.durationNs > b.ns) checked(sc, { invariants: false, stallNs: b.ns, stallWhy: b.why });
  process.stderr.write(
    `warning: nothing completed in the ${fmtNs(result.simulatedNs)} window; this configuration needs up to ${fmtNs(b.ns)} to be sure of a completion (${b.why}): use --duration ${fmtNs(b.ns)} or more\n`,
  );
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const a = parseSimArgs(argv);
  if (a.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (a.listPresets) {
    process.stdout.write(`${listPresets()}\n`);
    return;
  }
  if (a.describe !== undefined) {
    process.stdout.write(`${describeModel(a.describe)}\n`);
    return;
  }
  // --mdadm-detail: the array's settings from the paste, under the explicit --set values; a bad paste exits 2.
  const fromMdadm = withMdadmDetail(a);
  const input = scenarioInput(fromMdadm.flags);
  const sc = resolveScenario(input);
  if (a.commands) {
    process.stdout.write(commandsFor(sc));
    return;
  }
  // A bad measurement file is refused before anything runs.
  const measured = readMeasured(a, sc);
  const outputs =
    a.trace !== undefined ||
    a.lockstat !== undefined ||
    a.fioJson !== undefined ||
    a.csv !== undefined ||
    a.threadsCsv !== undefined;
  const checkedResult = a.checkInvariants ? checked(sc, checkOptions(sc, true)) : null;
  // The file outputs come from their own observed run; it is the same run (same seed), so the same result.
  const result = checkedResult && !outputs ? checkedResult : runWithOutputs(sc, a);
  zeroCompletions(sc, result);
  const full = withMeasured(result, measured);
  process.stdout.write(
    a.json
      ? `${JSON.stringify(full)}\n`
      : `${mdadmSummary(fromMdadm.array, a.sets)}${humanSummary(result)}${measuredSummary(full)}\n`,
  );
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ParamError) fail(e.message);
  fail(`error: ${(e as Error).message}`);
}

// What the A/B page can ask for: pin the current scenario as baseline A, and run A and B on the batch pool
// on the same seeds (with progress and cancel). Input is checked here; the numbers are compared in analysis.
import { BatchCancelled, runBatch, type BatchJob } from '../../bridge/batchPool';
import type { BatchTask, SimResult } from '../../protocol/batch';
import { parseTime } from '../../lib/units';
import { paramDiff, resolvePin, writePin, type Pin } from './comparePin';
import { scenarioWords } from '../scenarioWords';
import { useCompare, type CompareRunInfo } from './compareStore';
import { browserStorage } from '../storage';
import { useSim } from '../store';

export const MAX_REPLICATIONS = 20;
/** Longest measured time per run the page accepts: a comparison should take seconds, not minutes. */
export const MAX_DURATION_NS = 10e9;

/** B: the scenario the Lab is on now, whatever the user changed since pinning. */
export function currentScenario(): Pin {
  const s = useSim.getState();
  return { model: s.model, preset: s.preset, seed: s.seed, overrides: { ...s.overrides } };
}

/** Pins the current scenario as A (saved in localStorage; a failed save is said, the pin still holds). */
export function pinCurrentAsA(): void {
  const pin = currentScenario();
  if (!pin.model) return; // nothing has started yet
  const previousPin = useCompare.getState().pin;
  const note = writePin(browserStorage(), pin);
  useCompare.setState({ pin, previousPin, pinNote: note });
  let words: string;
  try {
    resolvePin(pin);
    words = `${scenarioWords(pin)}, seed ${pin.seed}`;
  } catch (e) {
    words = (e as Error).message;
  }
  useSim.setState({ notice: `Pinned as A: ${words}${note ? ` (${note})` : ''}. Change anything, then open A/B` });
}

/** Takes back the last pin: the A it replaced becomes A again (and is saved). */
export function restorePreviousPin(): void {
  const { previousPin } = useCompare.getState();
  if (!previousPin) return;
  useCompare.setState({ pin: previousPin, previousPin: null, pinNote: writePin(browserStorage(), previousPin) });
}

let job: BatchJob | null = null;
let token = 0;

export function cancelCompare(): void {
  job?.cancel();
}

/** Refusal text by field, or the checked replication count and duration ('' = each side's own duration). */
export function checkRunForm(
  rawR: string,
  rawDuration: string,
  firstSeed: number,
): { errors: Record<string, string>; r: number; durationNs?: number } {
  const errors: Record<string, string> = {};
  const r = Number(rawR.trim());
  if (!/^\d+$/.test(rawR.trim()) || r < 1 || r > MAX_REPLICATIONS)
    errors.replications = `R=${rawR}: accepted an integer 1..${MAX_REPLICATIONS}`;
  else if (firstSeed + r - 1 > 2 ** 31 - 1)
    errors.replications = `R=${rawR}: seeds ${firstSeed}..${firstSeed + r - 1} pass 2147483647; pin A with a smaller seed`;
  let durationNs: number | undefined;
  if (rawDuration.trim() !== '') {
    const ns = parseTime(rawDuration);
    if (ns === null || ns < 1e3 || ns > MAX_DURATION_NS)
      errors.duration = `duration=${rawDuration}: accepted a time 1us..10s (e.g. 5ms), or empty for each side's own`;
    else durationNs = ns;
  }
  return { errors, r, durationNs };
}

const task = (pin: Pin, seed: number, durationNs?: number): BatchTask => {
  const s = resolvePin({ ...pin, seed }, durationNs);
  return { model: s.model, preset: s.preset, params: s.params, seed, durationNs: s.durationNs, warmupNs: s.warmupNs };
};

/** Runs A and B R times each on seeds A.seed..A.seed+R−1 (the same seeds for both), on the batch pool. */
export function runCompare(rawR: string, rawDuration: string): void {
  const pin = useCompare.getState().pin;
  if (!pin) {
    useCompare.setState({ phase: 'failed', message: 'no baseline A: pin one first' });
    return;
  }
  const { errors, r, durationNs } = checkRunForm(rawR, rawDuration, pin.seed);
  useCompare.setState({ fieldErrors: errors });
  if (Object.keys(errors).length) return;
  const b = currentScenario();
  const seeds = Array.from({ length: r }, (_, i) => pin.seed + i);
  let tasks: BatchTask[];
  let info: CompareRunInfo;
  try {
    // A then B for each seed, so the pool works on both sides alike from the start.
    tasks = seeds.flatMap((seed) => [task(pin, seed, durationNs), task(b, seed, durationNs)]);
    info = {
      a: pin,
      b,
      seeds,
      changes: paramDiff(pin, b),
      durationNs: { a: tasks[0].durationNs, b: tasks[1].durationNs },
      warmupNs: { a: tasks[0].warmupNs, b: tasks[1].warmupNs },
    };
  } catch (e) {
    useCompare.setState({ phase: 'failed', message: (e as Error).message });
    return;
  }
  job?.cancel();
  const mine = ++token;
  const a: SimResult[] = new Array<SimResult>(r);
  const bs: SimResult[] = new Array<SimResult>(r);
  let done = 0;
  useCompare.setState({ phase: 'running', done: 0, total: tasks.length, message: null });
  job = runBatch(tasks, (i, result) => {
    if (mine !== token) return;
    (i % 2 === 0 ? a : bs)[i >> 1] = result;
    useCompare.setState({ done: ++done });
  });
  job.done.then(
    () => {
      if (mine === token) useCompare.setState({ phase: 'done', results: { info, a, b: bs } });
    },
    (e: unknown) => {
      if (mine !== token) return;
      if (e instanceof BatchCancelled)
        useCompare.setState({ phase: 'cancelled', message: `cancelled after ${done} of ${tasks.length} runs` });
      else useCompare.setState({ phase: 'failed', message: (e as Error).message });
    },
  );
}

// A real measurement beside the model in the UI: the fio result and /proc/lock_stat the user loaded (checked
// exactly as `npm run sim -- --measured` checks them, against the Lab's scenario), the Lab's comparison with
// its run, and the A/B page's "measurement as A" runs of B. A refused file leaves what was loaded in place.
import { create } from 'zustand';
import { measuredFio, type MeasuredFio } from '../../scenarios/measured/fio';
import { measuredLockStat, type MeasuredLockStat } from '../../scenarios/measured/lockStat';
import { fioRows, lockRows, vsMeasuredFio, vsMeasuredLockStat, type SideRow } from '../../scenarios/measured/compare';
import { kernelLockName } from '../../export/lockStat';
import { BatchCancelled, runBatch, type BatchJob } from '../../bridge/batchPool';
import type { BatchTask, SimResult } from '../../protocol/batch';
import { resolvePin } from '../compare/comparePin';
import { checkRunForm, currentScenario } from '../compare/compareActions';
import { requestResult } from '../export/exportRequests';
import { useSim } from '../store';

export type { SideRow };

export interface MeasuredState {
  fio: { text: string; data: MeasuredFio } | null;
  lockStat: MeasuredLockStat | null;
  /** The last refusal (a bad file, or a loaded one that no longer matches the Lab's scenario); one line. */
  error: string | null;
  /** The Lab's comparison: the run's result when asked, beside the measurement. */
  lab: { rows: SideRow[]; note: string } | null;
  busy: boolean;
  /** A/B: the measurement stands as A; B is the Lab's scenario, run R times. */
  pinnedA: boolean;
  ab: {
    phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
    done: number;
    total: number;
    message: string | null;
  };
  abRows: SideRow[] | null;
}

export const useMeasured = create<MeasuredState>()(() => ({
  fio: null,
  lockStat: null,
  error: null,
  lab: null,
  busy: false,
  pinnedA: false,
  ab: { phase: 'idle', done: 0, total: 0, message: null },
  abRows: null,
}));

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads a fio result checked against the Lab's scenario; a refusal is kept as the error, the old file stays. */
export function loadFioText(text: string, name: string): void {
  try {
    const data = measuredFio(text, useSim.getState().params, name);
    useMeasured.setState({ fio: { text, data }, error: null, lab: null, abRows: null });
  } catch (e) {
    useMeasured.setState({ error: message(e) });
  }
}

export function loadLockStatText(text: string, name: string): void {
  try {
    useMeasured.setState({ lockStat: measuredLockStat(text, name), error: null, lab: null });
  } catch (e) {
    useMeasured.setState({ error: message(e) });
  }
}

/** The loaded fio result checked again against the scenario running now (the Lab may have changed bs since). */
function fioForNow(): MeasuredFio | null {
  const f = useMeasured.getState().fio;
  if (!f) return null;
  return measuredFio(f.text, useSim.getState().params, f.data.file);
}

/** Side-by-side rows for a result: fio figures and the lock classes that line up by lockdep name. */
export function rowsFor(r: SimResult, fio: MeasuredFio | null, lockStat: MeasuredLockStat | null): SideRow[] {
  const kernel = String(r.params.kernel ?? 'current');
  return [
    ...(fio ? fioRows(r, fio, vsMeasuredFio(r, fio)) : []),
    ...(lockStat ? lockRows(vsMeasuredLockStat(r, lockStat, (n) => kernelLockName(n, kernel))) : []),
  ];
}

/** The Lab: the run so far (the worker's result) beside the measurement. */
export function compareLabRun(): void {
  let fio: MeasuredFio | null;
  try {
    fio = fioForNow();
  } catch (e) {
    useMeasured.setState({ error: message(e), lab: null });
    return;
  }
  const { lockStat } = useMeasured.getState();
  if (!fio && !lockStat) return;
  useMeasured.setState({ busy: true });
  requestResult()
    .then(
      (r) => {
        const note = `the run's first ${(r.simulatedNs / 1e6).toFixed(1)} ms (simulated), seed ${r.seed}`;
        useMeasured.setState({ lab: { rows: rowsFor(r, fio, lockStat), note }, error: null });
      },
      (e: unknown) => useMeasured.setState({ error: message(e) }),
    )
    .finally(() => useMeasured.setState({ busy: false }));
}

export function pinMeasuredAsA(on: boolean): void {
  useMeasured.setState({ pinnedA: on, abRows: null, ab: { phase: 'idle', done: 0, total: 0, message: null } });
}

/** Means over runs of the figures the side-by-side rows read, as one result. */
function meanResult(rs: SimResult[]): SimResult {
  const mean = (f: (r: SimResult) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
  const first = rs[0];
  return {
    ...first,
    throughput: { opsPerSec: mean((r) => r.throughput.opsPerSec), bytesPerSec: mean((r) => r.throughput.bytesPerSec) },
    latencyNs: Object.fromEntries(
      Object.keys(first.latencyNs).map((k) => [k, mean((r) => r.latencyNs[k as keyof SimResult['latencyNs']])]),
    ) as SimResult['latencyNs'],
    devices: first.devices.map((d, i) => ({ ...d, utilisation: mean((r) => r.devices[i]?.utilisation ?? 0) })),
    locks: first.locks.map((l, i) => ({
      ...l,
      contentions: mean((r) => r.locks[i]?.contentions ?? 0),
      acquisitions: mean((r) => r.locks[i]?.acquisitions ?? 0),
      waitTimeAvgNs: mean((r) => r.locks[i]?.waitTimeAvgNs ?? 0),
      holdTimeAvgNs: mean((r) => r.locks[i]?.holdTimeAvgNs ?? 0),
    })),
  };
}

let job: BatchJob | null = null;
let token = 0;

/** A/B with the measurement as A: runs the Lab's scenario R times (seeds seed..seed+R−1) and compares the means. */
export function runBAgainstMeasured(rawR: string, rawDuration: string): void {
  const b = currentScenario();
  const { errors, r, durationNs } = checkRunForm(rawR, rawDuration, b.seed);
  const bad = Object.values(errors)[0];
  if (bad) {
    useMeasured.setState({ ab: { phase: 'failed', done: 0, total: 0, message: bad } });
    return;
  }
  let fio: MeasuredFio | null;
  let tasks: BatchTask[];
  try {
    fio = fioForNow();
    tasks = Array.from({ length: r }, (_, i) => {
      const s = resolvePin({ ...b, seed: b.seed + i }, durationNs);
      return {
        model: s.model,
        preset: s.preset,
        params: s.params,
        seed: s.seed,
        durationNs: s.durationNs,
        warmupNs: s.warmupNs,
      };
    });
  } catch (e) {
    useMeasured.setState({ error: message(e), ab: { phase: 'failed', done: 0, total: 0, message: message(e) } });
    return;
  }
  const { lockStat } = useMeasured.getState();
  job?.cancel();
  const mine = ++token;
  const results: SimResult[] = [];
  useMeasured.setState({ ab: { phase: 'running', done: 0, total: tasks.length, message: null } });
  job = runBatch(tasks, (i, res) => {
    if (mine !== token) return;
    results[i] = res;
    useMeasured.setState((s) => ({ ab: { ...s.ab, done: s.ab.done + 1 } }));
  });
  job.done.then(
    () => {
      if (mine !== token) return;
      useMeasured.setState({
        abRows: rowsFor(meanResult(results), fio, lockStat),
        ab: {
          phase: 'done',
          done: tasks.length,
          total: tasks.length,
          message: `B: mean of ${r} run${r === 1 ? '' : 's'}`,
        },
      });
    },
    (e: unknown) => {
      if (mine !== token) return;
      const cancelled = e instanceof BatchCancelled;
      useMeasured.setState({
        ab: {
          phase: cancelled ? 'cancelled' : 'failed',
          done: 0,
          total: tasks.length,
          message: cancelled ? 'cancelled' : message(e),
        },
      });
    },
  );
}

export function cancelMeasuredRun(): void {
  job?.cancel();
}

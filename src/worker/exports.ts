// Answers the UI's export requests for the live run: a trace of its last window by an exact replay (from the
// starting parameters and the live changes this log keeps), and the contract result. It never steps the live run.
import type { FromWorker } from '../protocol/messages';
import type { ModelRun, ParamValue, Params } from '../sim/core/model';
import { replayTraced, type LiveChange } from '../sim/replay';
import type { ResolvedScenario } from '../scenarios/scenarioFile';
import { traceFile } from '../export/trace';

/** Longest trace window: past this a trace of a storage model runs to hundreds of MB. */
export const MAX_TRACE_WINDOW_NS = 100e6;

/** The run's starting parameters and its live knob changes, in order, with where the run stood at each. */
export class RunLog {
  readonly startParams: Params;
  readonly changes: LiveChange[] = [];

  constructor(readonly scenario: ResolvedScenario) {
    this.startParams = { ...scenario.params };
  }

  noteLive(run: ModelRun, key: string, value: ParamValue): void {
    this.changes.push({ events: run.sim.events, timeNs: run.sim.now, key, value });
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function traceReply(log: RunLog, run: ModelRun, ids: { runId: number; requestId: number }, windowNs: number): FromWorker {
  if (!(Number.isFinite(windowNs) && windowNs >= 1 && windowNs <= MAX_TRACE_WINDOW_NS)) {
    return { type: 'exportError', ...ids, message: `trace window=${windowNs} ns: accepted 1..${MAX_TRACE_WINDOW_NS} simulated ns (up to 100 ms)` };
  }
  const sc = log.scenario;
  const end = { events: run.sim.events, timeNs: run.sim.now };
  const title = `${sc.model}${sc.preset ? ` (preset ${sc.preset})` : ''}, seed ${sc.seed}: simulated time`;
  try {
    const { capture } = replayTraced({ model: sc.model, seed: sc.seed, params: log.startParams, changes: log.changes, end, windowNs: Math.round(windowNs), title });
    return { type: 'trace', ...ids, fromNs: capture.fromNs, toNs: capture.toNs, replayedEvents: end.events, json: JSON.stringify(traceFile(capture)) };
  } catch (e) {
    return { type: 'exportError', ...ids, message: `trace: ${message(e)}` };
  }
}

export function resultReply(log: RunLog, run: ModelRun, ids: { runId: number; requestId: number }): FromWorker {
  try {
    return { type: 'result', ...ids, result: run.result({ preset: log.scenario.preset, warmupNs: 0 }) };
  } catch (e) {
    return { type: 'exportError', ...ids, message: `result: ${message(e)}` };
  }
}

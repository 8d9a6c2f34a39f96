// Answers the UI's export requests for the live run: a trace of its last window by an exact replay (from the
// starting parameters and the live changes this log keeps), run in slices between the live run's ticks with
// progress reports, and the contract result. It never steps the live run.
import type { FromWorker } from '../protocol/messages';
import type { ModelRun, ParamValue, Params } from '../sim/core/model';
import { ReplayJob, type LiveChange } from '../sim/replay';
import type { ResolvedScenario } from '../scenarios/scenarioFile';
import { traceFile } from '../export/trace';
import type { HostClock } from './hostClock';

/** Longest trace window: past this a trace of a storage model runs to hundreds of MB. */
export const MAX_TRACE_WINDOW_NS = 100e6;
/** A window holding more records than this is refused (about 60 bytes each in the file: ~90 MB of JSON). */
export const MAX_TRACE_RECORDS = 1_500_000;
/** Wall time one replay slice may take before the live run and the message loop get a turn. */
export const REPLAY_SLICE_MS = 40;
/** Events between wall-clock checks inside a slice. */
const EVENTS_PER_CHECK = 20_000;

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

type Ids = { runId: number; requestId: number };
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Trace requests, replayed one after another in slices; the first slice runs at once (a short replay answers at once). */
export class TraceJobs {
  private jobs: { job: ReplayJob; ids: Ids; of: number }[] = [];
  private timer: unknown = null;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly clock: HostClock,
    private readonly maxRecords = MAX_TRACE_RECORDS,
  ) {}

  add(log: RunLog, run: ModelRun, ids: Ids, windowNs: number): void {
    if (!(Number.isFinite(windowNs) && windowNs >= 1 && windowNs <= MAX_TRACE_WINDOW_NS)) {
      return this.post({
        type: 'exportError',
        ...ids,
        message: `trace window=${windowNs} ns: accepted 1..${MAX_TRACE_WINDOW_NS} simulated ns (up to 100 ms)`,
      });
    }
    const sc = log.scenario;
    const end = { events: run.sim.events, timeNs: run.sim.now };
    const title = `${sc.model}${sc.preset ? ` (preset ${sc.preset})` : ''}, seed ${sc.seed}: simulated time`;
    try {
      const job = new ReplayJob({
        model: sc.model,
        seed: sc.seed,
        params: log.startParams,
        changes: log.changes,
        end,
        windowNs: Math.round(windowNs),
        title,
      });
      this.jobs.push({ job, ids, of: end.events });
    } catch (e) {
      return this.post({ type: 'exportError', ...ids, message: `trace: ${message(e)}` });
    }
    if (this.jobs.length === 1) this.slice();
  }

  /** A new run: the replies would be stale, so the work stops. */
  clear(): void {
    this.jobs = [];
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private readonly slice = (): void => {
    this.timer = null;
    const start = this.clock.now();
    while (this.jobs.length) {
      const { job, ids, of } = this.jobs[0];
      let done: boolean;
      try {
        done = job.work(EVENTS_PER_CHECK);
      } catch (e) {
        this.jobs.shift();
        this.post({ type: 'exportError', ...ids, message: `trace: ${message(e)}` });
        continue;
      }
      if (job.records > this.maxRecords) {
        this.jobs.shift();
        const ms = job.windowDoneNs / 1e6;
        this.post({
          type: 'exportError',
          ...ids,
          message: `trace window: more than ${this.maxRecords.toLocaleString('en')} records (state changes, lock takes, counter samples) within its first ${ms.toFixed(3)} ms, too big to open; choose at most about ${Math.max(0.001, ms * 0.8).toFixed(3)} ms`,
        });
        continue;
      }
      if (done) {
        this.jobs.shift();
        this.post(this.reply(job, ids, of));
      } else if (this.clock.now() - start >= REPLAY_SLICE_MS) {
        this.post({ type: 'exportProgress', ...ids, events: job.run.sim.events, of });
        this.timer = this.clock.setTimer(this.slice, 0);
        return;
      }
    }
  };

  private reply(job: ReplayJob, ids: Ids, of: number): FromWorker {
    try {
      const capture = job.capture();
      return {
        type: 'trace',
        ...ids,
        fromNs: capture.fromNs,
        toNs: capture.toNs,
        replayedEvents: of,
        json: JSON.stringify(traceFile(capture)),
      };
    } catch (e) {
      return { type: 'exportError', ...ids, message: `trace: ${message(e)}` };
    }
  }
}

export function resultReply(log: RunLog, run: ModelRun, ids: Ids): FromWorker {
  try {
    return { type: 'result', ...ids, result: run.result({ preset: log.scenario.preset, warmupNs: 0 }) };
  } catch (e) {
    return { type: 'exportError', ...ids, message: `result: ${message(e)}` };
  }
}

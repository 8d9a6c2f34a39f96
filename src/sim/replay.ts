// Replays a live run exactly, with the trace tap over its last window: the same model, seed and starting
// parameters, each live knob change applied at the same event count and clock time it was applied live.
// Runs are deterministic, so the replay reaches the same state; it checks that and refuses when it does not.
import type { ModelRun, ParamValue, Params } from './core/model';
import type { TraceCapture } from '../export/trace';
import { createModel } from './run';
import { attachTraceTap, type TraceTap } from './traceTap';

/** A point of a run: events executed and the clock (the clock can stand past the last event's time). */
export interface RunPoint {
  events: number;
  timeNs: number;
}

/** A live knob change as the worker applied it. */
export interface LiveChange extends RunPoint {
  key: string;
  value: ParamValue;
}

export interface ReplaySpec {
  model: string;
  seed: number;
  /** The parameters the run started with (before any live change). */
  params: Params;
  changes: readonly LiveChange[];
  /** Where the live run stands now: the trace ends here. */
  end: RunPoint;
  windowNs: number;
  title: string;
}

/**
 * Brings the run to exactly `p`. Live, the worker steps events and then moves the clock to its target with
 * runUntil only once no event at or before it is left, so stepping to the count and then runUntil is the same path.
 */
export function advanceTo(run: ModelRun, p: RunPoint): void {
  const sim = run.sim;
  while (sim.events < p.events && sim.step());
  if (p.timeNs > sim.now) sim.runUntil(p.timeNs);
  if (sim.events !== p.events || sim.now !== p.timeNs) {
    throw new Error(
      `replay diverged from the live run: expected ${p.events} events at ${p.timeNs} ns, replay has ${sim.events} at ${sim.now} ns`,
    );
  }
}

type Stop =
  { kind: 'begin'; timeNs: number } | { kind: 'change'; change: LiveChange } | { kind: 'end'; point: RunPoint };

/**
 * A replay done in slices, so a worker can keep its live run going and report progress between them.
 * The stops, in order: each live change, the window's start before the first point later than it, the end.
 */
export class ReplayJob {
  readonly run: ModelRun;
  private readonly tap: TraceTap;
  private readonly stops: Stop[] = [];
  private next = 0;

  constructor(private readonly spec: ReplaySpec) {
    this.run = createModel(spec.model, { ...spec.params }, spec.seed);
    this.tap = attachTraceTap(this.run);
    const from = Math.max(0, spec.end.timeNs - spec.windowNs);
    let begun = false;
    // Every event at or before `from` ran before any later point, so running to `from` takes no event early.
    const beginBefore = (t: number) => {
      if (begun || from >= t) return;
      this.stops.push({ kind: 'begin', timeNs: from });
      begun = true;
    };
    for (const change of spec.changes) {
      beginBefore(change.timeNs);
      this.stops.push({ kind: 'change', change });
    }
    beginBefore(spec.end.timeNs);
    if (!begun) this.stops.push({ kind: 'begin', timeNs: from }); // an empty window: the run stands at `from`
    this.stops.push({ kind: 'end', point: spec.end });
  }

  /** Trace records captured so far (0 before the window). */
  get records(): number {
    return this.tap.records();
  }

  /** Simulated ns of the window replayed so far. */
  get windowDoneNs(): number {
    return Math.max(0, this.run.sim.now - (this.spec.end.timeNs - this.spec.windowNs));
  }

  get done(): boolean {
    return this.next >= this.stops.length;
  }

  /** Runs at most about `budgetEvents` events toward the next stops; returns true when the replay is complete. */
  work(budgetEvents: number): boolean {
    const sim = this.run.sim;
    const limit = sim.events + budgetEvents;
    while (!this.done) {
      const stop = this.stops[this.next];
      if (stop.kind === 'begin') {
        while (sim.peek() <= stop.timeNs) {
          if (sim.events >= limit) return false;
          sim.step();
        }
        sim.runUntil(stop.timeNs);
        this.tap.begin();
      } else {
        const p = stop.kind === 'change' ? stop.change : stop.point;
        while (sim.events < p.events) {
          if (sim.events >= limit) return false;
          if (!sim.step()) break;
        }
        advanceTo(this.run, p);
        if (stop.kind === 'change') {
          const c = stop.change;
          const err = this.run.setLive(c.key, c.value);
          if (err) throw new Error(`replay: ${c.key} = ${String(c.value)} at ${c.timeNs} ns was refused: ${err}`);
        }
      }
      this.next++;
    }
    return true;
  }

  /** The capture of [end - windowNs, end] for traceFile (once done). */
  capture(): TraceCapture {
    if (!this.done) throw new Error('replay: the capture was asked for before the replay reached the live point');
    return this.tap.capture(this.spec.title, this.spec.end.timeNs);
  }
}

/** The whole replay at once: the replayed run (at `end`) and the capture of [end - windowNs, end]. */
export function replayTraced(spec: ReplaySpec): { run: ModelRun; capture: TraceCapture } {
  const job = new ReplayJob(spec);
  job.work(Infinity);
  return { run: job.run, capture: job.capture() };
}

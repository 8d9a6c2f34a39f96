// Replays a live run exactly, with the trace tap over its last window: the same model, seed and starting
// parameters, each live knob change applied at the same event count and clock time it was applied live.
// Runs are deterministic, so the replay reaches the same state; it checks that and refuses when it does not.
import type { ModelRun, ParamValue, Params } from './core/model';
import type { TraceCapture } from '../export/trace';
import { createModel } from './run';
import { attachTraceTap } from './traceTap';

/** A point of a run: events executed and the clock (the clock can stand past the last event's time). */
export interface RunPoint { events: number; timeNs: number }

/** A live knob change as the worker applied it. */
export interface LiveChange extends RunPoint { key: string; value: ParamValue }

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
    throw new Error(`replay diverged from the live run: expected ${p.events} events at ${p.timeNs} ns, replay has ${sim.events} at ${sim.now} ns`);
  }
}

/** The replayed run (at `end`) and the capture of [end - windowNs, end] for traceFile. */
export function replayTraced(spec: ReplaySpec): { run: ModelRun; capture: TraceCapture } {
  const run = createModel(spec.model, { ...spec.params }, spec.seed);
  const tap = attachTraceTap(run);
  const from = Math.max(0, spec.end.timeNs - spec.windowNs);
  let begun = false;
  // Every event at or before `from` ran before any later point, so runUntil(from) takes no event early.
  const beginBefore = (t: number) => {
    if (begun || from >= t) return;
    run.sim.runUntil(from);
    tap.begin();
    begun = true;
  };
  for (const c of spec.changes) {
    beginBefore(c.timeNs);
    advanceTo(run, c);
    const err = run.setLive(c.key, c.value);
    if (err) throw new Error(`replay: ${c.key} = ${String(c.value)} at ${c.timeNs} ns was refused: ${err}`);
  }
  beginBefore(spec.end.timeNs);
  if (!begun) tap.begin(); // an empty window: the run stands at time `from`
  advanceTo(run, spec.end);
  return { run, capture: tap.capture(spec.title, spec.end.timeNs) };
}

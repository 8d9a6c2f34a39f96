// A run with the nets on: each model's debug invariants after every event (--check-invariants, the fuzz
// tests) and a stall watchdog (nothing completed for longer than src/sim/stallBound.ts allows). It runs the
// same events as src/sim/run.ts, one at a time, so a failure names the event count and the same seed replays it.
import { InvariantViolation } from './core/invariant';
import type { ModelRun } from './core/model';
import type { SimResult } from './core/result';
import { STATE_NAMES } from './core/thread';
import { createModel, detectedSpec, type RunSpec } from './run';
import { invariantsOf } from './modelInvariants';
import { fmtNs, stallBound } from './stallBound';

export interface CheckOptions {
  /** Call the model's checkInvariants() after every event. */
  invariants: boolean;
  /** Report a stall when nothing completes for longer than this (ns); null: no watchdog. */
  stallNs: number | null;
  /** How the stall bound was derived (printed with a stall). */
  stallWhy?: string;
}

export interface CheckFailure {
  kind: 'invariant' | 'crash' | 'stall';
  model: string;
  seed: number;
  timeNs: number;
  events: number;
  rule: string;
  detail: string;
}

export class CheckFailed extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failureLine(failure));
    this.name = 'CheckFailed';
  }
}

/** The one line the CLI prints for a failure. */
export function failureLine(f: CheckFailure): string {
  const head = f.kind === 'stall' ? 'stall' : f.kind === 'crash' ? 'crash' : 'invariant violated';
  return `${head}: model=${f.model} seed=${f.seed} t=${f.timeNs}ns events=${f.events} rule=${f.rule}: ${f.detail}`;
}

/** Completed top-level operations so far: the model's counter, or its snapshot's. */
export function completionsOf(run: ModelRun): number {
  const c = (run as { completions?: unknown }).completions;
  return typeof c === 'number' ? c : run.snapshot().completions;
}

/** The threads' states and the lists' and locks' lengths at this instant, for a stall report. */
export function stateAtStall(run: ModelRun): string {
  const threads = run.kernel.threads
    .filter((t) => t.alive)
    .map(
      (t) => `${t.name}=${STATE_NAMES[t.state]}${run.kernel.labels[t.label] ? `(${run.kernel.labels[t.label]})` : ''}`,
    );
  const lists = [...(run.listLengths?.() ?? []), ['runqueue', run.kernel.runQueueStats.length] as [string, number]].map(
    ([n, l]) => `${n}=${l}`,
  );
  const locks = run
    .snapshot()
    .locks.filter((l) => l.holder !== null || l.waiters.length > 0)
    .map((l) => `${l.name} held by ${l.holder ?? 'nobody'} with ${l.waiters.length} waiting`);
  return `threads ${threads.join(' ')}; lists ${lists.join(' ')}${locks.length ? `; locks ${locks.join(', ')}` : ''}`;
}

class Watch {
  lastCompletions = 0;
  lastProgressNs = 0;
  nextPollNs: number;
  constructor(
    private readonly model: string,
    private readonly seed: number,
    private readonly o: CheckOptions,
  ) {
    this.nextPollNs = o.stallNs === null ? Infinity : o.stallNs / 8;
  }

  fail(run: ModelRun, kind: CheckFailure['kind'], rule: string, detail: string): CheckFailed {
    const { now, events } = run.sim;
    return new CheckFailed({ kind, model: this.model, seed: this.seed, timeNs: now, events, rule, detail });
  }

  poll(run: ModelRun): void {
    const now = run.sim.now;
    const stallNs = this.o.stallNs as number;
    this.nextPollNs = now + stallNs / 8;
    const c = completionsOf(run);
    if (c !== this.lastCompletions) {
      this.lastCompletions = c;
      this.lastProgressNs = now;
      return;
    }
    const quiet = now - this.lastProgressNs;
    if (quiet > stallNs)
      throw this.fail(
        run,
        'stall',
        'completion_within_bound',
        `nothing completed for ${fmtNs(quiet)} (since t=${this.lastProgressNs}ns; bound ${fmtNs(stallNs)} = ${this.o.stallWhy ?? 'given'}); ${stateAtStall(run)}`,
      );
  }

  /** Runs every event up to untilNs (then sets the clock there, as runUntil does), checking as it goes. */
  advance(run: ModelRun, untilNs: number): void {
    const sim = run.sim;
    const check = this.o.invariants ? invariantsOf(this.model, run) : undefined;
    while (sim.peek() <= untilNs) {
      try {
        sim.step();
        check?.();
      } catch (e) {
        if (e instanceof InvariantViolation) throw this.fail(run, 'invariant', e.rule, e.detail);
        throw this.fail(run, 'crash', 'no_exception', (e as Error).message ?? String(e));
      }
      if (sim.now >= this.nextPollNs) this.poll(run);
    }
    sim.runUntil(untilNs);
    if (this.o.stallNs !== null) this.poll(run);
  }
}

/** The options for a spec: invariants as asked, the watchdog at the configuration's bound. */
export function checkOptions(spec: RunSpec, invariants: boolean): CheckOptions {
  const b = stallBound(spec.model, spec.params);
  return { invariants, stallNs: b.ns, stallWhy: b.why };
}

/** runScenario with the checks on; throws CheckFailed. A detected warm-up is found first (unchecked sampling run of
 * the same seed), then the fixed run at its cut is the checked one. */
export function runScenarioChecked(
  spec: RunSpec,
  o: CheckOptions,
  create: (spec: RunSpec) => ModelRun = (s) => createModel(s.model, s.params, s.seed),
): { result: SimResult; run: ModelRun } {
  const { fixed, warmup } = spec.warmupMode === 'auto' ? detectedSpec(spec) : { fixed: spec, warmup: undefined };
  const w = new Watch(spec.model, spec.seed, o);
  let run: ModelRun;
  try {
    run = create(fixed);
  } catch (e) {
    if ((e as Error).name === 'ParamError') throw e; // a refused configuration is not the model failing
    throw new CheckFailed({
      kind: 'crash',
      model: spec.model,
      seed: spec.seed,
      timeNs: 0,
      events: 0,
      rule: 'no_exception',
      detail: (e as Error).message,
    });
  }
  w.advance(run, fixed.warmupNs);
  run.resetStats();
  w.advance(run, fixed.warmupNs + fixed.durationNs);
  const result = run.result({ preset: fixed.preset, warmupNs: fixed.warmupNs });
  return { result: warmup ? { ...result, warmup } : result, run };
}

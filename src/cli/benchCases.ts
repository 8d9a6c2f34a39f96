// The engine benchmark's cases and their timing, free of Node APIs so that `npm run bench` (Node) and
// `npm run bench:browser` (a Chromium module Worker) run the same code: each case is a real model scenario
// and, where one exists, a minimal reference loop of the same queueing system (benchReference.ts).
import { resolveScenario, type ScenarioInput } from '../scenarios/scenarioFile';
import type { ModelRun } from '../sim/core/model';
import { createModel } from '../sim/run';
import { referenceLockLoop, referenceMM1, type Measured } from './benchReference';

/** One benchmark: a real model scenario and, where one exists, a reference loop of the same system. */
export interface BenchCase {
  /** Key in the JSON output. */
  key: string;
  title: string;
  scenario: ScenarioInput;
  /** Completions to time (default: --completions); a slow model may ask for fewer. */
  completions?: number;
  reference?: (completions: number) => Measured;
}

// The case registry: a model adds its case here (a scenario, and a reference loop if it has one).
export const CASES: BenchCase[] = [
  {
    key: 'mm1',
    title: 'M/M/1, rho 0.8 (Lock Lab open arrivals, mutex, no wake-up or switch cost)',
    scenario: {
      model: 'lock-lab',
      seed: 1,
      params: {
        arrival: 'open',
        rate: 400_000,
        hold: '2us',
        hold_dist: 'exp',
        lock: 'mutex',
        capacity: 1,
        cpus: 64,
        wakeup: 0,
        switch: 0,
      },
    },
    reference: (n) => referenceMM1(n, 400_000, 2_000),
  },
  {
    key: 'lockLab',
    title: 'Lock Lab closed: 8 threads on 8 CPUs, exp think 10us, exp hold 2us, spinlock',
    scenario: {
      model: 'lock-lab',
      seed: 1,
      params: {
        arrival: 'closed',
        threads: 8,
        cpus: 8,
        think: '10us',
        think_dist: 'exp',
        hold: '2us',
        hold_dist: 'exp',
        lock: 'spinlock',
        switch: 0,
        wakeup: 0,
      },
    },
    reference: (n) => referenceLockLoop(n, 8, 10_000, 2_000),
  },
  {
    // A large pending set: 1,024 threads each with an event outstanding, so the heap's depth counts.
    key: 'pending1024',
    title:
      'Lock Lab closed, 1,024 events pending: 1,024 threads on 1,024 CPUs, exp think 10us, exp hold 2us, semaphore of 256',
    scenario: {
      model: 'lock-lab',
      seed: 1,
      params: {
        arrival: 'closed',
        threads: 1024,
        cpus: 1024,
        think: '10us',
        think_dist: 'exp',
        hold: '2us',
        hold_dist: 'exp',
        capacity: 256,
        switch: 0,
        wakeup: 0,
      },
    },
    reference: (n) => referenceLockLoop(n, 1024, 10_000, 2_000, 1, 256),
  },
  {
    // No reference loop: the figure that counts is simulated seconds per wall second (target >= 0.25).
    key: 'raid5',
    title:
      'raid5 at the single-thread ceiling (preset raid5-single-thread-ceiling: 4 fast flash members, raid5d saturated)',
    scenario: { preset: 'raid5-single-thread-ceiling', seed: 1 },
    completions: 50_000,
  },
  {
    // The heavy configuration of the speed issue: what a 64-point sweep of a big array costs.
    key: 'raid5Heavy',
    title:
      'raid5 heavy: 16 nvme members, group_thread_cnt 16, stripe_cache_size 4096, 4 jobs x iodepth 32 of 4K random writes',
    scenario: {
      model: 'raid5',
      seed: 1,
      params: {
        disks: 16,
        device: 'nvme',
        group_thread_cnt: 16,
        stripe_cache_size: 4096,
        numjobs: 4,
        iodepth: 32,
        rw: 'randwrite',
        bs: '4k',
      },
    },
    completions: 20_000,
  },
];

export function completionsOf(run: ModelRun): number {
  // Lock Lab (and any model keeping a public counter) is read directly; others through a snapshot.
  const c = (run as Partial<{ completions: number }>).completions;
  return typeof c === 'number' ? c : run.snapshot().completions;
}

/** Runs the model until `target` completions, in 1 ms simulated chunks (overshoot under 0.1%). */
export function runTo(run: ModelRun, target: number): void {
  while (completionsOf(run) < target) run.sim.runUntil(run.sim.now + 1e6);
}

export function newRun(c: BenchCase): ModelRun {
  const sc = resolveScenario(c.scenario);
  return createModel(sc.model, sc.params, sc.seed);
}

function engine(c: BenchCase, completions: number): Measured {
  const t0 = performance.now();
  const run = newRun(c);
  runTo(run, completions);
  const wallMs = performance.now() - t0;
  const r = run.result({ preset: null, warmupNs: 0 });
  return {
    wallMs,
    completions: completionsOf(run),
    events: run.sim.events,
    meanLatencyNs: r.latencyNs.mean,
    simulatedNs: run.sim.now,
  };
}

export const perSec = (count: number, ms: number) => Math.round(count / (ms / 1e3));
const fastest = (a: Measured | null, b: Measured) => (a && a.wallMs <= b.wallMs ? a : b);

export function timeCase(c: BenchCase, completions: number, repeat: number) {
  // Untimed warm-up of both, so neither pays the JIT's first compiles inside its measurement; then
  // interleaved repeats, fastest of each (other load on the machine only ever slows a run down).
  const warm = Math.min(50_000, completions);
  engine(c, warm);
  c.reference?.(warm);
  let e: Measured | null = null;
  let ref: Measured | null = null;
  for (let i = 0; i < repeat; i++) {
    e = fastest(e, engine(c, completions));
    if (c.reference) ref = fastest(ref, c.reference(completions));
  }
  if (!e) throw new Error('no engine run');
  const engineCompletionsPerSec = perSec(e.completions, e.wallMs);
  const referenceCompletionsPerSec = ref ? perSec(ref.completions, ref.wallMs) : null;
  return {
    title: c.title,
    completions,
    repeat,
    engineWallMs: Math.round(e.wallMs),
    engineEvents: e.events,
    engineEventsPerSec: perSec(e.events, e.wallMs),
    engineCompletionsPerSec,
    engineEventsPerCompletion: Number((e.events / e.completions).toFixed(2)),
    engineMeanLatencyNs: Math.round(e.meanLatencyNs),
    simulatedSecondsPerWallSecond: Number(((e.simulatedNs ?? 0) / 1e9 / (e.wallMs / 1e3)).toFixed(3)),
    referenceWallMs: ref ? Math.round(ref.wallMs) : null,
    referenceEventsPerSec: ref ? perSec(ref.events, ref.wallMs) : null,
    referenceCompletionsPerSec,
    referenceMeanLatencyNs: ref ? Math.round(ref.meanLatencyNs) : null,
    ratio: referenceCompletionsPerSec
      ? Number((engineCompletionsPerSec / referenceCompletionsPerSec).toFixed(3))
      : null,
    /** For a case without a reference loop: engine events/s over this run's first reference loop's (set by main). */
    eventsRatio: null as number | null,
  };
}

export type CaseTiming = ReturnType<typeof timeCase>;

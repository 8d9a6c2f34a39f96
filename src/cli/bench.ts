// `npm run bench`: engine speed against a minimal reference loop on the same queueing system, and heap
// growth over a 10x longer engine run. Prints figures only (design.md 7: benchmarks are not tests).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveScenario, type ScenarioInput } from '../scenarios/scenarioFile';
import type { ModelRun } from '../sim/core/model';
import { createModel } from '../sim/run';
import { referenceLockLoop, referenceMM1, type Measured } from './benchReference';
import { benchCalibrate } from './calibrate/bench';

/** One benchmark: a real model scenario and, where one exists, a reference loop of the same system. */
interface BenchCase {
  /** Key in the JSON output. */
  key: string;
  title: string;
  scenario: ScenarioInput;
  /** Completions to time (default: --completions); a slow model may ask for fewer. */
  completions?: number;
  reference?: (completions: number) => Measured;
}

// The case registry: a model adds its case here (a scenario, and a reference loop if it has one).
const CASES: BenchCase[] = [
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

interface Options {
  json: boolean;
  completions: number;
  memoryScale: number;
  repeat: number;
  only: Set<string>;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { json: false, completions: 1_000_000, memoryScale: 10, repeat: 3, only: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (min: number) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < min) throw new Error(`${a}=${argv[i] ?? ''}: accepted an integer >= ${min}`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--completions') o.completions = num(1);
    else if (a === '--memory-scale') o.memoryScale = num(0);
    else if (a === '--repeat') o.repeat = num(1);
    else if (a === '--case') o.only.add(argv[++i] ?? '');
    else
      throw new Error(
        `option=${a}: accepted --json, --completions N, --repeat N, --memory-scale K (0 = skip), --case KEY`,
      );
  }
  const unknown = [...o.only].filter((k) => !CASES.some((c) => c.key === k) && k !== CALIBRATE);
  if (unknown.length)
    throw new Error(`case=${unknown.join(',')}: accepted ${[...CASES.map((c) => c.key), CALIBRATE].join(' | ')}`);
  return o;
}

function completionsOf(run: ModelRun): number {
  // Lock Lab (and any model keeping a public counter) is read directly; others through a snapshot.
  const c = (run as Partial<{ completions: number }>).completions;
  return typeof c === 'number' ? c : run.snapshot().completions;
}

/** Runs the model until `target` completions, in 1 ms simulated chunks (overshoot under 0.1%). */
function runTo(run: ModelRun, target: number): void {
  while (completionsOf(run) < target) run.sim.runUntil(run.sim.now + 1e6);
}

function newRun(c: BenchCase): ModelRun {
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

function collectGarbage(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc'); // so `npm run bench` needs no node flag
  return runInNewContext('gc') as () => void;
}

/** Heap after reaching steady state (event queue, pools, rings at working size) and after `scale`x longer. */
function memory(c: BenchCase, completions: number, scale: number) {
  const gc = collectGarbage();
  const run = newRun(c);
  runTo(run, completions);
  gc();
  const before = process.memoryUsage().heapUsed;
  runTo(run, completions * scale);
  gc();
  const after = process.memoryUsage().heapUsed;
  const done = completionsOf(run);
  return {
    completionsBefore: completions,
    completionsAfter: done,
    events: run.sim.events,
    heapBeforeBytes: before,
    heapAfterBytes: after,
    growthBytes: after - before,
    growthBytesPerMillionCompletions: Math.round(((after - before) / (done - completions)) * 1e6),
  };
}

const perSec = (count: number, ms: number) => Math.round(count / (ms / 1e3));
const fastest = (a: Measured | null, b: Measured) => (a && a.wallMs <= b.wallMs ? a : b);

function timeCase(c: BenchCase, completions: number, repeat: number) {
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

const n = (x: number) => x.toLocaleString('en');

/** The calibration case is a whole fit on the worker pool, not an engine loop: its own runner (issue 17). */
const CALIBRATE = 'calibrate';

async function main(argv: readonly string[]): Promise<void> {
  const o = parseOptions(argv);
  const cases = CASES.filter((c) => o.only.size === 0 || o.only.has(c.key));
  const out: Record<string, unknown> = {};
  const log = (line: string) => {
    if (!o.json) process.stdout.write(`${line}\n`);
  };
  for (const c of cases) {
    const r = timeCase(c, c.completions ?? o.completions, o.repeat);
    out[c.key] = r;
    log(`${c.key}: ${c.title}`);
    log(
      `  engine     ${r.engineWallMs} ms  ${n(r.engineCompletionsPerSec)} completions/s  ${n(r.engineEventsPerSec)} events/s  (${r.engineEventsPerCompletion} events/completion, mean latency ${r.engineMeanLatencyNs} ns)`,
    );
    log(`  simulated  ${r.simulatedSecondsPerWallSecond} simulated s per wall s`);
    // A model without a reference of its own is held to the first reference loop of this run, in events/s.
    const refEvents = Object.values(out)
      .map((x) => (x as ReturnType<typeof timeCase>).referenceEventsPerSec)
      .find((x) => x !== null && x !== undefined);
    if (r.referenceEventsPerSec === null && refEvents) {
      r.eventsRatio = Number((r.engineEventsPerSec / refEvents).toFixed(3));
      log(`  events     ${r.eventsRatio} (engine events/s over the reference loop's; target >= 0.3)`);
    }
    if (r.referenceCompletionsPerSec !== null && r.referenceEventsPerSec !== null) {
      log(
        `  reference  ${r.referenceWallMs} ms  ${n(r.referenceCompletionsPerSec)} completions/s  ${n(r.referenceEventsPerSec)} events/s  (mean latency ${r.referenceMeanLatencyNs} ns)`,
      );
      log(`  ratio      ${r.ratio} (engine completions/s over reference; target >= 0.6)`);
    }
  }
  const mem: Record<string, ReturnType<typeof memory>> = {};
  if (o.memoryScale > 0) {
    for (const c of cases) {
      const m = memory(c, c.completions ?? o.completions, o.memoryScale);
      mem[c.key] = m;
      const mib = (b: number) => (b / 2 ** 20).toFixed(1);
      log(
        `memory ${c.key}: heap ${mib(m.heapBeforeBytes)} MiB after ${n(m.completionsBefore)} completions, ${mib(m.heapAfterBytes)} MiB after ${n(m.completionsAfter)} (${m.growthBytes >= 0 ? '+' : ''}${(m.growthBytes / 1024).toFixed(0)} KiB)`,
      );
    }
  }
  out.memory = mem;
  if (o.only.size === 0 || o.only.has(CALIBRATE)) {
    const c = await benchCalibrate();
    out[CALIBRATE] = c;
    log(`${CALIBRATE}: ${c.title}`);
    log(
      `  fit        ${c.evaluations} evaluations (${c.modelRuns} model runs) in ${(c.wallMs / 1000).toFixed(1)} s on ${c.jobs} workers (target < 120 s)`,
    );
    log(
      `  recovered  ${Object.entries(c.recovered)
        .map(([k, r]) => `${k} x${r}${c.identified[k] ? '' : ' (not pinned)'}`)
        .join(', ')}`,
    );
  }
  if (o.json) process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exit(2);
});

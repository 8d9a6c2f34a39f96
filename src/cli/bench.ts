// `npm run bench`: engine speed against a minimal reference loop on the same queueing system, and heap
// growth over a 10x longer engine run, then a five-run calibration fit on the worker pool (--case calibrate,
// issue 17). Prints figures only (design.md 7: benchmarks are not tests).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CASES, completionsOf, newRun, runTo, timeCase, type BenchCase, type CaseTiming } from './benchCases';
import { benchCalibrate } from './calibrate/bench';
import { benchSweep, sweepBenchPlan } from './sweep/benchRun';

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
  const extras = [SWEEP, CALIBRATE];
  const unknown = [...o.only].filter((k) => !CASES.some((c) => c.key === k) && !extras.includes(k));
  if (unknown.length)
    throw new Error(`case=${unknown.join(',')}: accepted ${[...CASES.map((c) => c.key), ...extras].join(' | ')}`);
  return o;
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

const n = (x: number) => x.toLocaleString('en');

/** The calibration case is a whole fit on the worker pool, not an engine loop: its own runner (issue 17). */
const CALIBRATE = 'calibrate';
/** The sweep case: bench:sweep's 64-point sweep on one worker and on the pool, one round (issue 16). */
const SWEEP = 'sweep';

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
      .map((x) => (x as CaseTiming).referenceEventsPerSec)
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
  if (o.only.size === 0 || o.only.has(SWEEP)) {
    const sw = await benchSweep(sweepBenchPlan(), 1);
    out[SWEEP] = sw;
    log(`${SWEEP}: ${sw.points} points of ${sw.label} on 1 and ${sw.workers[1]} workers`);
    log(
      `  wall       ${sw.wallMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(' / ')}  speed-up ${sw.speedup}x (target >= 1.8 on 2), results identical: ${sw.identical ? 'yes' : 'NO'}`,
    );
    log(
      `  machine    a bare CPU loop: ${sw.machineSpeedup}x on ${sw.workers[1]} threads; the sweep gets ${sw.ofMachine} of it`,
    );
  }
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

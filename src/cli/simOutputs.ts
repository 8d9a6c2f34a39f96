// The file outputs of `npm run sim` (--trace, --lockstat, --fio-json, --csv, --threads-csv) and --commands: runs the scenario
// (with the trace tap when asked) and writes each file. The formats themselves live in src/export.
import { writeFileSync } from 'node:fs';
import type { ResolvedScenario } from '../scenarios/scenarioFile';
import { ParamError } from '../scenarios/paramSpec';
import { createModel, detectedSpec, runScenario } from '../sim/run';
import type { SimResult } from '../sim/core/result';
import { parseTime } from '../lib/units';
import { attachTraceTap } from '../sim/traceTap';
import { traceFile } from '../export/trace';
import { lockStatText, type LockPoints } from '../export/lockStat';
import { attachLockTap } from '../sim/lockTap';
import { fioJson, hasFioWorkload, type FioCapture } from '../export/fioJson';
import { attachFioTap } from '../sim/fioTap';
import { setupCommands } from '../export/commands';
import { toCsv, type Cell } from '../export/csv';

export interface OutputFlags {
  trace?: string;
  traceWindow?: string;
  lockstat?: string;
  fioJson?: string;
  /** --csv FILE: the time series per sampling interval; --threads-csv FILE: each thread's states per interval. */
  csv?: string;
  threadsCsv?: string;
}

export const DEFAULT_TRACE_WINDOW_NS = 5e6;

function write(key: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new ParamError(key, file, `a writable file path (${(e as Error).message})`);
  }
}

export function traceWindowNs(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TRACE_WINDOW_NS;
  const ns = parseTime(text);
  if (ns === null || !(ns > 0) || ns > 1e12) throw new ParamError('trace-window', text, 'a time > 0 (e.g. 5ms, 500us)');
  return ns;
}

/** fio's bw/iops averaging interval (500 ms), or a twentieth of a shorter simulated run. */
export function fioIntervalNs(durationNs: number): number {
  return durationNs >= 10 * 500e6 ? 500e6 : Math.max(1, Math.round(durationNs / 20));
}

type Observe = { trace?: { windowNs: number; file: string }; fio?: boolean; locks?: boolean; series?: boolean };
type Observed = {
  result: SimResult;
  fio?: FioCapture;
  points?: Map<string, LockPoints>;
  series?: Record<string, Cell>[];
  threads?: Record<string, Cell>[];
};

const STATES = ['running', 'spinning', 'runnable', 'blocked', 'idle'] as const;

/** Runs as runScenario does, cut at more points: the trace window's start (the tap records from there) and, for
 * fio JSON, every sampling interval. runUntil at extra points changes nothing, so results are unchanged. */
function runObserved(sc: ResolvedScenario, o: Observe): Observed {
  const run = createModel(sc.model, sc.params, sc.seed);
  const tap = o.trace ? attachTraceTap(run) : null;
  const fioTap = o.fio ? attachFioTap(run) : null;
  const sampling = Boolean(o.fio || o.series);
  const lockTap = o.locks ? attachLockTap(run) : null;
  const end = sc.warmupNs + sc.durationNs;
  const intervalNs = fioIntervalNs(sc.durationNs);
  const samples: FioCapture['samples'] = [];
  let last = { ios: 0, bytes: 0 };
  const series: Record<string, Cell>[] = [];
  const threadRowsOut: Record<string, Cell>[] = [];
  // Cumulative busy ns per member and state ns per thread at the last sample (the stats count from warm-up's end).
  let lastT = sc.warmupNs;
  let lastBusy = new Map<string, number>();
  let lastStates = new Map<number, number[]>();
  const sampleSeries = () => {
    const now = run.sim.now;
    const span = now - sc.warmupNs;
    const dt = now - lastT;
    const snap = run.snapshot();
    const row: Record<string, Cell> = {
      time_ms: Number(((now - sc.warmupNs) / 1e6).toFixed(6)),
      ops_per_sec: dt > 0 ? ((samples.at(-1)?.ios ?? 0) * 1e9) / dt : 0,
      bytes_per_sec: dt > 0 ? ((samples.at(-1)?.bytes ?? 0) * 1e9) / dt : 0,
    };
    const busy = new Map<string, number>();
    for (const d of snap.devices) {
      busy.set(d.name, d.utilisation * span);
      row[`util_fraction:${d.name}`] =
        dt > 0 ? Number(((busy.get(d.name)! - (lastBusy.get(d.name) ?? 0)) / dt).toFixed(4)) : 0;
    }
    series.push(row);
    const states = new Map<number, number[]>();
    run.kernel.threads.forEach((t, i) => {
      const f = run.kernel.stateFractions(t);
      const ns = STATES.map((_, j) => f[j] * span);
      states.set(i, ns);
      const before = lastStates.get(i) ?? STATES.map(() => 0);
      const out: Record<string, Cell> = { time_ms: row.time_ms, thread: t.name, role: t.role };
      STATES.forEach(
        (name, j) => (out[`${name}_fraction`] = dt > 0 ? Number(((ns[j] - before[j]) / dt).toFixed(6)) : 0),
      );
      threadRowsOut.push(out);
    });
    lastT = now;
    lastBusy = busy;
    lastStates = states;
  };
  const mark = () => {
    const s = run.snapshot();
    return { ios: s.completions, bytes: s.bytes };
  };
  const stops: [number, () => void][] = [
    [
      sc.warmupNs,
      () => {
        run.resetStats();
        fioTap?.reset();
        lockTap?.reset();
        if (sampling) last = mark();
      },
    ],
  ];
  if (tap && o.trace) stops.push([Math.max(0, end - o.trace.windowNs), () => tap.begin()]);
  if (sampling)
    for (let t = sc.warmupNs + intervalNs; t <= end + 0.5; t += intervalNs)
      stops.push([
        Math.min(end, Math.round(t)),
        () => {
          const now = mark();
          samples.push({ ios: now.ios - last.ios, bytes: now.bytes - last.bytes });
          last = now;
          if (o.series) sampleSeries();
        },
      ]);
  stops.sort((a, b) => a[0] - b[0]);
  for (const [t, act] of stops) {
    run.sim.runUntil(t);
    act();
  }
  run.sim.runUntil(end);
  const result = run.result({ preset: sc.preset, warmupNs: sc.warmupNs });
  if (tap && o.trace) {
    const title = `${sc.model}${sc.preset ? ` (preset ${sc.preset})` : ''}, seed ${sc.seed}: simulated time`;
    write('trace', o.trace.file, JSON.stringify(traceFile(tap.capture(title, end))));
  }
  return {
    result,
    fio: fioTap ? { ...fioTap.capture(), intervalNs, samples } : undefined,
    points: lockTap?.capture(),
    series: o.series ? series : undefined,
    threads: o.series ? threadRowsOut : undefined,
  };
}

/** An observed run; with warmup auto the cut is detected first and the observed run is the fixed one at it. */
function runObservedAnyWarmup(sc: ResolvedScenario, o: Observe): Observed {
  if (sc.warmupMode !== 'auto') return runObserved(sc, o);
  const { fixed, warmup } = detectedSpec(sc);
  const out = runObserved({ ...sc, warmupNs: fixed.warmupNs, durationNs: fixed.durationNs, warmupMode: undefined }, o);
  return { ...out, result: { ...out.result, warmup } };
}

export function runWithOutputs(sc: ResolvedScenario, f: OutputFlags): SimResult {
  const windowNs = traceWindowNs(f.traceWindow);
  if (f.fioJson && !hasFioWorkload(sc.params))
    throw new ParamError(
      'fio-json',
      f.fioJson,
      `a model that runs a fio workload (raid5, raid1, raid10, loop, ext4); ${sc.model}'s operations are not IOs`,
    );
  const observed =
    f.trace || f.fioJson || f.lockstat || f.csv || f.threadsCsv
      ? runObservedAnyWarmup(sc, {
          trace: f.trace ? { windowNs, file: f.trace } : undefined,
          fio: Boolean(f.fioJson),
          locks: Boolean(f.lockstat),
          series: Boolean(f.csv || f.threadsCsv),
        })
      : { result: runScenario(sc).result };
  const { result } = observed;
  if (f.lockstat)
    write(
      'lockstat',
      f.lockstat,
      lockStatText(result.locks, { kernel: String(sc.params.kernel ?? 'current'), points: observed.points }),
    );
  if (f.csv) write('csv', f.csv, toCsv(observed.series ?? []));
  if (f.threadsCsv) write('threads-csv', f.threadsCsv, toCsv(observed.threads ?? []));
  if (f.fioJson) write('fio-json', f.fioJson, `${JSON.stringify(fioJson(result, observed.fio), null, 2)}\n`);
  return result;
}

/** --commands: the mdadm / sysfs / fio lines for a raid5, raid1 or raid10 scenario; other models are refused by name. */
export function commandsFor(sc: ResolvedScenario): string {
  const text = setupCommands(sc);
  if (text === null)
    throw new ParamError(
      'commands',
      sc.model,
      'a raid5, raid1 or raid10 scenario (--preset raid5-..., bitmap-raid1... or --model raid5)',
    );
  return text;
}

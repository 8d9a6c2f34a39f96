// The file outputs of `npm run sim` (--trace, --lockstat, --fio-json) and --commands: runs the scenario
// (with the trace tap when asked) and writes each file. The formats themselves live in src/export.
import { writeFileSync } from 'node:fs';
import type { ResolvedScenario } from '../scenarios/scenarioFile';
import { ParamError } from '../scenarios/paramSpec';
import { createModel, detectedSpec, runScenario } from '../sim/run';
import type { SimResult } from '../sim/core/result';
import { parseTime } from '../lib/units';
import { attachTraceTap } from '../sim/traceTap';
import { traceFile } from '../export/trace';
import { lockStatText } from '../export/lockStat';
import { fioJson, hasFioWorkload } from '../export/fioJson';
import { setupCommands } from '../export/commands';

export interface OutputFlags {
  trace?: string;
  traceWindow?: string;
  lockstat?: string;
  fioJson?: string;
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

/** Runs as runScenario does; with a trace, the tap is attached at creation and records the last window. */
function runTraced(sc: ResolvedScenario, windowNs: number, file: string): SimResult {
  const run = createModel(sc.model, sc.params, sc.seed);
  const tap = attachTraceTap(run);
  const end = sc.warmupNs + sc.durationNs;
  const from = Math.max(0, end - windowNs);
  // The same runUntil steps as runScenario, cut once more at the window's start: results are unchanged.
  const stops: [number, () => void][] = [
    [sc.warmupNs, () => run.resetStats()],
    [from, () => tap.begin()],
  ];
  stops.sort((a, b) => a[0] - b[0]);
  for (const [t, act] of stops) {
    run.sim.runUntil(t);
    act();
  }
  run.sim.runUntil(end);
  const result = run.result({ preset: sc.preset, warmupNs: sc.warmupNs });
  const title = `${sc.model}${sc.preset ? ` (preset ${sc.preset})` : ''}, seed ${sc.seed}: simulated time`;
  write('trace', file, JSON.stringify(traceFile(tap.capture(title, end))));
  return result;
}

/** A traced run; with warmup auto the cut is detected first and the traced run is the fixed one at it. */
function runTracedAnyWarmup(sc: ResolvedScenario, windowNs: number, file: string): SimResult {
  if (sc.warmupMode !== 'auto') return runTraced(sc, windowNs, file);
  const { fixed, warmup } = detectedSpec(sc);
  return {
    ...runTraced(
      { ...sc, warmupNs: fixed.warmupNs, durationNs: fixed.durationNs, warmupMode: undefined },
      windowNs,
      file,
    ),
    warmup,
  };
}

export function runWithOutputs(sc: ResolvedScenario, f: OutputFlags): SimResult {
  const windowNs = traceWindowNs(f.traceWindow);
  if (f.fioJson && !hasFioWorkload(sc.params))
    throw new ParamError(
      'fio-json',
      f.fioJson,
      `a model that runs a fio workload (raid5, raid1, raid10, loop, ext4); ${sc.model}'s operations are not IOs`,
    );
  const result = f.trace ? runTracedAnyWarmup(sc, windowNs, f.trace) : runScenario(sc).result;
  if (f.lockstat) write('lockstat', f.lockstat, lockStatText(result.locks));
  if (f.fioJson) write('fio-json', f.fioJson, `${JSON.stringify(fioJson(result), null, 2)}\n`);
  return result;
}

/** --commands: the mdadm / sysfs / fio lines for a raid5 scenario; other models are refused by name. */
export function commandsFor(sc: ResolvedScenario): string {
  const text = setupCommands(sc);
  if (text === null)
    throw new ParamError('commands', sc.model, 'a raid5 scenario (--preset raid5-... or --model raid5)');
  return text;
}

// Helpers for the mirror and bitmap tests: build a raid1/raid10 run, run it with invariants checked after each
// event, run presets headless. Test support only; production code must not import it.
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { createModel, runScenario } from '../../run';
import type { SimResult } from '../../core/result';
import type { Mirror } from './mirror';

type P = Record<string, string | number | boolean>;

export function mirrorRun(model: 'raid1' | 'raid10', params: P, seed = 7): Mirror {
  const sc = resolveScenario({ model, params });
  return createModel(model, sc.params, seed) as Mirror;
}

/** Invariants: one holder per lock, nr_pending within what fio has out, every copy counted, no more bios
 * than fio allows. Throws. */
export function checkMirror(m: Mirror): void {
  if (m.conf.deviceLock.holders > 1) throw new Error('device_lock has two holders');
  const b = m.conf.barrier;
  if (b.resyncLock.holders > 1 || b.waitLock.holders > 1) throw new Error('a barrier lock has two holders');
  // nr_pending counts the array bios between wait_barrier and allow_barrier: what fio has out, plus bios already
  // reaped whose completing context is still in allow_barrier (spinning with preemption off: one per CPU).
  if (b.nrPending < 0 || b.nrPending > m.workload.inFlight() + m.p.cpus) throw new Error(`nr_pending ${b.nrPending}`);
  for (const w of m.conf.pending)
    if (w.r1.remaining <= 0) throw new Error(`bio ${w.r1.bio.id} queued with no copy left`);
  const inflight = m.workload.inFlight();
  if (inflight < 0 || inflight > m.p.numjobs * m.p.iodepth) throw new Error(`${inflight} bios in flight`);
  if (m.io.inFlight() < 0) throw new Error('negative member IO in flight');
}

export function runChecked(m: Mirror, untilNs: number): void {
  while (m.sim.peek() <= untilNs) {
    m.sim.step();
    checkMirror(m);
  }
}

export function runMirror(
  model: string,
  params: P,
  opts: { preset?: string; duration?: string; warmup?: string; seed?: number } = {},
): SimResult {
  const sc = resolveScenario({
    model,
    preset: opts.preset,
    params,
    duration: opts.duration,
    warmup: opts.warmup,
    seed: opts.seed ?? 1,
  });
  return runScenario(sc).result;
}

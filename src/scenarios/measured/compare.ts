// The model beside a real measurement: `vsMeasured` is the model's figure over the measured one, per figure,
// for a fio result and a lock_stat text. Pure numbers from a result and the measured data; a figure the
// measurement lacks (or measured as 0) gets null, never a made-up ratio.
import type { SimResult } from '../../sim/core/result';
import type { MeasuredFio } from './fio';
import type { MeasuredLockStat } from './lockStat';

const ratio = (model: number, measured: number | null | undefined): number | null =>
  measured === null || measured === undefined || !(measured > 0) ? null : Number((model / measured).toFixed(4));

export interface VsMeasuredFio {
  opsPerSec: number | null;
  bytesPerSec: number | null;
  clatNs: { mean: number | null; p50: number | null; p90: number | null; p99: number | null; p999: number | null };
  /** Members matched by name (the model names them as the kernel does: nvme0n1, sda, ram0, vda). */
  devices: { name: string; model: number; measured: number; utilisation: number | null }[];
  /** Names on one side only: measured disks the model does not have (md0, the root disk), model members fio did not list. */
  unmatchedDevices: { measuredOnly: string[]; modelOnly: string[] };
}

export function vsMeasuredFio(r: SimResult, m: MeasuredFio): VsMeasuredFio {
  const L = r.latencyNs;
  const c = m.clatNs;
  const byName = new Map(m.devices.map((d) => [d.name, d]));
  const model = new Set(r.devices.map((d) => d.name));
  return {
    opsPerSec: ratio(r.throughput.opsPerSec, m.throughput.opsPerSec),
    bytesPerSec: ratio(r.throughput.bytesPerSec, m.throughput.bytesPerSec),
    clatNs: {
      mean: ratio(L.mean, c?.mean),
      p50: ratio(L.p50, c?.p50),
      p90: ratio(L.p90, c?.p90),
      p99: ratio(L.p99, c?.p99),
      p999: ratio(L.p999, c?.p999),
    },
    devices: r.devices
      .filter((d) => byName.has(d.name))
      .map((d) => {
        const meas = byName.get(d.name)!.utilisation;
        return { name: d.name, model: d.utilisation, measured: meas, utilisation: ratio(d.utilisation, meas) };
      }),
    unmatchedDevices: {
      measuredOnly: m.devices.filter((d) => !model.has(d.name)).map((d) => d.name),
      modelOnly: r.devices.filter((d) => !byName.has(d.name)).map((d) => d.name),
    },
  };
}

/** Per lock class matched by lockdep name. Counts are not compared (the two ran for different times); the share of
 * acquisitions that contended and the average wait and hold are. */
export interface VsMeasuredLock {
  /** The kernel's class name, as both sides print it. */
  name: string;
  /** The model's own name for the lock (device_lock). */
  model: string;
  contendedShare: { model: number; measured: number; ratio: number | null };
  waitTimeAvgNs: { model: number; measured: number; ratio: number | null };
  holdTimeAvgNs: { model: number; measured: number; ratio: number | null };
}

export interface VsMeasuredLockStat {
  locks: VsMeasuredLock[];
  /** Model classes the file has no row for (lockdep names them differently, or the lock never ran there). */
  modelOnly: string[];
}

/** `kernelName` is the lockdep name the model's lock is printed under for the kernel modelled
 * (export/lockStat's kernelLockName); the caller passes it so this room needs no export code. */
export function vsMeasuredLockStat(
  r: SimResult,
  m: MeasuredLockStat,
  kernelName: (modelName: string) => string,
): VsMeasuredLockStat {
  const rows = new Map(m.rows.map((x) => [x.name, x]));
  const locks: VsMeasuredLock[] = [];
  const modelOnly: string[] = [];
  for (const l of r.locks) {
    const name = kernelName(l.name);
    const x = rows.get(name);
    if (!x) {
      modelOnly.push(name);
      continue;
    }
    const share = (con: number, acq: number) => (acq > 0 ? con / acq : 0);
    const pair = (a: number, b: number) => ({ model: a, measured: b, ratio: ratio(a, b) });
    locks.push({
      name,
      model: l.name,
      contendedShare: pair(share(l.contentions, l.acquisitions), share(x.contentions, x.acquisitions)),
      waitTimeAvgNs: pair(l.waitTimeAvgNs, x.waitTimeAvgNs),
      holdTimeAvgNs: pair(l.holdTimeAvgNs, x.holdTimeAvgNs),
    });
  }
  return { locks, modelOnly };
}

/** One line of the side-by-side table the CLI summary and the UI print: a figure, both values, their ratio. */
export interface SideRow {
  figure: string;
  unit: 'ops/s' | 'B/s' | 'ns' | 'fraction';
  model: number;
  measured: number | null;
  ratio: number | null;
}

export function fioRows(r: SimResult, m: MeasuredFio, vs: VsMeasuredFio): SideRow[] {
  const c = m.clatNs;
  const L = r.latencyNs;
  const rows: SideRow[] = [
    {
      figure: 'IOPS',
      unit: 'ops/s',
      model: r.throughput.opsPerSec,
      measured: m.throughput.opsPerSec,
      ratio: vs.opsPerSec,
    },
    {
      figure: 'bandwidth',
      unit: 'B/s',
      model: r.throughput.bytesPerSec,
      measured: m.throughput.bytesPerSec,
      ratio: vs.bytesPerSec,
    },
  ];
  for (const k of ['mean', 'p50', 'p90', 'p99', 'p999'] as const)
    rows.push({
      figure: `clat ${k === 'p999' ? 'p99.9' : k}`,
      unit: 'ns',
      model: L[k],
      measured: c ? c[k] : null,
      ratio: vs.clatNs[k],
    });
  for (const d of vs.devices)
    rows.push({
      figure: `${d.name} util`,
      unit: 'fraction',
      model: d.model,
      measured: d.measured,
      ratio: d.utilisation,
    });
  return rows;
}

export function lockRows(vs: VsMeasuredLockStat): SideRow[] {
  return vs.locks.flatMap((l) => [
    { figure: `${l.name} contended share`, unit: 'fraction' as const, ...l.contendedShare },
    { figure: `${l.name} waittime-avg`, unit: 'ns' as const, ...l.waitTimeAvgNs },
    { figure: `${l.name} holdtime-avg`, unit: 'ns' as const, ...l.holdTimeAvgNs },
  ]);
}

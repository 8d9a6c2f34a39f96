// --measured FILE.json (a real fio result) and --measured-lockstat FILE (a real /proc/lock_stat): read and checked
// before the run, so a bad file exits 2 without simulating; then the result gains `measured` and `vsMeasured`,
// and the summary prints the model beside the measurement. Reading and comparing live in scenarios/measured.
import { readFileSync } from 'node:fs';
import { ParamError } from '../scenarios/paramSpec';
import type { ResolvedScenario } from '../scenarios/scenarioFile';
import type { SimResult } from '../sim/core/result';
import { measuredFio, type MeasuredFio } from '../scenarios/measured/fio';
import { measuredLockStat, type MeasuredLockStat } from '../scenarios/measured/lockStat';
import {
  fioRows,
  lockRows,
  vsMeasuredFio,
  vsMeasuredLockStat,
  type SideRow,
  type VsMeasuredFio,
  type VsMeasuredLockStat,
} from '../scenarios/measured/compare';
import { kernelLockName } from '../export/lockStat';
import { formatBytes, formatNs, formatRate } from '../lib/units';

export interface Measured {
  fio?: MeasuredFio;
  lockStat?: MeasuredLockStat;
}
export interface WithMeasured extends SimResult {
  measured?: Measured;
  vsMeasured?: { fio?: VsMeasuredFio; lockStat?: VsMeasuredLockStat };
}

function read(key: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParamError(key, file, `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Reads and checks both files against the scenario; null when neither flag was given. */
export function readMeasured(
  f: { measured?: string; measuredLockstat?: string },
  sc: ResolvedScenario,
): Measured | null {
  if (f.measured === undefined && f.measuredLockstat === undefined) return null;
  const out: Measured = {};
  if (f.measured !== undefined) {
    if (!('bs' in sc.params))
      throw new ParamError(
        'measured',
        f.measured,
        `a model that runs a fio workload; ${sc.model}'s operations are not IOs`,
      );
    out.fio = measuredFio(read('measured', f.measured), sc.params, f.measured);
  }
  if (f.measuredLockstat !== undefined)
    out.lockStat = measuredLockStat(read('measured-lockstat', f.measuredLockstat), f.measuredLockstat);
  return out;
}

export function withMeasured(r: SimResult, m: Measured | null): WithMeasured {
  if (!m) return r;
  const kernel = String(r.params.kernel ?? 'current');
  return {
    ...r,
    measured: m,
    vsMeasured: {
      ...(m.fio ? { fio: vsMeasuredFio(r, m.fio) } : {}),
      ...(m.lockStat ? { lockStat: vsMeasuredLockStat(r, m.lockStat, (n) => kernelLockName(n, kernel)) } : {}),
    },
  };
}

const cell = (unit: SideRow['unit'], x: number | null): string => {
  if (x === null) return '-';
  if (unit === 'ops/s') return formatRate(x);
  if (unit === 'B/s') return `${formatBytes(x)}B/s`;
  if (unit === 'ns') return formatNs(x);
  return `${(x * 100).toFixed(1)}%`;
};

function table(rows: SideRow[]): string[] {
  const w = Math.max(16, ...rows.map((r) => r.figure.length + 2));
  const out = [
    `${'figure'.padEnd(w)}${'model'.padStart(14)}${'measured'.padStart(14)}${'model/measured'.padStart(16)}`,
  ];
  for (const r of rows)
    out.push(
      `${r.figure.padEnd(w)}${cell(r.unit, r.model).padStart(14)}${cell(r.unit, r.measured).padStart(14)}${(r.ratio === null ? '-' : r.ratio.toFixed(2)).padStart(16)}`,
    );
  return out;
}

/** The side-by-side part of the human summary. */
export function measuredSummary(r: WithMeasured): string {
  const m = r.measured;
  const vs = r.vsMeasured;
  if (!m || !vs) return '';
  const out: string[] = [];
  if (m.fio && vs.fio) {
    const f = m.fio;
    out.push(
      '',
      `measured: ${f.file} (${f.fioVersion}, ${f.jobEntries} job entr${f.jobEntries === 1 ? 'y' : 'ies'}, rw=${f.workload.rw} bs=${f.workload.bs} iodepth=${f.workload.iodepth} numjobs=${f.workload.numjobs})`,
      ...table(fioRows(r, f, vs.fio)),
    );
    const u = vs.fio.unmatchedDevices;
    if (u.measuredOnly.length || u.modelOnly.length)
      out.push(
        `devices by name: measured only ${u.measuredOnly.join(', ') || '-'}; model only ${u.modelOnly.join(', ') || '-'}`,
      );
  }
  if (m.lockStat && vs.lockStat) {
    out.push(
      '',
      `measured lock_stat: ${m.lockStat.file} (version ${m.lockStat.version}, ${m.lockStat.rows.length} classes)`,
    );
    if (vs.lockStat.locks.length) out.push(...table(lockRows(vs.lockStat)));
    if (vs.lockStat.modelOnly.length) out.push(`no row in the file for: ${vs.lockStat.modelOnly.join(', ')}`);
  }
  return out.join('\n');
}

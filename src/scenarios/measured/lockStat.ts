// A real /proc/lock_stat text (kernel/locking/lockdep_proc.c: version line, header, one row per class and
// read/write state, then each class's contention-point blocks) read into rows by lockdep class name.
// Pure: text in, rows or a ParamError out; the call-site blocks are skipped, not guessed at.
import { ParamError } from '../paramSpec';

/** One class row as lock_stat printed it; times in nanoseconds (lock_stat prints microseconds, 2 decimals). */
export interface MeasuredLockRow {
  /** The class name as printed, without the colon: `&conf->device_lock`, or `&mm->mmap_lock-R` for a read state. */
  name: string;
  conBounces: number;
  contentions: number;
  waitTimeMinNs: number;
  waitTimeMaxNs: number;
  waitTimeTotalNs: number;
  waitTimeAvgNs: number;
  acqBounces: number;
  acquisitions: number;
  holdTimeMinNs: number;
  holdTimeMaxNs: number;
  holdTimeTotalNs: number;
  holdTimeAvgNs: number;
}

export interface MeasuredLockStat {
  source: 'lock_stat';
  file: string;
  /** The version line's number: 0.4 since 2.6.34 (avg columns), 0.3 before. */
  version: string;
  rows: MeasuredLockRow[];
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** A row: the name and a colon, then 12 figures (0.4) or 10 (0.3, no averages). */
const ROW = new RegExp(String.raw`^\s*(.+?):\s+${NUM}(?:\s+${NUM}){9}(?:\s+${NUM}\s+${NUM})?\s*$`);

const us = (s: string) => Math.round(Number(s) * 1000);

function row(line: string, version: string): MeasuredLockRow | null {
  const m = ROW.exec(line);
  if (!m) return null;
  const f = line
    .slice(line.indexOf(m[1]) + m[1].length + 1)
    .trim()
    .split(/\s+/);
  const twelve = version !== '0.3' && f.length === 12;
  if (f.length !== (twelve ? 12 : 10)) return null;
  const [conB, con, wMin, wMax, wTot] = f;
  const w = twelve ? f.slice(6) : f.slice(5);
  const [acqB, acq, hMin, hMax, hTot] = w;
  const contentions = Number(con);
  const acquisitions = Number(acq);
  return {
    name: m[1].trim(),
    conBounces: Number(conB),
    contentions,
    waitTimeMinNs: us(wMin),
    waitTimeMaxNs: us(wMax),
    waitTimeTotalNs: us(wTot),
    waitTimeAvgNs: twelve ? us(f[5]) : contentions ? us(wTot) / contentions : 0,
    acqBounces: Number(acqB),
    acquisitions,
    holdTimeMinNs: us(hMin),
    holdTimeMaxNs: us(hMax),
    holdTimeTotalNs: us(hTot),
    holdTimeAvgNs: twelve ? us(w[5]) : acquisitions ? us(hTot) / acquisitions : 0,
  };
}

/** Reads /proc/lock_stat text; a file without the `lock_stat version` line, or with no class rows, is refused. */
export function measuredLockStat(text: string, file = 'file'): MeasuredLockStat {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^\s*lock_stat version \d+\.\d+\s*$/.test(l));
  if (at < 0)
    throw new ParamError(
      'measured-lockstat',
      file,
      "/proc/lock_stat text starting with its 'lock_stat version 0.4' line (no version line found)",
    );
  const version = /(\d+\.\d+)/.exec(lines[at])![1];
  const rows: MeasuredLockRow[] = [];
  for (const l of lines.slice(at + 1)) {
    const r = row(l, version);
    if (r) rows.push(r);
  }
  if (rows.length === 0)
    throw new ParamError(
      'measured-lockstat',
      file,
      `lock_stat ${version} class rows ("name: con-bounces contentions ..."); the file has the version line but none`,
    );
  return { source: 'lock_stat', file, version, rows };
}

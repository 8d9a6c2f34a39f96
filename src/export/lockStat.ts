// The lock table as /proc/lock_stat prints it (kernel/locking/lockdep_proc.c: version line, dashed header
// with the real column names, one row per class sorted by contentions, times in us with two decimals).
// Pure text from the rows; no contention-point lines, since the simulation records no call sites.

/** The lock_stat figures of one class (SimResult's lock rows have this shape). */
export interface LockStatRow {
  name: string;
  conBounces: number;
  contentions: number;
  waitTimeMinNs: number;
  waitTimeMaxNs: number;
  waitTimeTotalNs: number;
  acqBounces: number;
  acquisitions: number;
  holdTimeMinNs: number;
  holdTimeMaxNs: number;
  holdTimeTotalNs: number;
}

const WIDTH = 40 + 1 + 12 * (14 + 1);
export const LOCK_STAT_COLUMNS = [
  'con-bounces',
  'contentions',
  'waittime-min',
  'waittime-max',
  'waittime-total',
  'waittime-avg',
  'acq-bounces',
  'acquisitions',
  'holdtime-min',
  'holdtime-max',
  'holdtime-total',
  'holdtime-avg',
] as const;

/** snprint_time: nanoseconds as microseconds with two decimals, rounded at the 10 ns digit. */
export function lockStatTime(ns: number): string {
  const n = Math.max(0, Math.round(ns)) + 5;
  const div = Math.floor(n / 1000);
  const rem = n % 1000;
  return `${div}.${String(Math.floor(rem / 10)).padStart(2, '0')}`;
}

const r14 = (s: string | number) => String(s).padStart(14);

/** seq_lock_time: count, then min, max, total and the integer average, each " %14s". */
function lockTime(nr: number, min: number, max: number, total: number): string {
  const avg = nr ? Math.trunc(total / nr) : 0;
  return `${r14(nr)}${[min, max, total, avg].map((x) => ` ${r14(lockStatTime(x))}`).join('')}`;
}

export function lockStatText(rows: readonly LockStatRow[]): string {
  const lines = ['lock_stat version 0.4', '-'.repeat(WIDTH)];
  lines.push(`${'class name'.padStart(40)} ${LOCK_STAT_COLUMNS.map(r14).join(' ')}`);
  lines.push('-'.repeat(WIDTH), '');
  // lock_stat_cmp: most contended first (sort() there is not stable; ties keep our order here).
  const sorted = [...rows].sort((a, b) => b.contentions - a.contentions);
  for (const l of sorted) {
    if (l.acquisitions === 0) continue; // a class never taken has no holdtime and prints no row
    const name = `${l.name.slice(0, 37).padStart(40)}:`;
    lines.push(
      `${name}${r14(l.conBounces)} ${lockTime(l.contentions, l.waitTimeMinNs, l.waitTimeMaxNs, l.waitTimeTotalNs)} ${r14(l.acqBounces)} ` +
        lockTime(l.acquisitions, l.holdTimeMinNs, l.holdTimeMaxNs, l.holdTimeTotalNs),
    );
  }
  return `${lines.join('\n')}\n`;
}

// Number formatting for the screen (µs rather than the CLI's us, rates with k/M, percentages).
// Formatting only; no state, no model knowledge.
import { formatNs, formatRate } from '../lib/units';

export const fmtNs = (ns: number): string => formatNs(ns).replace(' us', ' µs');
export const fmtRate = (perSec: number | null | undefined): string => (perSec == null || !Number.isFinite(perSec) ? '—' : formatRate(perSec));
export const fmtPct = (x: number): string => `${(x * 100).toFixed(0)}%`;
/** lock_stat prints times in microseconds with two decimals. */
export const fmtUs = (ns: number): string => (ns / 1000).toFixed(2);
/** Three significant digits, for figure tiles: 594 µs, 1.72 µs, 4.01 ms. */
export const fmtNsShort = (ns: number): string => {
  const [v, unit] = ns >= 1e9 ? [ns / 1e9, 's'] : ns >= 1e6 ? [ns / 1e6, 'ms'] : ns >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  return `${unit === 'ns' ? Math.round(v) : Number(v.toPrecision(3))} ${unit}`;
};
/** Bytes per second in binary units with three significant digits. */
export const fmtBytesRate = (b: number): string => {
  const [v, unit] = b >= 2 ** 30 ? [b / 2 ** 30, 'GiB/s'] : b >= 2 ** 20 ? [b / 2 ** 20, 'MiB/s'] : b >= 1024 ? [b / 1024, 'KiB/s'] : [b, 'B/s'];
  return `${Number(v.toPrecision(3))} ${unit}`;
};

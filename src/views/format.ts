// Number formatting for the screen (µs rather than the CLI's us, rates with k/M, percentages).
// Formatting only; no state, no model knowledge.
import { formatNs, formatRate } from '../lib/units';

export const fmtNs = (ns: number): string => formatNs(ns).replace(' us', ' µs');
export const fmtRate = (perSec: number | null | undefined): string =>
  perSec == null || !Number.isFinite(perSec) ? '—' : formatRate(perSec);
export const fmtPct = (x: number): string => `${(x * 100).toFixed(0)}%`;
/** lock_stat prints times in microseconds with two decimals. */
export const fmtUs = (ns: number): string => (ns / 1000).toFixed(2);
/** Three significant digits, for figure tiles: 594 µs, 1.72 µs, 4.01 ms. */
export const fmtNsShort = (ns: number): string => {
  const [v, unit] =
    ns >= 1e9 ? [ns / 1e9, 's'] : ns >= 1e6 ? [ns / 1e6, 'ms'] : ns >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  return `${unit === 'ns' ? Math.round(v) : Number(v.toPrecision(3))} ${unit}`;
};
/** Bytes per second in binary units with three significant digits. */
export const fmtBytesRate = (b: number): string => {
  const [v, unit] =
    b >= 2 ** 30
      ? [b / 2 ** 30, 'GiB/s']
      : b >= 2 ** 20
        ? [b / 2 ** 20, 'MiB/s']
        : b >= 1024
          ? [b / 1024, 'KiB/s']
          : [b, 'B/s'];
  return `${Number(v.toPrecision(3))} ${unit}`;
};
/** A bandwidth parameter in decimal units, as data sheets and the issue write them: 3.2e9 -> '3.2 GB/s'. */
export const fmtBandwidth = (b: number): string => {
  const [v, unit] =
    b >= 1e12
      ? [b / 1e12, 'TB/s']
      : b >= 1e9
        ? [b / 1e9, 'GB/s']
        : b >= 1e6
          ? [b / 1e6, 'MB/s']
          : b >= 1e3
            ? [b / 1e3, 'kB/s']
            : [b, 'B/s'];
  return `${Number(v.toPrecision(3))} ${unit}`;
};
/** iostat's areq-sz (kB) as a compact size: 4K, 6.5K, 26K, 1.3M; null (nothing sent) as a dash. */
export const fmtReqSize = (bytes: number | null): string => {
  if (bytes == null || !Number.isFinite(bytes)) return '—';
  const k = bytes / 1024;
  if (k >= 1024) return `${Number((k / 1024).toPrecision(2))}M`;
  return k >= 10 ? `${Math.round(k)}K` : `${Number(k.toFixed(1))}K`;
};
/** A rate in at most four characters, for a narrow column: 0, 12, 1.2k, 12k, 197k, 2.5M. */
export const fmtRateShort = (perSec: number): string => {
  if (!Number.isFinite(perSec)) return '—';
  const [v, unit] = perSec >= 999.5e3 ? [perSec / 1e6, 'M'] : perSec >= 999.5 ? [perSec / 1e3, 'k'] : [perSec, ''];
  return `${v < 9.95 && unit ? v.toFixed(1) : Math.round(v)}${unit}`;
};

// Parses and prints the size and time spellings users type: 4k, 512k, 1m; 250ns, 2us, 10ms, 1s.
// Pure string <-> number helpers; no knowledge of any model.

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1 << 20,
  mb: 1 << 20,
  mib: 1 << 20,
  g: 1 << 30,
  gb: 1 << 30,
  gib: 1 << 30,
};
const TIME_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 };

/** Bytes from "4k", "512K", "1m", "4096". Returns null when it cannot be read. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return null;
  const unit = SIZE_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return null;
  const v = Number(m[1]) * unit;
  return Number.isInteger(v) ? v : null;
}

/** Nanoseconds from "250ns", "2us", "1.5ms", "1s"; a bare number is nanoseconds. Null when unreadable. */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-zA-Zµ]*)\s*$/.exec(text);
  if (!m) return null;
  const unit = m[2] === '' ? 1 : TIME_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return null;
  return Math.round(Number(m[1]) * unit);
}

/** Rate in events per second from "450k", "1m", "2000". */
export function parseRate(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
  if (!m) return null;
  const mult = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  return Number(m[1]) * mult;
}

/** A bandwidth as people write it: "2 GB/s", "2000MB/s", "1.5GiB/s", "500M" (decimal k/M/G/T unless "i": KiB/s =
 * 1024 B/s), or plain bytes per second. */
export function parseBandwidth(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kKmMgGtT])(i?))?\s*(?:B\/s|B|bytes\/s)?\s*$/.exec(text);
  if (!m) return null;
  if (!m[2]) return Number(m[1]);
  const power = 'kmgt'.indexOf(m[2].toLowerCase()) + 1;
  return Number(m[1]) * (m[3] ? 1024 : 1000) ** power;
}

export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  const a = Math.abs(ns);
  if (a >= 1e9) return `${(ns / 1e9).toFixed(3)} s`;
  if (a >= 1e6) return `${(ns / 1e6).toFixed(3)} ms`;
  if (a >= 1e3) return `${(ns / 1e3).toFixed(2)} us`;
  return `${Math.round(ns)} ns`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${+(bytes / (1 << 30)).toFixed(2)}G`;
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(2)}M`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(2)}k`;
  return `${bytes}`;
}

export function formatRate(perSec: number): string {
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)}M`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)}k`;
  return perSec.toFixed(1);
}

// File names for exports: the scenario (preset, or model), the seed and the simulated time, so a download
// says what it holds, e.g. stripe-lab-raid5-3disk-threads-seed1-7.3ms.trace.json. Pure text.

export interface NameSource {
  model: string;
  preset: string | null;
  seed: number;
  timeNs: number;
}

/** Simulated time in ms with up to three decimals, trailing zeros dropped: 7300000 -> "7.3ms". */
export function msText(ns: number): string {
  return `${Number((ns / 1e6).toFixed(3))}ms`;
}

/** The base name (no extension); anything but letters, digits, '.', '_' and '-' becomes '-'. */
export function exportBaseName(s: NameSource): string {
  const what = (s.preset ?? s.model ?? 'run').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `stripe-lab-${what}-seed${s.seed}-${msText(s.timeNs)}`;
}

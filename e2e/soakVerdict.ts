// bench:soak's verdict: each series (main heap, worker heap, DOM nodes) must stay within a band around its
// value at the end of the warm-up minute. A pure function of the samples, so the rule is read in one place.

export interface SoakSample {
  atS: number;
  mainHeapBytes: number;
  workerHeapBytes: number;
  domNodes: number;
  liveElements: number;
  listeners: number;
  simulatedMs: number;
}

const SERIES = [
  ['main heap', 'mainHeapBytes'],
  ['worker heap', 'workerHeapBytes'],
  ['DOM nodes', 'domNodes'],
] as const;

export interface SoakVerdict {
  /** null: too few samples to say. */
  flat: boolean | null;
  lines: string[];
  series: { name: string; reference: number; min: number; max: number; last: number; worstPct: number }[];
}

/** Flat: every sample from `afterS` on is within `band` (0.1 = 10%) of the first sample at or after `afterS`. */
export function soakVerdict(rows: SoakSample[], afterS: number, band: number): SoakVerdict {
  const from = rows.filter((r) => r.atS >= afterS);
  if (from.length < 2) return { flat: null, lines: [`fewer than 2 samples after ${afterS} s: no verdict`], series: [] };
  const series = SERIES.map(([name, key]) => {
    const xs = from.map((r) => r[key]);
    const reference = xs[0];
    const worst = xs.reduce((w, x) => (Math.abs(x - reference) > Math.abs(w - reference) ? x : w), reference);
    return {
      name,
      reference,
      min: Math.min(...xs),
      max: Math.max(...xs),
      last: xs.at(-1)!,
      worstPct: ((worst - reference) / reference) * 100,
    };
  });
  const ok = (s: (typeof series)[number]) => Math.abs(s.worstPct) <= band * 100;
  const fmt = (name: string, x: number) => (name === 'DOM nodes' ? String(x) : `${(x / 2 ** 20).toFixed(2)} MB`);
  const lines = series.map(
    (s) =>
      `${s.name}: ${fmt(s.name, s.reference)} at ${from[0].atS} s, ${fmt(s.name, s.min)} .. ${fmt(s.name, s.max)} after, last ${fmt(s.name, s.last)}; furthest ${s.worstPct >= 0 ? '+' : ''}${s.worstPct.toFixed(1)}% (band ±${band * 100}%): ${ok(s) ? 'flat' : 'NOT flat'}`,
  );
  return { flat: series.every(ok), lines, series };
}

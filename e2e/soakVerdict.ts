// bench:soak's verdict: after the first minute, each series (main heap, worker heap, DOM nodes) must stay flat.
// A heap after a forced GC still moves by several per cent between samples without a trend (the first 20-minute
// run: worker 8.13..9.12 MB, main 6.94..8.10 MB, trends -11% and -1% per hour), so the rule reads medians of 5
// samples (2.5 minutes at 30 s) against the first such median, and prints the raw range and the fitted trend.
// A pure function of the samples, so the rule is read in one place.

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

/** Samples per median: 2.5 minutes at one sample every 30 s. */
const WINDOW = 5;

export interface SeriesVerdict {
  name: string;
  /** Median of the first WINDOW samples from the first minute on. */
  reference: number;
  /** Furthest WINDOW-sample median from the reference, in per cent of it. */
  worstMedianPct: number;
  /** Raw samples from the first minute on: min, max, and the furthest from the reference in per cent. */
  min: number;
  max: number;
  worstSamplePct: number;
  /** Least-squares slope over the samples from the first minute on, in per cent of the reference per hour. */
  trendPctPerHour: number;
  flat: boolean;
}

export interface SoakVerdict {
  /** null: too few samples to say. */
  flat: boolean | null;
  lines: string[];
  series: SeriesVerdict[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function slopePerS(ts: number[], xs: number[]): number {
  const mt = ts.reduce((a, b) => a + b, 0) / ts.length;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  ts.forEach((t, i) => {
    num += (t - mt) * (xs[i] - mx);
    den += (t - mt) ** 2;
  });
  return den > 0 ? num / den : 0;
}

const furthest = (xs: number[], ref: number) =>
  xs.reduce((w, x) => (Math.abs(x - ref) > Math.abs(w - ref) ? x : w), ref);

/** Flat: every median of WINDOW consecutive samples from `afterS` on lies within `band` (0.1 = 10%) of the first. */
export function soakVerdict(rows: SoakSample[], afterS: number, band: number): SoakVerdict {
  const from = rows.filter((r) => r.atS >= afterS);
  if (from.length < WINDOW + 1)
    return { flat: null, lines: [`fewer than ${WINDOW + 1} samples after ${afterS} s: no verdict`], series: [] };
  const pct = (x: number, ref: number) => ((x - ref) / ref) * 100;
  const series = SERIES.map(([name, key]): SeriesVerdict => {
    const xs = from.map((r) => r[key]);
    const medians = xs.slice(0, xs.length - WINDOW + 1).map((_, i) => median(xs.slice(i, i + WINDOW)));
    const reference = medians[0];
    const worstMedianPct = pct(furthest(medians, reference), reference);
    const trend = slopePerS(
      from.map((r) => r.atS),
      xs,
    );
    return {
      name,
      reference,
      worstMedianPct,
      min: Math.min(...xs),
      max: Math.max(...xs),
      worstSamplePct: pct(furthest(xs, reference), reference),
      trendPctPerHour: ((trend * 3600) / reference) * 100,
      flat: Math.abs(worstMedianPct) <= band * 100,
    };
  });
  const fmt = (name: string, x: number) =>
    name === 'DOM nodes' ? String(Math.round(x)) : `${(x / 2 ** 20).toFixed(2)} MB`;
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
  const lines = series.map(
    (s) =>
      `${s.name}: ${fmt(s.name, s.reference)} (median of ${WINDOW} samples from ${from[0].atS} s); 2.5-min medians furthest ${signed(s.worstMedianPct)} (band ±${band * 100}%): ${s.flat ? 'flat' : 'NOT flat'}; samples ${fmt(s.name, s.min)} .. ${fmt(s.name, s.max)} (furthest ${signed(s.worstSamplePct)}); trend ${signed(s.trendPctPerHour)} per hour`,
  );
  return { flat: series.every((s) => s.flat), lines, series };
}

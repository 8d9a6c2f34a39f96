// fio's own statistics arithmetic (fio 3.x stat.c, io_u.c), so that our fio JSON carries figures computed the
// way fio computes them: the json+ `bins` keys, the percentile walk, the latency_* bucket maps and the
// per-interval sample summaries. Pure functions of plain numbers; it must not run or read a model.

/** fio's FIO_IO_U_PLAT_BITS / FIO_IO_U_PLAT_VAL / FIO_IO_U_PLAT_GROUP_NR: 29 groups of 64 buckets. */
export const PLAT_BITS = 6;
export const PLAT_VAL = 1 << PLAT_BITS;
export const PLAT_NR = 29 * PLAT_VAL;

/** fio's default percentile_list (17 entries). */
export const FIO_PERCENTILES = [1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99] as const;

/** stat.c plat_val_to_idx: values below 128 are exact, then 64 buckets per power of two. */
export function platValToIdx(ns: number): number {
  const v = Math.max(0, Math.floor(ns));
  const msb = v === 0 ? 0 : Math.floor(Math.log2(v));
  if (msb <= PLAT_BITS) return v;
  const errorBits = msb - PLAT_BITS;
  const base = (errorBits + 1) << PLAT_BITS;
  const offset = (PLAT_VAL - 1) & Math.floor(v / 2 ** errorBits);
  return Math.min(PLAT_NR - 1, base + offset);
}

/** stat.c plat_idx_to_val: the bucket's middle (an integer in fio's unsigned long long). */
export function platIdxToVal(idx: number): number {
  if (idx < PLAT_VAL << 1) return idx;
  const errorBits = (idx >> PLAT_BITS) - 1;
  const base = 2 ** (errorBits + PLAT_BITS);
  const k = idx % PLAT_VAL;
  return Math.floor(base + (k + 0.5) * 2 ** errorBits);
}

/** fio's io_u_plat array (index -> count) from [valueNs, count] pairs of any finer or equal histogram. */
export function platCounts(values: readonly (readonly [number, number])[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const [v, c] of values) if (c > 0) out.set(platValToIdx(v), (out.get(platValToIdx(v)) ?? 0) + c);
  return out;
}

/** The json+ `bins` object: plat_idx_to_val(i) -> count for every nonzero bucket, in bucket order. */
export function binsObject(plat: Map<number, number>): Record<string, number> {
  const bins: Record<string, number> = {};
  for (const i of [...plat.keys()].sort((a, b) => a - b)) bins[String(platIdxToVal(i))] = plat.get(i) ?? 0;
  return bins;
}

/** stat.c calc_clat_percentile: walk the buckets; each percentile is the value of the bucket where the running
 * sum first reaches p% of N. Keys are printed as fio prints them ("%f"). */
export function percentileObject(plat: Map<number, number>): Record<string, number> {
  const nr = [...plat.values()].reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  if (nr === 0) return out;
  let j = 0;
  let sum = 0;
  for (const i of [...plat.keys()].sort((a, b) => a - b)) {
    sum += plat.get(i) ?? 0;
    while (j < FIO_PERCENTILES.length && sum >= (FIO_PERCENTILES[j] / 100) * nr) {
      out[FIO_PERCENTILES[j].toFixed(6)] = platIdxToVal(i);
      j++;
    }
  }
  return out;
}

/** min/max/mean/stddev/N of the bucketed values; stddev as fio's (sample variance, n - 1). */
export function latStats(plat: Map<number, number>, exact?: { min: number; max: number; mean: number }) {
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (const [i, c] of plat) {
    const v = platIdxToVal(i);
    n += c;
    s += v * c;
    s2 += v * v * c;
  }
  if (n === 0) return { min: 0, max: 0, mean: 0, stddev: 0, N: 0 };
  const mean = exact?.mean ?? s / n;
  const variance = n > 1 ? Math.max(0, (s2 - (s * s) / n) / (n - 1)) : 0;
  const keys = [...plat.keys()];
  return {
    min: Math.round(exact?.min ?? platIdxToVal(Math.min(...keys))),
    max: Math.round(exact?.max ?? platIdxToVal(Math.max(...keys))),
    mean: Number(mean.toFixed(6)),
    stddev: Number(Math.sqrt(variance).toFixed(6)),
    N: n,
  };
}

/** fio's latency_ns / latency_us / latency_ms maps (io_u.c io_u_mark_lat_*; stat.c stat_calc_lat): the share of
 * all IOs per range, in percent, labelled by the range's upper bound; a nonzero share below 0.01 prints as 0.01. */
export function latencyMaps(values: readonly (readonly [number, number])[]) {
  const edges = [2, 4, 10, 20, 50, 100, 250, 500, 750, 1000];
  const nsC = new Array<number>(10).fill(0);
  const usC = new Array<number>(10).fill(0);
  const msC = new Array<number>(12).fill(0);
  let total = 0;
  const slot = (x: number) => edges.findIndex((e) => x < e);
  for (const [ns, c] of values) {
    total += c;
    if (ns < 1000) nsC[slot(ns)] += c;
    else if (ns < 1e6) usC[slot(Math.floor(ns / 1000))] += c;
    else {
      const ms = Math.floor(ns / 1e6);
      msC[ms < 1000 ? slot(ms) : ms < 2000 ? 10 : 11] += c;
    }
  }
  const pct = (c: number) => (total === 0 ? 0 : c > 0 && (c / total) * 100 < 0.01 ? 0.01 : (c / total) * 100);
  const map = (counts: number[], labels: string[]) =>
    Object.fromEntries(labels.map((l, i) => [l, Number(pct(counts[i]).toFixed(6))]));
  const labels = edges.map(String);
  return {
    latency_ns: map(nsC, labels),
    latency_us: map(usC, labels),
    latency_ms: map(msC, [...labels, '2000', '>=2000']),
  };
}

/** fio's iodepth_level map: the share of submissions made at each queue depth, bucketed as io_u_mark_depth does: 1, 2-3 ("2"), 4-7 ("4") ... 32-63, >=64. */
export function depthLevels(depthCounts: readonly number[]): Record<string, number> {
  const labels = ['1', '2', '4', '8', '16', '32', '>=64'];
  const counts = new Array<number>(7).fill(0);
  let total = 0;
  depthCounts.forEach((c, d) => {
    if (!c) return;
    total += c;
    counts[Math.min(6, Math.floor(Math.log2(Math.max(1, d))))] += c;
  });
  return Object.fromEntries(labels.map((l, i) => [l, total ? Number(((counts[i] / total) * 100).toFixed(6)) : 0]));
}

/** The _min/_max/_mean/_stddev/_samples of per-interval samples, as fio's bw/iops log averaging reports them. */
export function sampleStats(samples: readonly number[]) {
  const n = samples.length;
  if (n === 0) return { min: 0, max: 0, mean: 0, stddev: 0, samples: 0 };
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? samples.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : 0;
  return {
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: Number(mean.toFixed(6)),
    stddev: Number(Math.sqrt(variance).toFixed(6)),
    samples: n,
  };
}

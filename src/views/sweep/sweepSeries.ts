// Sweep point lines to chart columns: one x per point (the value, or its position for a list of words),
// and per figure a mean with its Student-t 95% interval (lo, hi). Data shaping only; draws nothing.
import type { Estimate } from '../../analysis/studentT';
import type { PointLine } from '../../analysis/sweep/aggregate';
import { uslModel } from '../../analysis/usl';

export type Col = (number | null)[];
/** Fewer replications than this give no band: a t interval from two runs is too wide and too unsure to draw. */
export const MIN_BAND_REPLICATIONS = 3;

/** One figure: the mean at each point, and its interval as drawn (null where a point has fewer than
 * MIN_BAND_REPLICATIONS replications; cut at 0, the figures' physical bound, where it reaches below). */
export interface BandSeries {
  label: string;
  mean: Col;
  lo: Col;
  hi: Col;
  /** Points whose interval reached below 0 and is drawn from 0 (the table keeps the raw interval). */
  cutAtZero: number;
  colour: string;
  dash?: number[];
  hollow?: boolean;
}
export interface ChartColumns {
  /** x of every column; extra columns (between points) carry only the fitted curve. */
  xs: number[];
  /** For a list of words (rw=read,write), the word at each integer x; null for a numeric parameter. */
  categories: string[] | null;
  bands: BandSeries[];
  /** A fitted curve (the USL) over the same xs, or none. */
  curve: { label: string; ys: Col } | null;
  /** What the band shows, said under the chart: absent below 3 replications, cut at 0 where it would dip under. */
  bandNote: string;
}

/** Okabe-Ito, colour-blind safe; each series also differs by dash and fill. */
export const SERIES_STYLE = [
  { colour: '#0072B2' },
  { colour: '#D55E00', dash: [5, 3], hollow: true },
  { colour: '#009E73', dash: [2, 2] },
  { colour: '#CC79A7', dash: [8, 3, 2, 3], hollow: true },
] as const;

export function pointXs(lines: readonly PointLine[], key: string): { xs: number[]; categories: string[] | null } {
  const vals = lines.map((l) => l.point[key]);
  if (vals.every((v) => typeof v === 'number')) return { xs: vals as number[], categories: null };
  return { xs: vals.map((_, i) => i), categories: vals.map(String) };
}

function band(
  label: string,
  lines: readonly PointLine[],
  es: (Estimate | undefined)[],
  unit: (x: number) => number,
  style: number,
): BandSeries {
  const f = (x: number | undefined) => (x === undefined ? null : unit(x));
  const drawn = (i: number) => lines[i].replications >= MIN_BAND_REPLICATIONS;
  const lo = es.map((e, i) => (drawn(i) ? f(e?.ci95?.[0]) : null));
  return {
    label,
    ...SERIES_STYLE[style % SERIES_STYLE.length],
    mean: es.map((e) => f(e?.mean)),
    lo: lo.map((x) => (x !== null && x < 0 ? 0 : x)),
    hi: es.map((e, i) => (drawn(i) ? f(e?.ci95?.[1]) : null)),
    cutAtZero: lo.filter((x) => x !== null && x < 0).length,
  } as BandSeries;
}

/** The sentence under a chart about its band. */
export function bandNote(lines: readonly PointLine[], bands: readonly BandSeries[]): string {
  const few = lines.filter((l) => l.replications < MIN_BAND_REPLICATIONS);
  const reps = [...new Set(few.map((l) => l.replications))].join(' or ');
  const cut = bands.filter((b) => b.cutAtZero > 0).map((b) => `${b.label} at ${b.cutAtZero}`);
  const parts: string[] = [];
  if (few.length === lines.length && lines.length > 0)
    parts.push(
      `no band: ${reps} replication${reps === '1' ? '' : 's'} per point, too few for a meaningful 95% interval (3 or more give one)`,
    );
  else {
    parts.push('band: 95% CI over replications');
    if (few.length) parts.push(`none at ${few.length} point${few.length === 1 ? '' : 's'} with fewer than 3`);
  }
  if (cut.length)
    parts.push(
      `cut at 0, where the interval reaches below it (${cut.join(', ')} point(s); the table has the raw interval)`,
    );
  return parts.join('; ');
}

const same = (x: number) => x;
const toUs = (ns: number) => ns / 1e3;
const toPct = (f: number) => f * 100;

function columns(lines: readonly PointLine[], key: string, bands: BandSeries[]): ChartColumns {
  return { ...pointXs(lines, key), bands, curve: null, bandNote: bandNote(lines, bands) };
}

export const throughputColumns = (lines: readonly PointLine[], key: string) =>
  columns(lines, key, [
    band(
      'ops/s',
      lines,
      lines.map((l) => l.throughput.opsPerSec),
      same,
      0,
    ),
  ]);

/** p50 and p99 in µs. */
export const latencyColumns = (lines: readonly PointLine[], key: string) =>
  columns(lines, key, [
    band(
      'p50',
      lines,
      lines.map((l) => l.latencyNs.p50),
      toUs,
      0,
    ),
    band(
      'p99',
      lines,
      lines.map((l) => l.latencyNs.p99),
      toUs,
      1,
    ),
  ]);

/** Per handler role (raid5d, worker, offload), the mean utilisation of its threads, in %. */
export function utilisationColumns(lines: readonly PointLine[], key: string): ChartColumns {
  const roles = [...new Set(lines.flatMap((l) => Object.keys(l.roleUtilisation ?? {})))];
  return columns(
    lines,
    key,
    roles.map((r, i) =>
      band(
        r === 'worker' ? 'workers (mean per thread)' : r,
        lines,
        lines.map((l) => l.roleUtilisation?.[r]),
        toPct,
        i,
      ),
    ),
  );
}

/** The locks with the most wait, as wait time per measured second (lock_stat's waittime-total over the
 * measured time: the mean number of waiters). At most `top` classes. */
export function lockWaitColumns(lines: readonly PointLine[], key: string, top = 4): ChartColumns {
  const names = [...new Set(lines.flatMap((l) => Object.keys(l.locks)))];
  const peak = (n: string) => Math.max(...lines.map((l) => l.locks[n]?.waitTimeTotalNs.mean ?? 0));
  const chosen = names
    .filter((n) => peak(n) > 0)
    .sort((a, b) => peak(b) - peak(a))
    .slice(0, top);
  const measuredNs = lines.length > 0 ? lines[0].durationNs : 1;
  return columns(
    lines,
    key,
    chosen.map((n, i) =>
      band(
        n,
        lines,
        lines.map((l) => l.locks[n]?.waitTimeTotalNs),
        (x) => x / measuredNs,
        i,
      ),
    ),
  );
}

/** Adds the fitted USL throughput X(N) = gamma N / (1 + alpha (N-1) + beta N (N-1)) between and at the
 * points, `steps` columns per interval so the curve reads as a curve. */
export function withUslCurve(
  c: ChartColumns,
  fit: { alpha: number; beta: number; gamma: number },
  nOf: (x: number) => number,
  steps = 8,
): ChartColumns {
  const xs: number[] = [];
  const at = new Map<number, number>(); // new column -> old column
  c.xs.forEach((x, i) => {
    const next = c.xs[i + 1];
    at.set(xs.length, i);
    xs.push(x);
    if (next !== undefined && next > x) for (let s = 1; s < steps; s++) xs.push(x + ((next - x) * s) / steps);
  });
  const pick = (col: Col) => xs.map((_, j) => (at.has(j) ? col[at.get(j)!] : null));
  return {
    xs,
    categories: c.categories,
    bandNote: c.bandNote,
    bands: c.bands.map((b) => ({ ...b, mean: pick(b.mean), lo: pick(b.lo), hi: pick(b.hi) })),
    curve: { label: 'USL fit', ys: xs.map((x) => uslModel(nOf(x), fit.alpha, fit.beta, fit.gamma)) },
  };
}

// Numbers over simulated time for the raid5 charts, in fixed-size typed columns outside React state:
// frames append here and the charts redraw from it on requestAnimationFrame. It never triggers a render.

export const SERIES = ['iops', 'mbps', 'p50Us', 'p99Us', 'cacheActive', 'handleList', 'memberQueue'] as const;
export type SeriesKey = (typeof SERIES)[number];

export class SeriesRing {
  readonly timeMs: Float64Array;
  readonly cols: Record<SeriesKey, Float64Array>;
  head = 0;
  size = 0;
  /** Bumped on every change, so a chart redraws only when there is something new. */
  version = 0;

  constructor(readonly capacity = 2400) {
    this.timeMs = new Float64Array(capacity);
    this.cols = Object.fromEntries(SERIES.map((k) => [k, new Float64Array(capacity)])) as Record<
      SeriesKey,
      Float64Array
    >;
  }

  reset(): void {
    this.head = this.size = 0;
    this.version++;
  }

  /** Appends one point; NaN marks "not known yet" (drawn as a gap). A point at the same time replaces the last. */
  push(timeNs: number, values: Record<SeriesKey, number>): void {
    const t = timeNs / 1e6;
    let p: number;
    if (this.size > 0 && this.timeMs[this.at(this.size - 1)] === t) p = this.at(this.size - 1);
    else if (this.size < this.capacity) p = this.at(this.size++);
    else {
      p = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.timeMs[p] = t;
    for (const k of SERIES) this.cols[k][p] = values[k];
    this.version++;
  }

  private at(i: number): number {
    return (this.head + i) % this.capacity;
  }

  /** The kept points in time order as plain arrays (gaps as null), the shape uPlot takes. */
  toArrays(keys: readonly SeriesKey[]): [number[], ...(number | null)[][]] {
    const x: number[] = new Array(this.size);
    const ys = keys.map(() => new Array<number | null>(this.size));
    for (let i = 0; i < this.size; i++) {
      const p = this.at(i);
      x[i] = this.timeMs[p];
      keys.forEach((k, j) => {
        const v = this.cols[k][p];
        ys[j][i] = Number.isFinite(v) ? v : null;
      });
    }
    return [x, ...ys];
  }
}

// HdrHistogram-style log-linear histogram of non-negative integers (nanoseconds):
// exact below 128, then 64 linear sub-buckets per power of two (under 1.6% relative error).
const SUB_BITS = 6;
const SUB = 1 << SUB_BITS; // 64 sub-buckets per octave
const LINEAR = 2 * SUB; // values below 128 are exact
const OCTAVES = 48; // enough for 2^54 ns

export class Histogram {
  private readonly counts = new Float64Array(LINEAR + OCTAVES * SUB);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  record(value: number): void {
    const v = value < 0 ? 0 : Math.round(value);
    this.counts[Histogram.index(v)]++;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  static index(v: number): number {
    if (v < LINEAR) return v;
    if (v < 4294967296) {
      // Same bucket by integer ops: Math.log2 and 2 ** x cost more than the rest of a record (bench).
      const e32 = 31 - Math.clz32(v);
      return LINEAR + (e32 - SUB_BITS - 1) * SUB + (v >>> (e32 - SUB_BITS)) - SUB;
    }
    return Histogram.indexLarge(v);
  }

  /** index() for v >= 2^32, apart so the hot path stays small enough for the JIT to inline. */
  private static indexLarge(v: number): number {
    const e = Math.floor(Math.log2(v)); // >= 32
    const sub = Math.floor(v / 2 ** (e - SUB_BITS)) - SUB; // 0..63
    return LINEAR + (e - SUB_BITS - 1) * SUB + sub;
  }

  /** Lower bound of a bucket, and its width. */
  static bucketLow(i: number): number {
    if (i < LINEAR) return i;
    const o = Math.floor((i - LINEAR) / SUB);
    const sub = (i - LINEAR) % SUB;
    const e = o + SUB_BITS + 1;
    return (SUB + sub) * 2 ** (e - SUB_BITS);
  }

  static bucketWidth(i: number): number {
    if (i < LINEAR) return 1;
    const o = Math.floor((i - LINEAR) / SUB);
    return 2 ** (o + 1);
  }

  get mean(): number {
    return this.count ? this.sum / this.count : 0;
  }

  /** Value at quantile q in [0, 1]: the midpoint of the bucket holding it, capped at the max seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(q * this.count));
    let acc = 0;
    for (let i = 0; i < this.counts.length; i++) {
      acc += this.counts[i];
      if (acc >= target) {
        const mid = Histogram.bucketLow(i) + (Histogram.bucketWidth(i) - 1) / 2;
        return Math.min(Math.max(mid, this.min), this.max);
      }
    }
    return this.max;
  }

  /** Counts folded into power-of-two buckets, as klockstat prints them: [lowNs, count][]. */
  log2Buckets(): [number, number][] {
    const out = new Map<number, number>();
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i];
      if (c === 0) continue;
      const low = Histogram.bucketLow(i);
      const b = low === 0 ? 0 : 2 ** Math.floor(Math.log2(low));
      out.set(b, (out.get(b) ?? 0) + c);
    }
    return [...out.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Every nonzero bucket as [lowNs, widthNs, count], in order (for exports that rebucket, as fio JSON does). */
  buckets(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (let i = 0; i < this.counts.length; i++)
      if (this.counts[i] > 0) out.push([Histogram.bucketLow(i), Histogram.bucketWidth(i), this.counts[i]]);
    return out;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }
}

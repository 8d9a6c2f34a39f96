// Turns the frame ring into one row of pixels per thread track: for each pixel, the share of its time the
// thread spent in each state (nothing where the ring has no record). Pure: no canvas, no DOM.
//
// Incremental: pixels are fixed bins of absolute simulated time (bin b covers [b·pw, (b+1)·pw), pw = span /
// width), kept in a circular array of columns, so a redraw adds only the rows that arrived since the last one
// and recycles the columns that scrolled out. Walking the whole ring every redraw was the main thread's
// largest script cost at max speed (bench:ui). A new run, another width, span or track count, a window that
// moved back, or rows evicted before they were added start it over from the ring's base states.
import { UNKNOWN, type FrameRing } from '../state/lab/frameRing';

export { UNKNOWN };

/** Column of a bin: early in a run the window's first bins are negative. */
const mod = (b: number, width: number) => ((b % width) + width) % width;

export class TimelineRaster {
  /** tracks x width x 5: the fraction of each pixel's time spent in each state (sums to <= 1). */
  acc = new Float32Array(0);
  width = 0;
  /** Closed segments only, by column (bin b at column b mod width); the open tails are added per build. */
  private bins = new Float32Array(0);
  private cur = new Uint8Array(0);
  private since = new Float64Array(0);
  private tracks = 0;
  private pw = 0;
  /** Absolute bin of the window's first pixel, and the ring's row sequence number added up to. */
  private firstBin = 0;
  private nextRow = 0;
  private generation = -1;
  /** Full rebuilds so far (the tests check that a sliding window does not cause them). */
  rebuilds = 0;

  /** Fills `acc` for simulated time [startNs, endNs) over `width` pixels: to the pixel, since the window's
   * first pixel is the bin that ends at or after endNs, `width` bins back. */
  build(ring: FrameRing, tracks: number, width: number, startNs: number, endNs: number): void {
    const n = tracks * width;
    if (this.acc.length !== n * 5) this.acc = new Float32Array(n * 5);
    const span = endNs - startNs;
    if (!(span > 0) || width <= 0) {
      this.width = width;
      this.acc.fill(0);
      this.generation = -1;
      return;
    }
    const pw = span / width;
    const firstBin = Math.ceil(endNs / pw) - width;
    const fresh =
      ring.generation !== this.generation ||
      tracks !== this.tracks ||
      width !== this.width ||
      pw !== this.pw ||
      firstBin < this.firstBin ||
      this.nextRow < ring.dropped;
    this.width = width;
    if (fresh) this.start(ring, tracks, pw, firstBin);
    else this.slide(firstBin);
    this.addRows(ring);
    this.paintInto(endNs);
  }

  private start(ring: FrameRing, tracks: number, pw: number, firstBin: number): void {
    this.rebuilds++;
    const n = tracks * this.width;
    this.bins = this.bins.length === n * 5 ? this.bins.fill(0) : new Float32Array(n * 5);
    if (this.cur.length < tracks) {
      this.cur = new Uint8Array(tracks);
      this.since = new Float64Array(tracks);
    }
    for (let t = 0; t < tracks; t++) {
      this.cur[t] = t < ring.baseState.length ? ring.baseState[t] : UNKNOWN;
      this.since[t] = ring.evictedUpToNs;
    }
    this.generation = ring.generation;
    this.tracks = tracks;
    this.pw = pw;
    this.firstBin = firstBin;
    this.nextRow = ring.dropped;
  }

  /** Moves the window's first pixel to `firstBin`, clearing the columns that come round again. */
  private slide(firstBin: number): void {
    const { width, bins, tracks } = this;
    const moved = Math.min(width, firstBin - this.firstBin);
    // the columns [from, from + moved), wrapping at most once: two fills per track
    const from = mod(this.firstBin, width);
    const end1 = Math.min(width, from + moved);
    const wrapped = from + moved - end1;
    for (let t = 0; t < tracks; t++) {
      const row = t * width * 5;
      bins.fill(0, row + from * 5, row + end1 * 5);
      if (wrapped > 0) bins.fill(0, row, row + wrapped * 5);
    }
    this.firstBin = firstBin;
  }

  /** The rows the ring took since the last build close the segments they end. */
  private addRows(ring: FrameRing): void {
    const { cur, since, tracks } = this;
    for (let i = this.nextRow - ring.dropped; i < ring.size; i++) {
      const p = ring.index(i);
      const th = ring.threads[p];
      if (th >= tracks) continue;
      const t = ring.times[p];
      if (cur[th] !== UNKNOWN) this.add(this.bins, th, since[th], t, cur[th], true);
      cur[th] = ring.states[p];
      since[th] = t;
    }
    this.nextRow = ring.dropped + ring.size;
  }

  /** `acc` = the window's columns in pixel order, plus each track's open segment up to endNs. */
  private paintInto(endNs: number): void {
    const { acc, bins, width, tracks, cur, since } = this;
    const split = mod(this.firstBin, width); // column of the first pixel
    for (let t = 0; t < tracks; t++) {
      const row = t * width * 5;
      acc.set(bins.subarray(row + split * 5, row + width * 5), row);
      acc.set(bins.subarray(row, row + split * 5), row + (width - split) * 5);
    }
    for (let t = 0; t < tracks; t++) if (cur[t] !== UNKNOWN) this.add(acc, t, since[t], endNs, cur[t], false);
  }

  /** Adds [a, b) in state s to track's pixels: into the circular columns or the window-ordered `acc`. */
  private add(into: Float32Array, track: number, a: number, b: number, s: number, circular: boolean): void {
    if (s > 4) return;
    const { width, pw, firstBin } = this;
    const x0 = Math.max(firstBin, a / pw);
    const x1 = Math.min(firstBin + width, b / pw);
    if (!(x1 > x0)) return;
    const base = track * width;
    for (let bin = Math.floor(x0); bin < x1; bin++) {
      const w = Math.min(x1, bin + 1) - Math.max(x0, bin);
      const col = circular ? mod(bin, width) : bin - firstBin;
      into[(base + col) * 5 + s] += w;
    }
  }

  /** The state that filled most of a pixel, or UNKNOWN if none did. */
  dominant(track: number, px: number): number {
    let best = UNKNOWN;
    let bestW = 0;
    const c = (track * this.width + px) * 5;
    for (let s = 0; s < 5; s++) {
      if (this.acc[c + s] > bestW) {
        bestW = this.acc[c + s];
        best = s;
      }
    }
    return best;
  }
}

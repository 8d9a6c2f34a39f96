// Turns the frame ring into one row of pixels per thread track: for each pixel, the share of its time the
// thread spent in each state (nothing where the ring has no record). Pure: no canvas, no DOM.
import { UNKNOWN, type FrameRing } from '../state/lab/frameRing';

export { UNKNOWN };

export class TimelineRaster {
  /** tracks x width x 5: the fraction of each pixel's time spent in each state (sums to <= 1). */
  acc = new Float32Array(0);
  width = 0;
  private cur = new Uint8Array(0);
  private since = new Float64Array(0);

  /** Fills `acc` for simulated time [startNs, endNs) over `width` pixels. */
  build(ring: FrameRing, tracks: number, width: number, startNs: number, endNs: number): void {
    const n = tracks * width;
    this.width = width;
    if (this.acc.length !== n * 5) this.acc = new Float32Array(n * 5);
    else this.acc.fill(0);
    if (this.cur.length < tracks) {
      this.cur = new Uint8Array(tracks);
      this.since = new Float64Array(tracks);
    }
    const { cur, since, acc } = this;
    const span = endNs - startNs;
    if (!(span > 0) || width <= 0) return;
    const k = width / span;
    const add = (track: number, a: number, b: number, s: number) => {
      const x0 = Math.max(0, (a - startNs) * k);
      const x1 = Math.min(width, (b - startNs) * k);
      if (!(x1 > x0) || s > 4) return;
      const base = track * width;
      for (let px = Math.floor(x0); px < x1; px++) {
        const w = Math.min(x1, px + 1) - Math.max(x0, px);
        acc[(base + px) * 5 + s] += w;
      }
    };
    for (let t = 0; t < tracks; t++) {
      cur[t] = t < ring.baseState.length ? ring.baseState[t] : UNKNOWN;
      since[t] = ring.evictedUpToNs;
    }
    for (let i = 0; i < ring.size; i++) {
      const p = ring.index(i);
      const th = ring.threads[p];
      if (th >= tracks) continue;
      const t = ring.times[p];
      if (cur[th] !== UNKNOWN) add(th, since[th], t, cur[th]);
      cur[th] = ring.states[p];
      since[th] = t;
    }
    for (let t = 0; t < tracks; t++) if (cur[t] !== UNKNOWN) add(t, since[t], endNs, cur[t]);
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

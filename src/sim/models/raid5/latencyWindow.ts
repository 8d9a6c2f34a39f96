// The UI's recent latency window for raid5: completions are recorded as they happen and a window closes
// (and is published) from the completion that fills it, so reading it is a pure read. Not part of results.
import { Histogram } from '../../core/stats/histogram';

/** A window closes after this much simulated time with enough completions, or at this many completions. */
const WINDOW_MIN_NS = 500_000;
const WINDOW_MIN_COUNT = 20;
const WINDOW_MAX_COUNT = 2000;

/** Latency percentiles over the latest closed window of simulated time (the whole-run ones hide change). */
export interface LatencyWindow {
  p50: number;
  p99: number;
  count: number;
  fromNs: number;
  toNs: number;
}

export class LatencyWindows {
  private readonly open = new Histogram();
  private fromNs = 0;
  /** The latest closed window, or null before the first one closes. */
  published: LatencyWindow | null = null;

  /** One completion at `nowNs` that took `latencyNs`; closes the window when it is full. */
  record(latencyNs: number, nowNs: number): void {
    const h = this.open;
    h.record(latencyNs);
    if ((h.count >= WINDOW_MIN_COUNT && nowNs - this.fromNs >= WINDOW_MIN_NS) || h.count >= WINDOW_MAX_COUNT) {
      this.published = {
        p50: h.quantile(0.5),
        p99: h.quantile(0.99),
        count: h.count,
        fromNs: this.fromNs,
        toNs: nowNs,
      };
      h.reset();
      this.fromNs = nowNs;
    }
  }
}

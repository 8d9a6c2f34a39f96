// Where threads' time goes: the measured window and each thread's time per state (running, spinning,
// runnable, blocked, idle), read without closing the open interval. The Kernel changes states; this sums them.
import { RUNNING, SPINNING, type SimThread } from './thread';

export class StateClock {
  /** Start of the measured window (resetStats). */
  measureStart = 0;

  /** Starts a new window for every thread. */
  reset(threads: readonly SimThread[], now: number): void {
    this.measureStart = now;
    for (const t of threads) {
      t.stateNs.fill(0);
      t.stateSince = now;
    }
  }

  /** Fractions of the window per state, counting the open interval; a zero-length window is all current state. */
  fractions(t: SimThread, now: number): Float64Array {
    const span = now - this.measureStart;
    const out = new Float64Array(5);
    for (let s = 0; s < 5; s++) out[s] = t.stateNs[s] + (s === t.state ? now - t.stateSince : 0);
    if (span <= 0) {
      out.fill(0);
      out[t.state] = 1;
      return out;
    }
    for (let s = 0; s < 5; s++) out[s] /= span;
    return out;
  }

  /** CPU time in the window: running plus spinning (a spinner burns its CPU). */
  busyNs(t: SimThread, now: number): number {
    const f = this.fractions(t, now);
    return (f[RUNNING] + f[SPINNING]) * (now - this.measureStart);
  }
}

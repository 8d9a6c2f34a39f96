// Minimal reference loops for `npm run bench`: the same queueing systems as the engine cases, written
// as one binary heap over typed arrays and a switch on event kind. No threads, kernel, locks or stats.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Measured {
  wallMs: number;
  completions: number;
  events: number;
  /** Mean latency in ns (asking to done), so engine and reference can be seen to agree. */
  meanLatencyNs: number;
  /** Simulated time reached, where the run is a model (for simulated seconds per wall second). */
  simulatedNs?: number;
}

/** Binary min-heap of (time, seq, kind, arg) over typed arrays; equal times leave in push order. */
class RefHeap {
  time = new Float64Array(1024);
  seq = new Float64Array(1024);
  kind = new Int32Array(1024);
  arg = new Int32Array(1024);
  n = 0;
  private s = 0;
  outTime = 0;
  outKind = 0;
  outArg = 0;

  push(t: number, k: number, a: number): void {
    if (this.n === this.time.length) this.grow();
    const { time, seq, kind, arg } = this;
    const s = this.s++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < s)) break;
      time[i] = time[p];
      seq[i] = seq[p];
      kind[i] = kind[p];
      arg[i] = arg[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    arg[i] = a;
  }

  pop(): void {
    const { time, seq, kind, arg } = this;
    this.outTime = time[0];
    this.outKind = kind[0];
    this.outArg = arg[0];
    const last = --this.n;
    const t = time[last],
      s = seq[last],
      k = kind[last],
      a = arg[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (time[c + 1] < time[c] || (time[c + 1] === time[c] && seq[c + 1] < seq[c]))) c++;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      time[i] = time[c];
      seq[i] = seq[c];
      kind[i] = kind[c];
      arg[i] = arg[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    arg[i] = a;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const f = (x: Float64Array) => {
      const y = new Float64Array(cap);
      y.set(x);
      return y;
    };
    const g = (x: Int32Array) => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    this.time = f(this.time);
    this.seq = f(this.seq);
    this.kind = g(this.kind);
    this.arg = g(this.arg);
  }
}

/** The same uniform-in-(0,1) transform as the engine's RandomStream, on the same generator. */
function uniformSource(seed: number): () => number {
  const gen = xoroshiro128plus(seed);
  return () => ((gen.next() >>> 0) + 0.5) / 4294967296;
}

const ARRIVAL = 0,
  DEPARTURE = 1;

/** M/M/1: Poisson arrivals at `ratePerSec`, exponential service of mean `serviceNs`, FIFO. */
export function referenceMM1(completions: number, ratePerSec: number, serviceNs: number, seed = 1): Measured {
  const u = uniformSource(seed);
  const h = new RefHeap();
  const meanGap = 1e9 / ratePerSec;
  let ring = new Float64Array(1024); // arrival times of waiting customers
  let head = 0,
    count = 0,
    busy = false;
  let servedArrival = 0; // arrival time of the customer in service
  let done = 0,
    events = 0,
    sumLatency = 0;
  const t0 = performance.now();
  h.push(Math.round(-meanGap * Math.log(u())), ARRIVAL, 0);
  while (done < completions) {
    h.pop();
    events++;
    const now = h.outTime;
    switch (h.outKind) {
      case ARRIVAL:
        if (busy) {
          if (count === ring.length) {
            const r = new Float64Array(ring.length * 2);
            for (let i = 0; i < count; i++) r[i] = ring[(head + i) % ring.length];
            ring = r;
            head = 0;
          }
          ring[(head + count++) % ring.length] = now;
        } else {
          busy = true;
          servedArrival = now;
          h.push(now + Math.round(-serviceNs * Math.log(u())), DEPARTURE, 0);
        }
        h.push(now + Math.round(-meanGap * Math.log(u())), ARRIVAL, 0);
        break;
      case DEPARTURE:
        done++;
        sumLatency += now - servedArrival;
        if (count > 0) {
          servedArrival = ring[head]; // the next customer's arrival time
          head = (head + 1) % ring.length;
          count--;
          h.push(now + Math.round(-serviceNs * Math.log(u())), DEPARTURE, 0);
        } else busy = false;
        break;
    }
  }
  return { wallMs: performance.now() - t0, completions: done, events, meanLatencyNs: sumLatency / done };
}

const THINK_END = 0,
  HOLD_END = 1;

/** Closed loop: `threads` on as many CPUs, think then one FIFO lock (or a semaphore of `capacity` holders)
 * held for `holdNs` (both exponential). */
export function referenceLockLoop(
  completions: number,
  threads: number,
  thinkNs: number,
  holdNs: number,
  seed = 1,
  capacity = 1,
): Measured {
  const u = uniformSource(seed);
  const h = new RefHeap();
  const asked = new Float64Array(threads);
  const waiting = new Int32Array(threads); // FIFO ring of thread ids waiting for the lock
  let head = 0,
    count = 0,
    holders = 0;
  let done = 0,
    events = 0,
    sumLatency = 0;
  const t0 = performance.now();
  for (let t = 0; t < threads; t++) h.push(Math.round(-thinkNs * Math.log(u())), THINK_END, t);
  while (done < completions) {
    h.pop();
    events++;
    const now = h.outTime;
    const t = h.outArg;
    switch (h.outKind) {
      case THINK_END:
        asked[t] = now;
        if (holders < capacity) {
          holders++;
          h.push(now + Math.round(-holdNs * Math.log(u())), HOLD_END, t);
        } else waiting[(head + count++) % threads] = t;
        break;
      case HOLD_END: {
        done++;
        sumLatency += now - asked[t];
        holders--;
        if (count > 0) {
          const next = waiting[head];
          head = (head + 1) % threads;
          count--;
          holders++;
          h.push(now + Math.round(-holdNs * Math.log(u())), HOLD_END, next);
        }
        h.push(now + Math.round(-thinkNs * Math.log(u())), THINK_END, t);
        break;
      }
    }
  }
  return { wallMs: performance.now() - t0, completions: done, events, meanLatencyNs: sumLatency / done };
}

// The run's recent thread state changes in a fixed-size columnar ring, kept outside React state:
// frames land here and canvas views read it on requestAnimationFrame. It never triggers a render.
import type { FramesMsg } from '../../protocol/messages';

/** A thread whose state before the oldest kept row is not known. */
export const UNKNOWN = 255;

export class FrameRing {
  readonly times: Float64Array;
  readonly threads: Uint16Array;
  readonly states: Uint8Array;
  readonly labels: Uint16Array;
  /** Physical index of the oldest row, and how many rows are kept. */
  head = 0;
  size = 0;
  /** Each thread's state and label as of just before the oldest kept row (UNKNOWN if never seen). */
  baseState = new Uint8Array(64).fill(UNKNOWN);
  baseLabel = new Uint16Array(64);
  /** Rows before this time were dropped; earlier state is only known for threads in `baseState`. */
  evictedUpToNs = -Infinity;
  threadMeta: { name: string; role: string }[] = [];
  labelNames: string[] = [];
  runId = 0;
  nowNs = 0;
  /** Bumped on every change, so a canvas redraws only when there is something new. */
  version = 0;
  /** Bumped on reset: a reader that keeps state across pushes (the timeline raster) starts over. */
  generation = 0;
  /** Rows dropped since the reset (evicted, or skipped into the base): the oldest kept row's sequence number. */
  dropped = 0;

  constructor(readonly capacity = 1 << 18) {
    this.times = new Float64Array(capacity);
    this.threads = new Uint16Array(capacity);
    this.states = new Uint8Array(capacity);
    this.labels = new Uint16Array(capacity);
  }

  reset(runId: number): void {
    this.runId = runId;
    this.head = this.size = 0;
    this.baseState.fill(UNKNOWN);
    this.evictedUpToNs = -Infinity;
    this.threadMeta = [];
    this.labelNames = [];
    this.nowNs = 0;
    this.version++;
    this.generation++;
    this.dropped = 0;
  }

  /** Physical index of the i-th oldest row. */
  index(i: number): number {
    const p = this.head + i;
    return p >= this.capacity ? p - this.capacity : p;
  }

  push(m: FramesMsg): void {
    if (m.runId !== this.runId) this.reset(m.runId);
    m.newThreads.forEach((t, i) => (this.threadMeta[m.threadsFrom + i] = t));
    m.newLabels.forEach((l, i) => (this.labelNames[m.labelsFrom + i] = l));
    this.ensureThreads(this.threadMeta.length);
    const c = m.columns;
    const n = c.timeNs.length;
    // A batch larger than the ring: its first rows only update the base states.
    const skip = Math.max(0, n - this.capacity);
    for (let i = 0; i < skip; i++) this.toBase(c.timeNs[i], c.thread[i], c.state[i], c.label[i]);
    this.dropped += skip;
    const overflow = this.size + (n - skip) - this.capacity;
    for (let i = 0; i < overflow; i++) this.evictOldest();
    for (let i = skip; i < n; i++) {
      const p = this.index(this.size++);
      this.times[p] = c.timeNs[i];
      this.threads[p] = c.thread[i];
      this.states[p] = c.state[i];
      this.labels[p] = c.label[i];
    }
    this.nowNs = m.snapshot.timeNs;
    this.version++;
  }

  private evictOldest(): void {
    const p = this.head;
    this.toBase(this.times[p], this.threads[p], this.states[p], this.labels[p]);
    this.head = this.index(1);
    this.size--;
    this.dropped++;
  }

  private toBase(t: number, thread: number, state: number, label: number): void {
    this.ensureThreads(thread + 1);
    this.baseState[thread] = state;
    this.baseLabel[thread] = label;
    this.evictedUpToNs = t;
  }

  private ensureThreads(n: number): void {
    if (n <= this.baseState.length) return;
    const cap = Math.max(n, this.baseState.length * 2);
    const s = new Uint8Array(cap).fill(UNKNOWN);
    s.set(this.baseState);
    const l = new Uint16Array(cap);
    l.set(this.baseLabel);
    this.baseState = s;
    this.baseLabel = l;
  }

  /** Time of the oldest kept row (or now when empty). */
  oldestNs(): number {
    return this.size ? this.times[this.head] : this.nowNs;
  }
}

/** The one ring of the app (the timeline reads it; the session writes it). */
export const frameRing = new FrameRing();

// Binary min-heap of events over typed arrays, ordered by (time, seq) so equal times run FIFO.
// Holds only integers (handler kind and two arguments); it never calls a handler itself.

export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private n = 0;
  private nextSeq = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  push(t: number, kind: number, a: number, b: number): void {
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    // sift up with a hole, moving parents down until the slot fits
    let i = this.n++;
    const { time, seq } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p];
      if (pt < t || (pt === t && seq[p] < s)) break;
      this.move(p, i);
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    this.kind[i] = kind;
    this.argA[i] = a;
    this.argB[i] = b;
  }

  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /** Removes the head; its fields are left in `out*` before removal. */
  outKind = 0;
  outA = 0;
  outB = 0;
  outTime = 0;

  pop(): boolean {
    if (this.n === 0) return false;
    this.outTime = this.time[0];
    this.outKind = this.kind[0];
    this.outA = this.argA[0];
    this.outB = this.argB[0];
    const last = --this.n;
    if (last === 0) return true;
    const { time, seq } = this;
    const t = time[last];
    const s = seq[last];
    const k = this.kind[last];
    const a = this.argA[last];
    const b = this.argB[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      this.move(c, i);
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    this.kind[i] = k;
    this.argA[i] = a;
    this.argB[i] = b;
    return true;
  }

  clear(): void {
    this.n = 0;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.argA[to] = this.argA[from];
    this.argB[to] = this.argB[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const g64 = (old: Float64Array) => { const x = new Float64Array(cap); x.set(old); return x; };
    const g32 = (old: Int32Array) => { const x = new Int32Array(cap); x.set(old); return x; };
    this.time = g64(this.time);
    this.seq = g64(this.seq);
    this.kind = g32(this.kind);
    this.argA = g32(this.argA);
    this.argB = g32(this.argB);
  }
}

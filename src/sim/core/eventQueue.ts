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
    const { time, seq, kind: kinds, argA, argB } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p];
      if (pt < t || (pt === t && seq[p] < s)) break;
      time[i] = pt;
      seq[i] = seq[p];
      kinds[i] = kinds[p];
      argA[i] = argA[p];
      argB[i] = argB[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    kinds[i] = kind;
    argA[i] = a;
    argB[i] = b;
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
    const { time, seq, kind, argA, argB } = this;
    this.outTime = time[0];
    this.outKind = kind[0];
    this.outA = argA[0];
    this.outB = argB[0];
    const last = --this.n;
    if (last === 0) return true;
    const t = time[last];
    const s = seq[last];
    const k = kind[last];
    const a = argA[last];
    const b = argB[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      const ct = time[c];
      if (t < ct || (t === ct && s < seq[c])) break;
      time[i] = ct;
      seq[i] = seq[c];
      kind[i] = kind[c];
      argA[i] = argA[c];
      argB[i] = argB[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    argA[i] = a;
    argB[i] = b;
    return true;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const g64 = (old: Float64Array) => {
      const x = new Float64Array(cap);
      x.set(old);
      return x;
    };
    const g32 = (old: Int32Array) => {
      const x = new Int32Array(cap);
      x.set(old);
      return x;
    };
    this.time = g64(this.time);
    this.seq = g64(this.seq);
    this.kind = g32(this.kind);
    this.argA = g32(this.argA);
    this.argB = g32(this.argB);
  }
}

// A growable FIFO ring: O(1) push/shift without Array.prototype.shift's copying.
// Generic container only; no simulation semantics. Capacity is a power of two, so wrapping is a mask.
export class Fifo<T> {
  private items: (T | undefined)[];
  private head = 0;
  private n = 0;

  constructor(capacity = 16) {
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.items = new Array<T | undefined>(cap);
  }

  get length(): number {
    return this.n;
  }

  push(x: T): void {
    if (this.n === this.items.length) this.grow();
    this.items[(this.head + this.n) & (this.items.length - 1)] = x;
    this.n++;
  }

  shift(): T | undefined {
    if (this.n === 0) return undefined;
    const x = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.n--;
    return x;
  }

  peek(): T | undefined {
    return this.n === 0 ? undefined : this.items[this.head];
  }

  at(i: number): T | undefined {
    return i < this.n ? this.items[(this.head + i) & (this.items.length - 1)] : undefined;
  }

  /** Removes the first item equal to x; returns whether one was found. */
  remove(x: T): boolean {
    for (let i = 0; i < this.n; i++) {
      if (this.at(i) === x) {
        for (let j = i; j < this.n - 1; j++) this.items[(this.head + j) & (this.items.length - 1)] = this.at(j + 1);
        this.items[(this.head + this.n - 1) & (this.items.length - 1)] = undefined;
        this.n--;
        return true;
      }
    }
    return false;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.at(i) as T);
    return out;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.n; i++) next[i] = this.at(i);
    this.items = next;
    this.head = 0;
  }
}

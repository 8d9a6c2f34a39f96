// Collects replication results as they arrive in any order and releases whole points in point order,
// so the sweep prints each point as soon as it and every point before it are done. No I/O.

export class OrderedCollector<R> {
  private readonly slots: (R | undefined)[][];
  private readonly filled: number[];
  private cursor = 0;

  /** `points` points of `replications` results each; task id = point position * replications + r. */
  constructor(readonly points: number, readonly replications: number, private readonly emit: (position: number, results: R[]) => void) {
    this.slots = Array.from({ length: points }, () => new Array<R | undefined>(replications));
    this.filled = new Array<number>(points).fill(0);
  }

  static taskId(position: number, replication: number, replications: number): number {
    return position * replications + replication;
  }

  add(taskId: number, result: R): void {
    const pos = Math.floor(taskId / this.replications);
    const rep = taskId % this.replications;
    if (pos >= this.points || pos < this.cursor || this.slots[pos][rep] !== undefined) throw new Error(`task ${taskId} reported twice or out of range`);
    this.slots[pos][rep] = result;
    this.filled[pos]++;
    while (this.cursor < this.points && this.filled[this.cursor] === this.replications) {
      const rs = this.slots[this.cursor] as R[];
      this.slots[this.cursor] = [];
      this.emit(this.cursor, rs);
      this.cursor++;
    }
  }

  get complete(): boolean {
    return this.cursor === this.points;
  }
}

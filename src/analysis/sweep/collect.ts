// Collects replication results as they arrive in any order and releases whole points: PointCollector as
// soon as each point is whole (the UI's streaming charts), OrderedCollector in point order (the CLI prints
// each point once it and every point before it are done). No I/O.

/** Task id = point position * replications + replication, in both collectors. */
export class PointCollector<R> {
  private readonly slots: (R | undefined)[][];
  /** Results in per point; -1 once the point has been released. */
  private readonly filled: number[];
  private released = 0;

  constructor(
    readonly points: number,
    readonly replications: number,
    private readonly emit: (position: number, results: R[]) => void,
  ) {
    this.slots = Array.from({ length: points }, () => new Array<R | undefined>(replications));
    this.filled = new Array<number>(points).fill(0);
  }

  static taskId(position: number, replication: number, replications: number): number {
    return position * replications + replication;
  }

  add(taskId: number, result: R): void {
    const pos = Math.floor(taskId / this.replications);
    const rep = taskId % this.replications;
    if (!(pos >= 0 && pos < this.points) || this.filled[pos] < 0 || this.slots[pos][rep] !== undefined)
      throw new Error(`task ${taskId} reported twice or out of range`);
    this.slots[pos][rep] = result;
    if (++this.filled[pos] < this.replications) return;
    const rs = this.slots[pos] as R[];
    this.slots[pos] = [];
    this.filled[pos] = -1;
    this.released++;
    this.emit(pos, rs);
  }

  get complete(): boolean {
    return this.released === this.points;
  }
}

export class OrderedCollector<R> {
  private readonly inner: PointCollector<R>;
  private readonly ready = new Map<number, R[]>();
  private cursor = 0;

  constructor(
    readonly points: number,
    readonly replications: number,
    emit: (position: number, results: R[]) => void,
  ) {
    this.inner = new PointCollector<R>(points, replications, (pos, rs) => {
      this.ready.set(pos, rs);
      while (this.ready.has(this.cursor)) {
        const whole = this.ready.get(this.cursor) as R[];
        this.ready.delete(this.cursor);
        emit(this.cursor++, whole);
      }
    });
  }

  static taskId = PointCollector.taskId;

  add(taskId: number, result: R): void {
    this.inner.add(taskId, result);
  }

  get complete(): boolean {
    return this.cursor === this.points;
  }
}

// Statistics of one queue: arrivals, time-averaged and max length, mean wait of departures.
// Enough to check Little's law (meanLength = arrival rate x meanWait) on every queue.

export class QueueStats {
  length = 0;
  arrivals = 0;
  departures = 0;
  maxLength = 0;
  totalWaitNs = 0;
  /** The length when the window began: length = lengthAtReset + arrivals - departures (an invariant). */
  lengthAtReset = 0;
  private area = 0;
  private lastChange = 0;
  private since = 0;

  constructor(
    readonly name: string,
    now = 0,
  ) {
    this.lastChange = now;
    this.since = now;
  }

  private advance(now: number): void {
    this.area += this.length * (now - this.lastChange);
    this.lastChange = now;
  }

  enter(now: number): void {
    this.advance(now);
    this.length++;
    this.arrivals++;
    if (this.length > this.maxLength) this.maxLength = this.length;
  }

  /** `waitNs` is how long the leaving item was queued. */
  leave(now: number, waitNs: number): void {
    this.advance(now);
    this.length--;
    this.departures++;
    this.totalWaitNs += waitNs;
  }

  meanLength(now: number): number {
    const span = now - this.since;
    return span > 0 ? (this.area + this.length * (now - this.lastChange)) / span : this.length;
  }

  meanWaitNs(): number {
    return this.departures ? this.totalWaitNs / this.departures : 0;
  }

  /** Starts a new measurement window; items already queued stay counted in the length. */
  reset(now: number): void {
    this.area = 0;
    this.lastChange = now;
    this.since = now;
    this.arrivals = 0;
    this.departures = 0;
    this.totalWaitNs = 0;
    this.maxLength = this.length;
    this.lengthAtReset = this.length;
  }
}

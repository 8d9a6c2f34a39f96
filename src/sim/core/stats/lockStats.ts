// lock_stat's figures for one lock class (all instances of a lock aggregate here, as lockdep does).
// Waittime is over contended acquisitions only, holdtime over all, exactly like /proc/lock_stat.
import { Histogram } from './histogram';

export type LockKind = 'spinlock' | 'mutex' | 'semaphore';

export class LockClassStats {
  acquisitions = 0;
  contentions = 0;
  /** Acquisitions (and contended ones) whose previous holder ran on another CPU. */
  acqBounces = 0;
  conBounces = 0;
  /** Shortest non-zero wait, as lock_stat's waittime-min is documented ("shortest (non-0) time we ever had to
   * wait"): a waiter queued at the very nanosecond the holder releases (equal event times) waits 0 here, which no
   * real contended acquire does; it still counts as a contention and in the total, never as the minimum. */
  waitMin = Infinity;
  waitMax = 0;
  waitTotal = 0;
  holdMin = Infinity;
  holdMax = 0;
  holdTotal = 0;
  readonly waitHist = new Histogram();
  readonly holdHist = new Histogram();

  constructor(
    readonly name: string,
    readonly kind: LockKind,
  ) {}

  recordWait(ns: number): void {
    this.contentions++;
    this.waitTotal += ns;
    if (ns > 0 && ns < this.waitMin) this.waitMin = ns;
    if (ns > this.waitMax) this.waitMax = ns;
    this.waitHist.record(ns);
  }

  recordHold(ns: number): void {
    this.holdTotal += ns;
    if (ns < this.holdMin) this.holdMin = ns;
    if (ns > this.holdMax) this.holdMax = ns;
    this.holdHist.record(ns);
  }

  reset(): void {
    this.acqBounces = 0;
    this.conBounces = 0;
    this.acquisitions = 0;
    this.contentions = 0;
    this.waitMin = Infinity;
    this.waitMax = 0;
    this.waitTotal = 0;
    this.holdMin = Infinity;
    this.holdMax = 0;
    this.holdTotal = 0;
    this.waitHist.reset();
    this.holdHist.reset();
  }
}

// Adds up where the worker's wall time goes while playing (stepping, snapshots, posting frames, waiting for
// acks) and the simulated time covered, into one PaceReport a second. It only counts: pacing is SimHost's.
import type { PaceReport, Speed } from '../protocol/messages';

export type PaceBucket = 'modelMs' | 'snapshotMs' | 'postMs' | 'ackWaitMs';

export class PaceMeter {
  private fromWall = 0;
  private fromSimNs = 0;
  private fromEvents = 0;
  private acc: Record<PaceBucket, number> = { modelMs: 0, snapshotMs: 0, postMs: 0, ackWaitMs: 0 };

  constructor(private readonly everyMs: number) {}

  /** Starts a fresh window (on play, on a speed change, after a report): earlier time says nothing about now. */
  restart(wallMs: number, simNs: number, events: number): void {
    this.fromWall = wallMs;
    this.fromSimNs = simNs;
    this.fromEvents = events;
    this.acc = { modelMs: 0, snapshotMs: 0, postMs: 0, ackWaitMs: 0 };
  }

  add(bucket: PaceBucket, ms: number): void {
    this.acc[bucket] += ms;
  }

  /** The window's report once it spans `everyMs`, starting the next window; null before that. */
  take(wallMs: number, simNs: number, events: number, speed: Speed): PaceReport | null {
    const span = wallMs - this.fromWall;
    if (span < this.everyMs) return null;
    const report: PaceReport = {
      speed,
      wallMs: span,
      ...this.acc,
      simNs: simNs - this.fromSimNs,
      events: events - this.fromEvents,
    };
    this.restart(wallMs, simNs, events);
    return report;
  }
}

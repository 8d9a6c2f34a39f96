// The stall watchdog of the live Lab (issue 11): the same bound as `npm run sim` (src/sim/stallBound.ts), read at
// each frame. Nothing completed yet within the bound is "too early to tell", said with the minimum time to wait
// rather than shown as 0 IOPS (once a tenth of the bound has passed: before that nobody expects one); nothing completed for longer than the bound is a stall, said with the threads'
// states and the lists' lengths at that moment. Only a change of status is reported.
import type { ModelRun, Params } from '../sim/core/model';
import { completionsOf, stateAtStall } from '../sim/checked';
import { fmtNs, stallBound } from '../sim/stallBound';

export type WatchStatus = 'ok' | 'early' | 'stalled';

export interface WatchReport {
  status: WatchStatus;
  message: string;
  atNs: number;
}

export class LiveWatch {
  private boundNs: number;
  private why: string;
  private last = -1;
  private progressNs = 0;
  private status: WatchStatus = 'ok';

  constructor(
    private readonly model: string,
    params: Params,
  ) {
    const b = stallBound(model, params);
    this.boundNs = b.ns;
    this.why = b.why;
  }

  /** A live knob changed: the bound follows the configuration now running. */
  retune(params: Params): void {
    const b = stallBound(this.model, params);
    this.boundNs = b.ns;
    this.why = b.why;
  }

  /** The status now, or null when it is the one last reported. */
  observe(run: ModelRun): WatchReport | null {
    const now = run.sim.now;
    const c = completionsOf(run);
    if (c !== this.last) {
      // the first look (c may be 0 at t=0) starts the clock; any later change is progress
      if (this.last >= 0 || c > 0) this.progressNs = now;
      this.last = c;
    }
    const quiet = now - this.progressNs;
    let status: WatchStatus;
    let message = '';
    if (quiet > this.boundNs) {
      status = 'stalled';
      message = `Stalled: nothing completed for ${fmtNs(quiet)} of simulated time (since ${fmtNs(this.progressNs)}; this configuration should complete within ${fmtNs(this.boundNs)}: ${this.why}). ${stateAtStall(run)}`;
    } else if (c === 0 && now >= this.boundNs / 10) {
      status = 'early';
      message = `No completion yet after ${fmtNs(now)}: this configuration needs up to ${fmtNs(this.boundNs)} of simulated time to be sure of one (${this.why}), so 0 IOPS here means "too early to tell", not "nothing happens".`;
    } else status = 'ok';
    if (status === this.status) return null;
    this.status = status;
    return { status, message, atNs: now };
  }
}

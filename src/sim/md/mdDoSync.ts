// md_do_sync (md.c): the resync thread walks the array in sync_request steps, skips what the bitmap says needs
// no sync, and throttles itself at md's limits (sync_speed_*, sync_io_depth). It never builds a request itself.
import { violate } from '../core/invariant';
import { BLOCKED, IDLE, type SimThread, type ThreadBody, type Gen } from '../core/thread';
import { WaitQueue } from '../core/waitQueue';
import type { BitmapOps, MdHost, MdParams, MdSync, SyncPersonality } from './contract';

/** md_do_sync's window: the throttle is checked every 32 pages of sync IO. */
const WINDOW_PAGES = 32;
/** is_mddev_idle: more than 64 sectors of other IO since the last look means busy. */
const IDLE_BYTES = 64 * 512;
const MSLEEP_NS = 500e6;
const SKIP_NS_PER_CHUNK = 20;

export class MdDoSync implements MdSync {
  recoveryCp: number;
  running = false;
  private needed: boolean;
  private active = 0;
  private readonly wq: WaitQueue;
  private readonly recoveryWait: WaitQueue;
  private readonly thread: SimThread;
  private lastNonSync = 0;
  private readonly label: number;
  /** Figures since the last reset. */
  syncedPages = 0;
  passes = 0;
  throttleWaits = 0;
  private measureFrom = 0;
  /** Where the pass is now (md_do_sync's j, in pages), for the UI. */
  private position = 0;
  /** recovery_cp at the last invariant check. */
  private checkedCp = 0;

  constructor(
    private readonly host: MdHost,
    private readonly p: MdParams,
    private readonly pers: SyncPersonality,
    private readonly bitmap: BitmapOps | null,
  ) {
    const k = host.kernel;
    // A new array without --assume-clean starts with a resync (with llbitmap it skips what was never written).
    this.needed = !p.assumeClean;
    this.recoveryCp = p.assumeClean ? Infinity : 0;
    this.wq = new WaitQueue(k, 'md0_resync wait', IDLE);
    this.recoveryWait = new WaitQueue(k, 'recovery_wait', BLOCKED);
    this.label = k.label('md_do_sync');
    this.thread = k.spawn('md0_resync', 'resync', (t) => this.body(t));
  }

  /** md_do_sync's rules: md_done_sync never takes recovery_active below 0, and recovery_cp, the checkpoint,
   * only moves forward and only to where resync IO has already been issued (it is set once none is active). */
  checkInvariants(): void {
    if (this.active < 0) violate('recovery_active_non_negative', `recovery_active ${this.active} pages`);
    const cp = this.recoveryCp;
    if (cp < this.checkedCp) violate('recovery_cp_only_advances', `recovery_cp ${cp} after ${this.checkedCp}`);
    if (cp !== Infinity && this.running && cp > this.position)
      violate('recovery_cp_behind_resync_position', `recovery_cp ${cp}, resync issued up to ${this.position}`);
    this.checkedCp = cp;
  }

  request(): void {
    this.needed = true;
    this.wq.wakeThread(this.thread);
  }

  private done(pages: number): void {
    this.active -= pages;
    if (this.active <= 0) this.recoveryWait.wakeAll();
  }

  /** sync_io_within_limit: raid456 resyncs a 4K stripe per IO, the others 64K (16 pages). */
  private syncIoWithinLimit(): boolean {
    return this.active < (this.host.level456 ? 1 : 16) * this.p.syncIoDepth;
  }

  /** is_mddev_idle: busy when the members did more than a little non-resync IO since the last look. */
  private isIdle(): boolean {
    const now = this.pers.nonSyncBytes();
    if (now - this.lastNonSync <= IDLE_BYTES) return true;
    this.lastNonSync = now;
    return false;
  }

  private *drain(t: SimThread): Gen {
    while (this.active > 0) yield t.wait(this.recoveryWait);
  }

  private *body(t: SimThread): ThreadBody {
    const k = this.host.kernel;
    const span = this.host.spanPages;
    const c = this.host.costs;
    for (;;) {
      while (!this.needed) yield t.wait(this.wq);
      this.needed = false;
      this.running = true;
      this.passes++;
      this.bitmap?.endSync(0);
      const mark = k.now;
      const full = this.recoveryCp !== Infinity; // the initial resync moves recovery_cp; lazy passes do not
      this.lastNonSync = this.pers.nonSyncBytes();
      let j = 0;
      let ioPages = 0;
      let lastCheck = 0;
      while (j < span) {
        const skip = this.bitmap ? this.bitmap.skipSyncPages(j) : 0;
        if (skip > 0) {
          // one trip round the loop per chunk skipped, without IO: cheap next to a sync_request
          yield t.compute(
            c.syncStepNs + SKIP_NS_PER_CHUNK * Math.ceil(skip / (this.bitmap as BitmapOps).chunkPages),
            this.label,
          );
          j += skip;
          this.position = j;
          continue;
        }
        this.bitmap?.startSync(j);
        yield t.compute(c.syncStepNs, this.label);
        const n = yield* this.pers.syncRequest(t, j, (pages) => this.done(pages));
        this.active += n;
        j += n;
        this.position = j;
        ioPages += n;
        this.syncedPages += n;
        if (lastCheck + WINDOW_PAGES > ioPages && j < span) continue;
        lastCheck = ioPages;
        for (;;) {
          // currspeed in KiB/s since the mark, as md computes it (+1 s in the divisor)
          const doneKiB = (ioPages - this.active) * 4;
          const currspeed = doneKiB / (Math.floor((k.now - mark) / 1e9) + 1) + 1;
          if (currspeed <= this.p.syncSpeedMinKiB) break;
          if (currspeed > this.p.syncSpeedMaxKiB) {
            yield t.sleep(MSLEEP_NS, IDLE);
            continue;
          }
          if (!this.syncIoWithinLimit() && !this.isIdle()) {
            this.throttleWaits++;
            yield* this.drain(t); // "give other IO more of a chance"
          }
          break;
        }
        if (this.active <= 0) {
          if (full) this.recoveryCp = j;
          this.bitmap?.endSync(j);
        }
      }
      yield* this.drain(t);
      this.recoveryCp = Infinity;
      this.bitmap?.endSync(span);
      this.running = false;
    }
  }

  /** For the live view: the pass's position, resync IO in flight and the window, over the span (pages). */
  live(): Record<string, unknown> {
    return {
      syncPosPages: this.running ? this.position : 0,
      syncActivePages: this.active,
      syncWindowPages: WINDOW_PAGES,
      syncSpanPages: this.host.spanPages,
      syncIoLimitPages: (this.host.level456 ? 1 : 16) * this.p.syncIoDepth,
    };
  }

  resetStats(): void {
    this.syncedPages = this.passes = this.throttleWaits = 0;
    this.measureFrom = this.host.kernel.now;
  }

  figures(): Record<string, unknown> {
    const sec = (this.host.kernel.now - this.measureFrom) / 1e9;
    return {
      resyncRunning: this.running,
      recoveryCpPages: this.recoveryCp === Infinity ? -1 : this.recoveryCp,
      resyncPasses: this.passes,
      resyncKiBPerSec: sec > 0 ? Math.round((this.syncedPages * 4) / sec) : 0,
      resyncThrottleWaits: this.throttleWaits,
    };
  }
}

// fio writers streaming buffered writes (a journal handle per page under j_state_lock) and the dirty-page
// accounting of pre-2.6.39 balance_dirty_pages, where writers write back themselves. No block-layer logic.
import { Lock, LockClass, spinlock } from '../../core/lock';
import { Histogram } from '../../core/stats/histogram';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { BLOCKED } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { Ext4Ctx } from './ctx';
import type { Inode, Writeback } from './writeback';

export class Writers {
  /** journal->j_state_lock, a spinlock taken by start_this_handle for every handle (2.6.35). */
  readonly jStateLockClass = new LockClass('j_state_lock', 'spinlock');
  readonly jStateLock: Lock;
  readonly throttle: WaitQueue;
  readonly inodes: Inode[] = [];
  readonly latency = new Histogram();
  dirtyPages = 0;
  writebackPages = 0;
  /** Pages whose writeback completed, since the run started. */
  writtenPages = 0;
  /** write(2) calls completed, and bytes copied into the page cache (counted per page, so a window's
   * throughput is not quantised by bs), since the run started. */
  calls = 0;
  bytes = 0;

  constructor(
    private readonly ctx: Ext4Ctx,
    private readonly wb: Writeback,
  ) {
    const p = ctx.p;
    this.jStateLock = spinlock(ctx.kernel, this.jStateLockClass, p.costs);
    this.throttle = new WaitQueue(ctx.kernel, 'balance_dirty_pages', BLOCKED);
    const span = Math.floor(p.size / 4096 / p.numjobs);
    for (let j = 0; j < p.numjobs; j++) {
      const inode: Inode = { start: j * span, span, nextDirty: 0, nextWriteback: 0, dirtyPages: 0 };
      this.inodes.push(inode);
      ctx.kernel.spawn(`fio/${j}`, 'writer', (t) => this.writer(t, inode));
    }
  }

  private overLimit(): boolean {
    return (this.dirtyPages + this.writebackPages) * 4096 > this.ctx.p.dirtyBytes;
  }

  /** One fio job: write(2) `bs` at a time, forever; latency is per call, throttling included. */
  private *writer(t: SimThread, inode: Inode): ThreadBody {
    const p = this.ctx.p;
    const L = this.ctx.labels;
    for (;;) {
      const start = this.ctx.kernel.now;
      for (let i = 0; i < p.bsPages; i++) {
        // generic_perform_write: ext4_da_write_begin starts a handle (start_this_handle), copy, write_end.
        yield this.ctx.cpu(t, p.costs.writePageNs, L.write);
        yield t.acquire(this.jStateLock);
        yield this.ctx.cpu(t, p.costs.journalNs, L.journal);
        this.jStateLock.release(t);
        inode.nextDirty = (inode.nextDirty + 1) % inode.span;
        inode.dirtyPages++;
        this.dirtyPages++;
        this.bytes += 4096;
      }
      yield* this.balanceDirtyPages(t, inode);
      this.calls++;
      this.latency.record(this.ctx.kernel.now - start);
    }
  }

  /** balance_dirty_pages_ratelimited: write back a chunk once nr_to_write pages are dirty; over the
   * dirty limit, write back what is left of one's own, then sleep until completions bring it under. */
  private *balanceDirtyPages(t: SimThread, inode: Inode): Gen {
    const nr = this.ctx.p.nrToWrite;
    const toWriteback = (pages: number) => {
      this.dirtyPages -= pages;
      this.writebackPages += pages;
    };
    while (inode.dirtyPages >= nr) yield* this.wb.writepages(t, inode, nr, toWriteback);
    while (this.overLimit()) {
      if (inode.dirtyPages > 0) yield* this.wb.writepages(t, inode, nr, toWriteback);
      else yield t.wait(this.throttle);
    }
  }

  /** end_page_writeback for a finished request's pages: wake throttled writers once under the limit. */
  pagesWritten(pages: number): void {
    this.writebackPages -= pages;
    this.writtenPages += pages;
    if (!this.overLimit()) this.throttle.wakeAll();
  }
}

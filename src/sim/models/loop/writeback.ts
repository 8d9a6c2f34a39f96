// Writeback of the backing file for the buffered modes: a flusher writing dirty extents (merged up to 512K)
// from the start (dirty_background_bytes 0) and balance_dirty_pages above vm.dirty_bytes. It never reads.
import { Fifo } from '../../core/fifo';
import type { SimThread, ThreadBody, Gen } from '../../core/thread';
import { BLOCKED, IDLE } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { Backing } from './backing';
import type { LoopCtx } from './ctx';

interface Extent {
  offset: number;
  pages: number;
}

/** Largest writeback request (max_sectors_kb 512) and requests the flusher keeps in flight. */
const MAX_EXTENT_PAGES = 128;
const MAX_IN_FLIGHT = 32;

export class Writeback {
  dirtyPages = 0;
  writebackPages = 0;
  private inFlight = 0;
  private readonly extents = new Fifo<Extent>();
  private tail: Extent | null = null;
  private readonly flusherWq: WaitQueue;
  readonly throttle: WaitQueue;
  private readonly flusher: SimThread | null = null;

  /** The flusher thread exists only when buffered writes can happen (not for reads, not for dio-aio). */
  constructor(
    private readonly ctx: LoopCtx,
    private readonly backing: Backing,
    buffered: boolean,
  ) {
    this.flusherWq = new WaitQueue(ctx.kernel, 'flush-253:0', IDLE);
    this.throttle = new WaitQueue(ctx.kernel, 'balance_dirty_pages', BLOCKED);
    const writes = ctx.p.rw !== 'read' && ctx.p.rw !== 'randread';
    if (buffered && writes) this.flusher = ctx.kernel.spawn('flush-253:0', 'flusher', (t) => this.flush(t));
  }

  /** __set_page_dirty: the pages join the tail extent when they continue it, else start a new one. */
  dirty(offset: number, pages: number): void {
    const tail = this.tail;
    if (tail && tail.offset + tail.pages * 4096 === offset && tail.pages + pages <= MAX_EXTENT_PAGES)
      tail.pages += pages;
    else {
      this.tail = { offset, pages };
      this.extents.push(this.tail);
    }
    this.dirtyPages += pages;
    if (this.flusher) this.flusherWq.wakeThread(this.flusher);
  }

  private overLimit(): boolean {
    return (this.dirtyPages + this.writebackPages) * 4096 > this.ctx.p.dirtyBytes;
  }

  /** balance_dirty_pages: a writer over the dirty limit sleeps until writeback brings it under. */
  *balanceDirtyPages(t: SimThread): Gen {
    while (this.overLimit()) yield t.wait(this.throttle);
  }

  /** The bdi flusher (wb_writeback -> writeback_sb_inodes): one request per dirty extent. */
  private *flush(t: SimThread): ThreadBody {
    const { costs } = this.ctx.p;
    for (;;) {
      while (this.extents.length === 0 || this.inFlight >= MAX_IN_FLIGHT) yield t.wait(this.flusherWq);
      const e = this.extents.shift() as Extent;
      if (e === this.tail) this.tail = null;
      yield this.ctx.cpu(t, costs.writebackNs * e.pages, this.ctx.labels.writeback);
      this.dirtyPages -= e.pages;
      this.writebackPages += e.pages;
      this.inFlight++;
      yield* this.backing.submit(t, e.offset, e.pages * 4096, true, (irq) => this.endWriteback(irq, e.pages));
    }
  }

  /** end_page_writeback for a finished request: writers under the limit again may go on. */
  private *endWriteback(_t: SimThread, pages: number): Gen {
    this.writebackPages -= pages;
    this.inFlight--;
    if (this.flusher) this.flusherWq.wakeThread(this.flusher);
    if (!this.overLimit()) this.throttle.wakeAll();
  }
}

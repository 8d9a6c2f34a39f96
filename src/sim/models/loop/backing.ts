// The backing file and its device: a readahead-sensitive BlockDevice (vda), its interrupt thread, and the
// two ways loop reads and writes the file: buffered through the page cache, or async O_DIRECT. No loop queueing.
import { BlockDevice } from '../../core/device';
import { IrqThread } from '../../core/irqThread';
import type { Op, SimThread } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { LoopCtx, LoopIo } from './ctx';
import { Writeback } from './writeback';

type Done = (t: SimThread) => Generator<Op, void, void>;

export class Backing {
  readonly device: BlockDevice;
  readonly writeback: Writeback;
  private readonly irq: IrqThread<number>;
  private readonly done: (Done | null)[] = [];
  private readonly freeTags: number[] = [];
  /** Sector just past the last request the device started: the next one there is a readahead hit. */
  private lastEnd = -1;
  seqRequests = 0;
  requests = 0;

  constructor(private readonly ctx: LoopCtx) {
    const p = ctx.p;
    this.device = new BlockDevice(ctx.kernel.sim, 'vda', {
      latencyNs: p.deviceLatencyNs, bandwidthBytesPerSec: p.deviceBandwidth, parallelism: p.deviceParallelism,
    }, (tag) => this.irq.raise(tag), (bytes, sector) => this.serviceTime(bytes, sector));
    this.irq = new IrqThread<number>(ctx.kernel, 'irq/vda', (t, tag) => this.endRequest(t, tag));
    this.writeback = new Writeback(ctx, this, p.mode !== 'dio-aio');
  }

  /** A request that starts where the previous one ended is served from the readahead; any other pays
   * the full latency (a seek on a disk, a host-cache miss on an image). */
  private serviceTime(bytes: number, sector: number): number {
    const p = this.ctx.p;
    const seq = sector === this.lastEnd;
    this.lastEnd = sector + bytes / 512;
    this.requests++;
    if (seq) this.seqRequests++;
    return (seq ? p.deviceSeqLatencyNs : p.deviceLatencyNs) + (bytes * 1e9) / p.deviceBandwidth;
  }

  /** Backing requests submitted and not yet ended (queued, in service, or awaiting the irq thread). */
  get outstanding(): number {
    return this.done.length - this.freeTags.length;
  }

  /** submit_bio to the backing device; `done` runs on the interrupt thread when it completes. */
  submit(offset: number, bytes: number, write: boolean, done: Done | null): void {
    const tag = this.freeTags.pop() ?? this.done.length;
    this.done[tag] = done;
    this.device.submit(tag, bytes, offset / 512, write);
  }

  /** The device interrupt and end_io of each backing request (one irq thread, like a threaded handler). */
  /** The backing request's completion on irq/vda: free its tag, pay the completion, run what waits on it. */
  private *endRequest(t: SimThread, tag: number): Generator<Op, void, void> {
    const done = this.done[tag];
    this.done[tag] = null;
    this.freeTags.push(tag);
    yield this.ctx.cpu(t, this.ctx.p.costs.completionNs, this.ctx.labels.irq);
    if (done) yield* done(t);
  }

  /** Buffered read of the backing file (do_lo_receive / lo_read_simple): each page misses the page cache
   * (find_get_page, add_to_page_cache_lru), one read covers the range, the caller sleeps in
   * wait_on_page_locked until it lands, then copies every page into the loop bio. A phase's pages are one
   * compute with one jitter draw: their costs vary together (same CPU, same cache state). */
  *readBuffered(t: SimThread, wq: WaitQueue, io: LoopIo): Generator<Op, void, void> {
    const { costs } = this.ctx.p;
    const pages = this.ctx.pages(io.bytes);
    yield this.ctx.cpu(t, pages * costs.pageCacheNs, this.ctx.labels.pageCache);
    const state = { done: false };
    this.submit(io.offset, io.bytes, false, function* () {
      state.done = true;
      wq.wakeThread(t);
    });
    while (!state.done) yield t.wait(wq);
    yield this.ctx.cpu(t, pages * costs.copyNs, this.ctx.labels.copy);
  }

  /** Buffered write of the backing file (lo_send / lo_write_simple -> vfs_write): copy into the page
   * cache and dirty it; balance_dirty_pages may make the writer wait for writeback. */
  *writeBuffered(t: SimThread, io: LoopIo): Generator<Op, void, void> {
    const pages = this.ctx.pages(io.bytes);
    yield this.ctx.cpu(t, pages * this.ctx.p.costs.writePageNs, this.ctx.labels.writePage);
    this.writeback.dirty(io.offset, pages);
    yield* this.writeback.balanceDirtyPages(t);
  }

  /** do_req_filebacked for the buffered modes: read or write the file, then complete the IO to fio. */
  *doReqFilebacked(t: SimThread, wq: WaitQueue, io: LoopIo): Generator<Op, void, void> {
    if (io.write) yield* this.writeBuffered(t, io);
    else yield* this.readBuffered(t, wq, io);
    yield* this.ctx.endIo(t, io);
  }

  resetStats(): void {
    this.device.resetStats();
    this.seqRequests = 0;
    this.requests = 0;
  }
}

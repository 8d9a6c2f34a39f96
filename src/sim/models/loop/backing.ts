// The backing file and its device: vda on the shared block layer (src/sim/block: blk-mq, scheduler none,
// merging, completion on one interrupt thread irq/vda), the backing file's readahead, and the two ways loop reads and
// writes the file: buffered through the page cache, or async O_DIRECT. No loop queueing.
import { BlockLayer } from '../../block/blockLayer';
import type { BlockDevice } from '../../block/device';
import type { SimThread, Gen } from '../../core/thread';
import { WaitQueue } from '../../core/waitQueue';
import type { LoopCtx, LoopIo } from './ctx';
import { Writeback } from './writeback';

type Done = (t: SimThread) => Gen;

/** Largest backing request (max_sectors_kb 512, as the writeback's extents). */
const MAX_SECTORS_KB = 512;

export class Backing {
  readonly blk: BlockLayer;
  readonly writeback: Writeback;
  private readonly done: (Done | null)[] = [];
  private readonly freeTags: number[] = [];
  /** First page of each tag's bio, and the latency the readahead gave the bio starting at a page. */
  private readonly pageOf: number[] = [];
  private readonly latencyAt = new Map<number, number>();
  /** Page just past the file's last read or write issued: the next one there is a readahead hit. */
  private lastEnd = -1;
  seqRequests = 0;
  requests = 0;

  constructor(private readonly ctx: LoopCtx) {
    const p = ctx.p;
    const c = p.costs;
    // LOOP_DEVICES are served by loop's own rule (serviceTime): the backing file's readahead latency, then the
    // transfer at device.bandwidth per request in service, as the story was measured. The block layer's
    // flash media (one transfer path for the whole device) spaces 4K completions 10 us apart on ssd-image,
    // so irq/vda, loop0 and fio wake once per IO instead of in batches: dio-aio's CPU per IO would rise above
    // blk-mq's (9,802 vs 9,314 ns; 7,418 vs 8,720 as measured), against the seed's test. No positioning either:
    // the hdd class is latency, readahead and rate.
    const media = {
      kind: 'flash' as const,
      latencyNs: p.deviceLatencyNs,
      readBytesPerSec: p.deviceBandwidth,
      writeBytesPerSec: p.deviceBandwidth,
      parallelism: p.deviceParallelism,
      seekNs: 0,
      rpm: 7200,
    };
    this.blk = new BlockLayer(
      ctx.kernel,
      {
        disks: 1,
        names: ['vda'],
        media,
        blk: 'mq',
        scheduler: 'none',
        maxSectorsKb: MAX_SECTORS_KB,
        // One interrupt thread, as the story was measured: softirq on the submitting CPU, as a thread here,
        // makes dio-aio's one loop0 share its CPU with ksoftirqd for every completion (a wake-up and a switch
        // each), which is not what an interrupt costs, and erases the CPU per IO it saves over blk-mq.
        irqThreads: true,
        // Backing requests in flight are bounded by loop itself (work items, iodepth, the flusher's 32).
        nrRequests: Infinity,
        spanPages: Math.floor(p.size / 4096),
        serviceTime: () => (bytes, page) =>
          (this.latencyAt.get(page) ?? p.deviceLatencyNs) + (bytes * 1e9) / p.deviceBandwidth,
        cpu: (t, ns, label) => ctx.cpu(t, ns, label),
        // submit_bio's cost is loop's own (cost.dio, the page-cache work); the backing device's interrupt and
        // end_io per request is cost.completion.
        costs: {
          submitNs: 0,
          queueLockNs: 0,
          completionNs: c.completionNs,
          handoffNs: c.handoffNs,
          bounceNs: c.bounceNs,
          memcpyBytesPerSec: Infinity,
          memoryBytesPerSec: Infinity,
        },
        endRequestLabel: ctx.labels.irq,
        copyLabel: ctx.labels.copy,
      },
      (t, tag) => this.endRequest(t, tag),
    );
    this.writeback = new Writeback(ctx, this, p.mode !== 'dio-aio');
  }

  get device(): BlockDevice {
    return this.blk.devices[0];
  }

  /** Backing requests waiting for the device now. */
  get queued(): number {
    return this.blk.queues[0].queued;
  }

  /** The backing FILE's readahead, a page-cache effect and so the loop model's, not the device's: decided as
   * loop issues the IO to the file, in that order, above the block layer's queue (which may merge what it
   * likes). An IO that starts where the file's previous one ended finds its pages already being read ahead
   * (device.seq_latency); any other pays the full latency (a seek on a disk, a host-cache miss on an image).
   * A merged request is served at the latency of the bio it starts with. */
  private readahead(bytes: number, page: number): number {
    const p = this.ctx.p;
    const seq = page === this.lastEnd;
    this.lastEnd = page + bytes / 4096;
    this.requests++;
    if (seq) this.seqRequests++;
    return seq ? p.deviceSeqLatencyNs : p.deviceLatencyNs;
  }

  /** Backing requests submitted and not yet ended (queued, in service, or awaiting their completion). */
  get outstanding(): number {
    return this.done.length - this.freeTags.length;
  }

  /** submit_bio to the backing device from `t`; `done` runs where it completes (irq/vda). */
  *submit(t: SimThread, offset: number, bytes: number, write: boolean, done: Done | null): Gen {
    const tag = this.freeTags.pop() ?? this.done.length;
    const page = offset / 4096;
    this.done[tag] = done;
    this.pageOf[tag] = page;
    this.latencyAt.set(page, this.readahead(bytes, page));
    yield* this.blk.submitBio(t, 0, { tag, page, pages: this.ctx.pages(bytes), write }, this.ctx.labels.submit);
  }

  /** A backing bio ended (the block layer paid cost.completion): free its tag, run what waits on it. */
  private *endRequest(t: SimThread, tag: number): Gen {
    const done = this.done[tag];
    this.done[tag] = null;
    this.freeTags.push(tag);
    this.latencyAt.delete(this.pageOf[tag]);
    if (done) yield* done(t);
  }

  /** Buffered read of the backing file (do_lo_receive / lo_read_simple): each page misses the page cache
   * (find_get_page, add_to_page_cache_lru), one read covers the range, the caller sleeps in
   * wait_on_page_locked until it lands, then copies every page into the loop bio. A phase's pages are one
   * compute with one jitter draw: their costs vary together (same CPU, same cache state). */
  *readBuffered(t: SimThread, wq: WaitQueue, io: LoopIo): Gen {
    const { costs } = this.ctx.p;
    const pages = this.ctx.pages(io.bytes);
    yield this.ctx.cpu(t, pages * costs.pageCacheNs, this.ctx.labels.pageCache);
    const state = { done: false };
    yield* this.submit(t, io.offset, io.bytes, false, function* () {
      state.done = true;
      wq.wakeThread(t);
    });
    while (!state.done) yield t.wait(wq);
    yield this.ctx.cpu(t, pages * costs.copyNs, this.ctx.labels.copy);
  }

  /** Buffered write of the backing file (lo_send / lo_write_simple -> vfs_write): copy into the page
   * cache and dirty it; balance_dirty_pages may make the writer wait for writeback. */
  *writeBuffered(t: SimThread, io: LoopIo): Gen {
    const pages = this.ctx.pages(io.bytes);
    yield this.ctx.cpu(t, pages * this.ctx.p.costs.writePageNs, this.ctx.labels.writePage);
    this.writeback.dirty(io.offset, pages);
    yield* this.writeback.balanceDirtyPages(t);
  }

  /** do_req_filebacked for the buffered modes: read or write the file, then complete the IO to fio. */
  *doReqFilebacked(t: SimThread, wq: WaitQueue, io: LoopIo): Gen {
    if (io.write) yield* this.writeBuffered(t, io);
    else yield* this.readBuffered(t, wq, io);
    yield* this.ctx.endIo(t, io);
  }

  resetStats(): void {
    this.blk.resetStats();
    this.seqRequests = 0;
    this.requests = 0;
  }
}

// The legacy single-queue block layer before sda: __make_request under queue_lock, the block plug, request_fn
// dispatch up to the tag depth, and completion (blk_end_request, then the queue is run). No filesystem here.
import { BlockDevice } from '../../core/device';
import { Fifo } from '../../core/fifo';
import { IrqThread } from '../../core/irqThread';
import { Lock, LockClass } from '../../core/lock';
import { QueueStats } from '../../core/stats/queueStats';
import type { Op, SimThread } from '../../core/thread';
import type { Ext4Ctx } from './ctx';

/** A bio: `pages` 4K blocks from device block `page`. */
export interface Bio { page: number; pages: number }
/** A request: merged bios, waiting in the elevator or a plug, or in flight on the device. */
interface Request { page: number; pages: number; bios: number; queuedAt: number }
/** struct blk_plug: requests a task holds back until blk_finish_plug. */
export interface Plug { list: Request[] }

/** BLK_MAX_REQUEST_COUNT: a plug holding this many requests is flushed before it takes another. */
const BLK_MAX_REQUEST_COUNT = 16;

export class RequestQueue {
  readonly queueLockClass = new LockClass('queue_lock', 'spinlock');
  readonly queueLock: Lock;
  readonly device: BlockDevice;
  readonly elevatorStats = new QueueStats('sda elevator');
  private readonly elevator = new Fifo<Request>();
  /** The elevator's merge hash: queued requests by the block just past their end. */
  private readonly byEnd = new Map<number, Request>();
  private readonly tags: (Request | null)[] = [];
  private readonly freeTags: number[] = [];
  private readonly irq: IrqThread<number>;
  /** When the device's one transfer path is next free: latencies overlap, transfers take turns. */
  private channelFreeAt = 0;
  /** generic_make_request calls and the pages they carried, and requests sent to the device. */
  submissions = 0;
  submittedPages = 0;
  dispatched = 0;
  /** Requests held in writers' plugs now, not yet in the elevator (for the UI; observation only). */
  pluggedRequests = 0;

  constructor(private readonly ctx: Ext4Ctx, private readonly onPagesWritten: (pages: number) => void) {
    const p = ctx.p;
    this.queueLock = new Lock(ctx.kernel, this.queueLockClass, { preemptOff: true, handoffNs: p.costs.handoffNs, bounceNs: p.costs.bounceNs });
    for (let i = p.deviceParallelism - 1; i >= 0; i--) {
      this.freeTags.push(i);
      this.tags.push(null);
    }
    this.device = new BlockDevice(ctx.kernel.sim, 'sda', {
      latencyNs: p.deviceLatencyNs, bandwidthBytesPerSec: p.deviceBandwidth, parallelism: p.deviceParallelism,
    }, (tag) => this.irq.raise(tag), (bytes) => this.serviceTime(bytes));
    this.irq = new IrqThread<number>(ctx.kernel, 'irq/sda', (t, tag) => this.endRequest(t, tag));
  }

  /** Latency overlaps across the tags; the transfer waits for the shared path, so the device's bandwidth is
   * an aggregate (one 512K request or 128 4K ones take the same path time). */
  private serviceTime(bytes: number): number {
    const p = this.ctx.p;
    const now = this.ctx.kernel.now;
    this.channelFreeAt = Math.max(now + p.deviceLatencyNs, this.channelFreeAt) + (bytes * 1e9) / p.deviceBandwidth;
    return this.channelFreeAt - now;
  }

  /** generic_make_request -> __make_request: into the task's plug if it has one (attempt_plug_merge, no
   * lock), else under queue_lock: back-merge into a queued request or insert a new one, and run the queue. */
  *makeRequest(t: SimThread, bio: Bio, plug: Plug | null): Generator<Op, void, void> {
    const c = this.ctx.p.costs;
    this.submissions++;
    this.submittedPages += bio.pages;
    if (plug) {
      yield this.ctx.cpu(t, c.plugNs, this.ctx.labels.plug);
      const last = plug.list[plug.list.length - 1];
      if (last && this.canMerge(last, bio)) {
        last.pages += bio.pages;
        last.bios++;
        return;
      }
      if (plug.list.length >= BLK_MAX_REQUEST_COUNT) yield* this.flushPlug(t, plug);
      plug.list.push({ page: bio.page, pages: bio.pages, bios: 1, queuedAt: 0 });
      this.pluggedRequests++;
      return;
    }
    yield t.acquire(this.queueLock);
    yield this.ctx.cpu(t, c.queueLockNs, this.ctx.labels.makeRequest);
    this.elvInsert({ page: bio.page, pages: bio.pages, bios: 1, queuedAt: 0 });
    yield* this.runQueue(t);
    this.queueLock.release(t);
  }

  /** blk_finish_plug -> blk_flush_plug_list: every held request inserted in one queue_lock round trip. */
  *flushPlug(t: SimThread, plug: Plug): Generator<Op, void, void> {
    if (plug.list.length === 0) return;
    yield t.acquire(this.queueLock);
    for (const rq of plug.list) {
      yield this.ctx.cpu(t, this.ctx.p.costs.queueLockNs, this.ctx.labels.makeRequest);
      this.elvInsert(rq);
      this.pluggedRequests--;
    }
    plug.list = [];
    yield* this.runQueue(t);
    this.queueLock.release(t);
  }

  private canMerge(rq: Request, bio: Bio): boolean {
    return rq.page + rq.pages === bio.page && rq.pages + bio.pages <= this.ctx.p.maxRequestPages;
  }

  /** elv_merge (back merge via the hash) or __elv_add_request; called with queue_lock held. */
  private elvInsert(rq: Request): void {
    const back = this.byEnd.get(rq.page);
    if (back && this.canMerge(back, rq)) {
      this.byEnd.delete(rq.page);
      back.pages += rq.pages;
      back.bios += rq.bios;
      this.byEnd.set(back.page + back.pages, back);
      return;
    }
    rq.queuedAt = this.ctx.kernel.now;
    this.elevator.push(rq);
    this.elevatorStats.enter(rq.queuedAt);
    this.byEnd.set(rq.page + rq.pages, rq);
  }

  /** __blk_run_queue -> request_fn: dispatch while the device has free tags; queue_lock held. */
  private *runQueue(t: SimThread): Generator<Op, void, void> {
    while (this.freeTags.length > 0 && this.elevator.length > 0) {
      yield this.ctx.cpu(t, this.ctx.p.costs.dispatchNs, this.ctx.labels.dispatch);
      const rq = this.elevator.shift() as Request;
      const now = this.ctx.kernel.now;
      this.elevatorStats.leave(now, now - rq.queuedAt);
      if (this.byEnd.get(rq.page + rq.pages) === rq) this.byEnd.delete(rq.page + rq.pages);
      const tag = this.freeTags.pop() as number;
      this.tags[tag] = rq;
      this.dispatched++;
      this.device.submit(tag, rq.pages * 4096, rq.page * 8, true);
    }
  }

  /** The interrupt: driver completion, blk_update_request (bio_endio per bio, end_page_writeback per
   * page), blk_finish_request under queue_lock, then the driver runs the queue (scsi_run_queue). */
  /** The request's completion on irq/sda: end_bio and the pages' writeback end, blk_finish_request
   * under the queue_lock, then run the queue again for the freed tag. */
  private *endRequest(t: SimThread, tag: number): Generator<Op, void, void> {
    const c = this.ctx.p.costs;
    const L = this.ctx.labels;
    const rq = this.tags[tag] as Request;
    this.tags[tag] = null;
    yield this.ctx.cpu(t, c.completionNs + rq.bios * c.bioEndNs + rq.pages * c.endPageNs, L.endio);
    this.onPagesWritten(rq.pages);
    yield t.acquire(this.queueLock);
    yield this.ctx.cpu(t, c.endRequestNs, L.endRequest);
    this.freeTags.push(tag);
    this.queueLock.release(t);
    yield t.acquire(this.queueLock);
    yield* this.runQueue(t);
    this.queueLock.release(t);
  }

  resetStats(now: number): void {
    this.device.resetStats();
    this.elevatorStats.reset(now);
    this.submissions = 0;
    this.submittedPages = 0;
    this.dispatched = 0;
  }
}

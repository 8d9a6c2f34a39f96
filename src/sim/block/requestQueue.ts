// One member's request queue (struct request_queue with its blk-mq tag set): requests holding a tag out of
// queue/nr_requests, back and front merging of contiguous bios up to max_sectors_kb and BLK_MAX_SEGMENTS,
// the scheduler (none: FIFO; mq-deadline: sector order per direction, FIFO deadlines, reads before writes
// unless writes are starved), and dispatch to the device while it has a free slot.
import type { BlockDevice } from './device';
import type { Kernel } from '../core/kernel';
import type { RotatingDisk } from './media';
import { QueueStats } from '../core/stats/queueStats';
import { WaitQueue } from '../core/waitQueue';
import { BLOCKED } from '../core/thread';

/** A bio as the block layer sees it: `pages` 4K pages from member page `page`; `tag` is the submitter's. */
export interface BlockBio {
  tag: number;
  page: number;
  pages: number;
  write: boolean;
}

/** struct request: contiguous bios merged, in a plug, in the scheduler, or on the device. */
export interface BlockRequest {
  disk: number;
  page: number;
  pages: number;
  write: boolean;
  tags: number[];
  /** The CPU that submitted it: blk-mq completes it there. */
  cpu: number;
  queuedAt: number;
  /** The driver slot (tag) it holds while on the device. */
  slot?: number;
}

export interface QueueLimits {
  /** min(max_sectors_kb, BLK_MAX_SEGMENTS single-page segments), in 4K pages. */
  maxPages: number;
  nrRequests: number;
  scheduler: 'none' | 'mq-deadline';
  /** Front merges in the scheduler queue (default on). Off, a bio only joins a request it continues: the
   * 2.6.3x noop elevator, whose only merge is the back-merge hash (it has no elevator_merge_fn). */
  frontMerges?: boolean;
  /** Name of the waiting list's queue statistics (default `<device> queue`). */
  statsName?: string;
  /** A rotating disk with Native Command Queuing: up to `depth` requests leave the scheduler for the drive,
   * which serves, one at a time, the one its head reaches first (the device itself has one slot). */
  ncq?: { depth: number; disk: RotatingDisk };
}

/** mq-deadline's defaults: read_expire 500 ms, write_expire 5 s, writes_starved 2. */
const READ_EXPIRE_NS = 500e6;
const WRITE_EXPIRE_NS = 5e9;
const WRITES_STARVED = 2;

export class RequestQueue {
  /** Requests waiting for the device, in arrival order (the FIFO that none dispatches and deadlines read). */
  private readonly waiting: BlockRequest[] = [];
  /** Merge hashes: a waiting request by its first page and by the page just past its end, per direction. */
  private readonly byStart = [new Map<number, BlockRequest>(), new Map<number, BlockRequest>()];
  private readonly byEnd = [new Map<number, BlockRequest>(), new Map<number, BlockRequest>()];
  private readonly inDevice: (BlockRequest | null)[] = [];
  private readonly freeSlots: number[] = [];
  /** mq-deadline: where the last dispatch of each direction ended, and reads dispatched past waiting writes. */
  private readonly nextPage = [0, 0];
  private starved = 0;
  /** Requests holding a tag (in plugs, waiting, on the device); blk_mq_get_tag sleeps at nr_requests. */
  allocated = 0;
  readonly tagWait: WaitQueue;
  /** Since the last reset: bios in, requests to the device, bios merged into another's request, bytes. */
  bios = 0;
  dispatched = 0;
  merges = 0;
  readBytes = 0;
  writeBytes = 0;
  /** Requests waiting for the device: arrivals, length and wait (observation only). */
  readonly waitStats: QueueStats;
  /** Requests in the scheduler, the drive's command queue or service, time-weighted: iostat's aqu-sz. */
  private inFlight = 0;
  private inFlightArea = 0;
  private inFlightSince = 0;
  private measureStart = 0;

  constructor(
    private readonly kernel: Kernel,
    readonly device: BlockDevice,
    readonly limits: QueueLimits,
  ) {
    this.tagWait = new WaitQueue(kernel, `${device.name} tags`, BLOCKED);
    this.waitStats = new QueueStats(limits.statsName ?? `${device.name} queue`);
    for (let i = device.params.parallelism - 1; i >= 0; i--) {
      this.freeSlots.push(i);
      this.inDevice.push(null);
    }
  }

  get queued(): number {
    return this.waiting.length;
  }

  hasTag(): boolean {
    return this.allocated < this.limits.nrRequests;
  }

  /** Whether `bio` can join `rq` at its back or front within the request size limit. */
  canMerge(rq: BlockRequest, bio: BlockBio): 'back' | 'front' | null {
    if (rq.write !== bio.write || rq.pages + bio.pages > this.limits.maxPages) return null;
    if (rq.page + rq.pages === bio.page) return 'back';
    if (bio.page + bio.pages === rq.page) return 'front';
    return null;
  }

  /** Adds `bio` to `rq` (the caller checked canMerge). */
  static join(rq: BlockRequest, bio: BlockBio, where: 'back' | 'front'): void {
    if (where === 'front') rq.page = bio.page;
    rq.pages += bio.pages;
    rq.tags.push(bio.tag);
  }

  /** blk_mq_sched_bio_merge / elv_merge: a bio joins a waiting request through the merge hashes. */
  mergeBio(bio: BlockBio): boolean {
    const dir = bio.write ? 1 : 0;
    const back = this.byEnd[dir].get(bio.page);
    const front = back || this.limits.frontMerges === false ? undefined : this.byStart[dir].get(bio.page + bio.pages);
    const rq = back ?? front;
    if (!rq) return false;
    const where = this.canMerge(rq, bio);
    if (!where) return false;
    this.unhash(rq);
    RequestQueue.join(rq, bio, where);
    this.hash(rq);
    this.merges++;
    return true;
  }

  /** blk_mq_insert_request (or dd_insert_request with elv_attempt_insert_merge): a request from a plug or a
   * submitter joins a contiguous waiting one if it can, freeing its tag, else waits its turn. */
  insert(rq: BlockRequest): void {
    const dir = rq.write ? 1 : 0;
    const back = this.byEnd[dir].get(rq.page);
    if (back && back.pages + rq.pages <= this.limits.maxPages) {
      this.unhash(back);
      back.pages += rq.pages;
      for (const tag of rq.tags) back.tags.push(tag);
      this.hash(back);
      this.merges += rq.tags.length;
      this.releaseTag();
      return;
    }
    rq.queuedAt = this.kernel.now;
    this.countInFlight(1);
    this.waiting.push(rq);
    this.waitStats.enter(rq.queuedAt);
    this.hash(rq);
  }

  /** blk_mq_run_hw_queue: dispatch while the device has a free slot. */
  run(): void {
    while (this.canDispatch()) this.dispatchNext();
  }

  /** Whether a request waits and the device has a free slot for it (with NCQ: room in the drive's queue,
   * or an idle head with commands queued). */
  canDispatch(): boolean {
    const ncq = this.limits.ncq;
    if (ncq)
      return (
        (this.waiting.length > 0 && this.ncqQueue.length < ncq.depth) ||
        (this.freeSlots.length > 0 && this.ncqQueue.length > 0)
      );
    return this.freeSlots.length > 0 && this.waiting.length > 0;
  }

  /** The drive's command queue (NCQ): dispatched by the scheduler, not yet under the head. */
  private readonly ncqQueue: BlockRequest[] = [];

  /** One request to the device (the caller checked canDispatch): the scheduler's pick takes a free slot. */
  dispatchNext(): void {
    const ncq = this.limits.ncq;
    if (ncq && this.waiting.length > 0 && this.ncqQueue.length < ncq.depth) {
      this.ncqQueue.push(this.takeFromScheduler());
      return;
    }
    const rq = ncq ? this.nearestQueued(ncq.disk) : this.takeFromScheduler();
    const slot = this.freeSlots.pop() as number;
    this.inDevice[slot] = rq;
    rq.slot = slot;
    this.device.submit(slot, rq.pages * 4096, rq.page, rq.write);
  }

  /** The scheduler's next request leaves it for the driver (counted as dispatched, as iostat counts it). */
  private takeFromScheduler(): BlockRequest {
    const i = this.limits.scheduler === 'none' ? 0 : this.deadlinePick();
    const rq = this.waiting[i];
    this.waiting.splice(i, 1);
    this.waitStats.leave(this.kernel.now, this.kernel.now - rq.queuedAt);
    this.unhash(rq);
    this.dispatched++;
    if (rq.write) this.writeBytes += rq.pages * 4096;
    else this.readBytes += rq.pages * 4096;
    this.nextPage[rq.write ? 1 : 0] = rq.page + rq.pages;
    return rq;
  }

  /** NCQ's choice: the queued command the head reaches first (ties to the oldest). */
  private nearestQueued(disk: RotatingDisk): BlockRequest {
    const now = this.kernel.now;
    let best = 0;
    let bestNs = Infinity;
    for (let i = 0; i < this.ncqQueue.length; i++) {
      const ns = disk.positioningNs(this.ncqQueue[i].page, now);
      if (ns < bestNs) {
        bestNs = ns;
        best = i;
      }
    }
    return this.ncqQueue.splice(best, 1)[0];
  }

  /** The device finished the request in `slot`: its tag frees (waking a sleeper) and the queue runs again. */
  complete(slot: number): BlockRequest {
    const rq = this.inDevice[slot] as BlockRequest;
    this.inDevice[slot] = null;
    this.countInFlight(-1);
    this.freeSlots.push(slot);
    this.releaseTag();
    this.run();
    return rq;
  }

  /** The legacy driver's view (BlockLayerConfig.requestFn): the device finished the request in `slot`, but
   * its slot stays taken until blk_finish_request (finish), and nothing runs the queue from here. */
  ended(slot: number): BlockRequest {
    return this.inDevice[slot] as BlockRequest;
  }

  /** blk_finish_request: the request's slot and tag free; the caller runs the queue (request_fn). */
  finish(slot: number): void {
    this.inDevice[slot] = null;
    this.countInFlight(-1);
    this.freeSlots.push(slot);
    this.releaseTag();
  }

  releaseTag(): void {
    this.allocated--;
    if (this.tagWait.length > 0) this.tagWait.wakeOne();
  }

  /** dd_dispatch_request: reads first unless writes were passed over WRITES_STARVED times; within the
   * direction the oldest if its deadline passed, else the next request at or after the last one's end. */
  private deadlinePick(): number {
    let oldestRead = -1;
    let oldestWrite = -1;
    for (let i = 0; i < this.waiting.length; i++) {
      if (this.waiting[i].write) {
        if (oldestWrite < 0) oldestWrite = i;
      } else if (oldestRead < 0) oldestRead = i;
      if (oldestRead >= 0 && oldestWrite >= 0) break;
    }
    let write: boolean;
    if (oldestRead >= 0 && (oldestWrite < 0 || this.starved < WRITES_STARVED)) {
      write = false;
      if (oldestWrite >= 0) this.starved++;
    } else {
      write = true;
      this.starved = 0;
    }
    const oldest = write ? oldestWrite : oldestRead;
    const expire = write ? WRITE_EXPIRE_NS : READ_EXPIRE_NS;
    if (this.kernel.now - this.waiting[oldest].queuedAt >= expire) return oldest;
    const from = this.nextPage[write ? 1 : 0];
    let best = -1;
    let lowest = -1;
    for (let i = 0; i < this.waiting.length; i++) {
      const rq = this.waiting[i];
      if (rq.write !== write) continue;
      if (rq.page >= from && (best < 0 || rq.page < this.waiting[best].page)) best = i;
      if (lowest < 0 || rq.page < this.waiting[lowest].page) lowest = i;
    }
    return best >= 0 ? best : lowest;
  }

  private hash(rq: BlockRequest): void {
    const dir = rq.write ? 1 : 0;
    this.byStart[dir].set(rq.page, rq);
    this.byEnd[dir].set(rq.page + rq.pages, rq);
  }

  private unhash(rq: BlockRequest): void {
    const dir = rq.write ? 1 : 0;
    if (this.byStart[dir].get(rq.page) === rq) this.byStart[dir].delete(rq.page);
    if (this.byEnd[dir].get(rq.page + rq.pages) === rq) this.byEnd[dir].delete(rq.page + rq.pages);
  }

  resetStats(): void {
    this.bios = this.dispatched = this.merges = this.readBytes = this.writeBytes = 0;
    this.waitStats.reset(this.kernel.now);
    this.countInFlight(0);
    this.inFlightArea = 0;
    this.measureStart = this.kernel.now;
  }

  private countInFlight(delta: number): void {
    const now = this.kernel.now;
    this.inFlightArea += this.inFlight * (now - this.inFlightSince);
    this.inFlightSince = now;
    this.inFlight += delta;
  }

  /** iostat's aqu-sz since the last reset: requests from insertion to completion, on average. */
  meanInFlight(): number {
    this.countInFlight(0);
    const span = this.kernel.now - this.measureStart;
    return span > 0 ? this.inFlightArea / span : 0;
  }
}

// The block layer under an md array's members, shared by raid5, raid1 and raid10: submit_bio with the
// task's plug (blk_start_plug / blk_finish_plug, flushed also when the task sleeps), merging in the plug and
// in the scheduler, a tag per request out of nr_requests, and completion as blk-mq does it, in softirq on
// the CPU that submitted (ksoftirqd/N here). blk=sq keeps the legacy queue: every submission and completion
// takes the member's queue_lock, and one interrupt thread per member completes (the 2012 series measured
// that). brd has no queue at all: its copy runs in the submitter, which then ends the bio itself.
// Optional, for older kernels' stories (loop, ext4): member names, a model's own CPU-cost function (its jitter)
// and service rule, the plug's limits, and `requestFn`: the 2.6.3x legacy queue as the ext4 story measures it.
import { BlockDevice, type ServiceTime } from './device';
import { IrqThread } from './irqThread';
import type { Kernel } from '../core/kernel';
import { Lock, LockClass, spinlock } from '../core/lock';
import type { Op, SimThread, Gen } from '../core/thread';
import { flashServiceTime, RotatingDisk, type MediaParams } from './media';
import { Plug, type PlugCallback, type PlugLimits } from './plug';
import { RequestQueue, type BlockBio, type BlockRequest } from './requestQueue';
import { memberName } from '../../lib/memberNames';

export interface BlockLayerConfig {
  disks: number;
  media: MediaParams;
  maxSectorsKb: number;
  nrRequests: number;
  scheduler: 'none' | 'mq-deadline';
  blk: 'sq' | 'mq';
  /** The member's span in 4K pages (an HDD's seek distance is a fraction of it). */
  spanPages: number;
  costs: {
    submitNs: number;
    queueLockNs: number;
    completionNs: number;
    handoffNs: number;
    bounceNs: number;
    memcpyBytesPerSec: number;
    memoryBytesPerSec: number;
    plugNs?: number;
  };
  /** Labels of the submitter's and the completion's CPU time. */
  endRequestLabel: number;
  copyLabel: number;
  // Optional, additive (raid5, raid1 and raid10 set none of these):
  /** Member device names (default: the kernel's for media.device, lib/memberNames: nvme0n1.., sdb.., ram0..). */
  names?: string[];
  /** How a CPU cost is paid: a model's jittered compute (default t.compute, exact). */
  cpu?: (t: SimThread, ns: number, label: number) => Op;
  /** A model's own service rule for a member, instead of its media's (loop's backing file readahead). */
  serviceTime?: (disk: number, now: () => number) => ServiceTime;
  /** The plug's flush limits (default today's: 32 requests, 128K). */
  plugLimits?: PlugLimits;
  /** Front merges in the scheduler queue (default on); see QueueLimits.frontMerges. */
  frontMerges?: boolean;
  /** Largest request in single-page segments (default BLK_MAX_SEGMENTS, 128). */
  maxSegments?: number;
  /** Name of each member's waiting list in the queue statistics, after the device name (default 'queue'). */
  queueStatsName?: string;
  /** Label of the CPU time under queue_lock per bio or request inserted (default submit_bio). */
  queueLockLabel?: number;
  /** attempt_plug_merge per bio added to a task's plug (its label, and costs.plugNs). */
  plugLabel?: number;
  /** blk=mq completing on one interrupt thread per member (irq/<name>, no queue_lock) instead of softirq on
   * the submitting CPU: the loop story's backing device, whose CPU-per-IO figures were measured that way. */
  irqThreads?: boolean;
  /** blk=sq as in 2.6.3x (the ext4 story): see RequestFnConfig. */
  requestFn?: RequestFnConfig;
}

/** The legacy single queue of 2.6.3x with its driver (scsi): the queue is run by request_fn under queue_lock
 * in whichever context runs it (the submitter after __make_request, the flusher of a plug, the completion
 * after blk_finish_request), paying `dispatchNs` per request; a plug goes in with one queue_lock round trip
 * per queue (blk_flush_plug_list); a finished request pays, outside the lock, costs.completionNs plus
 * `bioEndNs` per bio and `endPageNs` per page (blk_update_request: bio_endio, end_page_writeback), then
 * `endRequestNs` under queue_lock (blk_finish_request), which frees its driver tag, and the queue runs again. */
export interface RequestFnConfig {
  dispatchNs: number;
  bioEndNs: number;
  endPageNs: number;
  endRequestNs: number;
  dispatchLabel: number;
  endRequestLabel: number;
}

/** BLK_MAX_SEGMENTS: a request of single-page segments (stripe pages, user pages) holds at most 128 pages. */
const BLK_MAX_SEGMENTS = 128;

/** What a finished bio runs, in the completing context (raid5_end_write_request, bi_end_io...). */
export type EndBio = (t: SimThread, tag: number) => Gen;

/** A member now and its cumulative counters, as a snapshot carries it (BlockLayer.memberSnapshot). */
export interface MemberQueue {
  name: string;
  queued: number;
  inService: number;
  parallelism: number;
  busyNs: number;
  bytes: number;
  requests: number;
  merges: number;
}

export class BlockLayer {
  readonly queues: RequestQueue[] = [];
  /** q->queue_lock of each member's legacy request queue (blk=sq), one lock class for all. */
  readonly queueLockClass = new LockClass('queue_lock', 'spinlock');
  private readonly queueLocks: Lock[] = [];
  private readonly plugs = new Map<SimThread, Plug>();
  private readonly memberIrqs: IrqThread<BlockRequest>[] = [];
  private readonly softirqs: IrqThread<BlockRequest>[] = [];
  readonly isBrd: boolean;
  private readonly lQueueLock: number;
  /** When the machine's memory bandwidth is next free: brd copies on many CPUs at once share it. */
  private memoryFreeAt = 0;
  private readonly cpu: (t: SimThread, ns: number, label: number) => Op;

  constructor(
    private readonly kernel: Kernel,
    private readonly cfg: BlockLayerConfig,
    private readonly endBio: EndBio,
  ) {
    this.isBrd = cfg.media.kind === 'brd';
    this.lQueueLock = cfg.queueLockLabel ?? kernel.label('submit_bio');
    this.cpu = cfg.cpu ?? ((t, ns, label) => t.compute(ns, label));
    const maxPages = Math.max(1, Math.min(Math.floor(cfg.maxSectorsKb / 4), cfg.maxSegments ?? BLK_MAX_SEGMENTS));
    const now = () => kernel.now;
    for (let d = 0; d < cfg.disks; d++) {
      const name = cfg.names?.[d] ?? memberName(cfg.media.device ?? '', d);
      this.queueLocks.push(spinlock(kernel, this.queueLockClass, cfg.costs));
      // A rotating disk has one head: device.parallelism is its NCQ depth, the commands it holds and reorders.
      const disk = !cfg.serviceTime && cfg.media.kind === 'hdd' ? new RotatingDisk(cfg.media, cfg.spanPages) : null;
      const service = cfg.serviceTime
        ? cfg.serviceTime(d, now)
        : disk
          ? disk.serviceTime(now)
          : flashServiceTime(cfg.media, now);
      let q: RequestQueue | null = null;
      const device = new BlockDevice(
        kernel.sim,
        name,
        {
          latencyNs: cfg.media.latencyNs,
          bandwidthBytesPerSec: cfg.media.readBytesPerSec,
          parallelism: disk ? 1 : cfg.media.parallelism,
        },
        (slot) => this.deviceDone(q as RequestQueue, slot),
        service,
      );
      q = new RequestQueue(kernel, device, {
        maxPages,
        nrRequests: cfg.nrRequests,
        scheduler: cfg.scheduler,
        frontMerges: cfg.frontMerges,
        statsName: cfg.queueStatsName === undefined ? undefined : `${name} ${cfg.queueStatsName}`,
        ncq: disk ? { depth: cfg.media.parallelism, disk } : undefined,
      });
      this.queues.push(q);
      if (cfg.blk === 'sq' || cfg.irqThreads)
        this.memberIrqs.push(new IrqThread(kernel, `irq/${name}`, (t, rq) => this.completeRequest(t, rq)));
    }
  }

  get devices(): BlockDevice[] {
    return this.queues.map((q) => q.device);
  }

  /** blk_start_plug: a nested plug only deepens the outer one. */
  startPlug(t: SimThread): void {
    const p = this.plugs.get(t);
    if (p) p.depth++;
    else this.plugs.set(t, new Plug(this.cfg.plugLimits));
  }

  /** q->queue_lock of a member's legacy queue (blk=sq). */
  queueLock(disk: number): Lock {
    return this.queueLocks[disk];
  }

  /** blk_finish_plug: the outermost one flushes the callbacks, then the requests. */
  *finishPlug(t: SimThread): Gen {
    const p = this.plugs.get(t);
    if (!p) return;
    if (--p.depth > 0) return;
    this.plugs.delete(t);
    yield* this.flush(t, p);
  }

  /** sched_submit_work -> blk_flush_plug: a task about to sleep flushes what it holds, keeping its plug. */
  *flushOnSleep(t: SimThread): Gen {
    const p = this.plugs.get(t);
    if (p) yield* this.flush(t, p);
  }

  /** blk_check_plugged: the callback `key` owns on the task's plug (made on first use), or null unplugged. */
  checkPlugged<C extends PlugCallback>(t: SimThread, key: object, make: () => C): C | null {
    const p = this.plugs.get(t);
    if (!p) return null;
    let cb = p.callbacks.get(key) as C | undefined;
    if (!cb) {
      cb = make();
      p.callbacks.set(key, cb);
    }
    return cb;
  }

  private *flush(t: SimThread, p: Plug): Gen {
    while (p.callbacks.size > 0) {
      const cbs = [...p.callbacks.values()];
      p.callbacks.clear();
      for (const cb of cbs) yield* cb.run(t);
    }
    yield* this.flushRequests(t, p);
  }

  /** blk_mq_flush_plug_list: each request to its queue (under queue_lock with blk=sq), then run the queues. */
  private *flushRequests(t: SimThread, p: Plug): Gen {
    if (p.requests.length === 0) return;
    const rqs = p.requests;
    p.requests = [];
    p.multipleQueues = false;
    if (this.cfg.requestFn) {
      yield* this.flushLegacy(t, rqs);
      return;
    }
    for (const rq of rqs) {
      if (this.cfg.blk === 'sq') {
        const q = this.queueLocks[rq.disk];
        yield t.acquire(q);
        yield this.cpu(t, this.cfg.costs.queueLockNs, this.lQueueLock);
        this.queues[rq.disk].insert(rq);
        q.release(t);
      } else this.queues[rq.disk].insert(rq);
    }
    for (const q of this.queues) q.run();
  }

  /** blk_flush_plug_list (2.6.39 on): the list sorted by queue, each queue's requests inserted in one
   * queue_lock round trip (costs.queueLockNs each), then queue_unplugged runs request_fn, still under it. */
  private *flushLegacy(t: SimThread, rqs: BlockRequest[]): Gen {
    const sorted = rqs.length > 1 ? [...rqs].sort((a, b) => a.disk - b.disk) : rqs;
    let i = 0;
    while (i < sorted.length) {
      const disk = sorted[i].disk;
      const lock = this.queueLocks[disk];
      yield t.acquire(lock);
      for (; i < sorted.length && sorted[i].disk === disk; i++) {
        yield this.cpu(t, this.cfg.costs.queueLockNs, this.lQueueLock);
        this.queues[disk].insert(sorted[i]);
      }
      yield* this.requestFn(t, this.queues[disk]);
      lock.release(t);
    }
  }

  /** __blk_run_queue -> request_fn, queue_lock held: dispatch while the driver has a free tag, paying
   * requestFn.dispatchNs before each (elv_next_request, blk_start_request, driver prep). */
  private *requestFn(t: SimThread, q: RequestQueue): Gen {
    const rf = this.cfg.requestFn as RequestFnConfig;
    while (q.canDispatch()) {
      yield this.cpu(t, rf.dispatchNs, rf.dispatchLabel);
      if (q.canDispatch()) q.dispatchNext();
    }
  }

  /** submit_bio on the calling thread, which pays for building it (`label`). */
  *submitBio(t: SimThread, disk: number, bio: BlockBio, label: number): Gen {
    const c = this.cfg.costs;
    const q = this.queues[disk];
    q.bios++;
    if (this.isBrd) {
      // brd_submit_bio: copy to or from its pages right here, then bio_endio in this same context.
      yield this.cpu(t, c.submitNs, label);
      yield this.cpu(t, this.copyNs(bio.pages * 4096), this.cfg.copyLabel);
      this.countBrd(q, bio);
      yield this.cpu(t, c.completionNs, this.cfg.endRequestLabel);
      yield* this.endBio(t, bio.tag);
      return;
    }
    const sq = this.cfg.blk === 'sq';
    yield this.cpu(t, sq ? Math.max(0, c.submitNs - c.queueLockNs) : c.submitNs, label);
    const plug = this.plugs.get(t);
    if (plug && c.plugNs) yield this.cpu(t, c.plugNs, this.cfg.plugLabel ?? label);
    if (plug) {
      const last = plug.lastFor(disk);
      const where = last && q.canMerge(last, bio);
      if (last && where) {
        // blk_attempt_plug_merge
        RequestQueue.join(last, bio, where);
        q.merges++;
        return;
      }
    } else if (!sq && q.mergeBio(bio)) return;
    while (!q.hasTag()) {
      // blk_mq_get_tag: sleep until a request completes (the plug is flushed first)
      yield* this.flushOnSleep(t);
      yield t.wait(q.tagWait);
    }
    q.allocated++;
    const rq: BlockRequest = {
      disk,
      page: bio.page,
      pages: bio.pages,
      write: bio.write,
      tags: [bio.tag],
      cpu: t.cpu?.index ?? 0,
      queuedAt: this.kernel.now,
    };
    if (plug) {
      if (plug.full()) yield* this.flushRequests(t, plug);
      plug.add(rq);
      return;
    }
    if (sq) {
      // __make_request: elevator merge or insert under the queue_lock
      const lock = this.queueLocks[disk];
      yield t.acquire(lock);
      yield this.cpu(t, c.queueLockNs, this.lQueueLock);
      if (q.mergeBio(bio)) q.releaseTag();
      else q.insert(rq);
      if (this.cfg.requestFn) yield* this.requestFn(t, q);
      else q.run();
      lock.release(t);
      return;
    }
    q.insert(rq);
    q.run();
  }

  /** A request issued without a submitting task's plug or CPU cost (metadata, resync set up elsewhere):
   * it merges or queues at once; the tag limit is not waited for. */
  start(disk: number, bio: BlockBio): void {
    const q = this.queues[disk];
    q.bios++;
    if (!this.isBrd && q.mergeBio(bio)) return;
    q.allocated++;
    const rq: BlockRequest = {
      disk,
      page: bio.page,
      pages: bio.pages,
      write: bio.write,
      tags: [bio.tag],
      cpu: 0,
      queuedAt: this.kernel.now,
    };
    if (this.isBrd) {
      // no task to copy in: complete through the softirq path at once
      this.countBrd(q, bio);
      this.raiseCompletion(rq);
      q.allocated--;
      return;
    }
    q.insert(rq);
    q.run();
  }

  /** iostat still counts brd's bios (r/s, w/s, bytes), though nothing queues. */
  private countBrd(q: RequestQueue, bio: BlockBio): void {
    q.device.ops++;
    q.device.bytes += bio.pages * 4096;
    if (bio.write) q.writeBytes += bio.pages * 4096;
    else q.readBytes += bio.pages * 4096;
  }

  /** A memcpy of `bytes`: one core's copy speed, unless the copies of every CPU together exceed the
   * machine's memory bandwidth; then the core stalls on memory (still busy) until its share has moved. */
  private copyNs(bytes: number): number {
    const now = this.kernel.now;
    const c = this.cfg.costs;
    this.memoryFreeAt = Math.max(now, this.memoryFreeAt) + (bytes * 1e9) / c.memoryBytesPerSec;
    return Math.max((bytes * 1e9) / c.memcpyBytesPerSec, this.memoryFreeAt - now);
  }

  private deviceDone(q: RequestQueue, slot: number): void {
    this.raiseCompletion(this.cfg.requestFn ? q.ended(slot) : q.complete(slot));
  }

  private raiseCompletion(rq: BlockRequest): void {
    if (this.cfg.blk === 'sq' || this.cfg.irqThreads) {
      this.memberIrqs[rq.disk].raise(rq);
      return;
    }
    while (this.softirqs.length <= rq.cpu) {
      const n = this.softirqs.length;
      this.softirqs.push(new IrqThread(this.kernel, `ksoftirqd/${n}`, (t, r) => this.completeRequest(t, r)));
    }
    this.softirqs[rq.cpu].raise(rq);
  }

  /** blk_mq_complete_request -> bio_endio of every merged bio (with blk=sq, blk_finish_request under the
   * queue_lock first). */
  private *completeRequest(t: SimThread, rq: BlockRequest): Gen {
    if (this.cfg.requestFn) {
      yield* this.completeLegacy(t, rq);
      return;
    }
    if (this.cfg.blk === 'sq') {
      const lock = this.queueLocks[rq.disk];
      yield t.acquire(lock);
      yield this.cpu(t, this.cfg.costs.queueLockNs / 2, this.lQueueLock);
      lock.release(t);
    }
    for (const tag of rq.tags) {
      yield this.cpu(t, this.cfg.costs.completionNs, this.cfg.endRequestLabel);
      yield* this.endBio(t, tag);
    }
  }

  /** The 2.6.3x completion (requestFn): the driver's completion and blk_update_request outside the lock,
   * one pass over the request's bios and pages; blk_finish_request under queue_lock frees the driver tag;
   * then the driver runs the queue again (scsi_run_queue), taking the lock anew. */
  private *completeLegacy(t: SimThread, rq: BlockRequest): Gen {
    const rf = this.cfg.requestFn as RequestFnConfig;
    const q = this.queues[rq.disk];
    const lock = this.queueLocks[rq.disk];
    yield this.cpu(
      t,
      this.cfg.costs.completionNs + rq.tags.length * rf.bioEndNs + rq.pages * rf.endPageNs,
      this.cfg.endRequestLabel,
    );
    for (const tag of rq.tags) yield* this.endBio(t, tag);
    yield t.acquire(lock);
    yield this.cpu(t, rf.endRequestNs, rf.endRequestLabel);
    q.finish(rq.slot as number);
    lock.release(t);
    yield t.acquire(lock);
    yield* this.requestFn(t, q);
    lock.release(t);
  }

  /** Per member, since the last reset: aqu-sz, bytes each way, merges, mean request size (iostat). */
  memberFigures(
    disk: number,
    measuredNs: number,
  ): {
    meanQueueDepth: number;
    readBytesPerSec: number;
    writeBytesPerSec: number;
    meanRequestBytes: number;
    mergesPerSec: number;
  } {
    const q = this.queues[disk];
    const sec = measuredNs / 1e9;
    const requests = this.requestsOf(q);
    const r = (x: number) => Math.round(x * 10) / 10;
    return {
      // aqu-sz as iostat reads it: from the request's insertion (the scheduler counts) to its completion
      meanQueueDepth: Math.round(q.meanInFlight() * 1000) / 1000,
      readBytesPerSec: Math.round(q.readBytes / sec),
      writeBytesPerSec: Math.round(q.writeBytes / sec),
      meanRequestBytes: requests > 0 ? r((q.readBytes + q.writeBytes) / requests) : 0,
      mergesPerSec: r(q.merges / sec),
    };
  }

  resetStats(): void {
    for (const q of this.queues) {
      q.device.resetStats();
      q.resetStats();
    }
  }

  /** Requests a member served: those sent to its device, or for brd, which has no queue, each bio. */
  private requestsOf(q: RequestQueue): number {
    return this.isBrd ? q.bios : q.dispatched;
  }

  /** Each member now (queued, in service) and its cumulative counters since the last stats reset: busy time,
   * bytes, requests sent to the device (brd has no queue: each bio is one) and bios merged, which the state
   * layer differences into recent utilisation, areq-sz and merges/s. Observation only. */
  memberSnapshot(now: number): MemberQueue[] {
    return this.queues.map((q) => ({
      name: q.device.name,
      queued: q.queued,
      inService: q.device.inService,
      parallelism: q.device.params.parallelism,
      busyNs: q.device.utilisation() * now,
      bytes: q.readBytes + q.writeBytes,
      requests: this.requestsOf(q),
      merges: q.merges,
    }));
  }

  /** Requests held in tasks' plugs now (for the UI; observation only). */
  plugged(): number {
    let n = 0;
    for (const p of this.plugs.values()) n += p.requests.length;
    return n;
  }
}

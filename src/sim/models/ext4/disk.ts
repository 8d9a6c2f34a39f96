// sda under ext4: the shared block layer (src/sim/block) as the 2.6.3x legacy single queue (blk=sq with
// requestFn): __make_request under queue_lock, the noop elevator's back merges, the 16-request plug, request_fn
// dispatch up to the tag depth, completion on irq/sda. This file only states ext4's costs and labels for it,
// counts what writeback submits, and turns each finished bio back into written pages. No filesystem here.
import { BlockLayer } from '../../block/blockLayer';
import { LEGACY_PLUG_LIMITS } from '../../block/plug';
import type { BlockDevice } from '../../block/device';
import type { Lock, LockClass } from '../../core/lock';
import type { QueueStats } from '../../core/stats/queueStats';
import type { SimThread, Gen } from '../../core/thread';
import type { Ext4Ctx } from './ctx';

/** A bio: `pages` 4K blocks from device block `page`. */
export interface Bio {
  page: number;
  pages: number;
}

export class Ext4Disk {
  readonly blk: BlockLayer;
  /** Pages of each bio in flight, by the tag it was submitted with. */
  private readonly pagesOf: number[] = [];
  private readonly freeTags: number[] = [];
  /** generic_make_request calls and the pages they carried, since the last reset. */
  submissions = 0;
  submittedPages = 0;

  constructor(
    private readonly ctx: Ext4Ctx,
    private readonly onPagesWritten: (pages: number) => void,
  ) {
    const p = ctx.p;
    const c = p.costs;
    const L = ctx.labels;
    this.blk = new BlockLayer(
      ctx.kernel,
      {
        disks: 1,
        names: ['sda'],
        blk: 'sq',
        scheduler: 'none',
        frontMerges: false,
        // EXT4_DEVICES are flash-like by their own definition (the hdd one streams without seeks): latencies
        // overlap across the tags, transfers share the device's one path.
        media: {
          kind: 'flash',
          latencyNs: p.deviceLatencyNs,
          readBytesPerSec: p.deviceBandwidth,
          writeBytesPerSec: p.deviceBandwidth,
          parallelism: p.deviceParallelism,
          seekNs: 0,
          rpm: 7200,
        },
        // max_sectors is the only request limit here (no separate segment limit), as the model always had it.
        maxSectorsKb: p.maxRequestPages * 4,
        maxSegments: p.maxRequestPages,
        // The 2.6.3x request pool (nr_requests 128 per direction) is not modelled: the elevator is unbounded.
        nrRequests: Infinity,
        spanPages: Math.floor(p.size / 4096),
        plugLimits: LEGACY_PLUG_LIMITS,
        queueStatsName: 'elevator',
        cpu: (t, ns, label) => ctx.cpu(t, ns, label),
        // submit_bio's own cost is ext4's (cost.bio_submit, cost.buffer), paid before it calls in here.
        costs: {
          submitNs: 0,
          queueLockNs: c.queueLockNs,
          completionNs: c.completionNs,
          plugNs: c.plugNs,
          handoffNs: c.handoffNs,
          bounceNs: c.bounceNs,
          memcpyBytesPerSec: Infinity,
          memoryBytesPerSec: Infinity, // no brd here
        },
        queueLockLabel: L.makeRequest,
        plugLabel: L.plug,
        endRequestLabel: L.endio,
        copyLabel: L.endio,
        requestFn: {
          dispatchNs: c.dispatchNs,
          bioEndNs: c.bioEndNs,
          endPageNs: c.endPageNs,
          endRequestNs: c.endRequestNs,
          dispatchLabel: L.dispatch,
          endRequestLabel: L.endRequest,
        },
      },
      (t, tag) => this.endBio(t, tag),
    );
  }

  get device(): BlockDevice {
    return this.blk.devices[0];
  }

  get queueLockClass(): LockClass {
    return this.blk.queueLockClass;
  }

  get queueLock(): Lock {
    return this.blk.queueLock(0);
  }

  /** The elevator's waiting requests (queue statistics; the result's `sda elevator` row). */
  get elevatorStats(): QueueStats {
    return this.blk.queues[0].waitStats;
  }

  /** Requests sent to the device since the last reset. */
  get dispatched(): number {
    return this.blk.queues[0].dispatched;
  }

  /** Requests held in writers' plugs now, not yet in the elevator (for the UI; observation only). */
  get pluggedRequests(): number {
    return this.blk.plugged();
  }

  /** blk_start_plug around a writeback pass. */
  startPlug(t: SimThread): void {
    this.blk.startPlug(t);
  }

  /** blk_finish_plug: the held requests go in with one queue_lock round trip. */
  *finishPlug(t: SimThread): Gen {
    yield* this.blk.finishPlug(t);
  }

  /** generic_make_request -> __make_request: into the task's plug if it holds one, else under queue_lock. */
  *makeRequest(t: SimThread, bio: Bio): Gen {
    this.submissions++;
    this.submittedPages += bio.pages;
    const tag = this.freeTags.pop() ?? this.pagesOf.length;
    this.pagesOf[tag] = bio.pages;
    yield* this.blk.submitBio(
      t,
      0,
      { tag, page: bio.page, pages: bio.pages, write: true },
      this.ctx.labels.makeRequest,
    );
  }

  /** bio_endio of one bio of a finished request: end_page_writeback for its pages (paid with the request). */
  private *endBio(_t: SimThread, tag: number): Gen {
    const pages = this.pagesOf[tag];
    this.freeTags.push(tag);
    this.onPagesWritten(pages);
  }

  resetStats(): void {
    this.blk.resetStats();
    this.submissions = 0;
    this.submittedPages = 0;
  }
}

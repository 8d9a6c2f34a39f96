// Member disks of a mirror and their completion path: submit_bio on the caller's CPU through the shared block
// layer (src/sim/block: plug, merging, tags, the device classes, completion in softirq on the submitting CPU),
// and each member bio's end_io work. Knows no raid layout and never chooses where a copy goes.
import type { BlockDevice } from '../../block/device';
import type { Kernel } from '../../core/kernel';
import type { SimThread, Gen } from '../../core/thread';
import { BlockLayer } from '../../block/blockLayer';
import type { MirrorConf } from './conf';

/** What runs in the completing context when the member bio ends. */
export type EndIo = (t: SimThread) => Gen | null;

export class MirrorIo {
  readonly blk: BlockLayer;
  private readonly ends: (EndIo | null)[] = [];
  private readonly freeTags: number[] = [];
  readBytes = 0;
  writeBytes = 0;
  syncBytes = 0;
  metaBytes = 0;
  /** Bytes of array (non-resync) IO since the start: what is_mddev_idle watches. */
  nonSyncBytes = 0;

  constructor(
    kernel: Kernel,
    private readonly conf: MirrorConf,
    memberPages: number,
    copyLabel: number,
  ) {
    const p = conf.p;
    const c = p.costs;
    this.blk = new BlockLayer(
      kernel,
      {
        disks: p.disks,
        media: p.media,
        maxSectorsKb: p.maxSectorsKb,
        nrRequests: p.nrRequests,
        scheduler: p.scheduler,
        blk: 'mq',
        spanPages: memberPages,
        endRequestLabel: conf.labels.endRequest,
        copyLabel,
        costs: {
          submitNs: c.submitNs,
          queueLockNs: 0,
          completionNs: c.completionNs,
          handoffNs: c.handoffNs,
          bounceNs: c.bounceNs,
          memcpyBytesPerSec: p.memcpyBytesPerSec,
          memoryBytesPerSec: p.memoryBytesPerSec,
        },
      },
      (t, tag) => this.endRequest(t, tag),
    );
  }

  get members(): BlockDevice[] {
    return this.blk.devices;
  }

  private tagFor(bytes: number, write: boolean, kind: 'data' | 'sync' | 'meta', end: EndIo): number {
    const tag = this.freeTags.pop() ?? this.ends.length;
    this.ends[tag] = end;
    if (kind === 'sync') this.syncBytes += bytes;
    else if (kind === 'meta') this.metaBytes += bytes;
    else if (write) this.writeBytes += bytes;
    else this.readBytes += bytes;
    if (kind !== 'sync') this.nonSyncBytes += bytes;
    return tag;
  }

  /** Queues a request on a member without a submitting task (metadata written from a callback). */
  start(disk: number, page: number, bytes: number, write: boolean, kind: 'data' | 'sync' | 'meta', end: EndIo): void {
    this.blk.start(disk, {
      tag: this.tagFor(bytes, write, kind, end),
      page,
      pages: Math.max(1, Math.ceil(bytes / 4096)),
      write,
    });
  }

  /** submit_bio on the calling thread, which pays for it. */
  *submit(
    t: SimThread,
    disk: number,
    page: number,
    bytes: number,
    write: boolean,
    kind: 'data' | 'sync',
    end: EndIo,
  ): Gen {
    const tag = this.tagFor(bytes, write, kind, end);
    yield* this.blk.submitBio(
      t,
      disk,
      { tag, page, pages: Math.max(1, Math.ceil(bytes / 4096)), write },
      this.conf.labels.submit,
    );
  }

  /** A member bio's end: free its tag and run its end_io (the block layer paid the completion). */
  private *endRequest(t: SimThread, tag: number): Gen {
    const end = this.ends[tag] as EndIo;
    this.ends[tag] = null;
    this.freeTags.push(tag);
    const g = end(t);
    if (g) yield* g;
  }

  /** Requests queued or in service on a member (read balancing picks the shorter). */
  depth(disk: number): number {
    const q = this.blk.queues[disk];
    return q.queued + q.device.inService;
  }

  inFlight(): number {
    return this.ends.length - this.freeTags.length;
  }

  resetStats(): void {
    this.blk.resetStats();
    this.readBytes = this.writeBytes = this.syncBytes = this.metaBytes = 0;
  }
}

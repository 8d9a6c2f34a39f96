// Member disks of a raid5 array and their completion path: ops_run_io and the chunk-aligned read's
// submit_bio go through the shared block layer (src/sim/block: plug, merging, tags, the device classes);
// what a finished member bio runs is here: raid5_end_read_request / raid5_end_write_request, or bio_endio.
import type { BlockDevice } from '../../block/device';
import type { Kernel } from '../../core/kernel';
import type { SimThread, Gen } from '../../core/thread';
import { BlockLayer } from '../../block/blockLayer';
import type { Bio } from './bio';
import type { R5Conf } from './conf';
import { raid5ReleaseStripe } from './release';
import { atomicOnLine } from './makeRequest';
import { R5_LOCKED, R5_UPTODATE, STRIPE_HANDLE, type StripeHead } from './stripeHead';

/** One member bio: a piece of a bio read directly (chunk-aligned read) or a stripe's dev IO. */
export interface Req {
  bio: Bio | null;
  sh: StripeHead | null;
  dev: number;
  write: boolean;
  /** A metadata write (md_super_write for the bitmap): what its completion runs. */
  done?: () => void;
  /** Where it goes on member `dev` (4K pages) and how many bytes, for the layout invariants. */
  page?: number;
  bytes?: number;
}

export class MemberIo {
  readonly blk: BlockLayer;
  private readonly reqs: (Req | null)[] = [];
  private readonly freeTags: number[] = [];
  readBytes = 0;
  writeBytes = 0;
  submitted = 0;
  /** Member bytes since the start, never reset (is_mddev_idle compares them). */
  lifetimeBytes = 0;

  constructor(
    kernel: Kernel,
    private readonly conf: R5Conf,
    private readonly onBioPieceDone: (bio: Bio) => void,
    memberPages: number,
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
        blk: p.blk,
        spanPages: memberPages,
        endRequestLabel: conf.labels.endRequest,
        copyLabel: conf.labels.brdCopy,
        costs: {
          submitNs: c.submitNs,
          queueLockNs: c.queueLockNs,
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

  get queueLockClass() {
    return this.blk.queueLockClass;
  }

  private tagFor(req: Req, bytes: number): number {
    const tag = this.freeTags.pop() ?? this.reqs.length;
    this.reqs[tag] = req;
    this.submitted++;
    this.lifetimeBytes += bytes;
    if (req.write) this.writeBytes += bytes;
    else this.readBytes += bytes;
    return tag;
  }

  /** A metadata write (md_super_write) queued without a submitting task. */
  submit(disk: number, req: Req, page: number, bytes: number): void {
    this.blk.start(disk, {
      tag: this.tagFor(req, bytes),
      page,
      pages: Math.max(1, Math.ceil(bytes / 4096)),
      write: req.write,
    });
  }

  *submitDirectRead(t: SimThread, bio: Bio, disk: number, page: number, bytes: number): Gen {
    const tag = this.tagFor({ bio, sh: null, dev: disk, write: false, page, bytes }, bytes);
    yield* this.blk.submitBio(
      t,
      disk,
      { tag, page, pages: Math.max(1, Math.ceil(bytes / 4096)), write: false },
      this.conf.labels.directRead,
    );
  }

  /** ops_run_io for one stripe unit (4K) of a stripe_head to or from member `dev`. */
  *submitStripeIo(t: SimThread, sh: StripeHead, dev: number, write: boolean): Gen {
    if (sh.history)
      sh.history.push(
        `${(this.conf.kernel.now / 1e6).toFixed(6)} ms: ${write ? 'write to' : 'read from'} ${this.members[dev].name} submitted by ${t.name}`,
      );
    const tag = this.tagFor({ bio: null, sh, dev, write, page: sh.sector, bytes: 4096 }, 4096);
    yield* this.blk.submitBio(t, dev, { tag, page: sh.sector, pages: 1, write }, this.conf.labels.submit);
  }

  /** raid5_end_read_request / raid5_end_write_request, or the chunk-aligned read's endio. */
  private *endRequest(t: SimThread, tag: number): Gen {
    const req = this.reqs[tag] as Req;
    this.reqs[tag] = null;
    this.freeTags.push(tag);
    if (req.done) {
      req.done();
      return;
    }
    if (req.bio) {
      yield* atomicOnLine(t, this.conf); // raid5_align_endio: atomic_dec_and_test(&conf->active_aligned_reads)
      this.onBioPieceDone(req.bio);
      return;
    }
    const sh = req.sh as StripeHead;
    const dev = sh.devs[req.dev];
    if (!req.write) dev.flags |= R5_UPTODATE;
    dev.flags &= ~R5_LOCKED;
    sh.ioInFlight--;
    sh.state |= STRIPE_HANDLE;
    if (sh.history)
      sh.history.push(
        `${(this.conf.kernel.now / 1e6).toFixed(6)} ms: ${req.write ? 'write to' : 'read from'} ${this.members[req.dev].name} done`,
      );
    const head = sh.batchHead;
    yield* raid5ReleaseStripe(this.conf, t, sh);
    // raid5_end_write_request: a batch member's bio also held a reference on its head
    if (head && head !== sh) yield* raid5ReleaseStripe(this.conf, t, head);
  }

  resetStats(): void {
    this.blk.resetStats();
    this.readBytes = 0;
    this.writeBytes = 0;
    this.submitted = 0;
  }

  /** Each member bio in flight (read-only, for the invariants). */
  forEachInFlight(f: (r: Readonly<Req>) => void): void {
    for (const r of this.reqs) if (r) f(r);
  }

  inFlight(): number {
    return this.reqs.length - this.freeTags.length;
  }
}
